import { krProgress } from '@rapport/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
// A quarter far ahead: its objectives have no data yet, whatever day the tests run.
const QUARTER = '2031-Q2';

function objective(extra: Record<string, unknown> = {}) {
  return {
    quarter: QUARTER,
    title: 'Every resolved ticket leaves a happy customer',
    ownerUserId: t.users.manager.id,
    keyResults: [
      { kind: 'metric', title: 'CSAT at least 92%', metric: 'csat', baseline: 88, target: 92 },
      { kind: 'manual', title: 'Publish 40 FAQ answers', baseline: 10, target: 40, current: 25 },
    ],
    ...extra,
  };
}

describe('/api/v1/okrs', () => {
  it('creates an objective with key results, reads, renames and deletes it, logging each change', async () => {
    const created = await t.request('POST', '/api/v1/okrs', { as: 'manager', json: objective() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      quarter: QUARTER,
      teamId: null,
      owner: { id: t.users.manager.id, name: 'The manager' },
      period: { from: '2031-04-01', to: '2031-06-30', measuredTo: null },
    });
    const [csat, faq] = created.body.keyResults;
    expect(csat).toMatchObject({
      kind: 'metric',
      metric: 'csat',
      unit: 'percent',
      direction: 'increase',
      current: { value: null, n: 0 },
      progress: null,
      status: null,
      latestCheckIn: null,
    });
    // Manual: 25 of the way from 10 to 40 is half; the quarter has not started, so that is on track.
    expect(faq).toMatchObject({
      kind: 'manual',
      current: { value: 25, n: null },
      progress: 0.5,
      status: 'on_track',
    });
    // Only the manual key result has a value: the objective's progress is the mean over those that do.
    expect(created.body.progress).toBe(0.5);

    const id = created.body.id;
    const list = await t.request('GET', `/api/v1/okrs?quarter=${QUARTER}`, { as: 'viewer' });
    expect(list.status).toBe(200);
    expect(list.body.quarter).toBe(QUARTER);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([id]);

    const renamed = await t.request('PATCH', `/api/v1/okrs/${id}`, {
      as: 'admin',
      json: { title: 'Happy customers', description: 'Why: renewals follow satisfaction.' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      title: 'Happy customers',
      description: 'Why: renewals follow satisfaction.',
    });

    const log = await t.request('GET', '/api/v1/audit-log?entityType=objective', { as: 'admin' });
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'objective.update',
      'objective.create',
    ]);
    expect(log.body.items[0]).toMatchObject({
      actor: 'admin@test.example',
      before: { title: 'Every resolved ticket leaves a happy customer' },
      after: { title: 'Happy customers' },
    });

    expect((await t.request('DELETE', `/api/v1/okrs/${id}`, { as: 'manager' })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/okrs/${id}`, { as: 'viewer' })).status).toBe(404);
    const afterDelete = await t.request('GET', '/api/v1/audit-log?entityType=objective', { as: 'admin' });
    expect(afterDelete.body.items[0]).toMatchObject({ action: 'objective.delete', entityId: id });
  });

  it('filters by team and defaults the direction from the metric (hours go down)', async () => {
    const team = await t.request('POST', '/api/v1/teams', { as: 'manager', json: { name: 'Billing' } });
    const teamObjective = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: {
        quarter: QUARTER,
        teamId: team.body.id,
        title: 'Billing answers fast',
        ownerUserId: t.users.manager.id,
        keyResults: [
          {
            kind: 'metric',
            title: 'Median first response ≤ 1 h',
            metric: 'first_response_hours',
            baseline: 3,
            target: 1,
          },
        ],
      },
    });
    expect(teamObjective.status).toBe(201);
    expect(teamObjective.body).toMatchObject({ teamId: team.body.id, teamName: 'Billing' });
    expect(teamObjective.body.keyResults[0]).toMatchObject({ direction: 'decrease', unit: 'hours' });
    await t.request('POST', '/api/v1/okrs', { as: 'manager', json: objective() });

    const billing = await t.request('GET', `/api/v1/okrs?quarter=${QUARTER}&teamId=${team.body.id}`, {
      as: 'viewer',
    });
    expect(billing.body.items.map((o: { title: string }) => o.title)).toEqual(['Billing answers fast']);
    const all = await t.request('GET', `/api/v1/okrs?quarter=${QUARTER}`, { as: 'viewer' });
    // Organisation-wide objectives first.
    expect(all.body.items.map((o: { teamId: string | null }) => o.teamId)).toEqual([null, team.body.id]);
  });

  it('adds, changes and removes key results; a manual value is refused on a metric key result', async () => {
    const created = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: objective({ keyResults: [] }),
    });
    const id = created.body.id;
    const added = await t.request('POST', `/api/v1/okrs/${id}/key-results`, {
      as: 'manager',
      json: { kind: 'metric', title: 'Audit score 85', metric: 'audit_score', baseline: 78, target: 85 },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ objectiveId: id, position: 0, metric: 'audit_score', unit: 'points' });
    const krId = added.body.id;

    const changed = await t.request('PATCH', `/api/v1/okrs/key-results/${krId}`, {
      as: 'manager',
      json: { target: 90, title: 'Audit score 90' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ target: 90, baseline: 78, title: 'Audit score 90' });

    const typed = await t.request('PATCH', `/api/v1/okrs/key-results/${krId}`, {
      as: 'manager',
      json: { current: 88 },
    });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details).toEqual([
      { path: 'current', message: expect.stringContaining('computed from the data') },
    ]);

    const createdWithValue = await t.request('POST', `/api/v1/okrs/${id}/key-results`, {
      as: 'manager',
      json: { kind: 'metric', title: 'CSAT', metric: 'csat', baseline: 80, target: 90, current: 85 },
    });
    expect(createdWithValue.status).toBe(400);
    expect(createdWithValue.body.error.details[0].path).toBe('current');

    const log = await t.request('GET', '/api/v1/audit-log?entityType=key_result', { as: 'admin' });
    expect(log.body.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual([
      'key_result.update',
      'key_result.create',
    ]);
    expect(log.body.items[0]).toMatchObject({ before: { target: 85 }, after: { target: 90 } });

    expect((await t.request('DELETE', `/api/v1/okrs/key-results/${krId}`, { as: 'manager' })).status).toBe(
      204,
    );
    const after = await t.request('GET', `/api/v1/okrs/${id}`, { as: 'viewer' });
    expect(after.body.keyResults).toEqual([]);
    expect((await t.request('DELETE', `/api/v1/okrs/key-results/${krId}`, { as: 'manager' })).status).toBe(
      404,
    );
  });

  it('refuses a target equal to the baseline with a message that says why', async () => {
    const res = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: objective({
        keyResults: [{ kind: 'metric', title: 'CSAT', metric: 'csat', baseline: 90, target: 90 }],
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'VALIDATION',
      message:
        'The target equals the baseline (90), so progress cannot be measured. Set a target above the baseline.',
      details: [{ path: 'keyResults.0.target', message: expect.stringContaining('equals the baseline') }],
    });
    const list = await t.request('GET', `/api/v1/okrs?quarter=2031-Q3`, { as: 'viewer' });
    expect(list.body.items).toEqual([]);
  });

  it('refuses a target on the wrong side of the baseline for the direction', async () => {
    const res = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: objective({
        keyResults: [
          { kind: 'metric', title: 'Faster', metric: 'resolution_hours', baseline: 10, target: 12 },
        ],
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Resolution time should decrease here, so the target must be below the baseline (10); or set direction to increase.',
    );
  });

  it('asks for a baseline when the quarter before has no data to take one from', async () => {
    const res = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: objective({ keyResults: [{ kind: 'metric', title: 'NPS 40', metric: 'nps', target: 40 }] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      {
        path: 'keyResults.0.baseline',
        message: 'NPS has no data in 2031-Q1 to take a baseline from. Give the baseline.',
      },
    ]);
  });

  it.each([
    [
      'an unknown metric',
      { keyResults: [{ kind: 'metric', title: 'X', metric: 'happiness', baseline: 1, target: 2 }] },
    ],
    ['an unknown kind', { keyResults: [{ kind: 'guess', title: 'X', baseline: 1, target: 2 }] }],
    ['a bad quarter', { quarter: '2026-Q5' }],
    ['no title', { title: '  ' }],
    ['a bad owner id', { ownerUserId: 'someone' }],
    ['a manual key result without a baseline', { keyResults: [{ kind: 'manual', title: 'X', target: 2 }] }],
    [
      'eleven key results',
      {
        keyResults: Array.from({ length: 11 }, (_, i) => ({
          kind: 'manual',
          title: `K${i}`,
          baseline: 0,
          target: 1,
        })),
      },
    ],
  ])('answers %s with 400', async (_, extra) => {
    const res = await t.request('POST', '/api/v1/okrs', { as: 'manager', json: objective(extra) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
  });

  it('names the unknown metric in its message', async () => {
    const res = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: objective({
        keyResults: [{ kind: 'metric', title: 'X', metric: 'happiness', baseline: 1, target: 2 }],
      }),
    });
    expect(res.body.error.message).toMatch(/^keyResults\.0\.metric: metric must be one of csat, nps, /);
  });

  it('refuses an unknown team or owner, and a deactivated owner', async () => {
    const team = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: objective({ teamId: MISSING }),
    });
    expect(team.status).toBe(400);
    expect(team.body.error.details[0].path).toBe('teamId');
    const owner = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: objective({ ownerUserId: MISSING }),
    });
    expect(owner.status).toBe(400);
    expect(owner.body.error.details[0].path).toBe('ownerUserId');
  });

  it('keeps check-ins in order, each with its value and progress; a manual check-in moves the current value', async () => {
    const created = await t.request('POST', '/api/v1/okrs', { as: 'manager', json: objective() });
    const [csat, faq] = created.body.keyResults;
    const first = await t.request('POST', `/api/v1/okrs/key-results/${faq.id}/check-ins`, {
      as: 'manager',
      json: { confidence: 6, comment: 'Writing them with the team leads.' },
    });
    expect(first.status).toBe(201);
    // No value given: the check-in records the value as it stands.
    expect(first.body).toMatchObject({
      confidence: 6,
      value: 25,
      progress: 0.5,
      by: { id: t.users.manager.id },
    });
    const second = await t.request('POST', `/api/v1/okrs/key-results/${faq.id}/check-ins`, {
      as: 'admin',
      json: { confidence: 8, comment: 'Two more weeks.', value: 34 },
    });
    expect(second.body).toMatchObject({
      value: 34,
      progress: krProgress({ baseline: 10, target: 40, current: 34 }),
    });
    await t.request('POST', `/api/v1/okrs/key-results/${faq.id}/check-ins`, {
      as: 'manager',
      json: { confidence: 9, value: 40 },
    });

    const history = await t.request('GET', `/api/v1/okrs/key-results/${faq.id}/check-ins`, { as: 'viewer' });
    expect(history.status).toBe(200);
    expect(
      history.body.items.map((c: { confidence: number; value: number; progress: number }) => [
        c.confidence,
        c.value,
        c.progress,
      ]),
    ).toEqual([
      [6, 25, 0.5],
      [8, 34, 0.8],
      [9, 40, 1],
    ]);
    expect(history.body.keyResult).toMatchObject({ current: { value: 40 }, progress: 1, status: 'achieved' });
    expect(history.body.keyResult.latestCheckIn).toMatchObject({ confidence: 9, comment: '' });

    const listed = await t.request('GET', `/api/v1/okrs/${created.body.id}`, { as: 'viewer' });
    expect(listed.body.keyResults[1].latestCheckIn).toMatchObject({ confidence: 9, value: 40 });

    const metricValue = await t.request('POST', `/api/v1/okrs/key-results/${csat.id}/check-ins`, {
      as: 'manager',
      json: { confidence: 5, value: 91 },
    });
    expect(metricValue.status).toBe(400);
    expect(metricValue.body.error.details[0].path).toBe('value');
    const metricCheckIn = await t.request('POST', `/api/v1/okrs/key-results/${csat.id}/check-ins`, {
      as: 'manager',
      json: { confidence: 5, comment: 'No data yet.' },
    });
    expect(metricCheckIn.body).toMatchObject({ value: null, progress: null });

    const log = await t.request('GET', '/api/v1/audit-log?entityType=key_result', { as: 'admin' });
    expect(log.body.items[0]).toMatchObject({
      action: 'key_result.check_in',
      entityId: csat.id,
      after: { confidence: 5 },
    });
  });

  it.each([[{ confidence: 0 }], [{ confidence: 11 }], [{ confidence: 7.5 }], [{ comment: 'no confidence' }]])(
    'refuses the check-in %j with 400',
    async (json) => {
      const created = await t.request('POST', '/api/v1/okrs', { as: 'manager', json: objective() });
      const res = await t.request(
        'POST',
        `/api/v1/okrs/key-results/${created.body.keyResults[1].id}/check-ins`,
        {
          as: 'manager',
          json,
        },
      );
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('confidence');
    },
  );

  it('answers 404 for unknown objectives and key results', async () => {
    for (const [method, path, json] of [
      ['GET', `/api/v1/okrs/${MISSING}`],
      ['PATCH', `/api/v1/okrs/${MISSING}`, { title: 'x' }],
      ['DELETE', `/api/v1/okrs/${MISSING}`],
      ['POST', `/api/v1/okrs/${MISSING}/key-results`, { kind: 'manual', title: 'x', baseline: 0, target: 1 }],
      ['PATCH', `/api/v1/okrs/key-results/${MISSING}`, { title: 'x' }],
      ['GET', `/api/v1/okrs/key-results/${MISSING}/check-ins`],
      ['POST', `/api/v1/okrs/key-results/${MISSING}/check-ins`, { confidence: 5 }],
    ] as const) {
      const res = await t.request(method, path, { as: 'admin', json });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });
});
