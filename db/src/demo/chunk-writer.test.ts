import { randomBytes } from 'node:crypto';
import { DEFAULT_SURVEY_DEFINITION } from '@rapport/contracts';
import { asc, count, eq, sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../client';
import { customers, followUps, responses, surveys, surveyVersions, tickets } from '../schema/index';
import { createChunkWriter, type ChunkWriter } from './chunk-writer';
import { generateDemo } from './generate';
import type { DemoOptions, DemoSurvey } from './options';
import type { DemoBatch } from './rows';
import { seedDemoData } from './seed';

const server = process.env.DATABASE_URL;
const NOW = new Date('2026-11-23T08:00:00Z');
// The same survey ids in every database, so their rows can be compared as they are.
const SURVEY: DemoSurvey = {
  id: '5a1d0f3e-0000-4000-8000-00000000a001',
  versionId: '5a1d0f3e-0000-4000-8000-00000000a002',
};
const OPTIONS: DemoOptions = { tickets: 1200, seed: 42, now: NOW, batchSize: 100, survey: SURVEY };

interface Fresh {
  handle: DatabaseHandle;
  drop: () => Promise<void>;
}

/** In-memory PGlite, or a database of its own on the server in DATABASE_URL, dropped afterwards. */
async function freshDatabase(): Promise<Fresh> {
  let fresh: Fresh;
  if (!server) {
    const handle = await openDatabase({});
    fresh = { handle, drop: () => handle.close() };
  } else {
    const name = `rapport_copy_${randomBytes(6).toString('hex')}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(server);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString(), maxConnections: 2 });
    fresh = {
      handle,
      drop: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  await fresh.handle.migrate();
  await fresh.handle.db.insert(surveys).values({
    id: SURVEY.id,
    name: 'Post-ticket satisfaction',
    status: 'active',
    isDefault: true,
    rules: {} as never,
  });
  await fresh.handle.db
    .insert(surveyVersions)
    .values({ id: SURVEY.versionId, surveyId: SURVEY.id, version: 1, definition: DEFAULT_SURVEY_DEFINITION });
  await fresh.handle.db
    .update(surveys)
    .set({ currentVersionId: SURVEY.versionId })
    .where(eq(surveys.id, SURVEY.id));
  return fresh;
}

/** Rows of a raw query: postgres.js returns an array, PGlite an object holding `rows`. */
async function query<T>(handle: DatabaseHandle, statement: SQL): Promise<T[]> {
  const result: unknown = await handle.db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** A table's whole content as text, rows in a fixed order: equal text, equal rows. */
async function tableText(handle: DatabaseHandle, table: string): Promise<string> {
  const [row] = await query<{ text: string | null }>(
    handle,
    sql`select string_agg(r::text, E'\n' order by r::text) as text from (select to_jsonb(t) as r from ${sql.identifier(table)} t) s`,
  );
  return row?.text ?? '';
}

/**
 * Every index, constraint and trigger of the public schema, as the catalog defines it. Foreign-key
 * triggers are internal, named after oids: they are counted instead.
 */
async function schemaFingerprint(handle: DatabaseHandle): Promise<string> {
  const [row] = await query<{ text: string }>(
    handle,
    sql`select string_agg(d, E'\n' order by d) as text from (
      select 'index ' || tablename || ' ' || indexname || ' ' || indexdef as d
        from pg_indexes where schemaname = 'public'
      union all
      select 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
             || ' validated ' || convalidated::text || ' deferrable ' || condeferrable::text
        from pg_constraint where connamespace = 'public'::regnamespace
      union all
      select 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ' ' || pg_get_triggerdef(oid)
        from pg_trigger where not tgisinternal
      union all
      select 'internal triggers on ' || tgrelid::regclass::text || ': ' || count(*)
        from pg_trigger where tgisinternal group by tgrelid
    ) s`,
  );
  return row?.text ?? '';
}

/** Writes batches through a writer, `chunkTickets` at a time, as seedDemoData does (without its extras). */
async function load(writer: ChunkWriter, batches: readonly DemoBatch[], chunkTickets: number): Promise<void> {
  await writer.load(async (write) => {
    for (const batch of batches) {
      writer.add(batch);
      if (writer.tickets >= chunkTickets) await write(writer.take());
    }
    if (writer.rows > 0) await write(writer.take());
  });
}

const DEMO_TABLES = [
  'teams',
  'agents',
  'customers',
  'tickets',
  'invitations',
  'ticket_events',
  'responses',
  'follow_ups',
  'daily_rollups',
  'daily_team_rollups',
] as const;

const target = server ? 'a fresh Postgres database' : 'in-memory PGlite';

describe(`seeding by COPY into ${target}`, () => {
  let chunked: Fresh;
  let whole: Fresh;
  let inserted: Fresh;
  let migratedSchema: string;

  beforeAll(async () => {
    chunked = await freshDatabase();
    migratedSchema = await schemaFingerprint(chunked.handle);
    await seedDemoData(chunked.handle.db, { ...OPTIONS, chunkTickets: 250 });
    whole = await freshDatabase();
    await seedDemoData(whole.handle.db, { ...OPTIONS, chunkTickets: 1_000_000 });
    inserted = await freshDatabase();
    await seedDemoData(inserted.handle.db, { ...OPTIONS, method: 'insert' });
  }, 240_000);

  afterAll(async () => {
    await chunked?.drop();
    await whole?.drop();
    await inserted?.drop();
  });

  it('uses COPY from the connection on a server and from the blob device on PGlite', () => {
    expect(createChunkWriter(chunked.handle.db, 'copy').path).toBe(server ? 'copy-stdin' : 'copy-blob');
    expect(createChunkWriter(chunked.handle.db, 'insert').path).toBe('insert');
  });

  it('stores the same rows and rollups in chunks of 250 tickets as in one chunk, and as with inserts', async () => {
    for (const table of DEMO_TABLES) {
      const text = await tableText(chunked.handle, table);
      expect(text.length, table).toBeGreaterThan(0);
      expect(await tableText(whole.handle, table), table).toBe(text);
      expect(await tableText(inserted.handle, table), table).toBe(text);
    }
    const [tickets1200] = await chunked.handle.db.select({ n: count() }).from(tickets);
    expect(tickets1200?.n).toBe(1200);
  });

  it('puts back every key, index, foreign key and trigger exactly as the migrations made them', async () => {
    expect(migratedSchema).toContain('index tickets tickets_pkey');
    expect(migratedSchema).toContain('tickets_customer_id_customers_id_fk FOREIGN KEY (customer_id)');
    expect(await schemaFingerprint(chunked.handle)).toBe(migratedSchema);
    expect(await schemaFingerprint(whole.handle)).toBe(migratedSchema);
  });
});

describe(`COPY of awkward text into ${target}`, () => {
  let fresh: Fresh;
  let emptySchema: string;
  const batches = [...generateDemo({ ...OPTIONS, tickets: 3000 })];

  beforeAll(async () => {
    fresh = await freshDatabase();
    emptySchema = await schemaFingerprint(fresh.handle);
  }, 120_000);

  afterAll(async () => {
    await fresh?.drop();
  });

  async function rowCounts(): Promise<number[]> {
    const counted = [];
    for (const table of [customers, tickets, responses, followUps]) {
      const [row] = await fresh.handle.db.select({ n: count() }).from(table);
      counted.push(row?.n ?? -1);
    }
    return counted;
  }

  // Bad rows go last, so the server rejects them after the last byte is sent (postgres.js then
  // reports the error only to the query; see copyFromStdin).
  it.each([
    [
      'a value the column refuses',
      (rows: DemoBatch[]) => {
        const last = rows.at(-1)?.tickets.at(-1);
        if (last) (last as { status: string }).status = 'bogus';
      },
      /invalid input value for enum ticket_status: "bogus"/,
    ],
    [
      'a duplicate key, found when the key is rebuilt',
      (rows: DemoBatch[]) => {
        const first = rows[1]?.tickets[0];
        const last = rows.at(-1)?.tickets.at(-1);
        if (first && last) last.externalId = first.externalId;
      },
      /could not create unique index "tickets_external_id_key"/,
    ],
    [
      'a ticket of an unknown customer, found when the foreign key is rebuilt',
      (rows: DemoBatch[]) => {
        const last = rows.at(-1)?.tickets.at(-1);
        if (last) last.customerId = '00000000-0000-4000-8000-000000000000';
      },
      /violates foreign key constraint "tickets_customer_id_customers_id_fk"/,
    ],
  ])(
    'fails with the server’s reason on %s, leaving schema and tables as they were',
    async (_, spoil, reason) => {
      const spoilt = structuredClone([...generateDemo({ ...OPTIONS, tickets: 400 })]);
      spoil(spoilt);
      await expect(load(createChunkWriter(fresh.handle.db, 'copy'), spoilt, 150)).rejects.toThrow(reason);
      expect(await schemaFingerprint(fresh.handle)).toBe(emptySchema);
      expect(await rowCounts()).toEqual([0, 0, 0, 0]);
    },
  );

  it('stores quotes, commas, tabs, newlines, backslashes, Cyrillic, empty text and NULLs exactly', async () => {
    const awkward = [
      'He said "it\'s fixed", then, well, it wasn\'t',
      'tab\there\tand\tthere',
      'line one\nline two\r\nline three',
      'C:\\Users\\ana\\report.txt and \\N and \\.',
      'Ужасно: чекао сам три дана, а "решење" није радило.',
      '',
      '{braces}, [brackets] and 😀',
    ];
    let n = 0;
    const next = (): string => awkward[n++ % awkward.length] ?? '';
    for (const batch of batches) {
      for (const customer of batch.customers) customer.name = n % 5 === 0 ? null : next();
      for (const ticket of batch.tickets) ticket.subject = n % 3 === 0 ? null : next();
      for (const response of batch.responses) {
        response.comment = n % 4 === 0 ? null : next();
        response.reasons = [next(), 'took_too_long', next()];
        response.answers = { ...response.answers, comment: next() };
        response.userAgent = n % 2 === 0 ? null : next();
      }
      for (const followUp of batch.followUps) followUp.note = next();
    }
    await load(createChunkWriter(fresh.handle.db, 'copy'), batches, 700);

    const storedTickets = await fresh.handle.db.select().from(tickets).orderBy(asc(tickets.externalId));
    expect(storedTickets).toEqual(batches.flatMap((batch) => batch.tickets));
    expect(storedTickets.length).toBe(3000);
    expect(storedTickets.some((t) => t.subject === '')).toBe(true);
    expect(storedTickets.some((t) => t.subject === null)).toBe(true);
    const storedCustomers = await fresh.handle.db.select().from(customers).orderBy(asc(customers.externalId));
    expect(storedCustomers).toEqual(
      batches.flatMap((batch) => batch.customers).map((c) => ({ ...c, erasedAt: null })),
    );
    const storedResponses = await fresh.handle.db.select().from(responses).orderBy(asc(responses.id));
    const expectedResponses = batches
      .flatMap((batch) => batch.responses)
      .map((r) => ({ ...r, nps: null, ces: null, countedDecidedBy: null, editCount: 0 }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(storedResponses).toEqual(expectedResponses);
    expect(storedResponses.length).toBeGreaterThan(400);
    const storedFollowUps = await fresh.handle.db.select().from(followUps).orderBy(asc(followUps.id));
    const expectedFollowUps = batches
      .flatMap((batch) => batch.followUps)
      .map((f) => ({ ...f, closedBy: null }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(storedFollowUps).toEqual(expectedFollowUps);
    expect(await schemaFingerprint(fresh.handle)).toBe(emptySchema);
  });
});
