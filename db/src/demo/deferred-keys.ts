import { quoteIdentifier } from './copy-text';

/** Runs one SQL statement inside the caller's transaction and returns its rows. */
export type RunSql = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** What dropKeysAndIndexes removed, as the statements that put it back, in a working order. */
export interface DroppedStructures {
  /** Primary keys and unique constraints, then plain indexes, then foreign keys. */
  restore: string[];
  constraints: number;
  indexes: number;
}

interface ConstraintRow {
  name: string;
  table: string;
  type: string;
  definition: string;
}

interface IndexRow {
  name: string;
  definition: string;
}

/**
 * Drops, inside the caller's transaction, the primary keys, unique constraints, indexes and foreign
 * keys of `tables`, plus the foreign keys of any other table that point at them, and returns the
 * statements that recreate each one exactly as the catalog defines it (pg_get_constraintdef,
 * pg_get_indexdef): same names, columns, methods, operator classes, predicates and referential
 * actions. Check, not-null and exclusion constraints, triggers and anything on other tables stay.
 *
 * Why: a bulk load into bare tables and one sort per index afterwards costs a fraction of keeping
 * every index and checking every foreign key row by row (measured: see seedDemoData). Run it, the
 * load and restoreKeysAndIndexes in ONE transaction: a failure anywhere rolls the drops back with
 * the rows, so the schema is never left without them. The tables are locked (ACCESS EXCLUSIVE) until
 * the transaction ends, and so, for writes, are the tables their foreign keys point at.
 *
 * @example
 * await sql.begin(async (tx) => {
 *   const run: RunSql = (text, params) => tx.unsafe(text, params as never[]);
 *   const dropped = await dropKeysAndIndexes(run, ['tickets', 'invitations']);
 *   // … COPY the rows …
 *   await restoreKeysAndIndexes(run, dropped);
 * });
 */
export async function dropKeysAndIndexes(run: RunSql, tables: readonly string[]): Promise<DroppedStructures> {
  // Names are resolved as a query would resolve them (search_path), and the catalog's own
  // `::regclass::text` gives each table back quoted and qualified as it needs to be.
  const constraints = (await run(
    `select c.conname as name, c.conrelid::regclass::text as "table", c.contype as type,
            pg_get_constraintdef(c.oid) as definition
       from pg_constraint c
      where c.contype in ('p', 'u', 'f')
        and (c.conrelid = any($1::text[]::regclass[])
             or (c.contype = 'f' and c.confrelid = any($1::text[]::regclass[])))
      order by c.conrelid::regclass::text, c.conname`,
    [tables],
  )) as unknown as ConstraintRow[];
  // Indexes that back no primary key or unique constraint: those go and come back with their constraint.
  const indexes = (await run(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i
      where i.indrelid = any($1::text[]::regclass[])
        and not exists (select 1 from pg_constraint c
                         where c.conindid = i.indexrelid and c.conrelid = i.indrelid and c.contype in ('p', 'u', 'x'))
      order by i.indrelid::regclass::text, i.indexrelid::regclass::text`,
    [tables],
  )) as unknown as IndexRow[];

  const foreign = constraints.filter((c) => c.type === 'f');
  const keys = constraints.filter((c) => c.type !== 'f');
  // Foreign keys first: a key cannot go while a foreign key depends on its index.
  for (const c of [...foreign, ...keys]) {
    await run(`alter table ${c.table} drop constraint ${quoteIdentifier(c.name)}`);
  }
  for (const index of indexes) await run(`drop index ${index.name}`);

  const add = (c: ConstraintRow) =>
    `alter table ${c.table} add constraint ${quoteIdentifier(c.name)} ${c.definition}`;
  return {
    restore: [...keys.map(add), ...indexes.map((index) => index.definition), ...foreign.map(add)],
    constraints: constraints.length,
    indexes: indexes.length,
  };
}

/**
 * Recreates what dropKeysAndIndexes dropped, in the same transaction: keys and unique constraints
 * (a duplicate fails here, naming the key), then indexes, then foreign keys, each checked against
 * all rows in one query.
 */
export async function restoreKeysAndIndexes(run: RunSql, dropped: DroppedStructures): Promise<void> {
  for (const statement of dropped.restore) await run(statement);
}
