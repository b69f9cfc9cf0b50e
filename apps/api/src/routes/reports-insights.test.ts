import {
  DEFAULT_SURVEY_DEFINITION,
  SURVEY_TEMPLATE_DEFINITIONS,
  type Answers,
  type DriverRow,
  type ReasonRow,
  type Reasons,
} from '@rapport/contracts';
import {
  dailyDriverRollups,
  dailyReasonRollups,
  driverQuestionIds,
  rebuildReasonAndDriverRollups,
  responses,
  surveys,
  teams,
} from '@rapport/db';
import { keyDrivers, Z95 } from '@rapport/scoring';
import { and, eq, gte, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitResponse } from '../services/answering';
import { answered, sentInvitation, type FixtureTicket } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

// The reasons Pareto and the key drivers, checked against a direct computation from the responses
// the real answering path wrote: an edited answer that changes reasons and statements, suspected
// bots excluded until staff count them, a person staff mark as a bot. Then the set-based rebuild
// of the same rollups must give exactly what the live path kept.

let t: TestContext;
const DAY_MS = 86_400_000;
// The fixtures send "an hour ago" and answer now: near midnight UTC that spans two days.
const TO = new Date().toISOString().slice(0, 10);
const FROM = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);
const PERSON = 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0';
const SCANNER = 'Mozilla/5.0 (compatible; Safelinks)';

const PRINCIPLES = driverQuestionIds(SURVEY_TEMPLATE_DEFINITIONS.service_principles);
// The default survey goes to email tickets; the service-principles survey names chat, so it wins there.
const NORTH_EMAIL: FixtureTicket = { team: 'North', agentEmail: 'ana@support.example', channel: 'email' };
const SOUTH_EMAIL: FixtureTicket = { team: 'South', agentEmail: 'cy@support.example', channel: 'email' };
const NORTH_CHAT: FixtureTicket = { team: 'North', agentEmail: 'bo@support.example', channel: 'chat' };
const SOUTH_CHAT: FixtureTicket = { team: 'South', agentEmail: 'cy@support.example', channel: 'chat' };

let principlesSurveyId: string;
let defaultSurveyId: string;
/** Suspected bots (not counted) and a person's answer, for the staff decisions. */
let emailBot: string;
let chatBot: string;
let chatPerson: string;

async function edit(token: string, answers: Answers) {
  const again = await submitResponse(t.db, {
    token,
    answers,
    partial: false,
    interaction: 'js',
    userAgent: PERSON,
  });
  if (!again.edited) throw new Error('the answer should have been edited');
}

async function scanned(answers: Answers, f: FixtureTicket): Promise<string> {
  const inv = await sentInvitation(t, f);
  const r = await submitResponse(t.db, {
    token: inv.token,
    answers,
    partial: false,
    interaction: null,
    userAgent: SCANNER,
  });
  return r.responseId;
}

