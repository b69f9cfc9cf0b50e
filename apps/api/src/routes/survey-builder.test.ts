import {
  DEFAULT_RULES,
  DEFAULT_SURVEY_DEFINITION,
  SURVEY_TEMPLATE_DEFINITIONS,
  SURVEY_TEMPLATES,
  type Role,
  type SurveyDefinition,
  type SurveyDetail,
} from '@rapport/contracts';
import { invitations, responses, settings, surveyVersions } from '@rapport/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToRollup, localDay } from '../services/rollups';
import { answered, sentInvitation } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';

async function defaultSurvey(): Promise<SurveyDetail> {
  const list = await t.request<{ items: SurveyDetail[] }>('GET', '/api/v1/surveys', { as: 'viewer' });
  const found = list.body.items.find((s) => s.isDefault);
  if (!found) throw new Error('no default survey');
  return found;
}

async function create(name: string, template: string, as: Role = 'manager'): Promise<SurveyDetail> {
  const res = await t.request<SurveyDetail>('POST', '/api/v1/surveys', { as, json: { name, template } });
  expect(res.status).toBe(201);
  return res.body;
}

/** A survey made from a template, restricted to `channels`, and published as version 1. */
async function published(name: string, template: string, channels: string[] = []): Promise<SurveyDetail> {
  const survey = await create(name, template);
  if (channels.length) {
    const rules = await t.request('PATCH', `/api/v1/surveys/${survey.id}/rules`, {
      as: 'manager',
      json: { channels },
    });
    expect(rules.status).toBe(200);
  }
  const res = await t.request<SurveyDetail>('POST', `/api/v1/surveys/${survey.id}/publish`, {
    as: 'manager',
  });
  expect(res.status).toBe(200);
  return res.body;
}

async function get(id: string): Promise<SurveyDetail> {
  const res = await t.request<SurveyDetail>('GET', `/api/v1/surveys/${id}`, { as: 'viewer' });
  expect(res.status).toBe(200);
  return res.body;
}

async function surveyOfInvitation(invitationId: string) {
  const [row] = await t.db
    .select({ surveyId: invitations.surveyId, surveyVersionId: invitations.surveyVersionId })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  return row;
}

/** The survey's audit-log entries, newest first. */
async function auditOf(id: string) {
  const log = await t.request('GET', '/api/v1/audit-log?entityType=survey&limit=200', { as: 'admin' });
  return (log.body.items as { entityId: string; action: string; before: unknown; after: unknown }[]).filter(
    (e) => e.entityId === id,
  );
}

function editedDefault(): SurveyDefinition {
  const d = structuredClone(DEFAULT_SURVEY_DEFINITION);
  d.questions[0]!.text = { ...d.questions[0]!.text, en: 'How happy are you with our help?' };
  return d;
}

describe('POST /surveys', () => {
  it.each(SURVEY_TEMPLATES)('creates a draft survey from the %s template', async (template) => {
    const res = await t.request<SurveyDetail>('POST', '/api/v1/surveys', {
      as: 'manager',
      json: { name: `  From ${template}  `, template },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: `From ${template}`,
      status: 'draft',
      isDefault: false,
      version: null,
      definition: null,
      draft: SURVEY_TEMPLATE_DEFINITIONS[template],
      rules: DEFAULT_RULES,
      stats: { sent: 0, responses: 0, csat30: { value: null, n: 0, ci95: null } },
    });
    expect(await get(res.body.id)).toEqual(res.body);
    expect((await auditOf(res.body.id))[0]).toMatchObject({
      action: 'survey.create',
      after: { name: `From ${template}`, template, status: 'draft' },
    });
  });

  it.each([
    [
      { name: 'X', template: 'quiz' },
      'template: template must be one of csat, ces, nps, service_principles, blank.',
    ],
    [{ name: ' ', template: 'nps' }, 'name: Survey name cannot be empty.'],
    [{ template: 'nps' }, 'name: This field is required.'],
  ])('refuses %j with 400: %s', async (json, message) => {
    const before = (await t.request('GET', '/api/v1/surveys', { as: 'viewer' })).body.items.length;
    const res = await t.request('POST', '/api/v1/surveys', { as: 'manager', json });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', message });
    expect((await t.request('GET', '/api/v1/surveys', { as: 'viewer' })).body.items).toHaveLength(before);
  });
});

