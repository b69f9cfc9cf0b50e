/**
 * Inbox benchmark: does the responses inbox's keyset paging stay fast at a million responses?
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx test/bench/inbox.ts [responses=1000000]
 *
 * It creates a fresh database on that server for the run (dropped after it), applies the migrations
 * and fills it with set-based SQL (`insert … select … from generate_series`): five teams, 40 agents,
 * the default survey and a second one, a customer for every five responses, and for each response
 * its resolved ticket and its sent invitation, spread over the 12 months before a fixed date —
 * CSAT 1–5 in the organisation's usual shares, resolved or not, locales en/sr/hr/sl/ru, comments on
 * nearly a third, ~3% suspected bots, and a follow-up for every counted unhappy answer. Then it times
 * `listResponses` for the inbox's filters (3 warm-up runs, then 30 timed ones: p50/p95/max ms) and
 * `exportResponses` streaming one team's whole set (MB/s and the peak resident set size, sampled
 * every 50 ms), and shows `EXPLAIN (ANALYZE, BUFFERS)` of the slowest list query. It prints
 * figures; it does not fail on timing. Not part of the test suite.
 *
 * Like seed.ts it measures library functions rather than the running system, so it imports
 * @rapport/db and, by relative path, the api's services (no server is started).
 */
import { performance } from 'node:perf_hooks';
import type { Database } from '@rapport/db';
import { listResponses } from '../../apps/api/src/services/responses';
import { exportResponses } from '../../apps/api/src/services/responses-export';
import { loadResponses, withBenchDatabase, type Loaded, type Sql } from './load-responses';
import { RUNS, WARMUPS, count, ms, percentile, printTable, timeRuns } from './timing';

type Query = Parameters<typeof listResponses>[1];

const PAGE = 50;
/** How many cursors the deep-page scenario follows before it times the page it reached. */
const DEEP_PAGES = 200;
/** The word the comment-search scenario looks for (in one English complaint). */
const SEARCH_WORD = 'refund';

interface Scenario {
  name: string;
  query: Query;
  /** The same filter by hand, for the row count and EXPLAIN (mirrors responseFilters; `r` is responses). */
  where: string;
}

function scenarios(ids: Loaded, deepCursor: { cursor: string; at: string; id: string }): Scenario[] {
  return [
    { name: 'first page', query: { limit: PAGE }, where: 'true' },
    {
      name: `page ${DEEP_PAGES + 1} (cursor)`,
      query: { limit: PAGE, cursor: deepCursor.cursor },
      where: `(r.submitted_at, r.id) < ('${deepCursor.at}'::timestamptz, '${deepCursor.id}'::uuid)`,
    },
    { name: 'team', query: { limit: PAGE, teamId: ids.teamId }, where: `r.team_id = '${ids.teamId}'` },
    { name: 'agent', query: { limit: PAGE, agentId: ids.agentId }, where: `r.agent_id = '${ids.agentId}'` },
    {
      name: 'survey + locale sl',
      query: { limit: PAGE, surveyId: ids.surveyId, locale: 'sl' },
      where: `r.survey_id = '${ids.surveyId}' and r.locale = 'sl'`,
    },
    {
      name: 'score 1,2 + unresolved',
      query: { limit: PAGE, score: [1, 2], resolved: false },
      where: 'r.csat in (1, 2) and r.resolved = false',
    },
    {
      name: 'one month (May 2026)',
      query: { limit: PAGE, from: '2026-05-01', to: '2026-05-31' },
      where: `r.submitted_at >= '2026-05-01T00:00:00Z' and r.submitted_at < '2026-06-01T00:00:00Z'`,
    },
    {
      name: `comment q=${SEARCH_WORD}`,
      query: { limit: PAGE, q: SEARCH_WORD },
      where: `r.comment ilike '%${SEARCH_WORD}%'`,
    },
    {
      name: 'has comment',
      query: { limit: PAGE, hasComment: true },
      where: `r.comment is not null and r.comment <> ''`,
    },
    { name: 'suspected bots', query: { limit: PAGE, bot: true }, where: 'r.suspected_bot = true' },
    // A search that finds nothing: without the trigram index (migration 0005) it reads every row.
    {
      name: 'comment q= (no match)',
      query: { limit: PAGE, q: 'zanzibar' },
      where: `r.comment ilike '%zanzibar%'`,
    },
  ];
}

/** The list's query by hand (the joins of baseQuery in services/responses.ts), for EXPLAIN. */
const listSql = (where: string) => `
  select r.*, t.external_id, t.subject, c.name, c.email, tm.name, a.name, s.name, f.id
  from responses r
  join tickets t on t.id = r.ticket_id
  join customers c on c.id = r.customer_id
  join surveys s on s.id = r.survey_id
  left join teams tm on tm.id = r.team_id
  left join agents a on a.id = r.agent_id
  left join follow_ups f on f.response_id = r.id
  where ${where}
  order by r.submitted_at desc, r.id desc
  limit ${PAGE + 1}`;

function rssSampler(): { sample: () => void; stop: () => number } {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(peak / 1024 / 1024);
    },
  };
}

