import { responses } from '@rapport/db';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportResponses, neutraliseFormula } from '../services/responses-export';
import { answered } from '../testing/fixtures';
import { createTestContext, PASSWORD, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
  await answered(
    t,
    { rating: 5, resolved: true, comment: 'Всё отлично, спасибо! Ђорђе' },
    { team: 'Billing', locale: 'ru' },
  );
  await answered(
    t,
    {
      rating: 1,
      resolved: false,
      reasons: ['took_too_long', 'other'],
      comment: '=HYPERLINK("http://evil.example","click")',
    },
    { team: 'Billing', locale: 'en' },
  );
  await answered(
    t,
    { rating: 2, resolved: false, comment: '-5 stars, "quoted", and\na second line' },
    { team: 'Technical' },
  );
  await answered(t, { rating: 4, resolved: true, comment: '@SUM(A1:A9)' }, { team: 'Technical' });
  await answered(t, { rating: 3, resolved: true, comment: '+1 for Ana' }, { team: 'Technical' });
});
afterAll(() => t.close());

const HEADER = [
  'submitted_at',
  'survey',
  'team',
  'agent',
  'ticket',
  'customer_name',
  'customer_email',
  'locale',
  'channel',
  'csat',
  'nps',
  'ces',
  'resolved',
  'callback',
  'reasons',
  'comment',
  'answers',
  'suspected_bot',
  'counted',
  'response_id',
];

async function download(query = '') {
  const res = await t.app.request(`/api/v1/responses/export.csv${query}`, {
    headers: { cookie: await cookie() },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** The harness's request() decodes the body as text, which drops the BOM: read the bytes here. */
let cached: string | undefined;
async function cookie(): Promise<string> {
  if (cached) return cached;
  const login = await t.app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: t.users.manager.email, password: PASSWORD }),
  });
  cached = login.headers.get('set-cookie')?.split(';')[0] ?? '';
  return cached;
}

function rowsOf(text: string): Record<string, string>[] {
  return parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true });
}

describe('GET /api/v1/responses/export.csv', () => {
  it('downloads UTF-8 with a BOM, a header row and a dated file name', async () => {
    const { res, bytes, text } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rapport-responses-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.slice(1).split('\r\n')[0]).toBe(HEADER.join(','));
    expect(rowsOf(text)).toHaveLength(5);
  });

  it('round-trips Cyrillic and writes each response’s values', async () => {
    const rows = rowsOf((await download()).text);
    const ru = rows.find((r) => r.locale === 'ru');
    expect(ru).toMatchObject({
      survey: 'Post-ticket satisfaction',
      team: 'Billing',
      agent: 'Agent',
      csat: '5',
      nps: '',
      resolved: 'true',
      callback: '',
      comment: 'Всё отлично, спасибо! Ђорђе',
      suspected_bot: 'false',
      counted: 'true',
      channel: 'email',
    });
    expect(ru?.ticket).toMatch(/^FX-/);
    expect(ru?.customer_email).toMatch(/@example\.com$/);
    expect(new Date(ru?.submitted_at ?? '').toISOString()).toBe(ru?.submitted_at);
    expect(JSON.parse(ru?.answers ?? '')).toEqual({
      rating: 5,
      resolved: true,
      comment: 'Всё отлично, спасибо! Ђорђе',
    });
    const low = rows.find((r) => r.csat === '1');
    expect(low?.reasons).toBe('took_too_long; other');
    expect(JSON.parse(low?.answers ?? '')).toMatchObject({ reasons: ['took_too_long', 'other'] });
    // Newest first, like the inbox.
    expect(rows.map((r) => r.csat)).toEqual(['3', '4', '2', '1', '5']);
  });

  it('neutralises cells a spreadsheet would run as formulas, and keeps numbers numbers', async () => {
    const rows = rowsOf((await download()).text);
    const comments = rows.map((r) => r.comment);
    expect(comments).toContain(`'=HYPERLINK("http://evil.example","click")`);
    expect(comments).toContain(`'@SUM(A1:A9)`);
    expect(comments).toContain(`'+1 for Ana`);
    // A text that starts like a negative number is still text, and is escaped; quotes and line
    // breaks survive the CSV quoting.
    expect(comments).toContain(`'-5 stars, "quoted", and\na second line`);
    expect(rows.every((r) => /^[1-5]$/.test(r.csat ?? ''))).toBe(true);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['a=1', 'a=1'],
    ['', ''],
    ['Ђорђе', 'Ђорђе'],
  ])('neutraliseFormula(%j) → %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it('applies the inbox filters', async () => {
    const teams = (await t.request('GET', '/api/v1/teams', { as: 'manager' })).body.items;
    const technical = teams.find((x: { name: string }) => x.name === 'Technical').id;
    const byTeam = rowsOf((await download(`?teamId=${technical}`)).text);
    expect(byTeam.map((r) => r.csat)).toEqual(['3', '4', '2']);
    expect(rowsOf((await download('?score=1,2&resolved=false')).text).map((r) => r.csat)).toEqual(['2', '1']);
    expect(rowsOf((await download('?q=spasibo')).text)).toHaveLength(0);
    expect(rowsOf((await download('?q=%D1%81%D0%BF%D0%B0%D1%81%D0%B8%D0%B1%D0%BE')).text)).toHaveLength(1);
    const none = await download('?to=2020-01-01');
    expect(none.text).toBe(`\uFEFF${HEADER.join(',')}\r\n`);
  });

  it('answers a bad filter with a JSON 400 before any CSV, and is for managers and admins', async () => {
    const bad = await t.request('GET', '/api/v1/responses/export.csv?score=9', { as: 'manager' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION');
    expect((await t.request('GET', '/api/v1/responses/export.csv', { as: 'viewer' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/responses/export.csv', { as: 'auditor' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/responses/export.csv')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/responses/export.csv', { as: 'admin' })).status).toBe(200);
  });

  it('reads more rows than one batch, in keyset batches, without losing or repeating a row', async () => {
    const whole = rowsOf((await download()).text).map((r) => r.response_id);
    for (const batchSize of [1, 2, 4, 5]) {
      const { stream } = await exportResponses(t.db, {}, { batchSize });
      const text = await new Response(stream).text();
      expect(rowsOf(text).map((r) => r.response_id)).toEqual(whole);
    }
    // Rows sharing one submitted time across a batch boundary: the id breaks the tie.
    await t.db.update(responses).set({ submittedAt: new Date('2026-01-01T00:00:00Z') });
    const { stream } = await exportResponses(t.db, {}, { batchSize: 2 });
    const tied = rowsOf(await new Response(stream).text()).map((r) => r.response_id);
    expect(tied).toEqual([...whole].sort().reverse());
  });
});
