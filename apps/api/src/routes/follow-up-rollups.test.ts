import { dailyFollowUpRollups, followUps, seedDemoData, teams } from '@rapport/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFollowUps } from '../services/follow-ups';
import { answered } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

/**
 * daily_follow_up_rollups is kept by statement-level triggers on follow_ups (migration 0011). Here
 * it must equal a recount of the follow-ups, worked out in JavaScript (the local day through Intl,
 * not SQL's `at time zone`), after a COPY seed and after every kind of change a follow-up goes
 * through; and the counts the reports read through it must equal the same counts taken from the rows.
 */

let t: TestContext;
const SEEDED_UNTIL = new Date('2026-11-28T12:00:00Z');

beforeAll(async () => {
  t = await createTestContext();
  await seedDemoData(t.db, { tickets: 1500, months: 3, seed: 20261202, now: SEEDED_UNTIL });
}, 120_000);
afterAll(() => t?.close());

interface RawFollowUp {
  teamId: string | null;
  status: 'open' | 'closed';
  createdAt: Date;
  dueAt: Date;
  closedAt: Date | null;
}

async function rawFollowUps(): Promise<RawFollowUp[]> {
  return t.db
    .select({
      teamId: followUps.teamId,
      status: followUps.status,
      createdAt: followUps.createdAt,
      dueAt: followUps.dueAt,
      closedAt: followUps.closedAt,
    })
    .from(followUps);
}