/** Follows the cursor from the first page `pages` times, as someone scrolling the inbox would. */
async function followCursor(db: Database, pages: number): Promise<string> {
  let cursor: string | undefined;
  for (let i = 0; i < pages; i++) {
    const page = await listResponses(db, { limit: PAGE, ...(cursor ? { cursor } : {}) });
    if (!page.nextCursor) throw new Error(`the inbox ended after ${i + 1} pages: load more responses`);
    cursor = page.nextCursor;
  }
  if (!cursor) throw new Error('follow at least one page');
  return cursor;
}

interface Timed {
  scenario: Scenario;
  matching: number;
  pageRows: number;
  /** Milliseconds, sorted. */
  times: number[];
}

async function timeList(sql: Sql, db: Database, ids: Loaded): Promise<Timed[]> {
  const walkStarted = performance.now();
  const cursor = await followCursor(db, DEEP_PAGES);
  const walkMs = performance.now() - walkStarted;
  // The cursor is opaque to clients; the bench reads it only to count and EXPLAIN the same rows.
  const [at = '', id = ''] = Buffer.from(cursor, 'base64url').toString().split('|');

  const results: Timed[] = [];
  for (const scenario of scenarios(ids, { cursor, at, id })) {
    const [row] = await sql.unsafe<{ n: string }[]>(
      `select count(*) as n from responses r where ${scenario.where}`,
    );
    const page = await listResponses(db, scenario.query);
    const times = await timeRuns(() => listResponses(db, scenario.query));
    results.push({ scenario, matching: Number(row?.n ?? 0), pageRows: page.items.length, times });
  }
  console.log(
    `\nlistResponses, limit ${PAGE}: ${WARMUPS} warm-up runs, then ${RUNS} timed (ms); following the cursor ` +
      `${DEEP_PAGES} times took ${(walkMs / 1000).toFixed(1)} s (${ms(walkMs / DEEP_PAGES)} ms a page)`,
  );
  printTable([
    ['scenario', 'matching rows', 'page rows', 'p50', 'p95', 'max'],
    ...results.map((r) => [
      r.scenario.name,
      count(r.matching),
      String(r.pageRows),
      ms(percentile(r.times, 50)),
      ms(percentile(r.times, 95)),
      ms(r.times.at(-1) ?? Number.NaN),
    ]),
  ]);
  return results;
}

/** One team's whole set as CSV. It streams if the peak RSS stays far below the CSV's size. */
async function timeExport(sql: Sql, db: Database, teamId: string): Promise<void> {
  const [matching] = await sql<
    { n: string }[]
  >`select count(*) as n from responses where team_id = ${teamId}`;
  const rows = Number(matching?.n ?? 0);
  const baselineMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const rss = rssSampler();
  const started = performance.now();
  const { stream } = await exportResponses(db, { teamId });
  const reader = stream.getReader();
  let bytes = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
    bytes += chunk.value.byteLength;
  const seconds = (performance.now() - started) / 1000;
  const peakMb = rss.stop();
  const mb = bytes / 1024 / 1024;
  console.log('\nexportResponses, one team, whole set:');
  printTable([
    ['rows', 'CSV MB', 'seconds', 'MB/s', 'rows/s', 'RSS before MB', 'peak RSS MB'],
    [
      count(rows),
      mb.toFixed(1),
      seconds.toFixed(1),
      (mb / seconds).toFixed(1),
      count(Math.round(rows / seconds)),
      String(baselineMb),
      String(peakMb),
    ],
  ]);
}

async function explainSlowest(sql: Sql, results: Timed[]): Promise<void> {
  const slowest = results.reduce((a, b) => (percentile(b.times, 95) > percentile(a.times, 95) ? b : a));
  console.log(`\nslowest by p95: ${slowest.scenario.name}; the same query by hand:`);
  const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(
    `explain (analyze, buffers) ${listSql(slowest.scenario.where)}`,
  );
  for (const line of plan) console.log(`  ${line['QUERY PLAN']}`);
}

async function measure(server: string, responses: number): Promise<void> {
  await withBenchDatabase(server, 'inbox', async ({ name, sql, handle }) => {
    console.log(`loading into ${name}:`);
    const ids = await loadResponses(sql, handle.db, responses);
    console.log(`  ${'total'.padEnd(34)} ${ids.loadSeconds.toFixed(1)} s`);
    const results = await timeList(sql, handle.db, ids);
    await timeExport(sql, handle.db, ids.teamId);
    await explainSlowest(sql, results);
  });
}

async function main(): Promise<void> {
  const [countArg] = process.argv.slice(2);
  const responses = Number(countArg ?? 1_000_000);
  if (!Number.isInteger(responses) || responses < PAGE * (DEEP_PAGES + 1)) {
    console.error(
      `usage: tsx test/bench/inbox.ts [responses ≥ ${PAGE * (DEEP_PAGES + 1)}]  (got "${countArg}")`,
    );
    process.exitCode = 1;
    return;
  }
  const server = process.env.DATABASE_URL;
  if (!server) {
    console.error(
      'The inbox benchmark needs a Postgres server: set DATABASE_URL, e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx test/bench/inbox.ts',
    );
    process.exitCode = 1;
    return;
  }
  console.log(`inbox benchmark: ${count(responses)} responses, Node ${process.version}`);
  await measure(server, responses);
}

await main();
