import { randomBytes } from 'node:crypto';
import { asc, count, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../client';
import { auditLog, customers, teams, agents, tickets, users } from '../schema/index';
import { generateDemo } from './generate';
import { insertRowsQuery } from './insert-rows';
import type { DemoOptions, DemoSummary } from './options';
import { seedDemoData } from './seed';

const OPTIONS: DemoOptions = {
  tickets: 500,
  seed: 99,
  now: new Date('2026-11-23T08:00:00Z'),
  batchSize: 200,
};

/** In-memory PGlite, or a database of its own on the server in DATABASE_URL, dropped afterwards. */
async function freshDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { handle: await openDatabase({}), drop: async () => {} };
  const name = `rapport_demo_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

let handle: DatabaseHandle;
let drop: () => Promise<void>;
let summary: DemoSummary;
const progress: DemoSummary[] = [];

beforeAll(async () => {
  ({ handle, drop } = await freshDatabase());
  await handle.migrate();
  summary = await seedDemoData(handle.db, { ...OPTIONS, onProgress: (written) => progress.push(written) });
});

afterAll(async () => {
  if (process.env.DATABASE_URL) await drop();
  else await handle.close();
});

async function rowCount(
  table: typeof teams | typeof agents | typeof customers | typeof tickets | typeof users | typeof auditLog,
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
  });

  it('reports progress after every batch', () => {
    // The staff batch, then 500 tickets in batches of 200.
    expect(progress.map((p) => p.tickets)).toEqual([0, 200, 400, 500]);
    expect(progress.at(-1)).toEqual(summary);
  });

  it('writes no users and no audit log', async () => {
    expect(await rowCount(users)).toBe(0);
    expect(await rowCount(auditLog)).toBe(0);
  });

  it('stores exactly the generated rows, times and nulls included', async () => {
    const generated = [...generateDemo(OPTIONS)];
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

  it('refuses to seed the same data twice, writing nothing', async () => {
    await expect(seedDemoData(handle.db, OPTIONS)).rejects.toThrow();
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
