/**
 * The bulk loader the Postgres benchmarks share: a fresh database `rapport_bench_<kind>_<random>` on
 * the server, migrated, filled with set-based SQL (`insert … select … from generate_series`) and
 * dropped again after the run, or on Ctrl-C.
 *
 * What it loads: five teams, 40 agents, the default survey and a second one, a customer for every
 * five responses, and for each response its resolved ticket and its sent invitation, spread over
 * the 12 months before a fixed date — CSAT 1–5 in the organisation's usual shares, resolved or not,
 * locales en/sr/hr/sl/ru, comments on nearly a third, ~3% suspected bots, and a follow-up for every
 * counted unhappy answer. Keys, indexes and foreign keys are dropped for the load and rebuilt (and
 * so checked) after it; then VACUUM ANALYZE. Daily rollups are not built here: the dashboard
 * benchmark derives them from the loaded rows.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { insertDefaultSurvey, openDatabase, type Database, type DatabaseHandle } from '@rapport/db';

export type Sql = postgres.Sql;

// A fixed end of period: every run loads the same shape of data (random() is seeded too).
export const NOW = '2026-11-23T08:00:00Z';
export const TEAMS = ['Billing', 'Technical', 'Onboarding', 'Enterprise', 'Returns'] as const;
export const AGENTS = 40;

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
export const idOf = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

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

export async function step(label: string, work: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await work();
  console.log(`  ${label.padEnd(34)} ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Every primary key, unique constraint, index and foreign key of the schema, as the statements that
 * drop them (foreign keys first) and the ones that recreate them (foreign keys last). Unique keys of
 * the tables that triggers fill while rows load stay: their upserts name them.
 */
/** Tables that statement triggers on the loaded tables write into, with ON CONFLICT on their key. */
const TRIGGER_FILLED = ['daily_follow_up_rollups'];

async function schemaObjects(sql: Sql): Promise<{ drop: string[]; keys: string[]; foreignKeys: string[] }> {
  const constraints = await sql<{ tbl: string; name: string; type: string; def: string }[]>`
    select conrelid::regclass::text as tbl, quote_ident(conname) as name, contype::text as type,
      pg_get_constraintdef(oid) as def
    from pg_constraint
    where connamespace = 'public'::regnamespace and contype in ('p', 'u', 'f')
      and not (contype = 'u' and conrelid = any(${TRIGGER_FILLED}::regclass[]))
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

export interface Loaded {
  teamId: string;
  agentId: string;
  /** The smaller, non-default survey. */
  surveyId: string;
  loadSeconds: number;
}

/** Fills the fresh database; `db` is used once, for the default survey the server creates at first start. */
export async function loadResponses(sql: Sql, db: Database, responses: number): Promise<Loaded> {
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

/** A fresh, migrated benchmark database: `sql` for hand-written SQL, `handle.db` for the services. */
export interface BenchDatabase {
  name: string;
  sql: Sql;
  handle: DatabaseHandle;
}

/**
 * Creates a fresh database on `server` named `rapport_bench_<kind>_<random>`, migrates it, runs
 * `work` on it and drops it afterwards — also when `work` throws or the run is interrupted.
 *
 * @example
 * await withBenchDatabase(process.env.DATABASE_URL, 'inbox', async ({ sql, handle }) => { … });
 */
export async function withBenchDatabase(
  server: string,
  kind: string,
  work: (bench: BenchDatabase) => Promise<void>,
  /** The services' pool size: 2 for sequential work, the server's default of 10 where requests run queries in parallel. */
  maxConnections = 2,
): Promise<void> {
  const name = `rapport_bench_${kind}_${randomBytes(6).toString('hex')}`;
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
  const handle = await openDatabase({ url, maxConnections });
  try {
    // openDatabase does not migrate; the server does at start, and so must we.
    await handle.migrate();
    await work({ name, sql, handle });
  } finally {
    await handle.close();
    await sql.end();
    await dropDatabase();
    await admin.end();
    process.off('SIGINT', interrupted);
  }
}
