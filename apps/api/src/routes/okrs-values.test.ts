import {
  customers,
  dailyRollups,
  rebuildTicketDurationRollups,
  settings,
  surveys,
  teams,
  tickets,
} from '@rapport/db';
import { durationBucket, krProgress, medianFromHistogram, okrStatus } from '@rapport/scoring';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricValue } from '../services/metric-values';
import { createCheckIn, listCheckIns } from '../services/okr-checkins';
import { createObjective, getObjective, listObjectives } from '../services/okrs';
import { createTestContext, type TestContext } from '../testing/harness';

/**
 * Current values, progress and status of metric key results for fixed dates, against numbers worked
 * out by hand from the fixtures below (and against metricValue called directly). The organisation
 * is in Belgrade, so 2026-Q4 runs from 2026-09-30T22:00Z to 2026-12-31T23:00Z.
 */
let t: TestContext;
let teamId: string;
let otherTeamId: string;
const NOW = new Date('2026-11-15T12:00:00Z');
const ACTOR = { userId: null, apiKeyId: null, label: 'test', requestId: null };
const Q4_START = new Date('2026-09-30T22:00:00Z');
const Q4_END = new Date('2026-12-31T23:00:00Z');

beforeAll(async () => {
  t = await createTestContext();
  await t.db.update(settings).set({ timeZone: 'Europe/Belgrade' }).where(eq(settings.id, 1));
  const [survey] = await t.db.select({ id: surveys.id }).from(surveys);
  if (!survey) throw new Error('no default survey');
  const [team, other] = await t.db
    .insert(teams)
    .values([{ name: 'Billing' }, { name: 'Onboarding' }])
    .returning({ id: teams.id });
  if (!team || !other) throw new Error('teams not created');
  teamId = team.id;
  otherTeamId = other.id;
  const rollup = (day: string, team: string, csat: [number, number, number, number, number]) => ({
    day,
    surveyId: survey.id,
    teamId: team,
    agentId: null,
    channel: 'email',
    csat1: csat[0],
    csat2: csat[1],
    csat3: csat[2],
    csat4: csat[3],
    csat5: csat[4],
  });
  await t.db.insert(dailyRollups).values([
    // Q3, Billing: 20 of 25 satisfied = 80%: the baseline.
    rollup('2026-09-30', teamId, [5, 0, 0, 10, 10]),
    // Q4 so far, Billing: 45 of 50, then 5 of 10 today = 50 of 60.
    rollup('2026-10-01', teamId, [2, 3, 0, 15, 30]),
    rollup('2026-11-15', teamId, [0, 0, 5, 0, 5]),
    // Tomorrow (after NOW): not yet.
    rollup('2026-11-16', teamId, [100, 0, 0, 0, 0]),
    // Another team: only in the organisation-wide figure.
    rollup('2026-10-02', otherTeamId, [50, 0, 0, 0, 0]),
  ]);
  const [customer] = await t.db.insert(customers).values({ name: 'C' }).returning({ id: customers.id });
  if (!customer) throw new Error('customer not created');
  const ticket = (n: number, openedAt: string, hours: number) => {
    const opened = new Date(openedAt);
    return {
      externalId: `T-${n}`,
      channel: 'email',
      customerId: customer.id,
      teamId,
      openedAt: opened,
      firstResponseAt: new Date(opened.getTime() + hours * 3_600_000),
    };
  };
  await t.db.insert(tickets).values([
    // In Q4 before NOW: 0.5, 1, 2 and 4 hours → median 1.5 h.
    ticket(1, '2026-10-10T08:00:00Z', 0.5),
    ticket(2, '2026-10-20T08:00:00Z', 1),
    ticket(3, '2026-11-02T08:00:00Z', 2),
    ticket(4, '2026-11-15T08:00:00Z', 4),
    // In Q3 (local time: 2026-09-30 23:30 in Belgrade) and after NOW: left out.
    ticket(5, '2026-09-30T21:30:00Z', 100),
    ticket(6, '2026-11-20T08:00:00Z', 50),
  ]);
  // Inserted directly, not through the event path: the duration histogram is built from them as the seed does.
  await rebuildTicketDurationRollups(t.db);
});
afterAll(() => t.close());

