/**
 * CSV built in the browser from what a chart or table shows (RFC 4180: every cell quoted, CRLF
 * between rows). Unit-tested beside.
 */

export type Cell = string | number | null;

/**
 * One cell, quoted. A text starting with `=`, `+`, `-` or `@` (or a tab or carriage return) would
 * run as a formula when the file is opened in a spreadsheet, so it gets a leading apostrophe. A
 * number is written as JavaScript prints it (never a formula, and `-1.5` must stay a number);
 * null is an empty cell.
 *
 * @example
 * csvCell('=HYPERLINK("x")') // `"'=HYPERLINK(""x"")"`
 * csvCell(-1.5)              // '"-1.5"'
 */
export function csvCell(value: Cell): string {
  if (value === null) return '""';
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * A CSV document: the header row, then the rows, each line ended by CRLF. Starts with a byte-order
 * mark so spreadsheet programs read names in Cyrillic or with diacritics as UTF-8.
 *
 * @example
 * toCsv(['Team', 'n'], [['Billing', 12]]) // '\uFEFF"Team","n"\r\n"Billing","12"\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`;
}

/**
 * A file name for a download: the words given, lower-case, joined by hyphens, plus `.csv`.
 *
 * @example
 * csvFileName('CSAT trend', '2026-11-01', '2026-11-30') // 'csat-trend-2026-11-01-2026-11-30.csv'
 */
export function csvFileName(...words: string[]): string {
  const slug = words
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'report'}.csv`;
}
