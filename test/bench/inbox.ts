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
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { insertDefaultSurvey, openDatabase, type Database } from '@rapport/db';
import { listResponses } from '../../apps/api/src/services/responses';
import { exportResponses } from '../../apps/api/src/services/responses-export';

type Query = Parameters<typeof listResponses>[1];
type Sql = postgres.Sql;

// A fixed end of period: every run loads the same shape of data (random() is seeded too).
const NOW = '2026-11-23T08:00:00Z';
const TEAMS = ['Billing', 'Technical', 'Onboarding', 'Enterprise', 'Returns'] as const;
const AGENTS = 40;
const PAGE = 50;
/** How many cursors the deep-page scenario follows before it times the page it reached. */
const DEEP_PAGES = 200;
const WARMUPS = 3;
const RUNS = 30;
/** The word the comment-search scenario looks for (in one English complaint). */
const SEARCH_WORD = 'refund';

/**
 * Three happy and three unhappy comments per locale (from the demo generator's set). Happy ones go
 * with ratings of 4–5, unhappy ones with 1–3.
 */
const COMMENTS: Record<string, { positive: string[]; negative: string[] }> = {
  en: {
    positive: [
      'Quick and friendly, thank you!',
      'Solved on the first reply. Great job.',
      'Excellent service as always.',
    ],
    negative: [
      'It took almost a week to get an answer.',
      'I had to explain the same thing three times.',
      'Still waiting for the refund.',
    ],
  },
  sr: {
    positive: ['Брзо и љубазно, хвала!', 'Проблем решен из првог одговора.', 'Одлична услуга као и увек.'],
    negative: [
      'На одговор сам чекао скоро недељу дана.',
      'Проблем и даље постоји.',
      'Још увек чекам повраћај новца.',
    ],
  },
  hr: {
    positive: ['Brzo i ljubazno, hvala!', 'Riješeno već u prvom odgovoru.', 'Odlična usluga kao i uvijek.'],
    negative: [
      'Na odgovor sam čekao gotovo tjedan dana.',
      'Problem još uvijek postoji.',
      'Još uvijek čekam povrat novca.',
    ],
  },
  sl: {
    positive: ['Hitro in prijazno, hvala!', 'Rešeno že v prvem odgovoru.', 'Odlična storitev kot vedno.'],
    negative: [
      'Na odgovor sem čakal skoraj teden dni.',
      'Težava je še vedno prisotna.',
      'Še vedno čakam na vračilo denarja.',
    ],
  },
  ru: {
    positive: ['Быстро и вежливо, спасибо!', 'Решили с первого ответа.', 'Отличный сервис, как всегда.'],
    negative: ['Ответа ждал почти неделю.', 'Проблема так и не решена.', 'До сих пор жду возврат денег.'],
  },
};

/** A customer's locale from their number: en 40%, sr 20%, hr 15%, sl 15%, ru 10%. */
const localeOf = (n: string) =>
  `(array['en','en','en','en','en','en','en','en','sr','sr','sr','sr','hr','hr','hr','sl','sl','sl','ru','ru'])[1 + ${n} % 20]`;

/** Deterministic ids, so every table can point at its parents without a join. */
const idOf = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

/**
 * One row per response with every random choice made once, so the ticket, the invitation and the
 * response built from it agree. CSAT follows the organisation's usual 6/3/6/20/65% (bots: uniform);
 * a tenth skip the resolved question; the chance of "not resolved" falls with the rating.
 */
function planSql(responses: number, customers: number): string {
  return `
    create unlogged table bench_plan as
    with raw as (
      select i,
        1 + floor(random() * ${customers})::int as customer,
        1 + floor(random() * ${AGENTS})::int as agent,
        case when random() < 0.8 then 1 else 2 end as survey,
        (array['email','email','email','email','email','email','email','email','email','chat','chat',
          'chat','chat','chat','chat','phone','phone','web','web','social'])[1 + floor(random() * 20)::int] as channel,
        date_trunc('second', timestamptz '${NOW}' - random() * interval '365 days') as submitted_at,
        random() < 0.03 as bot,
        random() as u_rating, random() as u_answered, random() as u_resolved, random() as u_comment,
        floor(random() * 3)::int as comment_pick, random() as u_reasons, random() as u_callback,
        -- Minutes from the email to the answer: mostly within hours, some after two days.
        least(2880, 1 + floor(exp(ln(90) + 1.6 * (random() + random() + random() - 1.5)))) as delay_minutes,
        random() * interval '3 days' as open_for
      from generate_series(1, ${responses}) i
    ), rated as (
      select raw.*,
        case when bot then 1 + floor(u_rating * 5)::int
          when u_rating < 0.06 then 1 when u_rating < 0.09 then 2 when u_rating < 0.15 then 3
          when u_rating < 0.35 then 4 else 5 end as rating
      from raw
    ), answered as (
      select rated.*,
        case when bot or u_answered < 0.1 then null
          else u_resolved >= (array[0.6, 0.45, 0.25, 0.06, 0.02])[rating] end as resolved
      from rated
    )
    select i, customer, agent, 1 + (agent - 1) % ${TEAMS.length} as team, survey, channel,
      ${localeOf('customer')} as locale, bot, rating, resolved,
      submitted_at,
      submitted_at - case when bot then interval '5 seconds' else delay_minutes * interval '1 minute' end as sent_at,
      open_for,
      not bot and (rating <= 3 or resolved is false) as unhappy,
      not bot and u_comment < case when rating <= 2 then 0.5 when rating = 3 then 0.4 else 0.27 end as commented,
      comment_pick, u_reasons, u_callback
    from answered`;
}

