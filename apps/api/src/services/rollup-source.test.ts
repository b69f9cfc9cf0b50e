import type { BreakdownRow, TrendPoint } from '@rapport/contracts';
import { dailyRollups, dailyTeamRollups, surveys } from '@rapport/db';
import { periodKey } from '@rapport/scoring';
import { and, count, eq, getTableName } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';
import { getBreakdown } from './report-breakdowns';
import { getTrend } from './report-series';
import {
  ROLLUP_SUMS,
  rollupConditions,
  rollupMetric,
  rollupSource,
  sumRollups,
  toCounts,
  type LocalPeriod,
  type ReportFilter,
  type RollupCounts,
} from './metric-values';
import { addToRollup, combine, responseDelta } from './rollups';

// Reports without an agent read daily_team_rollups, which a trigger keeps from daily_rollups. Every
// figure read that way must equal the same figure summed from the per-agent rows.

let t: TestContext;
const teamIds: (string | null)[] = [null];
const surveyIds: string[] = [];
// Agents are not looked up here: any ids do.
const agentIds = [null, ...Array.from({ length: 6 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`)];
const CHANNELS = ['email', 'chat', 'phone'];
const PERIOD: LocalPeriod = { from: '2026-03-01', to: '2026-04-30' };

/** A small deterministic generator (LCG), so a failure reproduces. */
function generator(seed: number) {
  let state = seed;
  return (n: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((state / 2_147_483_648) * n);
  };
}

beforeAll(async () => {
  t = await createTestContext();
  const [byDefault] = await t.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.isDefault, true));
  const created = await t.request('POST', '/api/v1/surveys', {
    as: 'manager',
    json: { name: 'Second', template: 'nps' },
  });
  surveyIds.push(byDefault?.id ?? '', created.body.id);
  for (const name of ['Alpha', 'Beta', 'Gamma']) teamIds.push(await createTeam(t, name));

  const pick = generator(7);
  const one = <T>(list: readonly T[]): T => list[pick(list.length)] as T;
  for (let i = 0; i < 400; i++) {
    const day = `2026-0${3 + pick(2)}-${String(1 + pick(30)).padStart(2, '0')}`;
    const key = {
      day,
      surveyId: one(surveyIds),
      teamId: one(teamIds),
      agentId: one(agentIds),
      channel: one(CHANNELS),
    };
    const answer = {
      csat: pick(6) || null,
      nps: pick(4) === 0 ? null : pick(11),
      ces: pick(8) || null,
      resolved: [null, true, false][pick(3)] ?? null,
      counted: pick(10) > 0,
    };
    // Sends, first answers, and edits: an earlier answer first, then it out and the new one in
    // (the upsert's update path, as answering does).
    if (i % 3 === 0) await addToRollup(t.db, key, { sent: 1 + pick(3) });
    else if (i % 3 === 1) await addToRollup(t.db, key, responseDelta(answer, 1));
    else {
      const earlier = { ...answer, csat: 1 + pick(5), resolved: !answer.resolved };
      await addToRollup(t.db, key, responseDelta(earlier, 1));
      await addToRollup(t.db, key, combine(responseDelta(earlier, -1), responseDelta(answer, 1)));
    }
  }
});
afterAll(() => t.close());

/** The counts of a filter and period summed from the per-agent rows. */
async function fromAgentRows(filter: ReportFilter, period: LocalPeriod): Promise<RollupCounts> {
  const [row] = await t.db
    .select(ROLLUP_SUMS)
    .from(dailyRollups)
    .where(and(...rollupConditions(filter, period)));
  return toCounts(row);
}

const FILTERS: [string, () => { teamId?: string; channel?: string; surveyId?: string }][] = [
  ['no filter', () => ({})],
  ['a team', () => ({ teamId: teamIds[1] ?? undefined })],
  ['a channel', () => ({ channel: 'chat' })],
  ['a survey', () => ({ surveyId: surveyIds[1] })],
  [
    'team, channel and survey',
    () => ({ teamId: teamIds[2] ?? undefined, channel: 'email', surveyId: surveyIds[0] }),
  ],
];

describe('the team rollup read path', () => {
  it('holds fewer rows than the per-agent table, with the same totals', async () => {
    const [agentRows] = await t.db.select({ n: count() }).from(dailyRollups);
    const [teamRows] = await t.db.select({ n: count() }).from(dailyTeamRollups);
    expect(Number(teamRows?.n)).toBeLessThan(Number(agentRows?.n));
    const whole = { from: '2000-01-01', to: '2100-12-31' };
    const totals = await fromAgentRows({}, whole);
    expect(totals.sent).toBeGreaterThan(0);
    expect(await sumRollups(t.db, {}, whole)).toEqual(totals);
  });

  it.each(FILTERS)('reads daily_team_rollups for %s and sums what the agent rows sum', async (_, filter) => {
    expect(getTableName(rollupSource(filter(), PERIOD).table)).toBe('daily_team_rollups');
    const march = { from: '2026-03-05', to: '2026-03-20' };
    for (const period of [PERIOD, march]) {
      const want = await fromAgentRows(filter(), period);
      expect(want.responses + want.sent).toBeGreaterThan(0);
      expect(await sumRollups(t.db, filter(), period)).toEqual(want);
    }
  });

  it('reads daily_rollups for an agent filter or the agent breakdown', async () => {
    const agentId = agentIds[3] ?? undefined;
    expect(getTableName(rollupSource({ agentId }, PERIOD).table)).toBe('daily_rollups');
    expect(getTableName(rollupSource({}, PERIOD, true).table)).toBe('daily_rollups');
    expect(await sumRollups(t.db, { agentId }, PERIOD)).toEqual(await fromAgentRows({ agentId }, PERIOD));
    expect(() => rollupConditions({ agentId }, PERIOD, dailyTeamRollups)).toThrow(/daily_rollups/);
  });

  it.each(FILTERS)('gives the trend by week for %s as the agent rows do', async (_, filter) => {
    const f = filter();
    const trend = await getTrend(t.db, { metric: 'csat', unit: 'week', ...PERIOD, ...f });
    for (const point of trend.points) {
      const want = rollupMetric(await fromAgentRows(f, { from: point.from, to: point.to }), 'csat');
      expect({ key: point.key, value: point.value, n: point.n, ci95: point.ci95 }).toEqual({
        key: periodKey(new Date(`${point.from}T12:00:00Z`), 'week', 'UTC'),
        value: want.value,
        n: want.n,
        ci95: want.ci95,
      } satisfies Partial<TrendPoint>);
    }
    expect(trend.points.reduce((a, p) => a + p.n, 0)).toBeGreaterThan(0);
  });

  it.each([
    ['team', (id: string | null): ReportFilter => ({ teamId: id })],
    ['channel', (id: string | null): ReportFilter => ({ channel: id ?? '' })],
  ] as const)('gives the breakdown by %s as the agent rows do', async (by, filterOf) => {
    for (const metric of ['csat', 'nps', 'resolution_rate'] as const) {
      const body = await getBreakdown(t.db, { by, metric, ...PERIOD });
      expect(body.rows.length).toBeGreaterThan(1);
      for (const row of body.rows as BreakdownRow[]) {
        // A null team is "no team", which the filter cannot say: sum it as everything minus the teams.
        const want = row.id === null ? await withoutTeam() : await fromAgentRows(filterOf(row.id), PERIOD);
        const m = rollupMetric(want, metric);
        expect([row.value, row.n, row.ci95]).toEqual([m.value, m.n, m.ci95]);
      }
    }
  });
});

/** The counts of the rows with no team, from the per-agent table. */
async function withoutTeam(): Promise<RollupCounts> {
  const all = await fromAgentRows({}, PERIOD);
  const out = { ...all };
  for (const teamId of teamIds.filter((id) => id !== null)) {
    const team = await fromAgentRows({ teamId }, PERIOD);
    for (const key of Object.keys(out) as (keyof RollupCounts)[]) out[key] -= team[key];
  }
  return out;
}
