import { periodKey, periodRange } from '@rapport/scoring';
import { ValidationError } from '../errors';

/**
 * A calendar date (`YYYY-MM-DD`) plus whole days. Dates are labels, not instants, so this is plain
 * calendar arithmetic, free of any time zone.
 *
 * @example
 * addDays('2026-12-15', 30); // '2027-01-14'
 */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

/** Today's date in the organisation's time zone. */
export function todayIn(timeZone: string, now: Date): string {
  return periodKey(now, 'day', timeZone);
}

export interface QuarterBounds {
  /** The quarter's first calendar day. */
  firstDay: string;
  /** Local midnight starting the quarter, and the one starting the next (exclusive). */
  start: Date;
  end: Date;
}

/**
 * The bounds of `2026-Q4` in a time zone; a quarter the calendar cannot hold (year 0000) is a
 * validation error on `quarter`.
 */
export function quarterBounds(quarter: string, timeZone: string): QuarterBounds {
  const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
  let range: { start: Date; end: Date } | null = null;
  try {
    range = match ? periodRange(quarter, timeZone) : null;
  } catch {
    range = null;
  }
  if (!match || !range) {
    const message = 'Write the quarter as the year and Q1..Q4, like 2026-Q4.';
    throw new ValidationError(message, [{ path: 'quarter', message }]);
  }
  const month = (Number(match[2]) - 1) * 3 + 1;
  return { firstDay: `${match[1]}-${String(month).padStart(2, '0')}-01`, ...range };
}
