import { createHash } from 'node:crypto';
import {
  DEFAULT_SURVEY_DEFINITION,
  type Answers,
  type ErrorBody,
  type FieldIssue,
  type SurveyDefinition,
} from '@rapport/contracts';
import {
  dailyRollups,
  invitations,
  responseHistory,
  responses,
  suppressions,
  surveyVersions,
} from '@rapport/db';
import { count, eq, max, sum } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentInvitation } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => {
  await t.close();
});

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:130.0) Gecko/20100101 Firefox/130.0';
const FORM = 'application/x-www-form-urlencoded';

let lastAddress = 0;
/** Each call comes from its own client address unless told otherwise, so only the rate-limit test meets the limit. */
function call(
  path: string,
  init: RequestInit = {},
  address = `10.1.${Math.floor(++lastAddress / 250)}.${lastAddress % 250}`,
) {
  const headers = new Headers(init.headers);
  if (!headers.has('user-agent')) headers.set('user-agent', BROWSER);
  return t.app.request(path, { ...init, headers }, { incoming: { socket: { remoteAddress: address } } });
}

function postJson(path: string, body: unknown) {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

function postForm(path: string, fields: [string, string][], headers: Record<string, string> = {}) {
  return call(path, {
    method: 'POST',
    headers: { 'content-type': FORM, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

/** The house error body of a JSON reply. */
async function errorOf(res: Response): Promise<ErrorBody['error']> {
  return ((await res.json()) as ErrorBody).error;
}

async function responsesOf(invitationId: string) {
  return t.db.select().from(responses).where(eq(responses.invitationId, invitationId));
}

/** Counted responses and bots over every rollup row, to see what one request moves. */
async function rollupTotals() {
  const [row] = await t.db
    .select({ responses: sum(dailyRollups.responses), bots: sum(dailyRollups.bots) })
    .from(dailyRollups);
  return { responses: Number(row?.responses ?? 0), bots: Number(row?.bots ?? 0) };
}

async function historyOf(responseId: string) {
  const [row] = await t.db
    .select({ n: count() })
    .from(responseHistory)
    .where(eq(responseHistory.responseId, responseId));
  return row?.n ?? 0;
}

/** The opening tag of the fieldset of a question, to check whether it is hidden. */
function fieldsetOf(html: string, id: string): string {
  const tag = new RegExp(`<fieldset id="q-${id}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no fieldset for ${id}`);
  return tag;
}

const FULL_UNHAPPY: Answers = {
  rating: 2,
  resolved: false,
  reasons: ['took_too_long', 'not_informed'],
  callback: true,
  comment: 'Nobody told me what was happening.',
};

describe('GET /s/:token', () => {
  it('shows the survey with the clicked score chosen and records nothing, with or without a score', async () => {
    const inv = await sentInvitation(t);
    const plain = await call(`/s/${inv.token}`);
    expect(plain.status).toBe(200);
    const plainHtml = await plain.text();
    expect(plainHtml).toMatch(/^<!doctype html><html lang="en">/);
    expect(plainHtml).toContain('How satisfied are you with the help you received?');
    expect(plainHtml).not.toContain('checked=""');

    const clicked = await call(`/s/${inv.token}?score=2`);
    expect(clicked.status).toBe(200);
    const html = await clicked.text();
    expect(html).toMatch(/<input type="radio" value="2" checked="" name="rating"/);
    expect(html).toContain('data-preselected="2"');
    // Rating 2 is unhappy: the follow-up questions are shown without any script.
    expect(fieldsetOf(html, 'reasons')).not.toContain('hidden');
    expect(fieldsetOf(html, 'callback')).not.toContain('hidden');

    expect(await responsesOf(inv.invitationId)).toHaveLength(0);
  });

  it('keeps follow-up questions hidden (and disabled) for a happy score, with their condition for the script', async () => {
    const inv = await sentInvitation(t);
    const html = await (await call(`/s/${inv.token}?score=5`)).text();
    expect(fieldsetOf(html, 'reasons')).toMatch(/hidden="" disabled=""/);
    expect(fieldsetOf(html, 'reasons')).toContain('data-show-if="{&quot;match&quot;:&quot;any&quot;');
    expect(fieldsetOf(html, 'resolved')).not.toContain('hidden');
    expect(html).toContain('name="_shown" value="rating resolved comment"');
  });

  it('ignores a score outside the scale instead of failing', async () => {
    const inv = await sentInvitation(t);
    const res = await call(`/s/${inv.token}?score=9`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('checked=""');
    expect(html).toContain('data-preselected=""');
  });

  it('sends the headers a page with a credential in its URL needs', async () => {
    const inv = await sentInvitation(t);
    const res = await call(`/s/${inv.token}?score=4`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    // The policy allows exactly the inline style and script the page carries.
    const hash = (text: string | undefined) =>
      `'sha256-${createHash('sha256')
        .update(text ?? '')
        .digest('base64')}'`;
    expect(csp).toContain(`style-src ${hash(/<style>([\s\S]*?)<\/style>/.exec(html)?.[1])}`);
    expect(csp).toContain(`script-src ${hash(/<script>([\s\S]*?)<\/script>/.exec(html)?.[1])}`);
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
  });

  it('is under 30 KB and asks for nothing from elsewhere, in the longest language with every question shown', async () => {
    const inv = await sentInvitation(t, { locale: 'ru' });
    const res = await call(`/s/${inv.token}?score=1`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(30 * 1024);
    const html = new TextDecoder().decode(bytes);
    expect(html).not.toMatch(/https?:\/\//);
    const targets = [...html.matchAll(/\s(?:src|href|action)="([^"]*)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(target).toMatch(/^(#q-[a-z_]+|\.\/[\w-]+|\.\.\/u\/[\w-]+|data:,)$/);
  });
});

describe('POST /s/:token with JSON (the page script)', () => {
  it('records the one-click score, then the full answers as a change of the same response with history kept', async () => {
    const inv = await sentInvitation(t);
    const first = await postJson(`/s/${inv.token}`, {
      answers: { rating: 2 },
      partial: true,
      interaction: null,
    });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ saved: true, edited: false });
    const [afterClick] = await responsesOf(inv.invitationId);
    expect(afterClick?.answers).toEqual({ rating: 2 });
    expect(afterClick?.csat).toBe(2);
    // An hour after delivery with no interaction marker: a person who clicked, not a bot.
    expect(afterClick?.suspectedBot).toBe(false);

    const full = await postJson(`/s/${inv.token}`, {
      answers: FULL_UNHAPPY,
      partial: false,
      interaction: 'js',
    });
    expect(full.status).toBe(200);
    expect(await full.json()).toEqual({ saved: true, edited: true });
    const rows = await responsesOf(inv.invitationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.answers).toEqual(FULL_UNHAPPY);
    expect(rows[0]?.comment).toBe('Nobody told me what was happening.');
    expect(await historyOf(rows[0]!.id)).toBe(1);
  });

  it('answers problems in the house error shape', async () => {
    const inv = await sentInvitation(t);
    const res = await postJson(`/s/${inv.token}`, {
      answers: { rating: 9, resolved: 'maybe' },
      partial: false,
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { path: 'rating', message: 'out_of_range' },
        { path: 'resolved', message: 'wrong_type' },
      ]),
    );
    expect(await responsesOf(inv.invitationId)).toHaveLength(0);
  });

  it('refuses a body that is not JSON or not the expected shape', async () => {
    const inv = await sentInvitation(t);
    const broken = await call(`/s/${inv.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"answers": ',
    });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).code).toBe('VALIDATION');
    const wrong = await postJson(`/s/${inv.token}`, { answers: 'rating=5' });
    expect(wrong.status).toBe(400);
    expect(((await errorOf(wrong)).details as FieldIssue[])[0]?.path).toBe('answers');
    expect(await responsesOf(inv.invitationId)).toHaveLength(0);
  });

  it('flags an on-load post seconds after delivery, and a person pressing Send clears the flag', async () => {
    const inv = await sentInvitation(t);
    await t.db
      .update(invitations)
      .set({ sentAt: new Date(Date.now() - 2_000) })
      .where(eq(invitations.id, inv.invitationId));
    await postJson(`/s/${inv.token}`, { answers: { rating: 4 }, partial: true, interaction: null });
    const [flagged] = await responsesOf(inv.invitationId);
    expect(flagged).toMatchObject({ suspectedBot: true, counted: false });
    expect(flagged?.botEvidence).toEqual(['answered_within_seconds', 'no_interaction']);
    const before = await rollupTotals();

    const res = await postForm(`/s/${inv.token}`, [
      ['_shown', 'rating resolved comment'],
      ['rating', '4'],
      ['resolved', 'yes'],
      ['_send', '1'],
    ]);
    expect(res.status).toBe(303);
    const [cleared] = await responsesOf(inv.invitationId);
    expect(cleared).toMatchObject({ suspectedBot: false, counted: true, csat: 4, resolved: true });
    // The rollup moves the answer from the bots into the counted responses.
    expect(await rollupTotals()).toEqual({ responses: before.responses + 1, bots: before.bots - 1 });
    expect(await historyOf(cleared!.id)).toBe(1);
  });

  it('never clears the flag of a known scanner', async () => {
    const inv = await sentInvitation(t);
    const scanner = { 'user-agent': 'Mozilla/5.0 (compatible; Barracuda Sentinel)' };
    await call(`/s/${inv.token}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...scanner },
      body: JSON.stringify({ answers: { rating: 5 }, partial: true }),
    });
    await postForm(
      `/s/${inv.token}`,
      [
        ['rating', '5'],
        ['resolved', 'yes'],
        ['_send', '1'],
      ],
      scanner,
    );
    const [row] = await responsesOf(inv.invitationId);
    expect(row).toMatchObject({ suspectedBot: true, counted: false });
  });
});

describe('POST /s/:token with a form (no JavaScript)', () => {
  it('shows the follow-up questions a low rating reveals, keeping the answers, then the thank-you page', async () => {
    const inv = await sentInvitation(t);
    const first = await postForm(`/s/${inv.token}`, [
      ['_shown', 'rating resolved comment'],
      ['rating', '3'],
      ['resolved', 'yes'],
      ['comment', 'Slow <b>but</b> fine'],
      ['_send', '1'],
    ]);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(html).toContain('Thank you — your rating is saved. Would you tell us a little more?');
    expect(fieldsetOf(html, 'reasons')).not.toContain('hidden');
    expect(fieldsetOf(html, 'callback')).not.toContain('hidden');
    expect(html).toMatch(/value="3" checked="" name="rating"/);
    expect(html).toMatch(/value="yes" checked="" name="resolved"/);
    expect(html).toContain('>Slow &lt;b&gt;but&lt;/b&gt; fine</textarea>');
    // The press counted: the rating is stored already, by a person.
    const [saved] = await responsesOf(inv.invitationId);
    expect(saved).toMatchObject({ csat: 3, resolved: true, suspectedBot: false });

    const second = await postForm(`/s/${inv.token}`, [
      ['_shown', 'rating resolved reasons callback comment'],
      ['rating', '3'],
      ['resolved', 'yes'],
      ['reasons', 'took_too_long'],
      ['reasons', 'not_informed'],
      ['callback', 'no'],
      ['comment', 'Slow but fine'],
      ['_send', '1'],
    ]);
    expect(second.status).toBe(303);
    expect(second.headers.get('location')).toBe(`./${inv.token}/thanks`);
    const rows = await responsesOf(inv.invitationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.answers).toEqual({
      rating: 3,
      resolved: true,
      reasons: ['took_too_long', 'not_informed'],
      callback: false,
      comment: 'Slow but fine',
    });

    const thanks = await call(`/s/${inv.token}/thanks`);
    expect(thanks.status).toBe(200);
    const thanksHtml = await thanks.text();
    expect(thanksHtml).toContain('Thank you!');
    expect(thanksHtml).toMatch(/You can change your answers until [^<]*\d{4}/);
    expect(thanksHtml).toContain(`href="../${inv.token}"`);
  });

  it('goes straight to the thank-you page when nothing new is revealed', async () => {
    const inv = await sentInvitation(t);
    const res = await postForm(`/s/${inv.token}`, [
      ['_shown', 'rating resolved comment'],
      ['rating', '5'],
      ['resolved', 'yes'],
      ['comment', ''],
      ['_send', '1'],
    ]);
    expect(res.status).toBe(303);
    const [row] = await responsesOf(inv.invitationId);
    expect(row?.answers).toEqual({ rating: 5, resolved: true });
  });

  it('shows the saved answers when the customer comes back, and clears what they clear', async () => {
    const inv = await sentInvitation(t);
    await postJson(`/s/${inv.token}`, { answers: FULL_UNHAPPY, partial: false, interaction: 'js' });
    const html = await (await call(`/s/${inv.token}`)).text();
    expect(html).toContain('You have already answered.');
    expect(html).toMatch(/value="not_informed" checked="" name="reasons"/);

    const res = await postForm(`/s/${inv.token}`, [
      ['_shown', 'rating resolved reasons callback comment'],
      ['rating', '2'],
      ['resolved', 'no'],
      ['callback', 'yes'],
      ['comment', ''],
      ['_send', '1'],
    ]);
    expect(res.status).toBe(303);
    const [row] = await responsesOf(inv.invitationId);
    expect(row?.answers).toEqual({ rating: 2, resolved: false, callback: true });
    expect(row?.reasons).toEqual([]);
  });

  it('re-renders problems next to their questions, in the page language, with status 400', async () => {
    const inv = await sentInvitation(t, { locale: 'hr' });
    const res = await postForm(`/s/${inv.token}`, [
      ['_shown', 'rating resolved comment'],
      ['rating', '7'],
      ['comment', 'Ostalo je kako je bilo'],
      ['_send', '1'],
    ]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html lang="hr">');
    expect(html).toContain('Provjerite označene odgovore ispod.');
    expect(html).toContain(
      '<p class="error" id="q-rating-error">Odaberite jednu od ponuđenih vrijednosti.</p>',
    );
    expect(html).toContain('<p class="error" id="q-resolved-error">Odgovorite na ovo pitanje.</p>');
    expect(html).toMatch(/<fieldset id="q-resolved" class="invalid"/);
    expect(html).toMatch(/aria-invalid="true" aria-describedby="q-resolved-error"/);
    expect(html).toContain('href="#q-resolved"');
    expect(html).toContain('>Ostalo je kako je bilo</textarea>');
    expect(await responsesOf(inv.invitationId)).toHaveLength(0);
  });
});

describe('links that cannot be answered', () => {
  it('answers an expired link with a 410 page in the invitation language', async () => {
    const inv = await sentInvitation(t, { locale: 'sr' });
    await t.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(invitations.id, inv.invitationId));
    const res = await call(`/s/${inv.token}?score=5`);
    expect(res.status).toBe(410);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('<html lang="sr">');
    expect(html).toContain('Ова анкета је затворена');

    const json = await postJson(`/s/${inv.token}`, { answers: { rating: 5 }, partial: true });
    expect(json.status).toBe(410);
    expect((await errorOf(json)).code).toBe('GONE');
    const form = await postForm(`/s/${inv.token}`, [
      ['rating', '5'],
      ['_send', '1'],
    ]);
    expect(form.status).toBe(410);
    expect(await responsesOf(inv.invitationId)).toHaveLength(0);
  });

  it('answers unknown and tampered links with a 404 page in the browser language', async () => {
    const inv = await sentInvitation(t);
    const last = inv.token.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${inv.token.slice(0, -1)}${last}`;
    for (const token of ['not-a-real-token', tampered]) {
      const res = await call(`/s/${token}?score=5`, {
        headers: { 'accept-language': 'hr-HR,hr;q=0.9,en;q=0.5' },
      });
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('<html lang="hr">');
      expect(html).toContain('Poveznica nije pronađena');
    }
    const english = await call(`/s/${tampered}`, { headers: { 'accept-language': 'de-DE' } });
    expect(await english.text()).toContain('Link not found');
    const json = await postJson(`/s/${tampered}`, { answers: { rating: 5 }, partial: true });
    expect(json.status).toBe(404);
    expect((await errorOf(json)).code).toBe('NOT_FOUND');
    expect(await responsesOf(inv.invitationId)).toHaveLength(0);
  });

  it('closes answers after the edit window: the page says so, a change gets 409', async () => {
    const inv = await sentInvitation(t, { locale: 'sl' });
    await postJson(`/s/${inv.token}`, {
      answers: { rating: 4, resolved: true },
      partial: false,
      interaction: 'js',
    });
    await t.db
      .update(responses)
      .set({ submittedAt: new Date(Date.now() - 48 * 3_600_000) })
      .where(eq(responses.invitationId, inv.invitationId));

    const page = await call(`/s/${inv.token}?score=1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Vaši odgovori so shranjeni');

    const form = await postForm(`/s/${inv.token}`, [
      ['rating', '1'],
      ['resolved', 'no'],
      ['_send', '1'],
    ]);
    expect(form.status).toBe(409);
    const html = await form.text();
    expect(html).toContain('<html lang="sl">');
    expect(html).toContain('Rok za spremembe je potekel');

    const json = await postJson(`/s/${inv.token}`, { answers: { rating: 1 }, partial: true });
    expect(json.status).toBe(409);
    expect((await errorOf(json)).code).toBe('CONFLICT');
    const [row] = await responsesOf(inv.invitationId);
    expect(row?.csat).toBe(4);
  });
});

describe('languages', () => {
  it.each([
    ['en', 'Send', 'How satisfied are you with the help you received?'],
    ['sr', 'Пошаљи', 'Колико сте задовољни помоћи коју сте добили?'],
    ['hr', 'Pošalji', 'Koliko ste zadovoljni pomoći koju ste dobili?'],
    ['sl', 'Pošlji', 'Kako zadovoljni ste s pomočjo, ki ste jo prejeli?'],
    ['ru', 'Отправить', 'Насколько вы довольны полученной помощью?'],
  ])('renders the %s survey in its own words', async (locale, send, question) => {
    const inv = await sentInvitation(t, { locale });
    const html = await (await call(`/s/${inv.token}?score=4`)).text();
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(`>${send}</button>`);
    expect(html).toContain(question);
  });
});

describe('escaping', () => {
  it('shows markup in a survey text as text', async () => {
    const inv = await sentInvitation(t);
    const [current] = await t.db
      .select({ surveyId: invitations.surveyId, version: max(surveyVersions.version) })
      .from(invitations)
      .innerJoin(surveyVersions, eq(surveyVersions.surveyId, invitations.surveyId))
      .where(eq(invitations.id, inv.invitationId))
      .groupBy(invitations.surveyId);
    const hostile: SurveyDefinition = {
      ...DEFAULT_SURVEY_DEFINITION,
      questions: DEFAULT_SURVEY_DEFINITION.questions.map((q) =>
        q.id === 'rating' ? { ...q, text: { en: 'Rate us <script>alert("x")</script> & "quote"' } } : q,
      ),
    };
    const [version] = await t.db
      .insert(surveyVersions)
      .values({ surveyId: current!.surveyId, version: (current!.version ?? 0) + 100, definition: hostile })
      .returning();
    await t.db
      .update(invitations)
      .set({ surveyVersionId: version!.id })
      .where(eq(invitations.id, inv.invitationId));

    const html = await (await call(`/s/${inv.token}`)).text();
    expect(html).toContain(
      'Rate us &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quote&quot;',
    );
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script/g)).toHaveLength(1);
  });
});

describe('unsubscribe', () => {
  async function suppressed(email: string) {
    return t.db.select().from(suppressions).where(eq(suppressions.email, email));
  }

  it('asks on GET and records nothing', async () => {
    const email = 'ana.horvat@example.com';
    const inv = await sentInvitation(t, { email, locale: 'hr' });
    const res = await call(`/u/${inv.token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="hr">');
    expect(html).toContain('Želite li se odjaviti od anketa?');
    expect(html).toContain('an•••@example.com');
    expect(html).not.toContain(email);
    expect(html).toContain(`<form method="post" action="./${inv.token}">`);
    expect(await suppressed(email)).toHaveLength(0);
  });

  it('records the suppression on POST from the page', async () => {
    const email = 'marko.petrovic@example.com';
    const inv = await sentInvitation(t, { email, locale: 'sr' });
    const res = await postForm(`/u/${inv.token}`, []);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Одјављени сте');
    expect(await suppressed(email)).toHaveLength(1);
    expect(await (await call(`/u/${inv.token}`)).text()).toContain('Више нећемо слати анкете');
  });

  it('works as an RFC 8058 one-click POST from a mail client', async () => {
    const email = 'one.click@example.com';
    const inv = await sentInvitation(t, { email });
    const res = await call(`/u/${inv.token}`, {
      method: 'POST',
      headers: { 'content-type': FORM, 'user-agent': 'Google-Mail-Unsubscribe' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    const [row] = await suppressed(email);
    expect(row).toMatchObject({ reason: 'unsubscribed', invitationId: inv.invitationId });
    const again = await call(`/u/${inv.token}`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(again.status).toBe(200);
  });

  it('answers an unknown link with a 404 page', async () => {
    const res = await postForm('/u/nothing-here', [['List-Unsubscribe', 'One-Click']]);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Link not found');
  });
});

describe('rate limits', () => {
  it('answers 429 with a page (or the house JSON) once a client has used its minute, and only for that client', async () => {
    const address = '192.0.2.77';
    for (let i = 0; i < 60; i += 1) expect((await call('/s/unknown-token', {}, address)).status).toBe(404);
    const limited = await call('/s/unknown-token', { headers: { 'accept-language': 'ru' } }, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Слишком много запросов');
    const json = await call('/s/unknown-token', { headers: { accept: 'application/json' } }, address);
    expect(json.status).toBe(429);
    expect((await errorOf(json)).code).toBe('RATE_LIMITED');
    expect((await call('/s/unknown-token', {}, '192.0.2.78')).status).toBe(404);
  });

  it('allows fewer posts than reads', async () => {
    const address = '192.0.2.90';
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) {
      const res = await call(
        '/u/unknown-token',
        { method: 'POST', headers: { 'content-type': FORM }, body: '' },
        address,
      );
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});