async function step(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`  ${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Every primary key, unique constraint, index and foreign key of the schema, as the statements that
 * drop them (foreign keys first) and the ones that recreate them (foreign keys last).
 */
async function schemaObjects(sql: Sql): Promise<{ drop: string[]; keys: string[]; foreignKeys: string[] }> {
  const constraints = await sql<{ tbl: string; name: string; type: string; def: string }[]>`
    select conrelid::regclass::text as tbl, quote_ident(conname) as name, contype::text as type,
      pg_get_constraintdef(oid) as def
    from pg_constraint
    where connamespace = 'public'::regnamespace and contype in ('p', 'u', 'f')
    order by conrelid::regclass::text, conname`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
    from pg_index i join pg_class t on t.oid = i.indrelid
    where t.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.contype in ('p', 'u'))
    order by 1`;
  const keys = constraints.filter((c) => c.type !== 'f');
  const foreign = constraints.filter((c) => c.type === 'f');
  const dropConstraint = (c: { tbl: string; name: string }) =>
    `alter table ${c.tbl} drop constraint ${c.name}`;
  const addConstraint = (c: { tbl: string; name: string; def: string }) =>
    `alter table ${c.tbl} add constraint ${c.name} ${c.def}`;
  return {
    drop: [
      ...foreign.map(dropConstraint),
      ...keys.map(dropConstraint),
      ...indexes.map((i) => `drop index ${i.name}`),
    ],
    keys: [...keys.map(addConstraint), ...indexes.map((i) => i.def)],
    foreignKeys: foreign.map(addConstraint),
  };
}

interface Loaded {
  teamId: string;
  agentId: string;
  /** The smaller, non-default survey. */
  surveyId: string;
  loadSeconds: number;
}