describe('key results for fixed dates', () => {
  it('computes the current value from the data, the baseline from the quarter before, and progress and status through @rapport/scoring', async () => {
    const view = await createObjective(
      t.db,
      ACTOR,
      {
        quarter: '2026-Q4',
        teamId,
        title: 'Billing customers are happy and answered fast',
        ownerUserId: t.users.manager.id,
        keyResults: [
          { kind: 'metric', title: 'CSAT ≥ 92%', metric: 'csat', target: 92 },
          {
            kind: 'metric',
            title: 'Median first response ≤ 1 h',
            metric: 'first_response_hours',
            baseline: 3,
            target: 1,
          },
        ],
      },
      { now: NOW },
    );
    const [csat, firstResponse] = view.keyResults;
    if (!csat || !firstResponse) throw new Error('key results missing');
    expect(view.period).toEqual({ from: '2026-10-01', to: '2026-12-31', measuredTo: '2026-11-15' });

    // By hand: 50 satisfied of 60; baseline 20 of 25.
    expect(csat.baseline).toBeCloseTo(80, 10);
    expect(csat.current.n).toBe(60);
    expect(csat.current.value).toBeCloseTo((100 * 50) / 60, 10);
    const direct = await metricValue(t.db, 'csat', { teamId }, { from: '2026-10-01', to: '2026-11-15' }, NOW);
    expect(csat.current).toEqual({ value: direct.value, n: direct.n });
    const csatProgress = krProgress({ baseline: 80, target: 92, current: (100 * 50) / 60 });
    expect(csat.progress).toBeCloseTo(csatProgress, 12);
    expect(csat.progress).toBeCloseTo((50 / 0.6 - 80) / 12, 12);
    // Half the quarter gone (0.506), a quarter of the way there (0.278): at risk.
    expect(csat.status).toBe(
      okrStatus({ progress: csatProgress, periodStart: Q4_START, periodEnd: Q4_END, now: NOW }),
    );
    expect(csat.status).toBe('at_risk');

    // The median of 0.5, 1, 2 and 4 hours is 1.5 h; read from the duration histogram, each answer sits
    // in the middle of its bucket (30 → [30, 31), 60 → [60, 62), 120 → [120, 125), 240 → [240, 245) min),
    // so the middle two read 61 and 122.5 min: 91.75 min, within one bucket (5 min) of 90.
    const firstResponseHours =
      (medianFromHistogram([0.5, 1, 2, 4].map((h) => ({ ...durationBucket(h * 60), count: 1 }))) ?? NaN) / 60;
    expect(firstResponseHours).toBeCloseTo(91.75 / 60, 12);
    expect(Math.abs(firstResponseHours - 1.5)).toBeLessThanOrEqual(5 / 60);
    expect(firstResponse.current).toEqual({ value: firstResponseHours, n: 4 });
    expect(firstResponse.direction).toBe('decrease');
    const firstResponseProgress = krProgress({ baseline: 3, target: 1, current: firstResponseHours });
    expect(firstResponse.progress).toBe(firstResponseProgress);
    expect(firstResponse.progress).toBeCloseTo((3 - 91.75 / 60) / 2, 12);
    // Half the quarter gone (0.506), nearly three quarters of the way there (0.735): on track.
    expect(firstResponse.status).toBe('on_track');

    // The objective: the mean of its key results' progress.
    expect(view.progress).toBeCloseTo((csatProgress + firstResponseProgress) / 2, 12);
    expect(view.status).toBe(
      okrStatus({
        progress: (csatProgress + firstResponseProgress) / 2,
        periodStart: Q4_START,
        periodEnd: Q4_END,
        now: NOW,
      }),
    );

    // A month later the same key result reads the new days too (here: the 100 unhappy answers of the 16th).
    const later = await getObjective(t.db, view.id, { now: new Date('2026-12-15T12:00:00Z') });
    expect(later.keyResults[0]?.current).toEqual({ value: (100 * 50) / 160, n: 160 });
    expect(later.keyResults[0]?.progress).toBe(0);
    expect(later.keyResults[0]?.status).toBe('off_track');
  });

  it('measures an organisation-wide key result over every team, and nothing before its quarter starts', async () => {
    const org = await createObjective(
      t.db,
      ACTOR,
      {
        quarter: '2026-Q4',
        teamId: null,
        title: 'Everyone is happy',
        ownerUserId: t.users.admin.id,
        keyResults: [{ kind: 'metric', title: 'CSAT', metric: 'csat', baseline: 60, target: 90 }],
      },
      { now: NOW },
    );
    expect(org.keyResults[0]?.current).toEqual({ value: (100 * 50) / 110, n: 110 });
    expect(org.keyResults[0]?.progress).toBe(0);

    const early = await listObjectives(
      t.db,
      { quarter: '2026-Q4' },
      { now: new Date('2026-09-01T12:00:00Z') },
    );
    const kr = early.items.find((o) => o.id === org.id)?.keyResults[0];
    expect(kr).toMatchObject({ current: { value: null, n: 0 }, progress: null, status: null });
    expect(early.items.find((o) => o.id === org.id)?.period.measuredTo).toBeNull();
  });

  it('records the computed value in a check-in and draws the history oldest first', async () => {
    const view = await createObjective(
      t.db,
      ACTOR,
      {
        quarter: '2026-Q4',
        teamId,
        title: 'Check-ins',
        ownerUserId: t.users.manager.id,
        keyResults: [{ kind: 'metric', title: 'CSAT', metric: 'csat', baseline: 80, target: 92 }],
      },
      { now: NOW },
    );
    const krId = view.keyResults[0]?.id ?? '';
    const actor = { ...ACTOR, userId: t.users.manager.id };
    await createCheckIn(
      t.db,
      actor,
      krId,
      { confidence: 4, comment: 'Billing errors again.' },
      { now: new Date('2026-10-01T12:00:00Z') },
    );
    await createCheckIn(t.db, actor, krId, { confidence: 6, comment: 'Better.' }, { now: NOW });
    // Recorded later but dated earlier: the history is ordered by when, not by insertion.
    await createCheckIn(
      t.db,
      actor,
      krId,
      { confidence: 5, comment: 'Mid-October.' },
      { now: new Date('2026-10-15T12:00:00Z') },
    );

    const history = await listCheckIns(t.db, krId, { now: NOW });
    expect(history.items.map((c) => [c.confidence, c.value, c.at])).toEqual([
      [4, 90, '2026-10-01T12:00:00.000Z'],
      [5, 90, '2026-10-15T12:00:00.000Z'],
      [6, 100 * (50 / 60), '2026-11-15T12:00:00.000Z'],
    ]);
    expect(history.items.map((c) => c.progress)).toEqual([
      krProgress({ baseline: 80, target: 92, current: 90 }),
      krProgress({ baseline: 80, target: 92, current: 90 }),
      krProgress({ baseline: 80, target: 92, current: 100 * (50 / 60) }),
    ]);
    expect(history.items[0]?.by).toEqual({ id: t.users.manager.id, name: 'The manager' });
    expect(history.keyResult.latestCheckIn?.confidence).toBe(6);
  });
});
