import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

// COPY's text format gives a meaning to these four characters only: backslash starts an escape, tab
// ends a column, newline and carriage return end a row. Every other character, quotes and commas
// included, is data as it stands.
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** How COPY's text format writes NULL (the default `NULL '\N'`). */
export const COPY_NULL = '\\N';

/**
 * Escapes one value for COPY's text format (the default format: tab between columns, newline after
 * each row): backslash, tab, newline and carriage return become `\\`, `\t`, `\n`, `\r`; nothing else
 * changes, so quotes, commas, Cyrillic and any other UTF-8 text pass through. Text that needs no
 * escape (nearly all demo text) is returned as it is, without a copy.
 *
 * @example
 * escapeCopyText('a\tb\\c'); // 'a\\tb\\\\c'
 * escapeCopyText('"Hvala", rekla je'); // unchanged
 */
export function escapeCopyText(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (special) => ESCAPES[special] ?? special) : text;
}

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
// 'YYYY-MM-DDT' by day number since the epoch. Demo times span a few hundred days; the cap only
// keeps a caller with times all over the calendar from growing it without end.
const dayPrefixes = new Map<number, string>();
const MAX_CACHED_DAYS = 20_000;

/**
 * A Date as `toISOString()` writes it (`2026-01-05T10:00:00.000Z`), several times faster: the date
 * part comes from `toISOString()` once per day and is cached, the time of day is put together from
 * lookup tables. Timestamps are most of what a demo row holds, so this is most of the encoding time.
 *
 * @example
 * isoTimestamp(new Date(Date.UTC(2026, 0, 5, 10, 7, 3, 45))); // '2026-01-05T10:07:03.045Z'
 */
export function isoTimestamp(date: Date): string {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return date.toISOString(); // throws RangeError, as toISOString does
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= MAX_CACHED_DAYS) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, -13);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return `${prefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[seconds]}.${THREE_DIGITS[rest - seconds * 1000]}Z`;
}

/** A name as a quoted SQL identifier: `tickets` → `"tickets"`, with embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Rows of one table in COPY's text format, with the columns they fill, in order. */
export interface CopyText {
  /** The table's SQL name. */
  table: string;
  /** SQL column names, in the order of the values on each line. */
  columns: string[];
  /** One line per row, each ending in a newline. */
  text: string;
  rows: number;
}

/**
 * Encodes rows for `COPY table (columns) FROM STDIN` in the text format. The columns are those the
 * first row names (the rest take their defaults, as with an insert), mapped to SQL names through the
 * Drizzle table. Each value goes through its column's own `mapToDriverValue` — the conversion Drizzle
 * applies to an insert's parameters: a Date becomes ISO 8601 in UTC, jsonb becomes JSON text, a text
 * array becomes an array literal with its elements quoted (a Date in a timestamp column goes through
 * isoTimestamp, which writes the same text faster) — and is then escaped with escapeCopyText.
 * `null` and `undefined` become NULL; booleans are written `true`/`false`, numbers in JavaScript's notation.
 *
 * Every row must name the same columns as the first (demo rows name all theirs); a row that lacks one
 * would silently get NULL there, so it throws instead.
 *
 * @example
 * const copy = encodeCopyText(teams, [{ id, name: 'Billing\tEU', createdAt, updatedAt }]);
 * // { table: 'teams', columns: ['id', 'name', 'created_at', 'updated_at'],
 * //   text: '…\tBilling\\tEU\t2026-01-05T10:00:00.000Z\t…\n', rows: 1 }
 */
export function encodeCopyText<TTable extends PgTable>(
  table: TTable,
  rows: readonly TTable['$inferInsert'][],
): CopyText {
  const first = rows[0];
  if (first === undefined) throw new RangeError('encodeCopyText() needs at least one row');
  const byKey = getTableColumns(table);
  const keys = Object.keys(first);
  const columns = keys.map((key) => {
    const column = byKey[key];
    if (!column) throw new Error(`${key} is not a column of the table`);
    return column;
  });
  // Drizzle maps a Date in a timestamp column with toISOString(); isoTimestamp writes the same text.
  const timestamps = columns.map((column) => column.columnType === 'PgTimestamp');
  // Lines joined once at the end: a string grown by `+=` row after row is a rope of small pieces
  // that takes several times the memory of its text until something flattens it.
  const lines: string[] = [];
  for (const row of rows) {
    const values: Record<string, unknown> = row;
    let line = '';
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] ?? '';
      const value = values[key];
      if (i > 0) line += '\t';
      if (value === null) {
        line += COPY_NULL;
        continue;
      }
      if (value === undefined) {
        if (!(key in values)) throw new Error(`a row has no ${key}, unlike the first row`);
        line += COPY_NULL;
        continue;
      }
      if (value instanceof Date && timestamps[i]) {
        line += isoTimestamp(value);
        continue;
      }
      const mapped: unknown = columns[i]?.mapToDriverValue(value);
      line += escapeCopyText(String(mapped));
    }
    lines.push(line);
  }
  return {
    table: getTableName(table),
    columns: columns.map((column) => column.name),
    text: `${lines.join('\n')}\n`,
    rows: rows.length,
  };
}

/**
 * The COPY statement for encoded rows, reading from `source`: `STDIN` for a server connection, or a
 * quoted file name such as `'/dev/blob'` (PGlite's device for a Blob passed with the query).
 *
 * @example
 * copyStatement(copy, 'STDIN'); // copy "teams" ("id", "name", …) from STDIN
 */
export function copyStatement(copy: Pick<CopyText, 'table' | 'columns'>, source: string): string {
  return `copy ${quoteIdentifier(copy.table)} (${copy.columns.map(quoteIdentifier).join(', ')}) from ${source}`;
}
