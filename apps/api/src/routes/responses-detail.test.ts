import { responses, settings, surveys, surveyVersions } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitResponse } from '../services/answering';
import { getSettings } from '../services/settings';
import { answered, sentInvitation } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';
const PERSON = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0';

describe('GET /api/v1/responses/:id', () => {
  it('shows the answers in the survey’s words, in the default language and as the customer read them', async () => {
    const r = await answered(
      t,
      {
        rating: 2,
        resolved: false,
        reasons: ['took_too_long', 'not_informed'],
        callback: true,
        comment: 'Чекао сам три дана.',
      },
      { team: 'Billing', locale: 'sr', channel: 'chat', agentEmail: 'ana@support.example' },
    );
    const res = await t.request('GET', `/api/v1/responses/${r.responseId}`, { as: 'manager' });
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({
      id: r.responseId,
      csat: 2,
      resolved: false,
      locale: 'sr',
      channel: 'chat',
      comment: 'Чекао сам три дана.',
      suspectedBot: false,
      counted: true,
      editCount: 0,
      history: [],
      survey: { name: 'Post-ticket satisfaction', version: 1, defaultLocale: 'en' },
      ticket: { id: r.ticketId, channel: 'chat', subject: expect.stringMatching(/^Fixture ticket/) },
      team: { name: 'Billing' },
      agent: { name: 'Agent' },
      customer: { erased: false, email: expect.stringContaining('@example.com') },
      userAgent: PERSON,
      countedDecidedBy: null,
      followUp: { id: r.followUpId, status: 'open', overdue: false, owner: { id: expect.any(String) } },
    });
    expect(Date.parse(body.ticket.resolvedAt)).toBeLessThan(Date.now());
    const byId = Object.fromEntries(body.answers.map((a: { questionId: string }) => [a.questionId, a]));
    expect(body.answers.map((a: { questionId: string }) => a.questionId)).toEqual([
      'rating',
      'resolved',
      'reasons',
      'callback',
      'comment',
    ]);
    expect(byId.rating).toEqual({
      questionId: 'rating',
      type: 'rating',
      question: {
        text: 'How satisfied are you with the help you received?',
        asked: 'Колико сте задовољни помоћи коју сте добили?',
      },
      value: 2,
      answer: { text: '2 of 5 · Poor', asked: '2 of 5 · Лоше' },
      scale: { min: 1, max: 5, label: { text: 'Poor', asked: 'Лоше' } },
    });
    expect(byId.resolved.answer).toEqual({ text: 'No', asked: 'Не' });
    expect(byId.callback.answer).toEqual({ text: 'Yes', asked: 'Да' });
    expect(byId.reasons.choices).toEqual([
      { code: 'took_too_long', label: { text: 'It took too long', asked: 'Трајало је предуго' } },
      {
        code: 'not_informed',
        label: { text: 'I was not kept informed', asked: 'Нису ме обавештавали о току' },
      },
    ]);
    expect(byId.reasons.answer.text).toBe('It took too long; I was not kept informed');
    expect(byId.comment.answer).toEqual({ text: 'Чекао сам три дана.', asked: null });
  });

  it('gives no second wording for a response in the survey’s default language', async () => {
    const r = await answered(t, { rating: 5, resolved: true }, { locale: 'en' });
    const res = await t.request('GET', `/api/v1/responses/${r.responseId}`, { as: 'admin' });
    expect(res.body.answers[0]).toMatchObject({
      question: { text: 'How satisfied are you with the help you received?', asked: null },
      answer: { text: '5 of 5 · Excellent', asked: null },
    });
    expect(res.body.followUp).toBeNull();
  });

  it('keeps the edit history oldest first, each set of answers in words, and uses the answered version', async () => {
    const inv = await sentInvitation(t, { locale: 'hr' });
    const submit = (answers: Record<string, unknown>) =>
      submitResponse(t.db, {
        token: inv.token,
        answers: answers as never,
        partial: false,
        interaction: 'js',
        userAgent: PERSON,
      });
    const first = await submit({ rating: 1, resolved: false, reasons: ['unfriendly'] });
    await submit({ rating: 3, resolved: false, reasons: ['unfriendly', 'other'] });
    await submit({ rating: 4, resolved: true });

    // A later version of the survey must not change how this response reads.
    const [survey] = await t.db.select().from(surveys).where(eq(surveys.isDefault, true));
    const [v1] = await t.db.select().from(surveyVersions).where(eq(surveyVersions.surveyId, survey!.id));
    const renamed = structuredClone(v1!.definition);
    renamed.questions[0]!.text = { en: 'Renamed in version 2' };
    await t.db.insert(surveyVersions).values({ surveyId: survey!.id, version: 2, definition: renamed });

    const res = await t.request('GET', `/api/v1/responses/${first.responseId}`, { as: 'manager' });
    expect(res.status).toBe(200);
    expect(res.body.editCount).toBe(2);
    expect(res.body.answers.map((a: { answer: { text: string } }) => a.answer.text)).toEqual([
      '4 of 5 · Good',
      'Yes',
    ]);
    expect(res.body.answers[0].question.text).toBe('How satisfied are you with the help you received?');
    expect(res.body.answers[1].answer.asked).toBe('Da');
    const history = res.body.history as {
      answeredAt: string;
      replacedAt: string;
      answers: { questionId: string; answer: { text: string; asked: string | null } }[];
    }[];
    expect(history).toHaveLength(2);
    expect(history.map((h) => h.answers.map((a) => a.answer.text))).toEqual([
      ['1 of 5 · Very poor', 'No', 'Unfriendly'],
      ['3 of 5 · Okay', 'No', 'Unfriendly; Other'],
    ]);
    expect(history[0]!.answers[2]!.answer.asked).toBe('Neljubaznost');
    expect(Date.parse(history[0]!.replacedAt)).toBeLessThanOrEqual(Date.parse(history[1]!.replacedAt));
  });

  it('shows the bot evidence, the browser, and who decided to count it', async () => {
    const inv = await sentInvitation(t);
    const scanned = await submitResponse(t.db, {
      token: inv.token,
      answers: { rating: 1, resolved: false },
      partial: false,
      interaction: null,
      userAgent: 'Mozilla/5.0 (compatible; Safelinks)',
    });
    const flagged = await t.request('GET', `/api/v1/responses/${scanned.responseId}`, { as: 'manager' });
    expect(flagged.body).toMatchObject({
      suspectedBot: true,
      counted: false,
      botEvidence: ['scanner_user_agent', 'no_interaction'],
      userAgent: 'Mozilla/5.0 (compatible; Safelinks)',
      countedDecidedBy: null,
      followUp: null,
    });
    await t.request('PATCH', `/api/v1/responses/${scanned.responseId}`, {
      as: 'manager',
      json: { counted: true },
    });
    const counted = await t.request('GET', `/api/v1/responses/${scanned.responseId}`, { as: 'manager' });
    expect(counted.body).toMatchObject({
      suspectedBot: true,
      counted: true,
      countedDecidedBy: { id: t.users.manager.id, name: 'The manager' },
      followUp: { status: 'open' },
    });
  });

  it('answers 404 in the house shape for an unknown response, 400 for a malformed id', async () => {
    const missing = await t.request('GET', `/api/v1/responses/${MISSING}`, { as: 'manager' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: 'Response was not found.' } });
    const malformed = await t.request('GET', '/api/v1/responses/not-an-id', { as: 'manager' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({
      code: 'VALIDATION',
      message: 'id: Must be an id (a UUID).',
    });
  });
});

describe('dates and paging', () => {
  it('takes from/to as whole days in the organisation’s time zone', async () => {
    await getSettings(t.db);
    await t.db.update(settings).set({ timeZone: 'Pacific/Auckland' }).where(eq(settings.id, 1));
    // Auckland is UTC+12 in June: local midnight starting 10 June is 12:00 UTC on 9 June.
    const lateOn9th = await answered(t, { rating: 3, resolved: true }, { team: 'Night shift' });
    const earlyOn10th = await answered(t, { rating: 4, resolved: true }, { team: 'Night shift' });
    await t.db
      .update(responses)
      .set({ submittedAt: new Date('2025-06-09T11:59:00Z') })
      .where(eq(responses.id, lateOn9th.responseId));
    await t.db
      .update(responses)
      .set({ submittedAt: new Date('2025-06-09T12:01:00Z') })
      .where(eq(responses.id, earlyOn10th.responseId));
    const ids = async (query: string) =>
      (await t.request('GET', `/api/v1/responses?${query}`, { as: 'manager' })).body.items.map(
        (r: { id: string }) => r.id,
      );
    expect(await ids('from=2025-06-10&to=2025-06-10')).toEqual([earlyOn10th.responseId]);
    expect(await ids('from=2025-06-09&to=2025-06-09')).toEqual([lateOn9th.responseId]);
    expect(await ids('from=2025-06-09&to=2025-06-10')).toEqual([
      earlyOn10th.responseId,
      lateOn9th.responseId,
    ]);
    expect(await ids('to=2025-06-09')).toEqual([lateOn9th.responseId]);
    await t.db.update(settings).set({ timeZone: 'UTC' }).where(eq(settings.id, 1));
    expect(await ids('from=2025-06-09&to=2025-06-09')).toEqual([
      earlyOn10th.responseId,
      lateOn9th.responseId,
    ]);
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await t.request('GET', '/api/v1/responses?from=2025-06-10&to=2025-06-09', { as: 'manager' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', message: 'from must not be after to.' });
  });

  it('pages through rows with the same submitted time without losing or repeating one', async () => {
    const same = new Date('2024-01-15T08:00:00Z');
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await answered(t, { rating: 5, resolved: true }, { team: 'Ties' }));
    for (const r of made)
      await t.db.update(responses).set({ submittedAt: same }).where(eq(responses.id, r.responseId));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.request(
        'GET',
        `/api/v1/responses?from=2024-01-15&to=2024-01-15&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { as: 'manager' },
      );
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(
      made
        .map((r) => r.responseId)
        .sort()
        .reverse(),
    );
  });
});

describe('who may read a response', () => {
  it.each([
    ['viewer', 403],
    ['auditor', 403],
    ['manager', 200],
    ['admin', 200],
  ] as const)('%s → %i', async (role, status) => {
    const r = await answered(t, { rating: 4, resolved: true });
    expect((await t.request('GET', `/api/v1/responses/${r.responseId}`, { as: role })).status).toBe(status);
  });

  it('answers 401 without a session', async () => {
    const res = await t.request('GET', `/api/v1/responses/${MISSING}`);
    expect(res.status).toBe(401);
  });
});