describe('PUT /surveys/:id/draft', () => {
  it('saves a draft of the default survey without touching the published version, and logs it', async () => {
    const survey = await defaultSurvey();
    const draft = editedDefault();
    const res = await t.request<SurveyDetail>('PUT', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
      json: { definition: draft },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: survey.name, status: 'active', version: 1, draft });
    expect(res.body.definition).toEqual(DEFAULT_SURVEY_DEFINITION);
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(survey.updatedAt));
    expect((await auditOf(survey.id))[0]).toMatchObject({
      action: 'survey.draft',
      before: { name: survey.name, draft: null },
      after: { name: survey.name, draft },
    });
  });

  it('refuses a definition with a problem with 400 pointing at the question, and stores nothing', async () => {
    const survey = await create('Problems', 'csat');
    const bad = structuredClone(SURVEY_TEMPLATE_DEFINITIONS.csat);
    bad.questions[2]!.options = bad.questions[2]!.options!.slice(0, 1);
    const res = await t.request('PUT', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
      json: { name: 'Renamed', definition: bad },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toEqual({
      code: 'VALIDATION',
      message: 'definition.questions.2.options: Question 3 needs at least two options.',
      details: [
        { path: 'definition.questions.2.options', message: 'Question 3 needs at least two options.' },
      ],
    });
    const after = await get(survey.id);
    expect(after.name).toBe('Problems');
    expect(after.draft).toEqual(SURVEY_TEMPLATE_DEFINITIONS.csat);
    expect(after.updatedAt).toBe(survey.updatedAt);
  });

  it('reports every problem, each with its question', async () => {
    const survey = await create('Many problems', 'csat');
    const bad = structuredClone(SURVEY_TEMPLATE_DEFINITIONS.csat);
    bad.questions[3]!.id = 'reasons';
    bad.questions[4]!.metric = 'csat';
    const res = await t.request('PUT', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
      json: { definition: bad },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      'definition.questions.3.id',
      'definition.questions.4.metric',
      'definition.questions.4.metric',
    ]);
  });

  it.each([
    [
      (d: SurveyDefinition) => ({
        ...d,
        questions: d.questions.map((q, i) => (i === 1 ? { ...q, type: 'slider' } : q)),
      }),
      'definition.questions.1.type',
      'Question type must be one of rating, nps, ces, yes_no, single_choice, multi_choice, text.',
    ],
    [
      (d: SurveyDefinition) => ({ ...d, questions: [] }),
      'definition.questions',
      'A survey needs at least one question.',
    ],
    [
      (d: SurveyDefinition) => ({ ...d, defaultLocale: 'de' }),
      'definition.defaultLocale',
      'Use one of the supported languages: en, sr, hr, sl, ru.',
    ],
  ])('refuses a schema or survey problem at %#: %s', async (change, path, message) => {
    const survey = await create('Schema', 'csat');
    const res = await t.request('PUT', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
      json: { definition: change(structuredClone(SURVEY_TEMPLATE_DEFINITIONS.csat)) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toBe(`${path}: ${message}`);
    expect(res.body.error.details).toContainEqual({ path, message });
    expect((await get(survey.id)).draft).toEqual(SURVEY_TEMPLATE_DEFINITIONS.csat);
  });

  it('renames with the draft', async () => {
    const survey = await create('Old name', 'blank');
    const res = await t.request<SurveyDetail>('PUT', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'admin',
      json: { name: 'New name', definition: SURVEY_TEMPLATE_DEFINITIONS.nps },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'New name',
      draft: SURVEY_TEMPLATE_DEFINITIONS.nps,
      status: 'draft',
    });
  });

  it('answers 404 for an unknown survey', async () => {
    const res = await t.request('PUT', `/api/v1/surveys/${MISSING}/draft`, {
      as: 'manager',
      json: { definition: DEFAULT_SURVEY_DEFINITION },
    });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Survey was not found.' } });
  });
});

