import {
  SURVEY_TEMPLATE_DEFINITIONS,
  type Question,
  type SurveyDefinition,
  type SurveyPreview,
} from '@rapport/contracts';
import { auditLog, surveys } from '@rapport/db';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIL_STRINGS } from '../mail/strings';
import { STRINGS } from '../public/strings';
import { sentInvitation } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1] ?? '');
const scored = (html: string) => hrefs(html).filter((h) => h.includes('?score='));

function preview(json: unknown, as: 'manager' | 'admin' = 'manager') {
  return t.request<SurveyPreview>('POST', '/api/v1/surveys/preview', { as, json });
}

const { service_principles: principles, nps, ces, csat } = SURVEY_TEMPLATE_DEFINITIONS;

describe('POST /surveys/preview, page', () => {
  it('renders the public page in Serbian Cyrillic, with its style and without any script', async () => {
    const res = await preview({ definition: principles, locale: 'sr', surface: 'page' });
    expect(res.status).toBe(200);
    expect(res.body.subject).toBeNull();
    expect(res.body.text).toBeNull();
    expect(res.body.locale).toBe('sr');
    const { html } = res.body;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="sr">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toMatch(/<style>[^<]+<\/style>/);
    expect(html).toContain(STRINGS.sr.surveyTitle);
    for (const q of principles.questions) expect(html).toContain(q.text.sr!);
    expect(html).toContain('Потпуно се слажем');
    expect(html).toContain('action="./preview"');
  });

  it('shows follow-up questions only when the sample answers meet their condition', async () => {
    const fieldset = (html: string, id: string) => new RegExp(`<fieldset id="q-${id}"[^>]*>`).exec(html)?.[0];
    const plain = await preview({ definition: csat, locale: 'en', surface: 'page' });
    expect(fieldset(plain.body.html, 'reasons')).toContain('hidden');
    const unhappy = await preview({
      definition: csat,
      locale: 'en',
      surface: 'page',
      answers: { rating: 2, nonsense: 'x', resolved: 'maybe' },
    });
    expect(unhappy.status).toBe(200);
    expect(fieldset(unhappy.body.html, 'reasons')).not.toContain('hidden');
    expect(unhappy.body.html).toMatch(/<input type="radio" value="2" checked="" name="rating"/);
  });

  it('renders in the survey’s default language when it does not offer the one asked for', async () => {
    const englishOnly: SurveyDefinition = { ...nps, locales: ['en'] };
    const res = await preview({ definition: englishOnly, locale: 'ru', surface: 'page' });
    expect(res.body.locale).toBe('en');
    expect(res.body.html).toContain(nps.questions[0]!.text.en!);
    expect(res.body.html).not.toContain(nps.questions[0]!.text.ru!);
  });
});

describe('POST /surveys/preview, email', () => {
  it('renders the invitation for a sample customer and ticket, with a placeholder link', async () => {
    const res = await preview({ definition: csat, locale: 'sr', surface: 'email' });
    expect(res.status).toBe(200);
    const s = MAIL_STRINGS.sr;
    expect(res.body.subject).toBe(s.invitationSubject);
    expect(res.body.locale).toBe('sr');
    expect(res.body.text).toContain(s.greeting('Sample customer'));
    expect(res.body.text).toContain(s.ticketLine({ number: '1234', subject: 'Sample ticket' }));
    expect(res.body.text).toContain(csat.questions[0]!.text.sr!);
    expect(res.body.html).not.toMatch(/<script/i);
    const base = `${t.config.publicUrl}/s/preview`;
    expect(scored(res.body.html)).toEqual([1, 2, 3, 4, 5].map((n) => `${base}?score=${n}`));
    expect(res.body.text).toContain(`${s.openSurvey}: ${base}`);
  });

  it('offers the CES statement’s seven points with its ends named', async () => {
    const res = await preview({ definition: ces, locale: 'hr', surface: 'email' });
    expect(res.body.text).toContain(ces.questions[0]!.text.hr!);
    expect(scored(res.body.html)).toHaveLength(7);
    expect(res.body.text).toContain('1 = Uopće se ne slažem · 7 = Potpuno se slažem');
  });

  it('offers NPS’s eleven points, 0 to 10', async () => {
    const res = await preview({ definition: nps, locale: 'sl', surface: 'email' });
    expect(scored(res.body.html).map((h) => Number(h.split('=').at(-1)))).toEqual(
      Array.from({ length: 11 }, (_, i) => i),
    );
    expect(res.body.text).toContain(nps.questions[0]!.text.sl!);
  });

  it('asks the service-principles survey’s overall rating, with faces, not a principle', async () => {
    const res = await preview({ definition: principles, locale: 'ru', surface: 'email' });
    expect(res.body.text).toContain(principles.questions[0]!.text.ru!);
    expect(res.body.text).not.toContain(principles.questions[2]!.text.ru!);
    expect(scored(res.body.html)).toHaveLength(5);
    expect(res.body.html).toContain('😀');
  });

  it('links the scale the survey page reads ?score= for, even when a yes/no question comes first', async () => {
    const [rating, resolved] = csat.questions as [Question, Question];
    const definition: SurveyDefinition = { ...csat, questions: [resolved, rating] };
    const res = await preview({ definition, locale: 'en', surface: 'email' });
    expect(res.body.text).toContain(rating.text.en!);
    expect(scored(res.body.html)).toHaveLength(5);
  });

  it('passes over a conditional scale: a one-click answer to a hidden question would be lost', async () => {
    const [rating, resolved] = csat.questions as [Question, Question];
    const definition: SurveyDefinition = {
      ...ces,
      questions: [
        resolved,
        {
          ...rating,
          showIf: { match: 'any', clauses: [{ questionId: 'resolved', op: 'eq', value: false }] },
        },
        ...ces.questions,
      ],
    };
    const res = await preview({ definition, locale: 'en', surface: 'email' });
    expect(res.body.text).toContain(ces.questions[0]!.text.en!);
    expect(scored(res.body.html)).toHaveLength(7);
  });

  it('offers just a button to open the survey when it has no scale question', async () => {
    const definition: SurveyDefinition = { ...nps, questions: [nps.questions[1]!] };
    const res = await preview({ definition, locale: 'en', surface: 'email' });
    expect(scored(res.body.html)).toEqual([]);
    expect(hrefs(res.body.html)).toContain(`${t.config.publicUrl}/s/preview`);
    expect(res.body.html).toContain(`>${MAIL_STRINGS.en.openSurvey}</a>`);
  });
});

