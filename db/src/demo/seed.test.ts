import { DEFAULT_RULES, DEFAULT_SURVEY_DEFINITION, SURVEY_TEMPLATE_DEFINITIONS } from '@rapport/contracts';
import { asc, count, eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../client';
import { freshDatabase } from '../testing/fresh-database';
import {
  auditLog,
  customers,
  dailyDriverRollups,
  dailyRollups,
  followUps,
  invitations,
  responses,
  surveys,
  surveyVersions,
  teams,
  agents,
  ticketEvents,
  tickets,
  users,
} from '../schema/index';
import { insertDefaultSurvey } from '../default-survey';
import { driverQuestionIds } from '../detail-rollups';
import { CHAT_SURVEY_NAME, chatSurveyDefinition, chatSurveyIds } from './chat-survey';
import { generateDemo } from './generate';
import { insertRowsQuery } from './insert-rows';
import type { DemoOptions } from './options';
import { seedDemoData, type SeedSummary } from './seed';
import { ensureDemoChatSurvey } from './seed-surveys';

const OPTIONS: DemoOptions = {
  tickets: 500,
  seed: 99,
  now: new Date('2026-11-23T08:00:00Z'),
  batchSize: 200,
};

/** In-memory PGlite, or a database of its own on the server in DATABASE_URL, dropped afterwards. */
let handle: DatabaseHandle;
let drop: () => Promise<void>;
let summary: SeedSummary;
let surveyId: string;
let versionId: string;
let chat: { id: string; versionId: string };
const progress: SeedSummary[] = [];

beforeAll(async () => {
  ({ handle, drop } = await freshDatabase('demo'));
  await handle.migrate();
  // As the server does at start, before seeding: the default survey, published as version 1.
  const [survey] = await handle.db
    .insert(surveys)
    .values({
      name: 'Post-ticket satisfaction',
      status: 'active',
      rules: { delayMinutes: 60 } as never,
      isDefault: true,
    })
    .returning();
  surveyId = survey!.id;
  const [version] = await handle.db
    .insert(surveyVersions)
    .values({ surveyId, version: 1, definition: DEFAULT_SURVEY_DEFINITION })
    .returning();
  versionId = version!.id;
  await handle.db.update(surveys).set({ currentVersionId: versionId }).where(eq(surveys.id, surveyId));
  // Chunks of 200 tickets (one batch each): several COPY chunks in the one load.
  summary = await seedDemoData(handle.db, {
    ...OPTIONS,
    chunkTickets: 200,
    onProgress: (written) => progress.push(written),
  });
  const [chatRow] = await handle.db
    .select({ id: surveys.id, versionId: surveys.currentVersionId })
    .from(surveys)
    .where(eq(surveys.name, CHAT_SURVEY_NAME));
  chat = { id: chatRow?.id ?? '', versionId: chatRow?.versionId ?? '' };
});

afterAll(async () => {
  if (process.env.DATABASE_URL) await drop();
  else await handle.close();
});

/** Rows of a raw query: postgres.js returns an array, PGlite an object holding `rows`. */
async function query<T>(statement: SQL): Promise<T[]> {
  const result: unknown = await handle.db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

async function rowCount(
  table:
    | typeof teams
    | typeof agents
    | typeof customers
    | typeof tickets
    | typeof users
    | typeof auditLog
    | typeof invitations
    | typeof ticketEvents
    | typeof responses
    | typeof followUps,
) {
  const [row] = await handle.db.select({ n: count() }).from(table);
  return row?.n;
}

describe(`seedDemoData into ${process.env.DATABASE_URL ? 'a fresh Postgres database' : 'in-memory PGlite'}`, () => {
  it('writes the counts it reports', async () => {
    expect(summary.tickets).toBe(500);
    expect(summary.teams).toBe(4);
    expect(summary.agents).toBe(24);
    expect(summary.customers).toBeGreaterThan(150);
    expect(await rowCount(teams)).toBe(4);
    expect(await rowCount(agents)).toBe(24);
    expect(await rowCount(customers)).toBe(summary.customers);
    expect(await rowCount(tickets)).toBe(500);
    expect(summary.surveyId).toBe(surveyId);
    expect(summary.invitations).toBeGreaterThan(400);
    expect(summary.responses).toBeGreaterThan(50);
    expect(await rowCount(invitations)).toBe(summary.invitations);
    expect(await rowCount(ticketEvents)).toBeGreaterThanOrEqual(summary.invitations);
    expect(await rowCount(ticketEvents)).toBe(summary.ticketEvents);
    expect(await rowCount(responses)).toBe(summary.responses);
    expect(await rowCount(followUps)).toBe(summary.followUps);
  });

  it('creates the chat survey, active, for chat, published as version 1 on the seed’s ids', async () => {
    expect(chat).toEqual(chatSurveyIds(OPTIONS.seed!));
    expect(summary.chatSurveyId).toBe(chat.id);
    const [row] = await handle.db.select().from(surveys).where(eq(surveys.id, chat.id));
    expect(row).toMatchObject({
      name: CHAT_SURVEY_NAME,
      status: 'active',
      isDefault: false,
      rules: { ...DEFAULT_RULES, channels: ['chat'] },
      draft: null,
      // Dated at the start of the period its answers go back to.
      createdAt: new Date('2025-11-23T08:00:00Z'),
    });
    const versions = await handle.db
      .select()
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, chat.id));
    expect(versions).toMatchObject([
      { id: chat.versionId, version: 1, definition: chatSurveyDefinition(), publishedBy: null },
    ]);
  });

  it('sends chat tickets the chat survey and the rest the default survey, at their current versions', async () => {
    const rows = await query<{ chat: boolean; survey: string; version: string; responses: number }>(sql`
      select t.channel = 'chat' as chat, i.survey_id::text as survey, i.survey_version_id::text as version,
             count(r.id)::int as responses
      from invitations i join tickets t on t.id = i.ticket_id
      left join responses r on r.invitation_id = i.id
        and r.survey_id = i.survey_id and r.survey_version_id = i.survey_version_id
      group by 1, 2, 3 order by 1`);
    expect(rows.map((r) => ({ chat: r.chat, survey: r.survey, version: r.version }))).toEqual([
      { chat: false, survey: surveyId, version: versionId },
      { chat: true, survey: chat.id, version: chat.versionId },
    ]);
    const responded = rows.reduce((sum, r) => sum + r.responses, 0);
    expect(responded).toBe(summary.responses);
    expect(rows.every((r) => r.responses > 0)).toBe(true);
  });

  it('fills the NPS column with the answer to the NPS question, on the chat survey only', async () => {
    const [check] = await query<{ wrong: number; answered: number; elsewhere: number }>(sql`
      select
        count(*) filter (where nps is distinct from (answers->>'recommend')::int)::int as wrong,
        count(*) filter (where nps is not null)::int as answered,
        count(*) filter (where nps is not null and survey_id <> ${chat.id})::int as elsewhere
      from responses`);
    expect(check).toEqual({ wrong: 0, answered: expect.any(Number), elsewhere: 0 });
    expect(check?.answered).toBeGreaterThan(5);
  });

  it('keeps daily_rollups exactly equal to what the rows say', async () => {
    // Recomputed from the rows, per (day, survey, team, agent, channel), and compared both ways.
    const difference = await query(sql`
      with recomputed as (
        select day, survey_id, team_id, agent_id, channel,
               sum(sent)::int as sent, sum(responses)::int as responses, sum(bots)::int as bots,
               sum(csat_1)::int as csat_1, sum(csat_2)::int as csat_2, sum(csat_3)::int as csat_3,
               sum(csat_4)::int as csat_4, sum(csat_5)::int as csat_5,
               sum(nps_promoters)::int as nps_promoters, sum(nps_passives)::int as nps_passives,
               sum(nps_detractors)::int as nps_detractors,
               sum(resolved_yes)::int as resolved_yes, sum(resolved_no)::int as resolved_no
        from (
          select (sent_at at time zone 'UTC')::date as day, survey_id, team_id, agent_id, channel,
                 1 as sent, 0 as responses, 0 as bots, 0 as csat_1, 0 as csat_2, 0 as csat_3,
                 0 as csat_4, 0 as csat_5, 0 as nps_promoters, 0 as nps_passives, 0 as nps_detractors,
                 0 as resolved_yes, 0 as resolved_no
          from invitations where sent_at is not null
          union all
          select rollup_day, survey_id, team_id, agent_id, channel, 0,
                 case when counted then 1 else 0 end, case when counted then 0 else 1 end,
                 case when counted and csat = 1 then 1 else 0 end,
                 case when counted and csat = 2 then 1 else 0 end,
                 case when counted and csat = 3 then 1 else 0 end,
                 case when counted and csat = 4 then 1 else 0 end,
                 case when counted and csat = 5 then 1 else 0 end,
                 case when counted and nps >= 9 then 1 else 0 end,
                 case when counted and nps between 7 and 8 then 1 else 0 end,
                 case when counted and nps <= 6 then 1 else 0 end,
                 case when counted and resolved then 1 else 0 end,
                 case when counted and not resolved then 1 else 0 end
          from responses
        ) facts
        group by day, survey_id, team_id, agent_id, channel
      ),
      stored as (
        select day, survey_id, team_id, agent_id, channel, sent, responses, bots,
               csat_1, csat_2, csat_3, csat_4, csat_5, nps_promoters, nps_passives, nps_detractors,
               resolved_yes, resolved_no
        from daily_rollups
      )
      (select 'missing' as side, * from recomputed except select 'missing', * from stored)
      union all
      (select 'extra', * from stored except select 'extra', * from recomputed)`);
    expect(difference).toEqual([]);
    const [totals] = await query<{ sent: number; counted: number; bots: number }>(sql`
      select (select sum(sent)::int from daily_rollups) as sent,
             (select sum(responses)::int from daily_rollups) as counted,
             (select sum(bots)::int from daily_rollups) as bots`);
    const [facts] = await query<{ sent: number; counted: number; bots: number }>(sql`
      select (select count(*)::int from invitations where sent_at is not null) as sent,
             (select count(*)::int from responses where counted) as counted,
             (select count(*)::int from responses where not counted) as bots`);
    expect(totals).toEqual(facts);
    expect(facts?.sent).toBeGreaterThan(400);
    expect(facts?.counted).toBeGreaterThan(50);
    const [nps] = await query<{ promoters: number; detractors: number }>(sql`
      select sum(nps_promoters)::int as promoters, sum(nps_detractors)::int as detractors
      from daily_rollups where survey_id = ${chat.id}`);
    expect(nps?.promoters).toBeGreaterThan(0);
    expect(nps?.detractors).toBeGreaterThan(0);
  });

  it('builds the key-driver rollups from the chat survey’s statements, equal to a recount', async () => {
    // Recounted here from the stored answers: per (day, survey, team, statement) over counted
    // responses with both the statement and the overall rating answered, x the statement, y the rating.
    const statements = driverQuestionIds(chatSurveyDefinition());
    const expected = new Map<
      string,
      { n: number; sumX: number; sumY: number; sumXx: number; sumYy: number; sumXy: number }
    >();
    for (const r of await handle.db.select().from(responses)) {
      if (!r.counted || r.csat === null) continue;
      for (const questionId of statements) {
        const x = r.answers[questionId];
        if (typeof x !== 'number') continue;
        const key = `${r.rollupDay}|${r.surveyId}|${r.teamId}|${questionId}`;
        const sums = expected.get(key) ?? { n: 0, sumX: 0, sumY: 0, sumXx: 0, sumYy: 0, sumXy: 0 };
        const y = r.csat;
        sums.n += 1;
        sums.sumX += x;
        sums.sumY += y;
        sums.sumXx += x * x;
        sums.sumYy += y * y;
        sums.sumXy += x * y;
        expected.set(key, sums);
      }
    }
    const stored = await handle.db.select().from(dailyDriverRollups);
    const actual = new Map(
      stored.map(({ day, surveyId: survey, teamId, questionId, ...sums }) => [
        `${day}|${survey}|${teamId}|${questionId}`,
        sums,
      ]),
    );
    expect(actual).toEqual(expected);
    expect(stored.length).toBeGreaterThan(0);
    expect(new Set(stored.map((row) => row.surveyId))).toEqual(new Set([chat.id]));
    expect(new Set(stored.map((row) => row.questionId))).toEqual(new Set(statements));
  });

  it('opens follow-ups only for counted responses that need one, some overdue', async () => {
    const [check] = await query<{ wrong: number; missing: number; overdue: number }>(sql`
      select
        (select count(*)::int from follow_ups f join responses r on r.id = f.response_id
          where not r.counted or not (r.csat <= 2 or r.resolved = false or r.callback = true)) as wrong,
        (select count(*)::int from responses r where r.counted
          and (r.csat <= 2 or r.resolved = false or r.callback = true)
          and not exists (select 1 from follow_ups f where f.response_id = r.id)) as missing,
        (select count(*)::int from follow_ups where status = 'open' and due_at < ${OPTIONS.now!.toISOString()}::timestamptz) as overdue`);
    expect(check?.wrong).toBe(0);
    expect(check?.missing).toBe(0);
    expect(summary.followUps).toBeGreaterThan(0);
  });

  it('leaves the rollup tables compact: rewriting them frees nothing', async () => {
    // A month in tiny chunks: each day's per-team rows are updated by many chunks, as in a big seed.
    const { handle: own, drop: dropOwn } = await freshDatabase('demo_compact');
    try {
      await own.migrate();
      await insertDefaultSurvey(own.db);
      await seedDemoData(own.db, { ...OPTIONS, tickets: 3000, months: 1, batchSize: 100, chunkTickets: 100 });
      const size = async () => {
        const result: unknown = await own.db.execute(
          sql`select pg_relation_size('daily_team_rollups') + pg_relation_size('daily_rollups') as bytes`,
        );
        const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
          bytes: string;
        }[];
        return Number(rows[0]?.bytes);
      };
      const before = await size();
      await own.db.execute(sql`vacuum full daily_team_rollups`);
      await own.db.execute(sql`vacuum full daily_rollups`);
      expect(await size()).toBe(before);
    } finally {
      await dropOwn();
    }
  }, 120_000);

  it('reports progress after every chunk', () => {
    // The staff on their own, then 500 tickets in chunks of 200.
    expect(progress.map((p) => p.tickets)).toEqual([0, 200, 400, 500]);
    expect(progress.at(-1)).toEqual(summary);
  });

  it('writes only the demo staff users (see audits.test.ts) and no audit log', async () => {
    expect(await rowCount(users)).toBe(3);
    expect(await rowCount(auditLog)).toBe(0);
  });

  it('stores exactly the generated rows, times and nulls included', async () => {
    const generated = [
      ...generateDemo({ ...OPTIONS, survey: { id: surveyId, versionId }, chatSurvey: chat }),
    ];
    const storedResponses = await handle.db
      .select()
      .from(responses)
      .orderBy(asc(responses.submittedAt), asc(responses.id));
    const expectedResponses = generated
      .flatMap((batch) => batch.responses)
      .map((r) => ({ ...r, ces: null, countedDecidedBy: null, editCount: 0 }))
      .sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || (a.id < b.id ? -1 : 1));
    expect(storedResponses).toEqual(expectedResponses);
    const stored = await handle.db.select().from(tickets).orderBy(asc(tickets.externalId));
    const expected = generated.flatMap((batch) => batch.tickets);
    expect(stored).toEqual(expected);
    const storedCustomers = await handle.db.select().from(customers).orderBy(asc(customers.externalId));
    expect(storedCustomers).toEqual(
      generated.flatMap((batch) => batch.customers).map((c) => ({ ...c, erasedAt: null })),
    );
    const storedAgents = await handle.db.select().from(agents).orderBy(asc(agents.externalId));
    expect(storedAgents).toEqual(generated.flatMap((batch) => batch.agents));
  });

  it('keeps the foreign keys and the team of each ticket’s agent', async () => {
    const [check] = await handle.db
      .select({
        orphans:
          sql<number>`count(*) filter (where ${customers.id} is null or ${agents.id} is null or ${teams.id} is null)`.mapWith(
            Number,
          ),
        wrongTeam:
          sql<number>`count(*) filter (where ${agents.teamId} is distinct from ${tickets.teamId})`.mapWith(
            Number,
          ),
        agentless:
          sql<number>`count(*) filter (where ${tickets.agentId} is null or ${tickets.teamId} is null)`.mapWith(
            Number,
          ),
      })
      .from(tickets)
      .leftJoin(customers, eq(customers.id, tickets.customerId))
      .leftJoin(agents, eq(agents.id, tickets.agentId))
      .leftJoin(teams, eq(teams.id, tickets.teamId));
    expect(check).toEqual({ orphans: 0, wrongTeam: 0, agentless: 0 });
    const [lonely] = await handle.db
      .select({ n: count() })
      .from(agents)
      .where(sql`${agents.teamId} is null or ${agents.teamId} not in (select id from ${teams})`);
    expect(lonely?.n).toBe(0);
  });

  it('skips the survey part when there is no default survey', async () => {
    const bare = await openDatabase({});
    await bare.migrate();
    const written = await seedDemoData(bare.db, { ...OPTIONS, tickets: 100 });
    expect(written).toMatchObject({
      tickets: 100,
      invitations: 0,
      responses: 0,
      followUps: 0,
      surveyId: null,
      chatSurveyId: null,
    });
    const [rollups] = await bare.db.select({ n: count() }).from(dailyRollups);
    expect(rollups?.n).toBe(0);
    // No chat survey either.
    const [made] = await bare.db.select({ n: count() }).from(surveys);
    expect(made?.n).toBe(0);
    await bare.close();
  });

  it('answers a survey that already takes chat only when it asks the chat survey’s questions', async () => {
    // The seeded database: its chat survey is found again, not made twice.
    const since = new Date('2025-11-23T08:00:00Z');
    expect(await ensureDemoChatSurvey(handle.db, 12345, since)).toEqual(chat);
    const bare = await openDatabase({});
    await bare.migrate();
    // Staff made an NPS survey for chat before any ticket: the demo leaves chat tickets to the default survey.
    const [own] = await bare.db
      .insert(surveys)
      .values({ name: 'Chat NPS', status: 'active', rules: { ...DEFAULT_RULES, channels: ['chat'] } })
      .returning();
    const [ownVersion] = await bare.db
      .insert(surveyVersions)
      .values({ surveyId: own!.id, version: 1, definition: SURVEY_TEMPLATE_DEFINITIONS.nps })
      .returning();
    await bare.db.update(surveys).set({ currentVersionId: ownVersion!.id }).where(eq(surveys.id, own!.id));
    expect(await ensureDemoChatSurvey(bare.db, 7, since)).toBeNull();
    // Archived, it takes chat no more: the demo makes its own, once.
    await bare.db.update(surveys).set({ status: 'archived' }).where(eq(surveys.id, own!.id));
    expect(await ensureDemoChatSurvey(bare.db, 7, since)).toEqual(chatSurveyIds(7));
    expect(await ensureDemoChatSurvey(bare.db, 8, since)).toEqual(chatSurveyIds(7));
    const [all] = await bare.db.select({ n: count() }).from(surveys);
    expect(all?.n).toBe(2);
    await bare.close();
  });

  it('refuses to seed the same data twice, writing nothing', async () => {
    await expect(seedDemoData(handle.db, OPTIONS)).rejects.toThrow();
    expect(await handle.db.select({ id: surveys.id }).from(surveys).orderBy(asc(surveys.createdAt))).toEqual([
      { id: chat.id },
      { id: surveyId },
    ]);
    expect(await rowCount(teams)).toBe(4);
    expect(await rowCount(tickets)).toBe(500);
  });
});

describe('insertRowsQuery', () => {
  it('refuses an empty batch and keys that are not columns', () => {
    expect(() => insertRowsQuery(teams, [])).toThrow(RangeError);
    const bogus = [{ name: 'x', colour: 'red' }] as unknown as (typeof teams.$inferInsert)[];
    expect(() => insertRowsQuery(teams, bogus)).toThrow('colour is not a column');
  });

  it('leaves out columns the rows do not name, so their defaults apply', async () => {
    await handle.db.execute(insertRowsQuery(teams, [{ name: 'Defaults check' }]));
    const [row] = await handle.db
      .select()
      .from(teams)
      .where(sql`${teams.name} = 'Defaults check'`);
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row?.createdAt).toBeInstanceOf(Date);
    await handle.db.delete(teams).where(sql`${teams.name} = 'Defaults check'`);
  });
});