const decide = async (id: string, counted: boolean) => {
  const res = await t.request('PATCH', `/api/v1/responses/${id}`, { as: 'manager', json: { counted } });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  t = await createTestContext();
  const [byDefault] = await t.db.select({ id: surveys.id }).from(surveys).where(eq(surveys.isDefault, true));
  defaultSurveyId = byDefault?.id ?? '';

  // A service-principles survey for chat tickets, as a manager sets one up.
  const created = await t.request('POST', '/api/v1/surveys', {
    as: 'manager',
    json: { name: 'Service principles', template: 'service_principles' },
  });
  expect(created.status).toBe(201);
  principlesSurveyId = created.body.id;
  expect(
    (
      await t.request('PATCH', `/api/v1/surveys/${principlesSurveyId}/rules`, {
        as: 'manager',
        json: { channels: ['chat'] },
      })
    ).status,
  ).toBe(200);
  expect(
    (await t.request('POST', `/api/v1/surveys/${principlesSurveyId}/publish`, { as: 'manager' })).status,
  ).toBe(200);

  // Reasons, on the default survey.
  await answered(t, { rating: 2, resolved: false, reasons: ['took_too_long', 'not_informed'] }, NORTH_EMAIL);
  await answered(t, { rating: 1, resolved: false, reasons: ['took_too_long'] }, NORTH_EMAIL);
  await answered(
    t,
    { rating: 3, resolved: true, reasons: ['repeated_myself', 'took_too_long'] },
    SOUTH_EMAIL,
  );
  await answered(t, { rating: 2, resolved: true }, SOUTH_EMAIL);
  await answered(t, { rating: 5, resolved: true }, SOUTH_EMAIL);
  // Edited within the window: took_too_long out, not_resolved and other in.
  const changed = await answered(t, { rating: 3, resolved: true, reasons: ['took_too_long'] }, NORTH_EMAIL);
  await edit(changed.token, { rating: 1, resolved: false, reasons: ['not_resolved', 'other'] });
  // Edited from unhappy to happy: its reason goes (the question is hidden for a 5).
  const cheered = await answered(t, { rating: 2, resolved: true, reasons: ['unfriendly'] }, SOUTH_EMAIL);
  await edit(cheered.token, { rating: 5, resolved: true });
  emailBot = await scanned({ rating: 1, resolved: false, reasons: ['wrong_information'] }, NORTH_EMAIL);

  // Statements, on the principles survey.
  const rows: [Answers, FixtureTicket][] = [
    [{ rating: 5, resolved: true, courteous: 5, listened: 4, solved: 5, informed: 4 }, NORTH_CHAT],
    [{ rating: 4, resolved: true, courteous: 4, listened: 5, solved: 4 }, NORTH_CHAT],
    [{ rating: 2, resolved: false, courteous: 3, listened: 2, solved: 1, informed: 2 }, SOUTH_CHAT],
    [{ rating: 1, resolved: false, courteous: 2, listened: 3, solved: 1, informed: 1 }, SOUTH_CHAT],
    [{ rating: 3, resolved: true, courteous: 3, listened: 3, informed: 3 }, NORTH_CHAT],
    [{ rating: 4, resolved: true, courteous: 5, solved: 4, informed: 4 }, SOUTH_CHAT],
  ];
  for (const [answers, f] of rows) await answered(t, answers, f);
  const moved = await answered(t, { rating: 5, resolved: true, courteous: 1, solved: 5 }, NORTH_CHAT);
  await edit(moved.token, { rating: 2, resolved: false, courteous: 2, listened: 1, solved: 2, informed: 2 });
  chatBot = await scanned({ rating: 5, resolved: true, courteous: 5, listened: 5, solved: 5 }, SOUTH_CHAT);
  chatPerson = (
    await answered(t, { rating: 4, resolved: true, courteous: 1, listened: 5, solved: 4 }, NORTH_CHAT)
  ).responseId;
});
afterAll(() => t.close());

interface Raw {
  surveyId: string;
  teamId: string | null;
  agentId: string | null;
  channel: string;
  csat: number | null;
  reasons: string[];
  answers: Answers;
}

/** The counted responses of the period, straight from the responses table. */
async function rawResponses(): Promise<Raw[]> {
  return t.db
    .select({
      surveyId: responses.surveyId,
      teamId: responses.teamId,
      agentId: responses.agentId,
      channel: responses.channel,
      csat: responses.csat,
      reasons: responses.reasons,
      answers: responses.answers,
    })
    .from(responses)
    .where(and(eq(responses.counted, true), gte(responses.rollupDay, FROM), lte(responses.rollupDay, TO)));
}

const get = async <T>(path: string) => {
  const res = await t.request<T>('GET', path, { as: 'viewer' });
  expect(res.status).toBe(200);
  return res.body;
};

/** Reason counts by hand: each counted response counts once for each reason it gives. */
function directReasons(raw: Raw[]) {
  const counts = new Map<string, number>();
  for (const r of raw)
    for (const reason of new Set(r.reasons)) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return { counts, total, withReason: raw.filter((r) => r.reasons.length > 0).length };
}

