import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { dailyRollups } from '../schema/responses';
import type { RollupRow } from './rows';

/**
 * A multi-row insert that carries its rows as one JSON parameter and lets Postgres unpack them
 * (`json_populate_recordset` over the table's own row type), instead of one bind parameter per value.
 *
 * Why not `db.insert(table).values(rows)`: for 1,000 tickets that is 14,000 bind parameters, and
 * Drizzle building them plus the driver binding them cost more than the insert itself. Measured on
 * 24,000 tickets (2 cores): PGlite 2,500 tickets/s with `.values()` against 8,100 with this;
 * a Postgres server 3,300–4,000 against 7,000–9,800. Column names come from the Drizzle table, so the
 * statement follows the schema; the values travel as a parameter, never spliced into the SQL text.
 * Columns the rows leave out get their defaults.
 *
 * @example
 * await tx.execute(insertRowsQuery(tickets, batch.tickets));
 */
export function insertRowsQuery<TTable extends PgTable>(
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
): SQL {
  const first = rows[0];
  if (first === undefined) throw new RangeError('insertRowsQuery() needs at least one row');
  const byKey = getTableColumns(table);
  const keys = Object.keys(first);
  const names = keys.map((key) => {
    const column = byKey[key];
    if (!column) throw new Error(`${key} is not a column of the table`);
    return column.name;
  });
  // JSON.stringify writes Dates as ISO 8601 in UTC, which timestamptz reads exactly.
  const json = JSON.stringify(
    rows.map((row) => {
      const record: Record<string, unknown> = {};
      const values: Record<string, unknown> = row;
      for (let i = 0; i < keys.length; i++) record[names[i] ?? ''] = values[keys[i] ?? ''];
      return record;
    }),
  );
  const columns = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  return sql`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, ${json}::json)`;
}

/**
 * Adds rollup counts to daily_rollups: new (day, survey, team, agent, channel) rows are inserted,
 * existing ones get the counts added (`col = daily_rollups.col + excluded.col`), so batches that
 * touch the same day add up instead of overwriting each other. The rows must not repeat a key.
 *
 * @example
 * await tx.execute(addRollupsQuery(batch.rollups));
 */
export function addRollupsQuery(rows: readonly RollupRow[]): SQL {
  const first = rows[0];
  if (first === undefined) throw new RangeError('addRollupsQuery() needs at least one row');
  const keys = new Set(['day', 'surveyId', 'teamId', 'agentId', 'channel']);
  const byKey = getTableColumns(dailyRollups);
  const updates = Object.keys(first)
    .filter((key) => !keys.has(key))
    .map((key) => {
      const column = byKey[key as keyof typeof byKey];
      if (!column) throw new Error(`${key} is not a column of daily_rollups`);
      const name = sql.identifier(column.name);
      return sql`${name} = ${dailyRollups}.${name} + excluded.${name}`;
    });
  return sql`${insertRowsQuery(dailyRollups, rows)} on conflict on constraint daily_rollups_key do update set ${sql.join(updates, sql`, `)}`;
}
