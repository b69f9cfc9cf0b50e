import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite, type Transaction as PgliteTransaction } from '@electric-sql/pglite';
import { getTableName } from 'drizzle-orm';
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core';
import type { Sql, TransactionSql } from 'postgres';
import type { Database } from '../client';
import { customers } from '../schema/customers';
import { followUps } from '../schema/follow-ups';
import { invitations, ticketEvents } from '../schema/invitations';
import { responses } from '../schema/responses';
import { agents, teams } from '../schema/teams';
import { tickets } from '../schema/tickets';
import { copyStatement, encodeCopyText, quoteIdentifier, type CopyText } from './copy-text';
import { dropKeysAndIndexes, restoreKeysAndIndexes, type RunSql } from './deferred-keys';
import { addRollupsQuery, insertRowsQuery } from './insert-rows';
import { ROLLUP_COUNTS } from './rollups';
import type { DemoBatch, RollupRow } from './rows';

/**
 * How rows reach the database: `copy` streams them with COPY (`FROM STDIN` on a Postgres server,
 * `FROM '/dev/blob'` on PGlite), `insert` sends one multi-row insert per table and batch
 * (insertRowsQuery), which works through any Drizzle database.
 */
export type WriteMethod = 'copy' | 'insert';

/** The demo tables in the order a chunk writes them: each row's foreign keys point at tables before it. */
const TABLE_ORDER = [
  'teams',
  'agents',
  'customers',
  'tickets',
  'invitations',
  'ticketEvents',
  'responses',
  'followUps',
] as const;
type RowTable = (typeof TABLE_ORDER)[number];

/** Rows in a chunk, per table. */
export type ChunkCounts = Record<RowTable, number>;

const TABLES: Record<RowTable, PgTable> = {
  teams,
  agents,
  customers,
  tickets,
  invitations,
  ticketEvents,
  responses,
  followUps,
};

const dialect = new PgDialect();

function emptyCounts(): ChunkCounts {
  return {
    teams: 0,
    agents: 0,
    customers: 0,
    tickets: 0,
    invitations: 0,
    ticketEvents: 0,
    responses: 0,
    followUps: 0,
  };
}

/**
 * One table's share of a chunk in COPY's text format: a piece per batch, as UTF-8 bytes (half the
 * memory of the string or less, and what goes on the wire anyway), sent one after the other.
 */
interface CopyPart {
  table: string;
  columns: string[];
  pieces: Buffer[];
}

/** A chunk sealed for writing: the rows and rollup counts one `write` stores. */
export interface Chunk {
  counts: ChunkCounts;
  /** Rollup rows with the counts of every batch in the chunk added up, one row per key. */
  rollups: RollupRow[];
  /** COPY text per table, in TABLE_ORDER (`copy` method). */
  copies: CopyPart[];
  /** The batches themselves (`insert` method). */
  batches: DemoBatch[];
}

/** Stores a chunk's rows and rollup counts; resolves when they are written. */
export type WriteChunk = (chunk: Chunk) => Promise<void>;

/**
 * Gathers generated batches into chunks, and writes them in a load: rows in TABLE_ORDER, then the
 * chunk's rollup counts added to daily_rollups (whose trigger keeps daily_team_rollups).
 *
 * With `copy`, each batch is encoded to COPY text as it is added, so a chunk holds strings rather
 * than row objects, and `take()` hands over a sealed chunk while the next one is gathered: the caller
 * can generate chunk n + 1 while chunk n is on its way to a Postgres server (see seedDemoData).
 *
 * @example
 * const writer = createChunkWriter(db, 'copy');
 * await writer.load(async (write) => {
 *   for (const batch of generateDemo(options)) writer.add(batch);
 *   await write(writer.take());
 * });
 */
export interface ChunkWriter {
  /** Which path writes: COPY from the client's stream, COPY from PGlite's blob device, or inserts. */
  readonly path: 'copy-stdin' | 'copy-blob' | 'insert';
  /** Adds a batch to the chunk being gathered. */
  add(batch: DemoBatch): void;
  /** Tickets gathered since the last take(). */
  readonly tickets: number;
  /** Rows gathered since the last take(), in all tables. */
  readonly rows: number;
  /** Seals the gathered chunk and starts a new one. */
  take(): Chunk;
  /**
   * Runs `fill`, which writes chunks with the `write` it is given (one at a time: each awaited
   * before the next starts), and resolves with its result once everything is stored.
   *
   * `copy`: the whole load is ONE transaction. The big tables' keys, indexes and foreign keys are
   * dropped first and rebuilt after `fill` (see dropKeysAndIndexes; `onRebuild` is called just before),
   * so a failure anywhere leaves the database as it was, schema and rows. `insert`: one transaction
   * per chunk, keys kept; a failure leaves the chunks before it, rollups consistent with them.
   */
  load<T>(fill: (write: WriteChunk) => Promise<T>, onRebuild?: () => void): Promise<T>;
}

