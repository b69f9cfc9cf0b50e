import { Readable } from 'node:stream';
import type { ResponseFilters } from '@rapport/contracts';
import { agents, customers, responses, surveys, teams, tickets, type Executor } from '@rapport/db';
import { and, eq, type SQL } from 'drizzle-orm';
import { stringify } from 'csv-stringify';
import { NEWEST_FIRST, olderThan, responseFilters } from './responses';
import { localDay } from './rollups';
import { getSettings } from './settings';

/** Rows read per query: enough to keep the database busy, few enough to hold in memory at once. */
export const EXPORT_BATCH_SIZE = 1000;

/** Leading characters that make a spreadsheet read a cell as a formula (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made safe to open in a spreadsheet: one that starts like a formula gets a leading
 * apostrophe, so Excel, LibreOffice and Google Sheets show it as text instead of running it.
 * Only text columns pass through here: the score columns are numbers from the database and are
 * written as numbers, so they stay numbers in the sheet. A text that merely looks like a negative
 * number ("-5 stars", a ticket id "-12") is still text and is escaped like any other.
 *
 * @example
 * neutraliseFormula('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 * neutraliseFormula('Fine, thanks')              // 'Fine, thanks'
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const exportColumns = {
  id: responses.id,
  submittedAt: responses.submittedAt,
  survey: surveys.name,
  team: teams.name,
  agent: agents.name,
  ticket: tickets.externalId,
  customerName: customers.name,
  customerEmail: customers.email,
  locale: responses.locale,
  channel: responses.channel,
  csat: responses.csat,
  nps: responses.nps,
  ces: responses.ces,
  resolved: responses.resolved,
  callback: responses.callback,
  reasons: responses.reasons,
  comment: responses.comment,
  answers: responses.answers,
  suspectedBot: responses.suspectedBot,
  counted: responses.counted,
};

/** The CSV's columns, in order: the key in a row and the header a spreadsheet shows. */
const CSV_COLUMNS = [
  { key: 'submittedAt', header: 'submitted_at' },
  { key: 'survey', header: 'survey' },
  { key: 'team', header: 'team' },
  { key: 'agent', header: 'agent' },
  { key: 'ticket', header: 'ticket' },
  { key: 'customerName', header: 'customer_name' },
  { key: 'customerEmail', header: 'customer_email' },
  { key: 'locale', header: 'locale' },
  { key: 'channel', header: 'channel' },
  { key: 'csat', header: 'csat' },
  { key: 'nps', header: 'nps' },
  { key: 'ces', header: 'ces' },
  { key: 'resolved', header: 'resolved' },
  { key: 'callback', header: 'callback' },
  { key: 'reasons', header: 'reasons' },
  { key: 'comment', header: 'comment' },
  // Every answer by question id, as JSON: the metric columns above hold only the answers that feed
  // a metric, and a survey's own questions (service principles, free texts) differ per survey.
  { key: 'answers', header: 'answers' },
  { key: 'suspectedBot', header: 'suspected_bot' },
  { key: 'counted', header: 'counted' },
  { key: 'id', header: 'response_id' },
] as const;

/**
 * The filtered responses, newest first, read in keyset batches: memory holds one batch, however
 * many rows match. Reading stops when the consumer stops (a cancelled download).
 */
async function* batchedRows(db: Executor, where: SQL[], batchSize: number) {
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const rows = await db
      .select(exportColumns)
      .from(responses)
      .innerJoin(tickets, eq(tickets.id, responses.ticketId))
      .innerJoin(customers, eq(customers.id, responses.customerId))
      .innerJoin(surveys, eq(surveys.id, responses.surveyId))
      .leftJoin(teams, eq(teams.id, responses.teamId))
      .leftJoin(agents, eq(agents.id, responses.agentId))
      .where(and(...where, after ? olderThan(after) : undefined))
      .orderBy(...NEWEST_FIRST)
      .limit(batchSize);
    for (const row of rows)
      yield { ...row, reasons: row.reasons.join('; '), answers: JSON.stringify(row.answers) };
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { at: last.submittedAt, id: last.id };
  }
}

export interface ResponsesExport {
  /** `rapport-responses-2026-05-14.csv`: the day of the export in the organisation's time zone. */
  fileName: string;
  /** UTF-8 with a byte order mark (so Excel reads Cyrillic right), a header row, CRLF line ends. */
  stream: ReadableStream<Uint8Array>;
}

/**
 * The inbox's filtered set as a CSV download, streamed: rows are read in keyset batches of
 * `batchSize`, written through csv-stringify, and handed to the reply as they come, so a million
 * responses never sit in memory. The filters are checked and resolved before the first byte, so a
 * bad filter is still a JSON error.
 *
 * @example
 * const { fileName, stream } = await exportResponses(db, { teamId, from: '2026-05-01' });
 */
export async function exportResponses(
  db: Executor,
  filters: ResponseFilters,
  options: { batchSize?: number; now?: Date } = {},
): Promise<ResponsesExport> {
  const where = await responseFilters(db, filters);
  const { timeZone } = await getSettings(db);
  const csv = stringify({
    bom: true,
    header: true,
    columns: CSV_COLUMNS,
    record_delimiter: 'windows',
    cast: {
      date: (d) => d.toISOString(),
      boolean: (b) => (b ? 'true' : 'false'),
      string: (s, context) => (context.header ? s : neutraliseFormula(s)),
    },
  });
  const rows = Readable.from(batchedRows(db, where, options.batchSize ?? EXPORT_BATCH_SIZE));
  rows.on('error', (err) => csv.destroy(err));
  rows.pipe(csv);
  const chunks = csv[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : new Uint8Array(value));
    },
    async cancel() {
      rows.destroy();
      await chunks.return?.();
    },
  });
  return { fileName: `rapport-responses-${localDay(options.now ?? new Date(), timeZone)}.csv`, stream };
}
