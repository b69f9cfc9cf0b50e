import type { CustomerView, ListCustomersQuery, Page } from '@rapport/contracts';
import { customers, type Executor } from '@rapport/db';
import { and, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { ValidationError, found } from '../errors';

const customerColumns = {
  id: customers.id,
  externalId: customers.externalId,
  email: customers.email,
  name: customers.name,
  locale: customers.locale,
  createdAt: customers.createdAt,
  erasedAt: customers.erasedAt,
  // Spelled out: in a single-table select Drizzle leaves column names unqualified, and inside
  // the subquery a bare "id" would mean tickets.id.
  ticketCount: sql<number>`(select count(*)::int from tickets where tickets.customer_id = customers.id)`,
};

interface CustomerRow {
  id: string;
  externalId: string | null;
  email: string | null;
  name: string | null;
  locale: string;
  createdAt: Date;
  erasedAt: Date | null;
  ticketCount: number;
}

function toView(r: CustomerRow): CustomerView {
  return {
    id: r.id,
    externalId: r.externalId,
    email: r.email,
    name: r.name,
    locale: r.locale,
    ticketCount: Number(r.ticketCount),
    createdAt: r.createdAt.toISOString(),
    erased: r.erasedAt !== null,
  };
}

/** The cursor is the last row's (created_at, id): stable under inserts, fast on the index. */
function encodeCursor(r: { createdAt: Date; id: string }): string {
  return Buffer.from(`${r.createdAt.toISOString()}|${r.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new ValidationError('The page cursor is not valid. Start again from the first page.', [
      { path: 'cursor', message: 'Not a cursor this API gave out.' },
    ]);
  }
  return { createdAt, id };
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%", not everything. */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Newest first; `q` matches email, name or external id, case-insensitively. */
export async function listCustomers(db: Executor, query: ListCustomersQuery): Promise<Page<CustomerView>> {
  const where: SQL[] = [];
  if (query.q) {
    const pattern = likePattern(query.q);
    const match = or(
      ilike(customers.email, pattern),
      ilike(customers.name, pattern),
      ilike(customers.externalId, pattern),
    );
    if (match) where.push(match);
  }
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    const after = or(
      lt(customers.createdAt, c.createdAt),
      and(eq(customers.createdAt, c.createdAt), lt(customers.id, c.id)),
    );
    if (after) where.push(after);
  }
  const rows = await db
    .select(customerColumns)
    .from(customers)
    .where(and(...where))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

export async function getCustomer(db: Executor, id: string): Promise<CustomerView> {
  const [row] = await db.select(customerColumns).from(customers).where(eq(customers.id, id));
  return toView(found(row, 'Customer'));
}