describe('POST /surveys/:id/publish and versions', () => {
  it('publishes version 2 of the default survey; version 1 and its responses stay as they were', async () => {
    const survey = await defaultSurvey();
    // An answer given before publishing, to version 1.
    const before = await answered(t, { rating: 2, resolved: false, comment: 'slow' });
    const draft = editedDefault();
    expect(
      (
        await t.request('PUT', `/api/v1/surveys/${survey.id}/draft`, {
          as: 'manager',
          json: { definition: draft },
        })
      ).status,
    ).toBe(200);
    // An invitation made while the draft is unpublished still gets version 1.
    const pending = await sentInvitation(t);

    const res = await t.request<SurveyDetail>('POST', `/api/v1/surveys/${survey.id}/publish`, {
      as: 'manager',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', version: 2, definition: draft, draft: null });

    const versions = await t.db
      .select()
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, survey.id))
      .orderBy(asc(surveyVersions.version));
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]!.definition).toEqual(DEFAULT_SURVEY_DEFINITION);
    expect(versions[1]!.publishedBy).toBe(t.users.manager.id);

    const [response] = await t.db
      .select()
      .from(responses)
      .where(eq(responses.invitationId, before.invitationId));
    expect(response!.surveyVersionId).toBe(versions[0]!.id);
    expect((await surveyOfInvitation(pending.invitationId))!.surveyVersionId).toBe(versions[0]!.id);
    // The page behind the older invitation still asks version 1's question.
    const page = await t.app.request(
      `/s/${pending.token}`,
      { headers: { 'user-agent': BROWSER } },
      { incoming: { socket: { remoteAddress: '10.9.0.1' } } },
    );
    const html = await page.text();
    expect(html).toContain(DEFAULT_SURVEY_DEFINITION.questions[0]!.text.en!);
    expect(html).not.toContain('How happy are you with our help?');
    // New tickets get version 2.
    const fresh = await sentInvitation(t);
    expect((await surveyOfInvitation(fresh.invitationId))!.surveyVersionId).toBe(versions[1]!.id);

    expect((await auditOf(survey.id))[0]).toMatchObject({
      action: 'survey.publish',
      before: { status: 'active', version: 1 },
      after: { status: 'active', version: 2 },
    });
  });

  it('lists versions newest first and shows each with its definition', async () => {
    const survey = await defaultSurvey();
    const list = await t.request('GET', `/api/v1/surveys/${survey.id}/versions`, { as: 'viewer' });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      {
        version: 2,
        publishedAt: expect.any(String),
        publishedBy: { id: t.users.manager.id, name: 'The manager' },
      },
      { version: 1, publishedAt: expect.any(String), publishedBy: null },
    ]);
    const one = await t.request('GET', `/api/v1/surveys/${survey.id}/versions/1`, { as: 'auditor' });
    expect(one.status).toBe(200);
    expect(one.body).toEqual({ ...list.body.items[1], definition: DEFAULT_SURVEY_DEFINITION });
    const two = await t.request('GET', `/api/v1/surveys/${survey.id}/versions/2`, { as: 'viewer' });
    expect(two.body.definition.questions[0].text.en).toBe('How happy are you with our help?');
  });

  it('answers 404 for an unknown version or survey and 400 for a version that is not a whole number', async () => {
    const survey = await defaultSurvey();
    const missing = await t.request('GET', `/api/v1/surveys/${survey.id}/versions/9`, { as: 'viewer' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      error: { code: 'NOT_FOUND', message: 'Version 9 of this survey was not found.' },
    });
    for (const path of [`${MISSING}/versions`, `${MISSING}/versions/1`]) {
      const res = await t.request('GET', `/api/v1/surveys/${path}`, { as: 'viewer' });
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('Survey was not found.');
    }
    for (const bad of ['abc', '1.5', '0', '-1', '99999999999']) {
      const res = await t.request('GET', `/api/v1/surveys/${survey.id}/versions/${bad}`, { as: 'viewer' });
      expect(res.status, bad).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'VALIDATION',
        message: 'version: The version is a whole number from 1 (as in /versions/2).',
      });
    }
  });

  it('publishes a new survey as version 1 and makes it active', async () => {
    const survey = await create('Effort', 'ces');
    const res = await t.request<SurveyDetail>('POST', `/api/v1/surveys/${survey.id}/publish`, {
      as: 'admin',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'active',
      version: 1,
      definition: SURVEY_TEMPLATE_DEFINITIONS.ces,
      draft: null,
    });
    const versions = await t.request('GET', `/api/v1/surveys/${survey.id}/versions`, { as: 'viewer' });
    expect(versions.body.items).toEqual([
      {
        version: 1,
        publishedAt: expect.any(String),
        publishedBy: { id: t.users.admin.id, name: 'The admin' },
      },
    ]);
  });

  it('refuses to publish without a draft with 409, and changes nothing', async () => {
    const survey = await defaultSurvey();
    expect(survey.draft).toBeNull();
    const res = await t.request('POST', `/api/v1/surveys/${survey.id}/publish`, { as: 'manager' });
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({
      code: 'CONFLICT',
      message:
        '“Post-ticket satisfaction” has no unpublished changes: edit and save a draft, then publish it.',
    });
    expect((await get(survey.id)).version).toBe(survey.version);
  });

  it('answers 404 when publishing an unknown survey', async () => {
    const res = await t.request('POST', `/api/v1/surveys/${MISSING}/publish`, { as: 'manager' });
    expect(res.status).toBe(404);
  });
});