async function expectReasonsAsRaw(filter: string, keep: (r: Raw) => boolean) {
  const body = await get<Reasons>(`/api/v1/reports/reasons?from=${FROM}&to=${TO}${filter}`);
  const want = directReasons((await rawResponses()).filter(keep));
  expect(body.total).toBe(want.total);
  expect(body.responsesWithReason).toBe(want.withReason);
  expect(Object.fromEntries(body.rows.map((r) => [r.reason, r.count]))).toEqual(
    Object.fromEntries(want.counts),
  );
  // Most frequent first, ties by code; shares of the total, the running share ending at 1.
  const order = [...want.counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([code]) => code);
  expect(body.rows.map((r) => r.reason)).toEqual(order);
  let running = 0;
  for (const row of body.rows) {
    running += row.count;
    expect(row.share).toBeCloseTo(row.count / want.total, 12);
    expect(row.cumulativeShare).toBeCloseTo(running / want.total, 12);
  }
  return body;
}

async function expectDriversAsRaw(filter: string, keep: (r: Raw) => boolean) {
  const body = await get<{ rows: DriverRow[] }>(`/api/v1/reports/drivers?from=${FROM}&to=${TO}${filter}`);
  const raw = (await rawResponses()).filter((r) => r.surveyId === principlesSurveyId && keep(r));
  const rows = raw.map((r) => ({
    overall: r.csat,
    drivers: Object.fromEntries(
      PRINCIPLES.map((id) => [id, typeof r.answers[id] === 'number' ? (r.answers[id] as number) : null]),
    ),
  }));
  // keyDrivers lists every statement, answered or not; the report lists the answered ones.
  const want = keyDrivers(rows).filter((d) => d.n > 0);
  expect(body.rows.map((d) => [d.questionId, d.n])).toEqual(want.map((d) => [d.driver, d.n]));
  body.rows.forEach((row, i) => {
    const w = want[i];
    if (w?.r === null || w?.r === undefined) expect(row.r).toBeNull();
    else expect(row.r).toBeCloseTo(w.r, 12);
    const xs = rows.flatMap((r) => {
      const x = r.drivers[row.questionId];
      return x === null || x === undefined || r.overall === null ? [] : [x];
    });
    expect(row.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 12);
    expect(row.smallSample).toBe(true);
    if (row.r === null || row.n < 4) expect(row.ci95).toBeNull();
    else if (Math.abs(row.r) === 1) expect(row.ci95).toEqual([row.r, row.r]);
    else {
      const half = Z95 / Math.sqrt(row.n - 3);
      expect(row.ci95?.[0]).toBeCloseTo(Math.tanh(Math.atanh(row.r) - half), 12);
      expect(row.ci95?.[1]).toBeCloseTo(Math.tanh(Math.atanh(row.r) + half), 12);
    }
  });
  return body;
}

const teamId = async (name: string) =>
  (await t.db.select({ id: teams.id }).from(teams).where(eq(teams.name, name)))[0]?.id ?? '';

