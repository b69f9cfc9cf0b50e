import { DURATION_TIERS, MAX_DURATION_MINUTES, durationBucket } from '@rapport/scoring';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { customers, settings, teams, ticketDurationRollups, tickets } from './schema/index';
import { freshDatabase } from './testing/fresh-database';
import { durationBucketSql, rebuildTicketDurationRollups } from './ticket-duration-rollups';

let handle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ handle, drop } = await freshDatabase('durations'));
  await handle.migrate();
});
afterAll(() => drop());

/** A small seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('durationBucketSql', () => {
  it('gives durationBucket’s lower bound for every tier boundary and thousands of durations', async () => {
    // Durations in milliseconds, as the api measures them (a Date has no finer clock).
    const next = random(7);
    const ms: number[] = [0, -1, -60_000, -1e12, 1e15];
    for (const tier of DURATION_TIERS) {
      const at = tier.from * 60_000;
      ms.push(at - 1, at, at + 1, at + tier.width * 60_000 - 1, at + tier.width * 60_000);
    }
    ms.push(MAX_DURATION_MINUTES * 60_000 - 1, MAX_DURATION_MINUTES * 60_000);
    for (let i = 0; i < 3_000; i++) {
      // Spread over the scale: seconds to a year, and the odd negative one.
      const magnitude = 10 ** (3 + next() * 8.5);
      ms.push(Math.round(next() < 0.03 ? -magnitude : magnitude));
    }
    type Row = { ms: string; bucket: number };
    const rows: unknown = await handle.db.execute(sql`
      select ms::text as ms, ${durationBucketSql(sql.raw('minutes'))} as bucket
      from (select ms, ms::float8 / 60000 as minutes from unnest(${`{${ms.join(',')}}`}::bigint[]) as u(ms)) d`);
    // postgres.js returns the rows, PGlite a result holding them.
    const list = (Array.isArray(rows) ? rows : (rows as { rows: Row[] }).rows) as Row[];
    const got = list.map((r) => [Number(r.ms), Number(r.bucket)]);
    expect(got).toHaveLength(ms.length);
    expect(got).toEqual(ms.map((m) => [m, durationBucket(m / 60_000).lower]));
  });
});

describe('rebuildTicketDurationRollups', () => {
  let teamId: string;
  let customerId: string;
  const at = (iso: string) => new Date(iso);
  const later = (from: string, minutes: number) => new Date(at(from).getTime() + minutes * 60_000);

  beforeAll(async () => {
    const [team] = await handle.db.insert(teams).values({ name: 'Billing' }).returning({ id: teams.id });
    const [customer] = await handle.db
      .insert(customers)
      .values({ email: 'rebuild@example.com' })
      .returning({ id: customers.id });
    if (!team || !customer) throw new Error('fixtures not inserted');
    teamId = team.id;
    customerId = customer.id;
    const ticket = (n: number, f: Partial<typeof tickets.$inferInsert> & { openedAt: Date }) => ({
      externalId: `R-${n}`,
      channel: 'email',
      customerId,
      teamId,
      ...f,
    });
    await handle.db.insert(tickets).values([
      // Opened 23:30 UTC on 4 May: 5 May in Belgrade. Answered after 45 min, resolved after 3 h 7 min.
      ticket(1, {
        openedAt: at('2026-05-04T23:30:00Z'),
        firstResponseAt: later('2026-05-04T23:30:00Z', 45),
        resolvedAt: later('2026-05-04T23:30:00Z', 187),
      }),
      // Same bucket for first response (45.5 min), no team; never resolved.
      ticket(2, {
        openedAt: at('2026-05-05T08:00:00Z'),
        firstResponseAt: later('2026-05-05T08:00:00Z', 45.5),
        teamId: null,
      }),
      // Answered "before" it opened (helpdesk clocks): bucket 0. Resolved after 2 days 5 h on 7 May.
      ticket(3, {
        openedAt: at('2026-05-05T10:00:00Z'),
        firstResponseAt: later('2026-05-05T10:00:00Z', -2),
        resolvedAt: later('2026-05-05T10:00:00Z', 53 * 60),
      }),
      // Nothing to count yet.
      ticket(4, { openedAt: at('2026-05-06T10:00:00Z') }),
    ]);
  });

  const rows = () =>
    handle.db
      .select({
        measure: ticketDurationRollups.measure,
        day: ticketDurationRollups.day,
        teamId: ticketDurationRollups.teamId,
        bucket: ticketDurationRollups.bucket,
        tickets: ticketDurationRollups.tickets,
      })
      .from(ticketDurationRollups);
  type Row = Awaited<ReturnType<typeof rows>>[number];
  const keyOf = (r: Row) => `${r.measure}|${r.day}|${String(r.bucket).padStart(10, '0')}|${r.teamId ?? ''}`;
  const sortRows = (list: Row[]) => [...list].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

  it('counts each measure on its local day, in the bucket of its duration', async () => {
    await rebuildTicketDurationRollups(handle.db, 'Europe/Belgrade');
    expect(sortRows(await rows())).toEqual(
      sortRows([
        { measure: 'first_response', day: '2026-05-05', teamId: null, bucket: 45, tickets: 1 },
        { measure: 'first_response', day: '2026-05-05', teamId, bucket: 0, tickets: 1 },
        { measure: 'first_response', day: '2026-05-05', teamId, bucket: 45, tickets: 1 },
        // 187 min in the 5-minute tier: [185, 190); 53 h in the 2-hour tier: [3120, 3240)
        { measure: 'resolution', day: '2026-05-05', teamId, bucket: 185, tickets: 1 },
        { measure: 'resolution', day: '2026-05-07', teamId, bucket: 3_120, tickets: 1 },
      ]),
    );
  });

  it('replaces what was there, and takes the settings’ time zone by default', async () => {
    await handle.db
      .insert(settings)
      .values({ id: 1, timeZone: 'UTC' })
      .onConflictDoUpdate({
        target: settings.id,
        set: { timeZone: 'UTC' },
      });
    await rebuildTicketDurationRollups(handle.db);
    const utc = await rows();
    // In UTC ticket 1 opened on 4 May; the counts stay the same.
    expect(utc.filter((r) => r.day === '2026-05-04').map((r) => [r.measure, r.bucket])).toEqual([
      ['first_response', 45],
    ]);
    expect(utc.reduce((n, r) => n + r.tickets, 0)).toBe(5);
  });

  it('runs inside a caller’s transaction and reads the microseconds away like a Date does', async () => {
    // Opened 0.4 ms past the minute, answered exactly an hour after the minute: 59.99999 minutes to
    // the microsecond, 60 to the millisecond the api sees.
    await handle.db.execute(sql`
      insert into tickets (external_id, channel, customer_id, team_id, opened_at, first_response_at)
      values ('R-5', 'email', ${customerId}, ${teamId}, '2026-05-08T10:00:00.0004Z', '2026-05-08T11:00:00Z')`);
    await handle.db.transaction(async (tx) => {
      await rebuildTicketDurationRollups(tx, 'UTC');
    });
    const [row] = await handle.db
      .select({ bucket: ticketDurationRollups.bucket })
      .from(ticketDurationRollups)
      .where(eq(ticketDurationRollups.day, '2026-05-08'));
    const [ticket] = await handle.db.select().from(tickets).where(eq(tickets.externalId, 'R-5'));
    const minutes =
      ((ticket?.firstResponseAt?.getTime() ?? NaN) - (ticket?.openedAt.getTime() ?? NaN)) / 60_000;
    expect(minutes).toBe(60);
    expect(row?.bucket).toBe(durationBucket(minutes).lower);
  });
});
