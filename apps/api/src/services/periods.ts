import { periodRange } from '@rapport/scoring';

/**
 * The instants bounding organisation-local dates `from`..`to` (inclusive): [start of from, start of
 * the day after to), so a day is whole whatever its length across DST changes.
 */
export function localDateRange(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  return { start: periodRange(from, timeZone).start, end: periodRange(to, timeZone).end };
}