/** The tables whose keys and indexes a `copy` load rebuilds: all but the few staff rows. */
const BULK_TABLES = [customers, tickets, invitations, ticketEvents, responses, followUps].map((table) =>
  getTableName(table),
);

/**
 * A chunk writer for `db`. `copy` needs the driver underneath Drizzle — postgres.js or PGlite — and
 * falls back to `insert` when it is neither.
 */
export function createChunkWriter(db: Database, method: WriteMethod): ChunkWriter {
  // Drizzle keeps its driver client as `$client`.
  const client: unknown = (db as unknown as { $client?: unknown }).$client;
  if (method === 'copy' && client instanceof PGlite)
    return new Gatherer('copy-blob', (fill, onRebuild) => loadBlob(client, fill, onRebuild));
  if (method === 'copy' && isPostgresJs(client))
    return new Gatherer('copy-stdin', (fill, onRebuild) => loadStdin(client, fill, onRebuild));
  return new Gatherer('insert', (fill) => fill((chunk) => writeInserts(db, chunk)));
}

function isPostgresJs(value: unknown): value is Sql {
  if (typeof value !== 'function') return false;
  const candidate = value as unknown as Partial<Record<'begin' | 'unsafe', unknown>>;
  return typeof candidate.begin === 'function' && typeof candidate.unsafe === 'function';
}

type Load = <T>(fill: (write: WriteChunk) => Promise<T>, onRebuild?: () => void) => Promise<T>;

class Gatherer implements ChunkWriter {
  private counts = emptyCounts();
  private readonly rollupRows = new Map<string, RollupRow>();
  private copies = new Map<RowTable, CopyPart>();
  private batches: DemoBatch[] = [];

  constructor(
    readonly path: ChunkWriter['path'],
    readonly load: Load,
  ) {}

  get tickets(): number {
    return this.counts.tickets;
  }

  get rows(): number {
    return TABLE_ORDER.reduce((sum, table) => sum + this.counts[table], 0);
  }

  add(batch: DemoBatch): void {
    for (const table of TABLE_ORDER) {
      const rows = batch[table];
      if (rows.length === 0) continue;
      this.counts[table] += rows.length;
      if (this.path !== 'insert') this.encode(table, rows);
    }
    if (this.path === 'insert') this.batches.push(batch);
    mergeRollups(this.rollupRows, batch.rollups);
  }

  private encode(table: RowTable, rows: DemoBatch[RowTable]): void {
    const copy: CopyText = encodeCopyText(TABLES[table], rows);
    const piece = Buffer.from(copy.text, 'utf8');
    const part = this.copies.get(table);
    if (!part) {
      this.copies.set(table, { table: copy.table, columns: copy.columns, pieces: [piece] });
      return;
    }
    if (part.columns.join() !== copy.columns.join()) {
      throw new Error(`${copy.table} rows name different columns from one batch to the next`);
    }
    part.pieces.push(piece);
  }

  take(): Chunk {
    const chunk: Chunk = {
      counts: this.counts,
      rollups: [...this.rollupRows.values()],
      copies: TABLE_ORDER.flatMap((table) => this.copies.get(table) ?? []),
      batches: this.batches,
    };
    this.counts = emptyCounts();
    this.rollupRows.clear();
    this.copies = new Map();
    this.batches = [];
    return chunk;
  }
}

/** Adds rollup rows into `into`, keyed as daily_rollups is, so a chunk upserts each key once. */
function mergeRollups(into: Map<string, RollupRow>, rows: readonly RollupRow[]): void {
  for (const row of rows) {
    const key = `${row.day}|${row.surveyId}|${row.teamId}|${row.agentId}|${row.channel}`;
    const seen = into.get(key);
    if (!seen) {
      into.set(key, { ...row });
      continue;
    }
    for (const count of ROLLUP_COUNTS) seen[count] += row[count];
  }
}