describe('GET /api/v1/reports/reasons', () => {
  it('counts reasons as the raw responses do: edits moved them, the suspected bot is not there', async () => {
    const body = await expectReasonsAsRaw('', () => true);
    // By hand: took_too_long 3 (the edited one moved to not_resolved and other), not_informed,
    // repeated_myself, not_resolved and other 1 each; unfriendly went with its edit; the bot's
    // wrong_information is not counted. Four responses gave a reason, seven reasons in all.
    expect(body.rows.map((r) => [r.reason, r.count])).toEqual([
      ['took_too_long', 3],
      ['not_informed', 1],
      ['not_resolved', 1],
      ['other', 1],
      ['repeated_myself', 1],
    ]);
    expect(body).toMatchObject({ total: 7, responsesWithReason: 4 });
    expect(body.rows[0]).toMatchObject({ label: 'It took too long', share: 3 / 7, cumulativeShare: 3 / 7 });
    expect(body.rows.at(-1)?.cumulativeShare).toBe(1);
    expect(body.period).toEqual({ from: FROM, to: TO, timeZone: 'UTC' });
  });

  it('applies the team, agent, channel and survey filters', async () => {
    const south = await teamId('South');
    await expectReasonsAsRaw(`&teamId=${south}`, (r) => r.teamId === south);
    const [ana] = (await rawResponses()).filter((r) => r.reasons.includes('not_informed'));
    await expectReasonsAsRaw(`&agentId=${ana?.agentId}`, (r) => r.agentId === ana?.agentId);
    const chat = await expectReasonsAsRaw('&channel=chat', (r) => r.channel === 'chat');
    expect(chat).toMatchObject({ total: 0, responsesWithReason: 0, rows: [] });
    await expectReasonsAsRaw(`&surveyId=${defaultSurveyId}`, (r) => r.surveyId === defaultSurveyId);
  });

  it('counts a suspected bot once staff count it, and not after they take it back', async () => {
    const before = await expectReasonsAsRaw('', () => true);
    await decide(emailBot, true);
    const counted = await expectReasonsAsRaw('', () => true);
    expect(counted.total).toBe(before.total + 1);
    expect(counted.rows.find((r) => r.reason === 'wrong_information')?.count).toBe(1);
    await decide(emailBot, false);
    const back = await expectReasonsAsRaw('', () => true);
    expect(back.rows.find((r) => r.reason === 'wrong_information')).toBeUndefined();
    await decide(emailBot, true);
  });

  it('labels a code from the latest published version that offers it', async () => {
    const definition = structuredClone(DEFAULT_SURVEY_DEFINITION);
    const reasons = definition.questions.find((q) => q.metric === 'reasons');
    const option = reasons?.options?.find((o) => o.code === 'took_too_long');
    if (!option) throw new Error('the default survey has no took_too_long');
    option.label = { ...option.label, en: 'We kept you waiting' };
    const saved = await t.request('PUT', `/api/v1/surveys/${defaultSurveyId}/draft`, {
      as: 'manager',
      json: { definition },
    });
    expect(saved.status).toBe(200);
    expect(
      (await t.request('POST', `/api/v1/surveys/${defaultSurveyId}/publish`, { as: 'manager' })).status,
    ).toBe(200);
    const body = await get<{ rows: ReasonRow[] }>(`/api/v1/reports/reasons?from=${FROM}&to=${TO}`);
    expect(body.rows.find((r) => r.reason === 'took_too_long')?.label).toBe('We kept you waiting');
    expect(body.rows.find((r) => r.reason === 'not_informed')?.label).toBe('I was not kept informed');
  });
});

describe('GET /api/v1/reports/drivers', () => {
  it('correlates each statement with the overall rating as keyDrivers does on the raw responses', async () => {
    const body = await expectDriversAsRaw('', () => true);
    expect(body.rows.map((r) => r.questionId).sort()).toEqual([
      'courteous',
      'informed',
      'listened',
      'solved',
    ]);
    expect(body.rows.find((r) => r.questionId === 'courteous')?.label).toBe(
      'The support team was courteous.',
    );
    // By hand for `solved` (x, rating): (5,5) (4,4) (1,2) (1,1) (4,4), the edited (2,2) that was
    // (5,5), the person's (4,4); the suspected bot's (5,5) is not counted → n 7, mean 21/7.
    const solved = body.rows.find((r) => r.questionId === 'solved');
    expect(solved?.n).toBe(7);
    expect(solved?.mean).toBeCloseTo(21 / 7, 12);
  });

  it('moves the sums when staff count a suspected bot and when they mark a person as a bot', async () => {
    const courteous = async () =>
      (await expectDriversAsRaw('', () => true)).rows.find((r) => r.questionId === 'courteous');
    const before = await courteous();
    await decide(chatBot, true);
    expect((await courteous())?.n).toBe((before?.n ?? 0) + 1);
    await decide(chatPerson, false);
    expect((await courteous())?.n).toBe(before?.n);
    await decide(chatPerson, true);
  });

  it('applies the team and survey filters', async () => {
    const north = await teamId('North');
    await expectDriversAsRaw(`&teamId=${north}`, (r) => r.teamId === north);
    await expectDriversAsRaw(`&surveyId=${principlesSurveyId}`, () => true);
    const none = await get<{ rows: DriverRow[] }>(
      `/api/v1/reports/drivers?from=${FROM}&to=${TO}&surveyId=${defaultSurveyId}`,
    );
    expect(none.rows).toEqual([]);
  });
});

