import { ticketDurationRollups, type Executor } from '@rapport/db';
import { durationBucket } from '@rapport/scoring';
import { sql } from 'drizzle-orm';
import { localDay } from './rollups';
import { getSettings } from './settings';

/** What of a ticket the duration histogram counts. */
export interface TicketTimes {
  teamId: string | null;
  openedAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
}

export type DurationMeasure = (typeof ticketDurationRollups.measure.enumValues)[number];

/** One histogram row's key and how many tickets to add to it (negative: take away). */
export interface TicketRollupChange {
  measure: DurationMeasure;
  /** Organisation-local date, YYYY-MM-DD. */
  day: string;
  teamId: string | null;
  /** The bucket's lower bound in minutes (`durationBucket`). */
  bucket: number;
  tickets: number;
}

const MINUTE = 60_000;

/** The histogram rows one ticket counts in: at most one per measure. */
function contributions(t: TicketTimes, timeZone: string, sign: 1 | -1): TicketRollupChange[] {
  const rows: TicketRollupChange[] = [];
  const minutes = (until: Date) => (until.getTime() - t.openedAt.getTime()) / MINUTE;
  if (t.firstResponseAt) {
    rows.push({
      measure: 'first_response',
      day: localDay(t.openedAt, timeZone),
      teamId: t.teamId,
      bucket: durationBucket(minutes(t.firstResponseAt)).lower,
      tickets: sign,
    });
  }
  if (t.resolvedAt) {
    rows.push({
      measure: 'resolution',
      day: localDay(t.resolvedAt, timeZone),
      teamId: t.teamId,
      bucket: durationBucket(minutes(t.resolvedAt)).lower,
      tickets: sign,
    });
  }
  return rows;
}

const keyOf = (c: TicketRollupChange) => `${c.measure}|${c.day}|${c.teamId ?? ''}|${c.bucket}`;

/**
 * How a ticket write moves `ticket_duration_rollups`: the ticket as it was (null for a new one)
 * taken out, as it is now (null for a deleted one) put in. First response counts on the local day
 * the ticket opened, resolution on the day it was resolved, each in the bucket of its duration from
 * opening (`durationBucket`; a negative one counts as 0); a ticket without that time counts nothing
 * there. Rows that cancel out are dropped, so a write that changes none of the four fields gives [];
 * the rest come sorted by key, so concurrent writers lock shared rows in the same order.
 *
 * @example
 * ticketDurationDelta(null, { teamId, openedAt, firstResponseAt: null, resolvedAt: null }, 'UTC'); // []
 * ticketDurationDelta(open, { ...open, firstResponseAt: new Date(open.openedAt.getTime() + 90 * 60_000) }, 'UTC');
 * // [{ measure: 'first_response', day: '2026-05-02', teamId, bucket: 90, tickets: 1 }]
 */
export function ticketDurationDelta(
  before: TicketTimes | null,
  after: TicketTimes | null,
  timeZone: string,
): TicketRollupChange[] {
  const sum = new Map<string, TicketRollupChange>();
  for (const c of [
    ...(before ? contributions(before, timeZone, -1) : []),
    ...(after ? contributions(after, timeZone, 1) : []),
  ]) {
    const key = keyOf(c);
    const seen = sum.get(key);
    if (seen) seen.tickets += c.tickets;
    else sum.set(key, { ...c });
  }
  return [...sum.entries()]
    .filter(([, c]) => c.tickets !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}

/**
 * Adds a delta to the histogram, creating rows as needed (a row that falls to 0 stays, as in
 * daily_rollups). Call it in the transaction that writes the ticket, so the histogram can never
 * disagree with the tickets it counts.
 */
export async function addToTicketRollups(tx: Executor, delta: TicketRollupChange[]): Promise<void> {
  if (delta.length === 0) return;
  await tx
    .insert(ticketDurationRollups)
    .values(delta)
    .onConflictDoUpdate({
      target: [
        ticketDurationRollups.measure,
        ticketDurationRollups.day,
        ticketDurationRollups.teamId,
        ticketDurationRollups.bucket,
      ],
      set: { tickets: sql.raw('"ticket_duration_rollups"."tickets" + excluded."tickets"') },
    });
}

const sameTimes = (a: TicketTimes | null, b: TicketTimes | null) =>
  a !== null &&
  b !== null &&
  a.teamId === b.teamId &&
  a.openedAt.getTime() === b.openedAt.getTime() &&
  a.firstResponseAt?.getTime() === b.firstResponseAt?.getTime() &&
  a.resolvedAt?.getTime() === b.resolvedAt?.getTime();

/**
 * Carries one ticket write into the histogram, in the organisation's time zone: what every code
 * path that inserts, updates or deletes a ticket calls, in its transaction, with the row before
 * and after. A write that leaves the times and team alone costs no query.
 *
 * @example
 * const [row] = await tx.update(tickets).set(values).where(eq(tickets.id, id)).returning();
 * await recordTicketDurations(tx, existing, row);
 */
export async function recordTicketDurations(
  tx: Executor,
  before: TicketTimes | null,
  after: TicketTimes | null,
): Promise<void> {
  if (sameTimes(before, after)) return;
  const { timeZone } = await getSettings(tx);
  await addToTicketRollups(tx, ticketDurationDelta(before, after, timeZone));
}