/** Fills the fresh database; `db` is used once, for the default survey the server creates at first start. */
async function load(sql: Sql, db: Database, responses: number): Promise<Loaded> {
  const customers = Math.max(1000, Math.round(responses / 5));
  const started = performance.now();
  await sql`set work_mem = '256MB'`;
  await sql`set maintenance_work_mem = '512MB'`;
  await step('teams, agents, surveys', async () => {
    await sql.unsafe(
      `
      insert into teams (id, name)
      select ${idOf('team', 'n')}, name from unnest($1::text[]) with ordinality as t(name, n)`,
      [[...TEAMS]],
    );
    await sql.unsafe(`
      insert into agents (id, external_id, email, name, team_id)
      select ${idOf('agent', 'k')}, 'agent-' || k, 'agent' || k || '@support.example', 'Agent ' || k,
        ${idOf('team', `(1 + (k - 1) % ${TEAMS.length})`)}
      from generate_series(1, ${AGENTS}) k`);
    await insertDefaultSurvey(db);
    // The second survey copies the default one's rules and questions.
    await sql.unsafe(`
      insert into surveys (id, name, status, rules, is_default)
      select ${idOf('survey', '2')}, 'Onboarding check-in', 'active', rules, false from surveys where is_default;
      insert into survey_versions (id, survey_id, version, definition)
      select ${idOf('survey_version', '2')}, ${idOf('survey', '2')}, 1, v.definition
      from surveys s join survey_versions v on v.id = s.current_version_id where s.is_default;
      update surveys set current_version_id = ${idOf('survey_version', '2')} where id = ${idOf('survey', '2')};`);
    await sql.unsafe(`
      create unlogged table bench_surveys as
      select 1 as n, id, current_version_id as version_id from surveys where is_default
      union all select 2, ${idOf('survey', '2')}, ${idOf('survey_version', '2')}`);
    const comments = Object.entries(COMMENTS).flatMap(([locale, texts]) => [
      ...texts.positive.map((body, n) => ({ locale, positive: 'yes', n, body })),
      ...texts.negative.map((body, n) => ({ locale, positive: 'no', n, body })),
    ]);
    // Four parallel arrays (postgres.js sends a JS boolean array as text, hence 'yes'/'no').
    await sql.unsafe(
      `create unlogged table bench_comments as
       select locale, positive = 'yes' as positive, n, body
       from unnest($1::text[], $2::text[], $3::int[], $4::text[]) as c(locale, positive, n, body)`,
      [
        comments.map((c) => c.locale),
        comments.map((c) => c.positive),
        comments.map((c) => c.n),
        comments.map((c) => c.body),
      ],
    );
  });
  // Maintaining a dozen indexes and checking eight foreign keys row by row is what makes a bulk
  // insert slow: drop them for the load and build them again after it, which also checks every
  // foreign key of the loaded rows (the statements come from the catalog, so nothing is left out).
  const schema = await schemaObjects(sql);
  await step('drop keys, indexes, foreign keys', async () => {
    for (const statement of schema.drop) await sql.unsafe(statement);
  });
  await step(`customers (${customers.toLocaleString('en-US')})`, () =>
    sql.unsafe(`
      insert into customers (id, external_id, email, name, locale, created_at, updated_at)
      select ${idOf('customer', 'c')}, 'cust-' || c, 'customer' || c || '@example.com', 'Customer ' || c,
        ${localeOf('c')}, timestamptz '${NOW}' - interval '400 days', timestamptz '${NOW}' - interval '400 days'
      from generate_series(1, ${customers}) c`),
  );
  await step('plan (every random choice)', async () => {
    await sql`select setseed(0.42)`;
    await sql.unsafe(planSql(responses, customers));
  });
  await step(`tickets (${responses.toLocaleString('en-US')})`, () =>
    sql.unsafe(`
      insert into tickets (id, external_id, subject, channel, customer_id, agent_id, team_id, status,
        opened_at, first_response_at, resolved_at, created_at, updated_at)
      select ${idOf('ticket', 'i')}, 'BENCH-' || i,
        (array['Refund for duplicate charge', 'Cannot log in', 'Order arrived damaged', 'Change billing address',
          'Export fails with an error'])[1 + i % 5],
        channel, ${idOf('customer', 'customer')}, ${idOf('agent', 'agent')}, ${idOf('team', 'team')}, 'resolved',
        resolved_at - open_for, resolved_at - open_for / 2, resolved_at, resolved_at - open_for, resolved_at
      from (select *, sent_at - interval '1 hour 30 seconds' as resolved_at from bench_plan) p`),
  );
  await step('invitations', () =>
    sql.unsafe(`
      insert into invitations (id, survey_id, survey_version_id, ticket_id, customer_id, team_id, agent_id,
        channel, locale, ticket_resolved_at, status, scheduled_for, token_hash, sent_at, expires_at,
        responded_at, attempts, created_at)
      select ${idOf('invitation', 'i')}, s.id, s.version_id, ${idOf('ticket', 'i')}, ${idOf('customer', 'customer')},
        ${idOf('team', 'team')}, ${idOf('agent', 'agent')}, channel, locale,
        sent_at - interval '1 hour 30 seconds', 'sent', sent_at - interval '30 seconds', md5('token' || i),
        sent_at, sent_at + interval '14 days', submitted_at, 1, sent_at - interval '1 hour 30 seconds'
      from bench_plan p join bench_surveys s on s.n = p.survey`),
  );
  await step('responses', () =>
    sql.unsafe(`
      insert into responses (id, invitation_id, survey_id, survey_version_id, ticket_id, customer_id, team_id,
        agent_id, channel, locale, answers, csat, resolved, callback, reasons, comment, suspected_bot,
        bot_evidence, counted, rollup_day, user_agent, submitted_at, updated_at)
      select ${idOf('response', 'i')}, ${idOf('invitation', 'i')}, s.id, s.version_id, ${idOf('ticket', 'i')},
        ${idOf('customer', 'customer')}, ${idOf('team', 'team')}, ${idOf('agent', 'agent')}, channel, p.locale,
        jsonb_strip_nulls(jsonb_build_object('rating', rating, 'resolved', resolved, 'callback', callback,
          'reasons', case when cardinality(reasons) > 0 then to_jsonb(reasons) end, 'comment', c.body)),
        rating, resolved, callback, reasons, c.body, bot,
        case when bot then '["answered_within_seconds","no_interaction"]'::jsonb else '[]'::jsonb end,
        not bot, (submitted_at at time zone 'UTC')::date,
        case when bot then 'Mozilla/5.0 (compatible; Proofpoint URL Defense)'
          else 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/130.0.0.0 Safari/537.36' end,
        submitted_at, submitted_at
      from (
        select bench_plan.*,
          case when unhappy and u_reasons < 0.85 then
            case when resolved is false then array['not_resolved'] else '{}'::text[] end
            || (array['took_too_long','repeated_myself','not_informed','not_understood','wrong_information'])[1 + i % 5]
          else '{}'::text[] end as reasons,
          case when unhappy then u_callback < case when rating <= 2 then 0.35 else 0.15 end end as callback
        from bench_plan
      ) p
      join bench_surveys s on s.n = p.survey
      left join bench_comments c on p.commented and c.locale = p.locale and c.positive = (p.rating >= 4)
        and c.n = p.comment_pick`),
  );
  await step('follow-ups', () =>
    sql.unsafe(`
      insert into follow_ups (response_id, ticket_id, customer_id, team_id, reasons, status, due_at, created_at,
        closed_at, note)
      select id, ticket_id, customer_id, team_id,
        array_remove(array[case when csat <= 2 then 'low_rating' end, case when resolved is false then 'unresolved' end,
          case when callback then 'callback' end], null),
        case when submitted_at < timestamptz '${NOW}' - interval '3 days' then 'closed' else 'open' end::follow_up_status,
        submitted_at + interval '1 day', submitted_at,
        case when submitted_at < timestamptz '${NOW}' - interval '3 days' then submitted_at + interval '5 hours' end,
        case when submitted_at < timestamptz '${NOW}' - interval '3 days' then 'Called the customer and apologised.' end
      from responses where counted and (csat <= 2 or resolved is false or callback)`),
  );
  await sql`drop table bench_plan, bench_surveys, bench_comments`;
  await step('keys and indexes again', async () => {
    for (const statement of schema.keys) await sql.unsafe(statement);
  });
  await step('foreign keys again (validated)', async () => {
    for (const statement of schema.foreignKeys) await sql.unsafe(statement);
  });
  const rebuilt = await schemaObjects(sql);
  if (
    [...rebuilt.keys, ...rebuilt.foreignKeys].join('\n') !==
    [...schema.keys, ...schema.foreignKeys].join('\n')
  ) {
    throw new Error('the schema after the load differs from the migrated one');
  }
  await step('vacuum analyze', async () => {
    // VACUUM as well as ANALYZE: hint bits and the visibility map as autovacuum would leave them,
    // so the timed runs do not pay for the bulk load's first reads.
    await sql`vacuum (analyze)`;
  });
  const [ids] = await sql<{ team_id: string; agent_id: string }[]>`
    select ${sql.unsafe(idOf('team', '1'))} as team_id, ${sql.unsafe(idOf('agent', '7'))} as agent_id`;
  if (!ids) throw new Error('no ids');
  const [survey] = await sql<{ id: string }[]>`select id from surveys where not is_default`;
  if (!survey) throw new Error('the second survey is missing');
  return {
    teamId: ids.team_id,
    agentId: ids.agent_id,
    surveyId: survey.id,
    loadSeconds: (performance.now() - started) / 1000,
  };
}

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

