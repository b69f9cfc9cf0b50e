import { DURATION_TIERS, MAX_DURATION_MINUTES } from '@rapport/scoring';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from './client';
import { ticketDurationRollups } from './schema/report-rollups';
import { settingsTimeZone } from './settings-time-zone';
import { tickets } from './schema/tickets';

/**
 * `durationBucket(minutes).lower` of @rapport/scoring as an SQL integer expression, generated from
 * the same tier table: the duration clamped to [0, MAX_DURATION_MINUTES], then ⌊m / width⌋ · width
 * with the width of its tier. `minutes` must be a float8 worked out as JavaScript does (see
 * `minutesBetweenSql`): the same IEEE operations then give the same bucket, bit for bit. It is read
 * once per tier, so pass a column (or a constant), not a computation.
 *
 * @example
 * sql`select ${durationBucketSql(sql`185::float8`)}`; // 185
 */
export function durationBucketSql(minutes: SQLWrapper): SQL {
  const last = DURATION_TIERS[DURATION_TIERS.length - 1] ?? { from: 0, width: 1 };
  const n = (value: number) => sql.raw(String(value));
  const cases = [
    sql`when ${minutes} >= ${n(MAX_DURATION_MINUTES)} then ${n(Math.floor(MAX_DURATION_MINUTES / last.width) * last.width)}`,
    ...[...DURATION_TIERS]
      .reverse()
      .map(
        (t) =>
          sql`when ${minutes} >= ${n(t.from)} then (floor(${minutes} / ${n(t.width)}) * ${n(t.width)})::int`,
      ),
  ];
  // Below the first tier (0) is a negative duration: clamped to 0 like durationBucket.
  return sql`(case ${sql.join(cases, sql.raw(' '))} else 0 end)`;
}

/**
 * Minutes from `from` to `to` as the api works them out from two Dates: whole milliseconds (a Date
 * holds no microseconds, so both are truncated to the millisecond as the driver does), subtracted
 * exactly, then divided by 60,000 in float8 — `(to.getTime() − from.getTime()) / 60_000`.
 */
function minutesBetweenSql(from: SQLWrapper, to: SQLWrapper): SQL {
  const ms = (at: SQLWrapper) => sql`(extract(epoch from date_trunc('milliseconds', ${at})) * 1000)::bigint`;
  return sql`(${ms(to)} - ${ms(from)})::float8 / 60000`;
}

const MEASURES = [
  // Counted on the local day the ticket opened.
  { measure: 'first_response', day: tickets.openedAt, until: tickets.firstResponseAt },
  // Counted on the local day it was resolved.
  { measure: 'resolution', day: tickets.resolvedAt, until: tickets.resolvedAt },
] as const;

/**
 * (Re)builds `ticket_duration_rollups` from the tickets table: one set-based insert per measure,
 * bucketing each ticket's duration as `durationBucket` does, on the organisation-local date (in
 * `timeZone`, the settings' by default) of its opening (first response) or resolution. The same
 * counts `addToTicketRollups` in the api keeps one ticket at a time. For bulk loads (the demo seed,
 * the benchmark) and for a change of time zone, which moves every ticket's day. Runs in a
 * transaction of its own (a savepoint inside the caller's) and holds ticket writes off meanwhile,
 * so no change is lost between the delete and the inserts.
 *
 * @example
 * await seedTickets(db);
 * await rebuildTicketDurationRollups(db);
 */
export async function rebuildTicketDurationRollups(db: Executor, timeZone?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${tickets} in share mode`);
    // A scan of every ticket looks expensive enough to JIT-compile, which costs more than it saves
    // here (seconds); off for the rest of the transaction.
    await tx.execute(sql`set local jit = off`);
    const zone = timeZone ?? (await settingsTimeZone(tx));
    await tx.delete(ticketDurationRollups);
    for (const { measure, day, until } of MEASURES) {
      // `offset 0` keeps the subquery whole: inlined, the minutes would be worked out again in every
      // branch of the bucket's case, a dozen times a ticket. Rows go in in key order, which the
      // unique index takes faster.
      await tx.execute(sql`
        insert into ${ticketDurationRollups} (measure, day, team_id, bucket, tickets)
        select ${measure}, day, team_id, ${durationBucketSql(sql.raw('minutes'))}, count(*)::int
        from (
          select (${day} at time zone ${zone})::date as day, ${tickets.teamId} as team_id,
            ${minutesBetweenSql(tickets.openedAt, until)} as minutes
          from ${tickets}
          where ${until} is not null
          offset 0
        ) d
        group by 2, 3, 4
        order by 2, 3, 4`);
    }
  });
}