describe('the real page behind a one-click link of a survey not starting with a 1–5 rating', () => {
  it.each([
    ['nps', 'recommend', 9],
    ['ces', 'effort', 6],
    ['service_principles', 'rating', 4],
  ])('%s: ?score=%s preselects %s on the question the email offered', async (template, questionId, score) => {
    const created = await t.request('POST', '/api/v1/surveys', {
      as: 'manager',
      json: { name: template, template },
    });
    const channel = `ch-${template.replace('_', '-')}`;
    await t.request('PATCH', `/api/v1/surveys/${created.body.id}/rules`, {
      as: 'manager',
      json: { channels: [channel] },
    });
    expect(
      (await t.request('POST', `/api/v1/surveys/${created.body.id}/publish`, { as: 'manager' })).status,
    ).toBe(200);
    const { token } = await sentInvitation(t, { channel });
    const res = await t.app.request(
      `/s/${token}?score=${score}`,
      { headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0' } },
      { incoming: { socket: { remoteAddress: '10.8.0.1' } } },
    );
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain(`data-scale="${questionId}"`);
    expect(html).toContain(`data-preselected="${score}"`);
    expect(html).toContain(`<input type="radio" value="${score}" checked="" name="${questionId}"`);
    // …and the one click is on the question the preview's email offers.
    const email = await preview({
      definition: SURVEY_TEMPLATE_DEFINITIONS[template as keyof typeof SURVEY_TEMPLATE_DEFINITIONS],
      locale: 'en',
      surface: 'email',
    });
    expect(scored(email.body.html)).toContain(`${t.config.publicUrl}/s/preview?score=${score}`);
  });
});

describe('POST /surveys/preview, input and effects', () => {
  it('stores nothing', async () => {
    const counts = async () => ({
      surveys: (await t.db.select({ n: count() }).from(surveys))[0]?.n,
      log: (await t.db.select({ n: count() }).from(auditLog))[0]?.n,
    });
    // Signing in is logged too: do it before counting.
    await preview({ definition: csat, locale: 'en', surface: 'page' }, 'admin');
    const before = await counts();
    await preview({ definition: principles, locale: 'en', surface: 'page' }, 'admin');
    await preview({ definition: principles, locale: 'en', surface: 'email' }, 'admin');
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'an unknown locale',
      { definition: csat, locale: 'de', surface: 'page' },
      'locale: Use one of the supported languages: en, sr, hr, sl, ru.',
    ],
    [
      'an unknown surface',
      { definition: csat, locale: 'en', surface: 'sms' },
      'surface: surface must be page or email.',
    ],
    [
      'a default language not offered',
      { definition: { ...csat, locales: ['sr'] }, locale: 'en', surface: 'page' },
      'definition: The default language must be one of the offered languages.',
    ],
    ['no definition', { locale: 'en', surface: 'page' }, 'definition: This field is required.'],
  ])('refuses %s with 400', async (_, json, message) => {
    const res = await t.request('POST', '/api/v1/surveys/preview', { as: 'manager', json });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'VALIDATION', message });
  });
});
