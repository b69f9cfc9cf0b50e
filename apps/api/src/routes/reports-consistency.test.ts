import type { BreakdownRow, Tile, TrendPoint } from '@rapport/contracts';
import { agents, invitations, responses, teams } from '@rapport/db';
import { periodKey, wilsonInterval } from '@rapport/scoring';
import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitResponse } from '../services/answering';
import { answered, sentInvitation, type FixtureTicket } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

// Every figure the report endpoints give is checked against a count of the raw rows that the real
// answering path wrote: responses (with an edited answer and a suspected bot) and sent invitations.

let t: TestContext;
const DAY_MS = 86_400_000;
// The fixtures send "an hour ago" and answer now: near midnight UTC that spans two days.
const TO = new Date().toISOString().slice(0, 10);
const FROM = new Date(Date.now() - DAY_MS).toISOString().slice(0, 10);

const NORTH_EMAIL: FixtureTicket = { team: 'North', agentEmail: 'ana@support.example', channel: 'email' };
const NORTH_CHAT: FixtureTicket = { team: 'North', agentEmail: 'bo@support.example', channel: 'chat' };
const SOUTH_EMAIL: FixtureTicket = { team: 'South', agentEmail: 'cy@support.example', channel: 'email' };

beforeAll(async () => {
  t = await createTestContext();
  for (const [rating, resolved] of [
    [5, true],
    [4, true],
    [2, false],
  ] as const)
    await answered(t, { rating, resolved }, NORTH_EMAIL);
  // Changed within the edit window from happy to unhappy: only the new answer counts.
  const edited = await answered(t, { rating: 5, resolved: true }, NORTH_EMAIL);
  const again = await submitResponse(t.db, {
    token: edited.token,
    answers: { rating: 1, resolved: false },
    partial: false,
    interaction: 'js',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0',
  });
  if (!again.edited) throw new Error('the answer should have been edited');
  // A mail scanner's "answer": stored, flagged, not counted.
  const scanned = await sentInvitation(t, NORTH_EMAIL);
  await submitResponse(t.db, {
    token: scanned.token,
    answers: { rating: 5, resolved: true },
    partial: false,
    interaction: null,
    userAgent: 'Mozilla/5.0 (compatible; Safelinks)',
  });
  await answered(t, { rating: 5, resolved: true }, NORTH_CHAT);
  await answered(t, { rating: 5, resolved: true }, NORTH_CHAT);
  await answered(t, { rating: 3, resolved: false }, SOUTH_EMAIL);
  await answered(t, { rating: 4, resolved: true }, SOUTH_EMAIL);
  await sentInvitation(t, SOUTH_EMAIL);
});
afterAll(() => t.close());

interface Raw {
  teamId: string | null;
  agentId: string | null;
  channel: string;
  csat: number | null;
  resolved: boolean | null;
  day: string;
}

/** The counted responses of the period, straight from the responses table. */
async function rawResponses(): Promise<Raw[]> {
  return t.db
    .select({
      teamId: responses.teamId,
      agentId: responses.agentId,
      channel: responses.channel,
      csat: responses.csat,
      resolved: responses.resolved,
      day: responses.rollupDay,
    })
    .from(responses)
    .where(and(eq(responses.counted, true), gte(responses.rollupDay, FROM), lte(responses.rollupDay, TO)));
}

/** CSAT computed by hand: share of 4–5 among the answers to the rating, in percent. */
function directCsat(rows: Raw[]) {
  const rated = rows.filter((r) => r.csat !== null);
  const satisfied = rated.filter((r) => (r.csat ?? 0) >= 4).length;
  return { value: rated.length ? (100 * satisfied) / rated.length : null, n: rated.length, satisfied };
}

type Figure = { value: number | null; n: number };
/** Same n, same value to 9 decimals (percent is 100·(s/n) on one side and (100·s)/n on the other). */
function expectFigure(actual: Figure | undefined, want: Figure) {
  expect(actual?.n).toBe(want.n);
  if (want.value === null) expect(actual?.value).toBeNull();
  else expect(actual?.value).toBeCloseTo(want.value, 9);
}

const get = async <T>(path: string) => {
  const res = await t.request<T>('GET', path, { as: 'viewer' });
  expect(res.status).toBe(200);
  return res.body;
};

