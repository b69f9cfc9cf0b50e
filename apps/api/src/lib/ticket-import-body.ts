import {
  TICKET_CSV_COLUMNS,
  TicketPayload,
  type FieldIssue,
  type TicketPayload as TicketPayloadType,
} from '@rapport/contracts';
import { parse } from 'csv-parse/sync';
import * as v from 'valibot';
import { ValidationError } from '../errors';

const MAX_REPORTED = 20;
const MAX_TICKETS = 50_000;

/**
 * Turns CSV text (header row first) into ticket payloads, or throws a ValidationError naming the
 * rows and columns that are wrong. Empty cells mean "not given".
 */
export function ticketsFromCsv(csv: string): unknown[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    });
  } catch (err) {
    throw new ValidationError(
      `The CSV could not be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const header = records[0] ? Object.keys(records[0]) : [];
  const unknown = header.filter((h) => !(TICKET_CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) {
    throw new ValidationError(
      `Unknown CSV columns: ${unknown.join(', ')}. Use: ${TICKET_CSV_COLUMNS.join(', ')}.`,
    );
  }
  const cell = (r: Record<string, string>, k: string) => (r[k] ? r[k] : undefined);
  return records.map((r) => ({
    externalId: cell(r, 'external_id'),
    subject: cell(r, 'subject'),
    channel: cell(r, 'channel'),
    createdAt: cell(r, 'created_at'),
    firstResponseAt: cell(r, 'first_response_at'),
    resolvedAt: cell(r, 'resolved_at'),
    customer: {
      externalId: cell(r, 'customer_external_id'),
      email: cell(r, 'customer_email'),
      name: cell(r, 'customer_name'),
      locale: cell(r, 'customer_locale'),
    },
    agent: cell(r, 'agent_email')
      ? {
          externalId: cell(r, 'agent_external_id'),
          email: cell(r, 'agent_email'),
          name: cell(r, 'agent_name'),
          team: cell(r, 'team'),
        }
      : undefined,
  }));
}

/** Validates every row first, so a bad file stores nothing; the message names the first bad rows. */
export function validateTickets(rows: unknown[], firstRow: number): TicketPayloadType[] {
  const problems: FieldIssue[] = [];
  const valid: TicketPayloadType[] = [];
  rows.forEach((row, i) => {
    const result = v.safeParse(TicketPayload, row);
    if (result.success) valid.push(result.output);
    else if (problems.length < MAX_REPORTED) {
      const issue = result.issues[0];
      const field = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      problems.push({ path: `row ${i + firstRow}${field ? `: ${field}` : ''}`, message: issue.message });
    }
  });
  if (problems.length > 0) {
    const first = problems[0];
    throw new ValidationError(`Nothing was imported: ${first?.path} — ${first?.message}`, problems);
  }
  return valid;
}

/**
 * Reads an import request body — `text/csv` with a header row, or JSON `{ "tickets": [...] }` —
 * and validates every row before anything is stored.
 *
 * @example
 * const tickets = await readTicketImport(c.req.raw);
 */
export async function readTicketImport(request: Request): Promise<TicketPayloadType[]> {
  const type = request.headers.get('content-type') ?? '';
  let rows: unknown[];
  let firstRow: number;
  if (/^text\/csv\b/i.test(type)) {
    rows = ticketsFromCsv(await request.text());
    firstRow = 2; // Row 1 is the header, as a spreadsheet numbers it.
  } else if (/^application\/json\b/i.test(type)) {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new ValidationError('The request body is not valid JSON.');
    }
    const list = (body as { tickets?: unknown } | null)?.tickets;
    if (!Array.isArray(list)) throw new ValidationError('Send { "tickets": [ … ] }.');
    rows = list;
    firstRow = 1;
  } else {
    throw new ValidationError('Send the tickets as text/csv or as application/json.');
  }
  if (rows.length === 0) throw new ValidationError('There are no tickets to import.');
  if (rows.length > MAX_TICKETS)
    throw new ValidationError(`Import at most ${MAX_TICKETS.toLocaleString('en')} tickets at a time.`);
  return validateTickets(rows, firstRow);
}