describe('DELETE /surveys/:id/draft', () => {
  it('discards the draft of a published survey, back to its version', async () => {
    const survey = await defaultSurvey();
    await t.request('PUT', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
      json: { definition: DEFAULT_SURVEY_DEFINITION },
    });
    const res = await t.request<SurveyDetail>('DELETE', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ draft: null, version: survey.version, definition: survey.definition });
    expect((await auditOf(survey.id))[0]).toMatchObject({
      action: 'survey.discard_draft',
      before: { draft: DEFAULT_SURVEY_DEFINITION },
      after: { draft: null },
    });
    // Again: nothing to discard, nothing changes.
    const again = await t.request<SurveyDetail>('DELETE', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
    });
    expect(again.status).toBe(200);
    expect(again.body.updatedAt).toBe(res.body.updatedAt);
  });

  it('refuses with 409 for a survey never published, which would be left with nothing', async () => {
    const survey = await create('Never published', 'nps');
    const res = await t.request('DELETE', `/api/v1/surveys/${survey.id}/draft`, { as: 'manager' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain('has never been published');
    expect((await get(survey.id)).draft).toEqual(SURVEY_TEMPLATE_DEFINITIONS.nps);
  });
});

describe('archive and restore', () => {
  it('archives a published survey, refuses edits while archived, and restores it as active', async () => {
    const survey = await published('Archive me', 'nps', ['archive-test']);
    const archived = await t.request<SurveyDetail>('POST', `/api/v1/surveys/${survey.id}/archive`, {
      as: 'manager',
    });
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived', version: 1 });

    const edit = await t.request('PUT', `/api/v1/surveys/${survey.id}/draft`, {
      as: 'manager',
      json: { definition: SURVEY_TEMPLATE_DEFINITIONS.nps },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe('“Archive me” is archived: restore it before editing it.');
    expect((await get(survey.id)).draft).toBeNull();
    const publish = await t.request('POST', `/api/v1/surveys/${survey.id}/publish`, { as: 'manager' });
    expect(publish.status).toBe(409);
    const twice = await t.request('POST', `/api/v1/surveys/${survey.id}/archive`, { as: 'manager' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('“Archive me” is already archived.');

    const restored = await t.request<SurveyDetail>('POST', `/api/v1/surveys/${survey.id}/restore`, {
      as: 'admin',
    });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ status: 'active', version: 1 });
    const again = await t.request('POST', `/api/v1/surveys/${survey.id}/restore`, { as: 'admin' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('“Archive me” is not archived, so there is nothing to restore.');

    expect((await auditOf(survey.id)).slice(0, 2)).toMatchObject([
      { action: 'survey.restore', before: { status: 'archived' }, after: { status: 'active' } },
      { action: 'survey.archive', before: { status: 'active' }, after: { status: 'archived' } },
    ]);
  });

  it('restores a survey never published as a draft', async () => {
    const survey = await create('Draft to archive', 'blank');
    expect(
      (await t.request('POST', `/api/v1/surveys/${survey.id}/archive`, { as: 'manager' })).body.status,
    ).toBe('archived');
    const restored = await t.request('POST', `/api/v1/surveys/${survey.id}/restore`, { as: 'manager' });
    expect(restored.body).toMatchObject({
      status: 'draft',
      version: null,
      draft: SURVEY_TEMPLATE_DEFINITIONS.blank,
    });
  });

  it('answers 404 for an unknown survey', async () => {
    for (const action of ['archive', 'restore']) {
      expect(
        (await t.request('POST', `/api/v1/surveys/${MISSING}/${action}`, { as: 'manager' })).status,
      ).toBe(404);
    }
  });
});

describe('which survey a new ticket gets', () => {
  it('prefers a survey naming the ticket’s channel over the older catch-all, and skips archived ones', async () => {
    const fallback = await defaultSurvey();
    const chat = await published('Chat', 'csat', ['chat']);
    // A second catch-all, newer than the default: the oldest catch-all keeps winning.
    await published('Second catch-all', 'nps');

    const chatTicket = await sentInvitation(t, { channel: 'chat' });
    expect((await surveyOfInvitation(chatTicket.invitationId))!.surveyId).toBe(chat.id);
    const emailTicket = await sentInvitation(t, { channel: 'email' });
    expect((await surveyOfInvitation(emailTicket.invitationId))!.surveyId).toBe(fallback.id);

    await t.request('POST', `/api/v1/surveys/${chat.id}/archive`, { as: 'manager' });
    const afterArchive = await sentInvitation(t, { channel: 'chat' });
    expect((await surveyOfInvitation(afterArchive.invitationId))!.surveyId).toBe(fallback.id);

    await t.request('POST', `/api/v1/surveys/${chat.id}/restore`, { as: 'manager' });
    const afterRestore = await sentInvitation(t, { channel: 'chat' });
    expect((await surveyOfInvitation(afterRestore.invitationId))!.surveyId).toBe(chat.id);
  });

  it('never picks a survey that is only a draft', async () => {
    const draft = await create('Only a draft', 'csat');
    await t.request('PATCH', `/api/v1/surveys/${draft.id}/rules`, {
      as: 'manager',
      json: { channels: ['sms'] },
    });
    const sms = await sentInvitation(t, { channel: 'sms' });
    expect((await surveyOfInvitation(sms.invitationId))!.surveyId).toBe((await defaultSurvey()).id);
  });
});

describe('stats', () => {
  it('counts sent, responses and the CSAT of the last 30 organisation-local days from the rollups', async () => {
    // A zone whose date differs from UTC's right now (UTC+14 from 10:00 UTC, UTC-11 before 11:00),
    // so counting UTC days instead of the organisation's would move the 30-day window.
    const timeZone = new Date().getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    await t.db
      .insert(settings)
      .values({ id: 1, timeZone })
      .onConflictDoUpdate({ target: settings.id, set: { timeZone } });
    const survey = await published('Phone', 'csat', ['phone']);
    await answered(t, { rating: 5, resolved: true }, { channel: 'phone' });
    await answered(t, { rating: 4, resolved: true }, { channel: 'phone' });
    await answered(t, { rating: 2, resolved: false }, { channel: 'phone' });
    await sentInvitation(t, { channel: 'phone' });

    const today = localDay(new Date(), timeZone);
    const daysAgo = (n: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const key = (day: string) => ({
      day,
      surveyId: survey.id,
      teamId: null,
      agentId: null,
      channel: 'phone',
    });
    // Rollup rows without responses behind them: the stats must come from the rollups.
    await addToRollup(t.db, key(daysAgo(29)), { sent: 2, responses: 1, csat5: 1 });
    await addToRollup(t.db, key(daysAgo(30)), { sent: 10, responses: 10, csat1: 10 });
    await addToRollup(t.db, key(daysAgo(3)), { bots: 1 });

    const stats = {
      sent: 4 + 2 + 10,
      responses: 3 + 1 + 10 + 1,
      csat30: { value: 3 / 4, n: 4, ci95: [expect.any(Number), expect.any(Number)] },
    };
    const one = await get(survey.id);
    expect(one.stats).toEqual(stats);
    expect(one.stats.csat30.ci95![0]).toBeLessThan(0.75);
    expect(one.stats.csat30.ci95![1]).toBeGreaterThan(0.75);
    const list = await t.request<{ items: SurveyDetail[] }>('GET', '/api/v1/surveys', { as: 'viewer' });
    expect(list.body.items.find((s) => s.id === survey.id)!.stats).toEqual(stats);
    await t.db.update(settings).set({ timeZone: 'UTC' }).where(eq(settings.id, 1));
  });
});

describe('roles', () => {
  const READERS: Role[] = ['admin', 'manager', 'auditor', 'viewer'];
  const WRITERS: Role[] = ['admin', 'manager'];
  let id = MISSING;
  beforeAll(async () => {
    id = (await create('Role matrix', 'blank')).id;
  });
  const endpoints = (): [string, string, Role[], unknown?][] => [
    ['GET', '/api/v1/surveys', READERS],
    ['GET', `/api/v1/surveys/${id}`, READERS],
    ['GET', `/api/v1/surveys/${id}/versions`, READERS],
    ['GET', `/api/v1/surveys/${id}/versions/1`, READERS],
    ['POST', '/api/v1/surveys', WRITERS, { name: 'X', template: 'blank' }],
    ['PUT', `/api/v1/surveys/${id}/draft`, WRITERS, { definition: SURVEY_TEMPLATE_DEFINITIONS.blank }],
    ['DELETE', `/api/v1/surveys/${id}/draft`, WRITERS],
    ['POST', `/api/v1/surveys/${id}/publish`, WRITERS],
    ['POST', `/api/v1/surveys/${id}/archive`, WRITERS],
    ['POST', `/api/v1/surveys/${id}/restore`, WRITERS],
    [
      'POST',
      '/api/v1/surveys/preview',
      WRITERS,
      { definition: SURVEY_TEMPLATE_DEFINITIONS.blank, locale: 'en', surface: 'page' },
    ],
  ];

  it('refuses every survey endpoint without a session with 401', async () => {
    for (const [method, path, , json] of endpoints()) {
      const res = await t.request(method, path, { json });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('lets managers and admins write and every staff role read; viewers and auditors get 403 and change nothing', async () => {
    const before = await get(id);
    for (const [method, path, allowed, json] of endpoints()) {
      for (const role of READERS.filter((r) => !allowed.includes(r))) {
        const res = await t.request(method, path, { as: role, json });
        expect(res.status, `${method} ${path} as ${role}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect(await get(id)).toEqual(before);
    for (const [method, path, allowed, json] of endpoints()) {
      for (const role of allowed) {
        const res = await t.request(method, path, { as: role, json });
        expect([401, 403], `${method} ${path} as ${role}`).not.toContain(res.status);
      }
    }
  });
});
