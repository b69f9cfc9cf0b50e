import { DEFAULT_SURVEY_DEFINITION } from '@rapport/contracts';
import { csatFromDistribution, krProgress } from '@rapport/scoring';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { freshDatabase } from '../testing/fresh-database';
import {
  dailyRollups,
  keyResultCheckIns,
  keyResults,
  objectives,
  surveys,
  surveyVersions,
  teams,
} from '../schema/index';
import { seedDemoData } from './seed';

// 2026-11-23: the demo's quarter is 2026-Q4, its baseline quarter 2026-Q3 (the organisation is on UTC).
const NOW = new Date('2026-11-23T08:00:00Z');

let handle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ handle, drop } = await freshDatabase('demo_okrs'));
  await handle.migrate();
  // As the server does at start, before seeding: the default survey, published as version 1.
  const [survey] = await handle.db
    .insert(surveys)
    .values({
      name: 'Post-ticket satisfaction',
      status: 'active',
      rules: { delayMinutes: 60 } as never,
      isDefault: true,
    })
    .returning({ id: surveys.id });
  if (!survey) throw new Error('no survey');
  const [version] = await handle.db
    .insert(surveyVersions)
    .values({ surveyId: survey.id, version: 1, definition: DEFAULT_SURVEY_DEFINITION })
    .returning({ id: surveyVersions.id });
  if (!version) throw new Error('no survey version');
  await handle.db.update(surveys).set({ currentVersionId: version.id }).where(eq(surveys.id, survey.id));
  await seedDemoData(handle.db, { tickets: 2500, seed: 77, now: NOW });
}, 120_000);

afterAll(() => drop());

describe('demo objectives', () => {
  it('sets this quarter’s organisation objective with the four key results, CSAT from last quarter’s rollups', async () => {
    const rows = await handle.db
      .select()
      .from(objectives)
      .orderBy(asc(objectives.createdAt), asc(objectives.title));
    expect(rows.every((o) => o.quarter === '2026-Q4')).toBe(true);
    const org = rows.find((o) => o.teamId === null);
    expect(org?.title).toBe('Every resolved ticket leaves a happy customer');
    const krs = await handle.db
      .select()
      .from(keyResults)
      .where(eq(keyResults.objectiveId, org?.id ?? ''))
      .orderBy(asc(keyResults.position));
    expect(krs.map((k) => [k.metric, k.direction])).toEqual([
      ['csat', 'increase'],
      ['follow_ups_in_time', 'increase'],
      ['audit_score', 'increase'],
      ['first_response_hours', 'decrease'],
    ]);
    // The targets, unless last quarter already met one: then the target is a step beyond it.
    for (const [k, goal] of krs.map((k, i) => [k, [92, 95, 85, 1][i] ?? 0] as const)) {
      const met = k.direction === 'increase' ? k.baseline >= goal : k.baseline <= goal;
      if (!met) expect(k.target).toBe(goal);
      else expect(k.direction === 'increase' ? k.target > k.baseline : k.target < k.baseline).toBe(true);
      expect(k.title).toContain(String(k.target));
    }
    expect(krs[2]?.title).toBe(`Audit score at least ${krs[2]?.target}`);
    // The CSAT baseline, computed here from the Q3 rollups independently of the seeder.
    const q3 = await handle.db.select().from(dailyRollups);
    const inQ3 = q3.filter((r) => r.day >= '2026-07-01' && r.day <= '2026-09-30');
    const total = (pick: (r: (typeof q3)[number]) => number) => inQ3.reduce((a, r) => a + pick(r), 0);
    const dist = [
      total((r) => r.csat1),
      total((r) => r.csat2),
      total((r) => r.csat3),
      total((r) => r.csat4),
      total((r) => r.csat5),
    ];
    const rate = csatFromDistribution(dist, 4).rate;
    expect(rate).not.toBeNull();
    expect(krs[0]?.baseline).toBe(Math.round(1000 * (rate ?? 0)) / 10);
    expect(krs.every((k) => k.kind === 'metric' && k.baseline !== k.target)).toBe(true);
  });

  it('adds a team objective with a manual key result and its check-ins', async () => {
    const [firstTeam] = await handle.db.select().from(teams).orderBy(asc(teams.name));
    const [teamObjective] = await handle.db
      .select()
      .from(objectives)
      .where(eq(objectives.teamId, firstTeam?.id ?? ''));
    expect(teamObjective?.title).toBe(`${firstTeam?.name}: answers customers can find and trust`);
    const krs = await handle.db
      .select()
      .from(keyResults)
      .where(eq(keyResults.objectiveId, teamObjective?.id ?? ''));
    const manual = krs.find((k) => k.kind === 'manual');
    expect(manual).toMatchObject({ baseline: 0, target: 20, metric: null });
    // Part of the way there, not done: a plausible mid-quarter state.
    const progress = krProgress({ baseline: 0, target: 20, current: manual?.manualValue ?? 0 });
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(1);
    const checkIns = await handle.db
      .select()
      .from(keyResultCheckIns)
      .where(eq(keyResultCheckIns.keyResultId, manual?.id ?? ''))
      .orderBy(asc(keyResultCheckIns.at));
    expect(checkIns.map((c) => c.confidence)).toEqual([6, 7]);
    expect(checkIns.at(-1)?.value).toBe(manual?.manualValue);
    expect(checkIns.every((c) => c.at < NOW)).toBe(true);
  });
});
