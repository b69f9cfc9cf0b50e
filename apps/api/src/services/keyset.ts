import { and, eq, gt, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';
import { ValidationError } from '../errors';

/** A position in a list ordered by (timestamp, id): stable under inserts, fast on a matching index. */
export interface Keyset {
  at: Date;
  id: string;
}

/**
 * The opaque cursor for the row a page ended on.
 *
 * @example
 * encodeKeyset(last.createdAt, last.id) // "MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDZm…"
 */
export function encodeKeyset(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** Reads a cursor this API gave out; anything else is a 400 that says to start again. */
export function decodeKeyset(cursor: string): Keyset {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(when.getTime())) {
    throw new ValidationError('The page cursor is not valid. Start again from the first page.', [
      { path: 'cursor', message: 'Not a cursor this API gave out.' },
    ]);
  }
  return { at: when, id };
}

/**
 * The rows after the cursor in a list ordered by (at, id), newest first (`desc`) or oldest first.
 *
 * @example
 * where.push(afterKeyset(responses.submittedAt, responses.id, decodeKeyset(cursor), 'desc'));
 */
export function afterKeyset(atColumn: AnyColumn, idColumn: AnyColumn, k: Keyset, order: 'asc' | 'desc'): SQL {
  const beyond = order === 'desc' ? lt : gt;
  return or(beyond(atColumn, k.at), and(eq(atColumn, k.at), beyond(idColumn, k.id))) as SQL;
}