describe('GET /api/v1/reports/tiles', () => {
  it('equals a direct count of the raw responses and invitations', async () => {
    const body = await get<{ tiles: Tile[] }>(`/api/v1/reports/tiles?from=${FROM}&to=${TO}`);
    const tile = (m: string) => body.tiles.find((x) => x.metric === m);
    const raw = await rawResponses();
    const csat = directCsat(raw);
    // Hand check of the fixture: 5, 4, 2, 1 (edited from 5), 5, 5, 3, 4 → 5 of 8; the bot's 5 is not there.
    expect(csat).toMatchObject({ n: 8, satisfied: 5 });
    expectFigure(tile('csat'), csat);
    expect(tile('csat')?.smallSample).toBe(true);
    const ci = wilsonInterval(csat.satisfied, csat.n);
    expect(tile('csat')?.ci95?.[0]).toBeCloseTo(100 * ci[0], 9);
    expect(tile('csat')?.ci95?.[1]).toBeCloseTo(100 * ci[1], 9);

    const answeredResolved = raw.filter((r) => r.resolved !== null);
    expectFigure(tile('resolution_rate'), {
      value: (100 * answeredResolved.filter((r) => r.resolved).length) / answeredResolved.length,
      n: answeredResolved.length,
    });

    const sent = await t.db
      .select({ id: invitations.id, sentAt: invitations.sentAt })
      .from(invitations)
      .where(isNotNull(invitations.sentAt));
    const sentInPeriod = sent.filter((i) => {
      const day = i.sentAt?.toISOString().slice(0, 10) ?? '';
      return day >= FROM && day <= TO;
    }).length;
    expect(sentInPeriod).toBe(10);
    expect(tile('response_rate')).toMatchObject({
      value: (100 * raw.length) / sentInPeriod,
      n: sentInPeriod,
    });

    // No data in the day(s) before: nothing to compare, so no claim about significance.
    expect(tile('csat')).toMatchObject({ change: null, significant: null, previous: { value: null, n: 0 } });
    // The follow-ups the low answers opened are not due yet: no outcome known.
    expect(tile('follow_ups_in_time')).toMatchObject({ value: null, n: 0 });
    expect(body.tiles.map((x) => x.metric)).toEqual([
      'csat',
      'nps',
      'ces',
      'resolution_rate',
      'response_rate',
      'follow_ups_in_time',
      'audit_score',
    ]);
  });

  it('applies the team, agent and channel filters, and says which tiles cannot', async () => {
    const [north] = await t.db.select({ id: teams.id }).from(teams).where(eq(teams.name, 'North'));
    const [bo] = await t.db
      .select({ id: agents.id })
      .from(agents)
      .where(eq(agents.email, 'bo@support.example'));
    const body = await get<{ tiles: Tile[] }>(
      `/api/v1/reports/tiles?from=${FROM}&to=${TO}&teamId=${north?.id}&agentId=${bo?.id}&channel=chat`,
    );
    const raw = (await rawResponses()).filter(
      (r) => r.teamId === north?.id && r.agentId === bo?.id && r.channel === 'chat',
    );
    expect(raw).toHaveLength(2);
    expectFigure(
      body.tiles.find((x) => x.metric === 'csat'),
      directCsat(raw),
    );
    expect(body.tiles.find((x) => x.metric === 'csat')?.ignoredFilters).toEqual([]);
    expect(body.tiles.find((x) => x.metric === 'audit_score')?.ignoredFilters).toEqual([
      'agentId',
      'channel',
    ]);
  });
});

describe('GET /api/v1/reports/trend', () => {
  it.each(['day', 'week', 'month', 'quarter'] as const)(
    'sums CSAT and responses by %s in SQL as the raw rows do',
    async (unit) => {
      const raw = await rawResponses();
      const csatBody = await get<{ points: TrendPoint[] }>(
        `/api/v1/reports/trend?metric=csat&unit=${unit}&from=${FROM}&to=${TO}`,
      );
      const volume = await get<{ points: TrendPoint[] }>(
        `/api/v1/reports/trend?metric=responses&unit=${unit}&from=${FROM}&to=${TO}`,
      );
      const keyOf = (day: string) => periodKey(new Date(`${day}T12:00:00Z`), unit, 'UTC');
      const keys = [...new Set([keyOf(FROM), keyOf(TO)])];
      expect(csatBody.points.map((p) => p.key)).toEqual(keys);
      for (const point of csatBody.points) {
        const inPoint = raw.filter((r) => keyOf(r.day) === point.key);
        const want = directCsat(inPoint);
        expectFigure(point, want);
        expect(point.from >= FROM && point.to <= TO).toBe(true);
      }
      expect(volume.points.map((p) => p.value)).toEqual(
        keys.map((k) => raw.filter((r) => keyOf(r.day) === k).length),
      );
      expect(volume.points.reduce((a, p) => a + (p.value ?? 0), 0)).toBe(8);
    },
  );
});

describe('GET /api/v1/reports/breakdown', () => {
  it.each([
    ['team', (r: Raw) => r.teamId],
    ['agent', (r: Raw) => r.agentId],
    ['channel', (r: Raw) => r.channel],
  ] as const)('gives CSAT by %s as the raw rows do', async (by, idOf) => {
    const body = await get<{ rows: BreakdownRow[] }>(
      `/api/v1/reports/breakdown?by=${by}&metric=csat&from=${FROM}&to=${TO}`,
    );
    const raw = await rawResponses();
    const ids = [...new Set(raw.map(idOf))];
    expect(body.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    for (const row of body.rows) {
      expectFigure(row, directCsat(raw.filter((r) => idOf(r) === row.id)));
      expect(row).toMatchObject({ smallSample: true, rank: null });
    }
    // Every group here is small: listed by name, none ranked.
    const names = body.rows.map((r) => r.name ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('names teams and agents', async () => {
    const body = await get<{ rows: BreakdownRow[] }>(
      `/api/v1/reports/breakdown?by=team&from=${FROM}&to=${TO}`,
    );
    expect(body.rows.map((r) => r.name)).toEqual(['North', 'South']);
    const agentsBody = await get<{ rows: BreakdownRow[] }>(
      `/api/v1/reports/breakdown?by=agent&from=${FROM}&to=${TO}`,
    );
    expect(agentsBody.rows.map((r) => r.name)).toEqual(['Agent', 'Agent', 'Agent']);
  });
});