function localDate(at: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

const inTime = (f: RawFollowUp) => f.closedAt !== null && f.closedAt.getTime() <= f.dueAt.getTime();

/** The rollup rows a recount gives: closed follow-ups per local day opened and team. Rows at zero are dropped. */
function recount(rows: RawFollowUp[], timeZone: string): string[] {
  const counts = new Map<string, { closed: number; closedInTime: number }>();
  for (const f of rows) {
    if (f.status !== 'closed') continue;
    const key = `${localDate(f.createdAt, timeZone)}|${f.teamId ?? '-'}`;
    const c = counts.get(key) ?? { closed: 0, closedInTime: 0 };
    c.closed += 1;
    if (inTime(f)) c.closedInTime += 1;
    counts.set(key, c);
  }
  return [...counts].map(([key, c]) => `${key}|${c.closed}|${c.closedInTime}`).sort();
}

async function rollupRows(): Promise<string[]> {
  const rows = await t.db.select().from(dailyFollowUpRollups);
  return rows
    .filter((r) => r.closed !== 0 || r.closedInTime !== 0)
    .map((r) => `${r.day}|${r.teamId ?? '-'}|${r.closed}|${r.closedInTime}`)
    .sort();
}

async function expectRollupsToMatch(timeZone: string): Promise<void> {
  const rows = await rawFollowUps();
  expect(await rollupRows()).toEqual(recount(rows, timeZone));
  // Nothing below zero: no change was taken off twice.
  const negative = (await t.db.select().from(dailyFollowUpRollups)).filter(
    (r) => r.closed < 0 || r.closedInTime < 0 || r.closedInTime > r.closed,
  );
  expect(negative).toEqual([]);
}

async function close(id: string): Promise<void> {
  const res = await t.request('PATCH', `/api/v1/follow-ups/${id}`, {
    as: 'manager',
    json: { status: 'closed', note: 'Called the customer back; sorted.' },
  });
  expect(res.status).toBe(200);
}

describe('daily_follow_up_rollups', () => {
  it('equals a recount after the demo seed wrote its follow-ups by COPY', async () => {
    const rows = await rawFollowUps();
    expect(rows.filter((f) => f.status === 'closed').length).toBeGreaterThan(20);
    expect(rows.some((f) => f.status === 'closed' && !inTime(f))).toBe(true);
    await expectRollupsToMatch('UTC');
  });

  it('follows closing in time, closing late, reopening, a deleted team and deleted follow-ups', async () => {
    const team = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'Short-lived' } });
    expect(team.status).toBe(201);
    const a = await answered(t, { rating: 1, resolved: false }, { team: 'Short-lived' });
    const b = await answered(t, { rating: 2, resolved: true }, { team: 'Short-lived' });
    const c = await answered(t, { rating: 1, resolved: true });
    const ids = [a.followUpId, b.followUpId, c.followUpId].filter((id): id is string => id !== null);
    expect(ids).toHaveLength(3);
    const [first, second, third] = ids as [string, string, string];

    // Opened: nothing closed yet, nothing moves.
    await expectRollupsToMatch('UTC');
    await close(first);
    await expectRollupsToMatch('UTC');
    // Due a day ago, closed now: late.
    await t.db
      .update(followUps)
      .set({ dueAt: new Date(Date.now() - 86_400_000) })
      .where(eq(followUps.id, second));
    await close(second);
    const [late] = await t.db.select().from(followUps).where(eq(followUps.id, second));
    expect(late && late.closedAt && late.closedAt > late.dueAt).toBe(true);
    await expectRollupsToMatch('UTC');

    const reopened = await t.request('PATCH', `/api/v1/follow-ups/${first}`, {
      as: 'manager',
      json: { status: 'open', note: 'The customer wrote again.' },
    });
    expect(reopened.status).toBe(200);
    await expectRollupsToMatch('UTC');
    await close(third);

    // The team goes; its follow-ups' team becomes null (ON DELETE SET NULL) and their counts move with it.
    await t.db.delete(teams).where(eq(teams.id, team.body.id));
    const [orphan] = await t.db.select().from(followUps).where(eq(followUps.id, second));
    expect(orphan?.teamId).toBeNull();
    await expectRollupsToMatch('UTC');

    await t.db.delete(followUps).where(inArray(followUps.id, [second, third]));
    await expectRollupsToMatch('UTC');
  });

  it('is recounted on the new local days when the time zone changes', async () => {
    const zone = 'Pacific/Kiritimati'; // UTC+14: most follow-ups opened after 10:00 UTC move a day on.
    const before = await rollupRows();
    const res = await t.request('PATCH', '/api/v1/settings', { as: 'admin', json: { timeZone: zone } });
    expect(res.status).toBe(200);
    const after = await rollupRows();
    expect(after).not.toEqual(before);
    await expectRollupsToMatch(zone);
    // And the triggers use the new zone for what changes next.
    const d = await answered(t, { rating: 1, resolved: false });
    if (!d.followUpId) throw new Error('no follow-up');
    await close(d.followUpId);
    await expectRollupsToMatch(zone);
    const back = await t.request('PATCH', '/api/v1/settings', { as: 'admin', json: { timeZone: 'UTC' } });
    expect(back.status).toBe(200);
    await expectRollupsToMatch('UTC');
  });
});

describe('countFollowUps over a period', () => {
  it.each([
    ['the seeded months', '2026-09-01', '2026-11-28'],
    ['one week', '2026-11-10', '2026-11-16'],
    ['one day', '2026-11-20', '2026-11-20'],
    ['everything up to today', '2020-01-01', '2030-12-31'],
  ])('equals the counts taken from the follow-ups for %s, for all teams and for one', async (_, from, to) => {
    const now = new Date();
    const rows = await rawFollowUps();
    const teamIds = [...new Set(rows.map((f) => f.teamId).filter((id): id is string => id !== null))].sort();
    for (const teamId of [undefined, teamIds[0]]) {
      const inScope = rows.filter((f) => {
        const day = localDate(f.createdAt, 'UTC');
        return day >= from && day <= to && (teamId === undefined || f.teamId === teamId);
      });
      const open = inScope.filter((f) => f.status === 'open');
      const closed = inScope.filter((f) => f.status === 'closed');
      const counts = await countFollowUps(t.db, {
        now,
        ...(teamId ? { teamId } : {}),
        openedOn: { from, to, timeZone: 'UTC' },
      });
      expect(counts).toEqual({
        open: open.length,
        overdue: open.filter((f) => f.dueAt < now).length,
        closed: closed.length,
        closedInTime: closed.filter(inTime).length,
      });
    }
  });
});