/**
 * Keys and indexes dropped, `fill` run, keys and indexes rebuilt, statistics gathered: all inside
 * `run`'s transaction. ANALYZE counts the transaction's own rows, so what runs right after the seed
 * (the set-based rollups, the first reports) is planned from real statistics, not from guesses.
 */
async function withKeysDeferred<T>(
  run: RunSql,
  fill: () => Promise<T>,
  onRebuild: (() => void) | undefined,
): Promise<T> {
  const dropped = await dropKeysAndIndexes(run, BULK_TABLES);
  const result = await fill();
  onRebuild?.();
  await restoreKeysAndIndexes(run, dropped);
  await run(`analyze ${BULK_TABLES.map(quoteIdentifier).join(', ')}`);
  return result;
}

async function loadStdin<T>(
  client: Sql,
  fill: (write: WriteChunk) => Promise<T>,
  onRebuild: (() => void) | undefined,
): Promise<T> {
  const result = await client.begin(async (tx) => {
    const run: RunSql = (text, params) => tx.unsafe(text, (params ?? []) as never[]);
    // Room for the index sorts and the foreign-key checks of the rebuild: fewer passes over disk.
    await run(`set local maintenance_work_mem = '256MB'`);
    await run(`set local work_mem = '64MB'`);
    return { value: await withKeysDeferred(run, () => fill((chunk) => writeStdin(tx, chunk)), onRebuild) };
  });
  return result.value;
}

async function writeStdin(tx: TransactionSql, chunk: Chunk): Promise<void> {
  for (const copy of chunk.copies) await copyFromStdin(tx, copyStatement(copy, 'stdin'), copy.pieces);
  if (chunk.rollups.length > 0) {
    const query = dialect.sqlToQuery(addRollupsQuery(chunk.rollups));
    await tx.unsafe(query.sql, query.params as never[]);
  }
}

/**
 * Streams `pieces` into a `COPY … FROM STDIN` on the transaction's connection and resolves when the
 * server has stored the rows.
 *
 * postgres.js 3.4 reports a COPY the server rejects only through the query's own `reject` once the
 * last byte is sent (porsager/postgres#1173): the writable never finishes, so awaiting it alone
 * would hang the seed and leave the transaction open. The query's `reject` is wrapped to settle this
 * promise with the server's error, so the transaction rolls back and the error reaches the caller.
 * An error that arrives while data is still being sent destroys the writable, failing the pipeline.
 */
function copyFromStdin(tx: TransactionSql, statement: string, pieces: readonly Buffer[]): Promise<void> {
  const query = tx.unsafe(statement);
  return new Promise<void>((resolve, reject) => {
    const internal = query as unknown as { reject?: (error: unknown) => void };
    const rejectQuery = internal.reject;
    if (typeof rejectQuery === 'function') {
      internal.reject = (error: unknown) => {
        reject(error);
        rejectQuery.call(query, error);
      };
    }
    query
      .writable()
      .then((writable) => pipeline(Readable.from(pieces), writable))
      .then(resolve, reject);
  });
}

async function loadBlob<T>(
  client: PGlite,
  fill: (write: WriteChunk) => Promise<T>,
  onRebuild: (() => void) | undefined,
): Promise<T> {
  return client.transaction(async (tx) => {
    const run: RunSql = async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows;
    return withKeysDeferred(run, () => fill((chunk) => writeBlob(tx, chunk)), onRebuild);
  });
}

async function writeBlob(tx: PgliteTransaction, chunk: Chunk): Promise<void> {
  for (const copy of chunk.copies) {
    // PGlite reads the blob through its /dev/blob device, in-process: no socket, no parameters.
    // The pieces come from Buffer.from(string): plain ArrayBuffer memory, never a SharedArrayBuffer.
    const blob = new Blob(copy.pieces as Uint8Array<ArrayBuffer>[]);
    await tx.query(copyStatement(copy, "'/dev/blob'"), [], { blob });
  }
  if (chunk.rollups.length > 0) {
    const query = dialect.sqlToQuery(addRollupsQuery(chunk.rollups));
    await tx.query(query.sql, query.params);
  }
}

async function writeInserts(db: Database, chunk: Chunk): Promise<void> {
  await db.transaction(async (tx) => {
    for (const batch of chunk.batches) {
      for (const table of TABLE_ORDER) {
        const rows = batch[table];
        if (rows.length > 0) await tx.execute(insertRowsQuery(TABLES[table], rows));
      }
    }
    if (chunk.rollups.length > 0) await tx.execute(addRollupsQuery(chunk.rollups));
  });
}
