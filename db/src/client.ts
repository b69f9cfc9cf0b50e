import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { runPendingRebuilds } from './pending-rebuilds';
import * as schema from './schema/index';

export type Schema = typeof schema;

/** The Drizzle API every service uses, the same over PGlite and over a Postgres server. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Services accept either: a write helper can join its caller's transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /**
   * Applies the committed migrations, then any rebuild of existing rows they asked for
   * (runPendingRebuilds); re-running is a no-op.
   */
  migrate(): Promise<void>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { url: string; maxConnections?: number }
  /** `dataDir` absent: an in-memory database (tests). */
  | { dataDir?: string };

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Opens the database: a Postgres server when `url` is given, otherwise embedded PGlite.
 *
 * @example
 * const handle = await openDatabase({ dataDir: './.rapport/db' });
 * await handle.migrate();
 * const rows = await handle.db.select().from(users);
 */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if ('url' in options) return openPostgres(options.url, options.maxConnections ?? 10);
  return openPglite(options.dataDir);
}

function openPostgres(url: string, max: number): DatabaseHandle {
  // Notices (e.g. "relation already exists, skipping" from migrations) are noise in our logs.
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      await migratePostgres(drizzlePostgres({ client, schema }), { migrationsFolder });
      await runPendingRebuilds(db);
    },
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // pg_trgm indexes the responses' comments for the inbox's search (migration 0005); on a server it
  // is a trusted contrib extension, here it ships inside the PGlite package.
  const options = { extensions: { pg_trgm } };
  const client = dataDir ? await PGlite.create(dataDir, options) : await PGlite.create(options);
  const pglite = drizzlePglite({ client, schema });
  const db = pglite as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: async () => {
      await migratePglite(pglite, { migrationsFolder });
      await runPendingRebuilds(db);
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