/** Milliseconds of each timed run, after the warm-up runs. */
async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUPS; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

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

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    );
  }
}

const count = (n: number) => n.toLocaleString('en-US');
const ms = (n: number) => n.toFixed(1);

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
  const name = `rapport_bench_inbox_${randomBytes(6).toString('hex')}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const dropDatabase = () => admin.unsafe(`drop database if exists ${name} with (force)`);
  // A run interrupted during the load would otherwise leave a couple of gigabytes behind.
  const interrupted = () => {
    console.error(`\ninterrupted: dropping ${name}`);
    void dropDatabase().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  const parsed = new URL(server);
  parsed.pathname = `/${name}`;
  const url = parsed.toString();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const handle = await openDatabase({ url, maxConnections: 2 });
  try {
    // openDatabase does not migrate; the server does at start, and so must we.
    await handle.migrate();
    console.log(`loading into ${name}:`);
    const ids = await load(sql, handle.db, responses);
    console.log(`  ${'total'.padEnd(34)} ${ids.loadSeconds.toFixed(1)} s`);
    const results = await timeList(sql, handle.db, ids);
    await timeExport(sql, handle.db, ids.teamId);
    await explainSlowest(sql, results);
  } finally {
    await handle.close();
    await sql.end();
    await dropDatabase();
    await admin.end();
    process.off('SIGINT', interrupted);
  }
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
