import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('/api/v1/surveys', () => {
  it('has the default survey, active, in five languages, with the default rules', async () => {
    const res = await t.request('GET', '/api/v1/surveys', { as: 'viewer' });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    const survey = res.body.items[0];
    expect(survey).toMatchObject({
      name: 'Post-ticket satisfaction',
      status: 'active',
      isDefault: true,
      version: 1,
      draft: null,
      stats: { sent: 0, responses: 0, csat30: { value: null, n: 0, ci95: null } },
      rules: {
        delayMinutes: 60,
        sampleRate: 1,
        throttleDays: 30,
        reminderAfterDays: 3,
        expiresAfterDays: 14,
        editWindowHours: 24,
        channels: [],
        excludedDomains: [],
      },
    });
    expect(survey.definition.questions.map((q: { id: string }) => q.id)).toEqual([
      'rating',
      'resolved',
      'reasons',
      'callback',
      'comment',
    ]);
    for (const q of survey.definition.questions)
      expect(Object.keys(q.text).sort()).toEqual(['en', 'hr', 'ru', 'sl', 'sr']);
    expect(survey.definition.questions[0].text.sr).toBe('Колико сте задовољни помоћи коју сте добили?');
  });

  it('changes rules (manager), keeps the others, and logs the change', async () => {
    const id = (await t.request('GET', '/api/v1/surveys', { as: 'manager' })).body.items[0].id;
    const res = await t.request('PATCH', `/api/v1/surveys/${id}/rules`, {
      as: 'manager',
      json: { delayMinutes: 0, reminderAfterDays: null, excludedDomains: ['Internal.Example'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.rules).toMatchObject({
      delayMinutes: 0,
      reminderAfterDays: null,
      excludedDomains: ['internal.example'],
      throttleDays: 30,
    });
    const one = await t.request('GET', `/api/v1/surveys/${id}`, { as: 'viewer' });
    expect(one.body.rules.delayMinutes).toBe(0);
    const log = await t.request('GET', '/api/v1/audit-log?entityType=survey', { as: 'admin' });
    expect(log.body.items[0]).toMatchObject({ action: 'survey.rules', after: { delayMinutes: 0 } });
  });

  it.each([
    [{ sampleRate: 1.5 }, 'sampleRate: sampleRate is between 0 and 1.'],
    [{ delayMinutes: -1 }, 'delayMinutes: delayMinutes cannot be negative.'],
    [{ expiresAfterDays: 0 }, 'expiresAfterDays: expiresAfterDays is at least 1.'],
    [{ excludedDomains: ['not a domain'] }, 'excludedDomains.0: Excluded domains look like example.com.'],
    [{}, 'Nothing to change.'],
  ])('refuses %j: %s', async (json, message) => {
    const id = (await t.request('GET', '/api/v1/surveys', { as: 'manager' })).body.items[0].id;
    const before = (await t.request('GET', `/api/v1/surveys/${id}`, { as: 'manager' })).body.rules;
    const res = await t.request('PATCH', `/api/v1/surveys/${id}/rules`, { as: 'manager', json });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
    expect((await t.request('GET', `/api/v1/surveys/${id}`, { as: 'manager' })).body.rules).toEqual(before);
  });

  it('answers 404 for an unknown survey', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.request('GET', `/api/v1/surveys/${missing}`, { as: 'viewer' })).status).toBe(404);
    expect(
      (
        await t.request('PATCH', `/api/v1/surveys/${missing}/rules`, {
          as: 'manager',
          json: { delayMinutes: 5 },
        })
      ).status,
    ).toBe(404);
  });
});