describe('report input and access', () => {
  it.each([
    ['/api/v1/reports/reasons?from=2025-02-01&to=2025-01-31', 'from must not be after to'],
    ['/api/v1/reports/reasons?from=2025-02-30&to=2025-03-31', 'real date'],
    ['/api/v1/reports/reasons?to=2025-01-31', 'from'],
    ['/api/v1/reports/reasons?from=2025-01-01&to=2025-01-31&agentId=nope', 'agentId'],
    ['/api/v1/reports/drivers?from=2025-02-01&to=2025-01-31', 'from must not be after to'],
    ['/api/v1/reports/drivers?from=2025-01-01&to=2025-01-31&teamId=nope', 'teamId'],
    ['/api/v1/reports/drivers?from=yesterday&to=2025-01-31', 'date like'],
    // Drivers are kept per team and survey: an agent or channel filter is refused, not ignored.
    [
      '/api/v1/reports/drivers?from=2025-01-01&to=2025-01-31&agentId=5b0e2c1a-8f3d-4c5e-9a7b-1d2e3f4a5b6c',
      'Key drivers are kept per team and survey, not per agent: leave agentId out.',
    ],
    [
      '/api/v1/reports/drivers?from=2025-01-01&to=2025-01-31&channel=chat',
      'Key drivers are kept per team and survey, not per channel: leave channel out.',
    ],
  ])('answers %s with 400', async (path, words) => {
    const res = await t.request('GET', path, { as: 'viewer' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toContain(words);
  });

  it('lets an API key with reports:read in, and refuses one without it, auditors and strangers', async () => {
    const keyWith = async (scopes: string[]) =>
      (await t.request('POST', '/api/v1/api-keys', { as: 'admin', json: { name: 'BI', scopes } })).body
        .key as string;
    const reader = await keyWith(['reports:read']);
    const writer = await keyWith(['tickets:write']);
    for (const path of [
      `/api/v1/reports/reasons?from=${FROM}&to=${TO}`,
      `/api/v1/reports/drivers?from=${FROM}&to=${TO}`,
    ]) {
      const ok = await t.request('GET', path, { headers: { authorization: `Bearer ${reader}` } });
      expect(ok.status).toBe(200);
      expect(ok.body.rows.length).toBeGreaterThan(0);
      const refused = await t.request('GET', path, { headers: { authorization: `Bearer ${writer}` } });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain('reports:read');
      expect((await t.request('GET', path, { as: 'auditor' })).status).toBe(403);
      expect((await t.request('GET', path)).status).toBe(401);
    }
  });
});

describe('rebuildReasonAndDriverRollups', () => {
  /** The rows that hold a count (an edit can leave a row at zero; a rebuild writes none). */
  async function snapshot() {
    const reasons = (await t.db.select().from(dailyReasonRollups)).filter((r) => r.responses !== 0);
    const drivers = (await t.db.select().from(dailyDriverRollups)).filter((r) => r.n !== 0);
    const order = (a: object) => JSON.stringify(a);
    return {
      reasons: reasons.map(order).sort(),
      drivers: drivers.map(order).sort(),
    };
  }

  it('gives from the responses exactly what the live path kept, and changes nothing when run again', async () => {
    const live = await snapshot();
    expect(live.reasons.length).toBeGreaterThan(5);
    expect(live.drivers.length).toBeGreaterThan(5);
    await rebuildReasonAndDriverRollups(t.db);
    expect(await snapshot()).toEqual(live);
    await rebuildReasonAndDriverRollups(t.db);
    expect(await snapshot()).toEqual(live);
    await expectReasonsAsRaw('', () => true);
    await expectDriversAsRaw('', () => true);
  });
});
