import type { TicketEvent, TicketPayload } from '@rapport/contracts';
import { rebuildTicketDurationRollups, settings, ticketDurationRollups, tickets } from '@rapport/db';
import { durationBucket, medianFromHistogram, type HistogramBucket } from '@rapport/scoring';
import { eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';
import { metricValue } from './metric-values';
import { importTickets } from './ticket-import';
import { ingestTicketEvent } from './ticket-events';
import { ticketDurationDelta, type TicketTimes } from './ticket-rollups';
import { updateSettings } from './settings';

const at = (iso: string) => new Date(iso);
const after = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

describe('ticketDurationDelta', () => {
  const opened = at('2026-05-04T23:30:00Z');
  const base: TicketTimes = { teamId: 'team-a', openedAt: opened, firstResponseAt: null, resolvedAt: null };
  const answered = { ...base, firstResponseAt: after(opened, 45) };
  const resolved = { ...answered, resolvedAt: after(opened, 187) };
  const fr = (day: string, bucket: number, tickets: number, teamId: string | null = 'team-a') => ({
    measure: 'first_response',
    day,
    teamId,
    bucket,
    tickets,
  });
  const res = (day: string, bucket: number, tickets: number, teamId: string | null = 'team-a') => ({
    measure: 'resolution',
    day,
    teamId,
    bucket,
    tickets,
  });

  it.each([
    ['an opened ticket counts nothing yet', null, base, 'UTC', []],
    ['a first response counts on the day it opened', base, answered, 'UTC', [fr('2026-05-04', 45, 1)]],
    // 23:30 UTC is 01:30 the next morning in Belgrade
    ['… in the organisation’s time zone', base, answered, 'Europe/Belgrade', [fr('2026-05-05', 45, 1)]],
    // 187 min → [185, 190); resolved 02:37 UTC on the 5th
    [
      'a resolution counts on the day it was resolved',
      answered,
      resolved,
      'UTC',
      [res('2026-05-05', 185, 1)],
    ],
    ['a write that changes nothing moves nothing', resolved, { ...resolved }, 'UTC', []],
    ['a reopen takes the resolution out', resolved, answered, 'UTC', [res('2026-05-05', 185, -1)]],
    [
      'a team change moves both measures',
      resolved,
      { ...resolved, teamId: 'team-b' },
      'UTC',
      [
        fr('2026-05-04', 45, -1),
        fr('2026-05-04', 45, 1, 'team-b'),
        res('2026-05-05', 185, -1),
        res('2026-05-05', 185, 1, 'team-b'),
      ],
    ],
    [
      // opened 20 min later (23:50, same day): first response after 25 min, resolution after 167 → [165, 170)
      'moving the opening moves both durations',
      resolved,
      { ...resolved, openedAt: after(opened, 20) },
      'UTC',
      [
        fr('2026-05-04', 25, 1),
        fr('2026-05-04', 45, -1),
        res('2026-05-05', 165, 1),
        res('2026-05-05', 185, -1),
      ],
    ],
    [
      'moving the opening past midnight moves the first response’s day',
      answered,
      { ...answered, openedAt: after(opened, 31), firstResponseAt: after(opened, 76) },
      'UTC',
      [fr('2026-05-04', 45, -1), fr('2026-05-05', 45, 1)],
    ],
    [
      'a first response before the opening counts as immediate',
      base,
      { ...base, firstResponseAt: after(opened, -3) },
      'UTC',
      [fr('2026-05-04', 0, 1)],
    ],
    [
      'a deleted ticket takes everything out',
      resolved,
      null,
      'UTC',
      [fr('2026-05-04', 45, -1), res('2026-05-05', 185, -1)],
    ],
    ['no ticket before or after', null, null, 'UTC', []],
  ] as const)('%s', (_name, before, now, timeZone, expected) => {
    expect(ticketDurationDelta(before, now, timeZone)).toEqual(expected);
  });
});

describe('the duration histogram through the ticket event path', () => {
  let t: TestContext;
  const TIME_ZONE = 'America/New_York';
  const NOW = at('2026-06-10T12:00:00Z');
  const deps = () => ({ secret: t.config.secret, queue: { sendInvitationAt: async () => {} }, now: NOW });

  beforeAll(async () => {
    t = await createTestContext();
    await t.db
      .insert(settings)
      .values({ id: 1, timeZone: TIME_ZONE })
      .onConflictDoUpdate({ target: settings.id, set: { timeZone: TIME_ZONE } });
  });
  afterAll(() => t.close());

  let eventSeq = 0;
  function payload(externalId: string, f: Partial<TicketPayload> & { createdAt: Date }, team?: string) {
    return {
      externalId,
      channel: 'email',
      customer: { email: `${externalId.toLowerCase()}@example.com` },
      agent: team ? { email: `agent-${team.toLowerCase()}@support.example`, team } : null,
      ...f,
    } satisfies TicketPayload;
  }
  async function send(type: TicketEvent['type'], ticket: TicketPayload, id = `evt-${++eventSeq}`) {
    return ingestTicketEvent(t.db, { id, type, occurredAt: ticket.resolvedAt ?? NOW, ticket }, deps());
  }

  /** The histogram's non-zero rows, sorted. */
  async function histogramRows() {
    const rows = await t.db
      .select({
        measure: ticketDurationRollups.measure,
        day: ticketDurationRollups.day,
        teamId: ticketDurationRollups.teamId,
        bucket: ticketDurationRollups.bucket,
        tickets: ticketDurationRollups.tickets,
      })
      .from(ticketDurationRollups)
      .where(ne(ticketDurationRollups.tickets, 0));
    const key = (r: (typeof rows)[number]) =>
      `${r.measure}|${r.day}|${r.teamId ?? ''}|${String(r.bucket).padStart(10, '0')}`;
    return rows.sort((a, b) => key(a).localeCompare(key(b)));
  }

  /** Kept one write at a time, the histogram equals the set-based rebuild from the tickets table. */
  async function expectConsistent() {
    const kept = await histogramRows();
    await rebuildTicketDurationRollups(t.db);
    expect(kept).toEqual(await histogramRows());
    return kept;
  }

  const teamIdOf = async (externalId: string) => {
    const [row] = await t.db
      .select({ teamId: tickets.teamId })
      .from(tickets)
      .where(eq(tickets.externalId, externalId));
    return row?.teamId ?? null;
  };

  it('follows a ticket from opening through first response, resolution, reopening and a new resolution', async () => {
    // 22:00 in New York on 3 May is 02:00 UTC on the 4th.
    const opened = at('2026-05-04T02:00:00Z');
    await send('ticket.updated', payload('LIFE-1', { createdAt: opened }, 'Billing'));
    expect(await expectConsistent()).toEqual([]);

    await send(
      'ticket.updated',
      payload('LIFE-1', { createdAt: opened, firstResponseAt: after(opened, 95) }, 'Billing'),
    );
    const billing = await teamIdOf('LIFE-1');
    expect(await expectConsistent()).toEqual([
      { measure: 'first_response', day: '2026-05-03', teamId: billing, bucket: 94, tickets: 1 },
    ]);

    const firstResolution = after(opened, 26 * 60);
    await send(
      'ticket.resolved',
      payload(
        'LIFE-1',
        { createdAt: opened, firstResponseAt: after(opened, 95), resolvedAt: firstResolution },
        'Billing',
      ),
    );
    // Resolved 04:00 UTC on the 5th = 00:00 in New York on the 5th; 26 h → [1560, 1620)
    expect((await expectConsistent()).filter((r) => r.measure === 'resolution')).toEqual([
      { measure: 'resolution', day: '2026-05-05', teamId: billing, bucket: 1_560, tickets: 1 },
    ]);

    await send(
      'ticket.reopened',
      payload('LIFE-1', { createdAt: opened, firstResponseAt: after(opened, 95) }, 'Billing'),
    );
    expect((await expectConsistent()).filter((r) => r.measure === 'resolution')).toEqual([]);

    await send(
      'ticket.resolved',
      payload('LIFE-1', { createdAt: opened, resolvedAt: after(opened, 3 * 1_440 + 30) }, 'Billing'),
    );
    // The first response is kept (an event without one does not clear it); resolved 02:30 UTC on the
    // 7th = 22:30 on the 6th in New York, 3 days 30 min → [4320, 4440)
    expect(await expectConsistent()).toEqual([
      { measure: 'first_response', day: '2026-05-03', teamId: billing, bucket: 94, tickets: 1 },
      { measure: 'resolution', day: '2026-05-06', teamId: billing, bucket: 4_320, tickets: 1 },
    ]);

    // The same event again changes nothing.
    const repeat = payload(
      'LIFE-1',
      { createdAt: opened, resolvedAt: after(opened, 3 * 1_440 + 30) },
      'Billing',
    );
    await send('ticket.resolved', repeat, 'evt-repeat');
    await send('ticket.resolved', repeat, 'evt-repeat');
    expect((await histogramRows()).reduce((n, r) => n + r.tickets, 0)).toBe(2);
  });

  it('moves the counts when the team changes or the helpdesk edits the times', async () => {
    const opened = at('2026-05-10T15:00:00Z');
    const ticket = {
      createdAt: opened,
      firstResponseAt: after(opened, 12.5),
      resolvedAt: after(opened, 300),
    };
    await send('ticket.resolved', payload('MOVE-1', ticket, 'Billing'));
    await expectConsistent();
    await send('ticket.updated', payload('MOVE-1', ticket, 'Returns'));
    const returns = await teamIdOf('MOVE-1');
    const rows = (await expectConsistent()).filter((r) => r.day >= '2026-05-10');
    expect(rows).toEqual([
      { measure: 'first_response', day: '2026-05-10', teamId: returns, bucket: 12, tickets: 1 },
      { measure: 'resolution', day: '2026-05-10', teamId: returns, bucket: 300, tickets: 1 },
    ]);

    // The helpdesk corrects the opening to the evening before (New York) and the first response.
    const corrected = at('2026-05-10T03:00:00Z');
    await send(
      'ticket.updated',
      payload(
        'MOVE-1',
        { ...ticket, createdAt: corrected, firstResponseAt: after(corrected, -5) },
        'Returns',
      ),
    );
    const moved = (await expectConsistent()).filter((r) => r.day >= '2026-05-09' && r.teamId === returns);
    expect(moved).toEqual([
      // a first response before the opening counts as immediate
      { measure: 'first_response', day: '2026-05-09', teamId: returns, bucket: 0, tickets: 1 },
      // resolved 20:00 UTC = 16:00 New York on the 10th, 17 h after the corrected opening → [1020, 1050)
      { measure: 'resolution', day: '2026-05-10', teamId: returns, bucket: 1_020, tickets: 1 },
    ]);
  });

  it('keeps the counts of imported tickets, new and updated', async () => {
    const opened = at('2026-05-12T13:00:00Z');
    await importTickets(
      t.db,
      [
        payload(
          'IMP-1',
          { createdAt: opened, firstResponseAt: after(opened, 61), resolvedAt: after(opened, 600) },
          'Billing',
        ),
        payload('IMP-2', { createdAt: opened, firstResponseAt: after(opened, 7) }),
      ],
      NOW,
    );
    await expectConsistent();
    await importTickets(
      t.db,
      [
        payload(
          'IMP-1',
          { createdAt: opened, firstResponseAt: after(opened, 61), resolvedAt: after(opened, 840) },
          'Billing',
        ),
        payload('IMP-3', { createdAt: opened, resolvedAt: after(opened, 45) }, 'Returns'),
      ],
      NOW,
    );
    const rows = (await expectConsistent()).filter((r) => r.day === '2026-05-12');
    const imp2 = rows.filter((r) => r.teamId === null);
    expect(imp2).toEqual([
      { measure: 'first_response', day: '2026-05-12', teamId: null, bucket: 7, tickets: 1 },
    ]);
    // IMP-1 resolved after 14 h now (23:00 in New York), not 10 h: [840, 870) in, [600, 630) out.
    expect(
      rows
        .filter((r) => r.measure === 'resolution')
        .map((r) => r.bucket)
        .sort((a, b) => a - b),
    ).toEqual([45, 840]);
  });

  describe('median hours read from the histogram', () => {
    const MAY = { from: '2026-05-01', to: '2026-05-31' };

    beforeAll(async () => {
      // Eighty more tickets through the event path: opened across May (and a few around it), answered
      // after seconds to days, resolved or not, for two teams.
      let state = 20260510;
      const next = () => {
        state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
        return state / 2 ** 31;
      };
      const start = at('2026-04-29T00:00:00Z').getTime();
      for (let i = 0; i < 80; i++) {
        const opened = new Date(start + Math.floor(next() * 36 * 86_400_000));
        const scale = [5, 90, 600, 3 * 1_440][Math.floor(next() * 4)] ?? 60;
        const ticket = {
          createdAt: opened,
          firstResponseAt: next() < 0.9 ? after(opened, Math.round(next() * scale * 60_000) / 60_000) : null,
          resolvedAt: next() < 0.7 ? after(opened, Math.round(next() * scale * 8 * 60_000) / 60_000) : null,
        };
        const team = next() < 0.5 ? 'Billing' : 'Returns';
        await send(
          ticket.resolvedAt ? 'ticket.resolved' : 'ticket.updated',
          payload(`RND-${i}`, ticket, team),
        );
      }
      await expectConsistent();
    });

    /**
     * The tickets counted for a measure over May, computed from the tickets table in SQL on its own:
     * their durations in minutes and percentile_cont's exact median in hours.
     */
    async function rawDurations(measure: 'first_response' | 'resolution', teamId: string | null) {
      const until = measure === 'first_response' ? sql`first_response_at` : sql`resolved_at`;
      const dayOf = measure === 'first_response' ? sql`opened_at` : sql`resolved_at`;
      const team = teamId ? sql`and team_id = ${teamId}` : sql``;
      const where = sql`${until} is not null and (${dayOf} at time zone ${TIME_ZONE})::date between ${MAY.from}::date and ${MAY.to}::date ${team}`;
      const minutes = await t.db.execute<{ m: string }>(
        sql`select (extract(epoch from ${until} - opened_at) / 60)::text as m from tickets where ${where}`,
      );
      const exact = await t.db.execute<{ h: number | null }>(
        sql`select percentile_cont(0.5) within group (order by extract(epoch from ${until} - opened_at)::float8 / 3600) as h from tickets where ${where}`,
      );
      const rows = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
      return {
        minutes: rows<{ m: string }>(minutes).map((r) => Number(r.m)),
        exactHours: Number(rows<{ h: number | null }>(exact)[0]?.h),
      };
    }

    const histogramOf = (minutes: number[]) => {
      const buckets = new Map<number, HistogramBucket>();
      for (const m of minutes) {
        const { lower, width } = durationBucket(m);
        const b = buckets.get(lower) ?? { lower, width, count: 0 };
        b.count += 1;
        buckets.set(lower, b);
      }
      return [...buckets.values()];
    };

    it.each([
      ['first_response_hours', 'first_response', 'Billing'],
      ['first_response_hours', 'first_response', null],
      ['resolution_hours', 'resolution', 'Returns'],
      ['resolution_hours', 'resolution', null],
    ] as const)('%s (%s) for team %s', async (metric, measure, team) => {
      const teamId = team ? await teamIdOf(team === 'Billing' ? 'LIFE-1' : 'MOVE-1') : null;
      const { minutes, exactHours } = await rawDurations(measure, teamId);
      expect(minutes.length).toBeGreaterThan(10);
      const got = await metricValue(t.db, metric, teamId ? { teamId } : {}, MAY, NOW);
      expect(got.n).toBe(minutes.length);
      // Exactly what the histogram of the raw durations gives …
      expect(got.value).toBeCloseTo((medianFromHistogram(histogramOf(minutes)) ?? NaN) / 60, 10);
      // … and within one bucket (of the upper middle duration) of percentile_cont's exact median.
      const sorted = [...minutes].sort((a, b) => a - b);
      const upperMiddle = sorted[Math.ceil((sorted.length - 1) / 2)] ?? NaN;
      expect(Math.abs((got.value ?? NaN) - exactHours)).toBeLessThanOrEqual(
        durationBucket(upperMiddle).width / 60,
      );
    });
  });
});

describe('the duration histogram when the organisation moves time zone', () => {
  let t: TestContext;
  const NOW = at('2026-06-10T12:00:00Z');
  const actor = { userId: null, apiKeyId: null, label: 'test', requestId: null };

  beforeAll(async () => {
    t = await createTestContext();
  });
  afterAll(() => t.close());

  const rows = () =>
    t.db
      .select({ day: ticketDurationRollups.day, measure: ticketDurationRollups.measure })
      .from(ticketDurationRollups)
      .where(ne(ticketDurationRollups.tickets, 0))
      .orderBy(ticketDurationRollups.measure);

  it('recounts the days in the new zone, so a later edit takes its counts off the right day', async () => {
    await updateSettings(t.db, actor, { timeZone: 'UTC' }, false);
    // 02:00 UTC on 4 May is still 3 May in New York.
    const opened = at('2026-05-04T02:00:00Z');
    const ticket = {
      externalId: 'TZ-1',
      channel: 'email',
      customer: { email: 'tz-1@example.com' },
      agent: null,
      createdAt: opened,
      firstResponseAt: after(opened, 30),
      resolvedAt: after(opened, 60),
    } satisfies TicketPayload;
    const deps = { secret: t.config.secret, queue: { sendInvitationAt: async () => {} }, now: NOW };
    await ingestTicketEvent(t.db, { id: 'tz-1', type: 'ticket.resolved', occurredAt: NOW, ticket }, deps);
    expect((await rows()).map((r) => r.day)).toEqual(['2026-05-04', '2026-05-04']);

    await updateSettings(t.db, actor, { timeZone: 'America/New_York' }, false);
    expect((await rows()).map((r) => r.day)).toEqual(['2026-05-03', '2026-05-03']);

    // An edit now moves the count from the New York day, leaving no negative row behind.
    await ingestTicketEvent(
      t.db,
      {
        id: 'tz-2',
        type: 'ticket.updated',
        occurredAt: NOW,
        ticket: { ...ticket, resolvedAt: after(opened, 90) },
      },
      deps,
    );
    const negative = await t.db
      .select()
      .from(ticketDurationRollups)
      .where(sql`${ticketDurationRollups.tickets} < 0`);
    expect(negative).toEqual([]);
    const kept = await rows();
    await rebuildTicketDurationRollups(t.db);
    expect(await rows()).toEqual(kept);
  });
});
