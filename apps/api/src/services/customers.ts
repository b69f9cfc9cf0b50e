import type { CustomerView, ListCustomersQuery, Page } from '@rapport/contracts';
import {
  customers,
  followUps,
  invitations,
  mailOutbox,
  responseHistory,
  responses,
  suppressions,
  surveyVersions,
  tickets,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { afterKeyset, decodeKeyset, encodeKeyset } from './keyset';
import { containsPattern } from './search';

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

/** Newest first; `q` matches email, name or external id, case-insensitively. */
export async function listCustomers(db: Executor, query: ListCustomersQuery): Promise<Page<CustomerView>> {
  const where: SQL[] = [];
  if (query.q) {
    const pattern = containsPattern(query.q);
    const match = or(
      ilike(customers.email, pattern),
      ilike(customers.name, pattern),
      ilike(customers.externalId, pattern),
    );
    if (match) where.push(match);
  }
  if (query.cursor)
    where.push(afterKeyset(customers.createdAt, customers.id, decodeKeyset(query.cursor), 'desc'));
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
    nextCursor: rows.length > query.limit && last ? encodeKeyset(last.createdAt, last.id) : null,
  };
}

export async function getCustomer(db: Executor, id: string): Promise<CustomerView> {
  const [row] = await db.select(customerColumns).from(customers).where(eq(customers.id, id));
  return toView(found(row, 'Customer'));
}

/**
 * Everything Rapport holds about one customer, for a data-subject access request.
 */
export async function exportCustomer(db: Executor, id: string) {
  const [customer] = await db.select().from(customers).where(eq(customers.id, id));
  const person = found(customer, 'Customer');
  const [ticketRows, invitationRows, responseRows, followUpRows] = await Promise.all([
    db.select().from(tickets).where(eq(tickets.customerId, id)).orderBy(asc(tickets.openedAt)),
    db
      .select({
        id: invitations.id,
        ticketId: invitations.ticketId,
        status: invitations.status,
        locale: invitations.locale,
        scheduledFor: invitations.scheduledFor,
        sentAt: invitations.sentAt,
        reminderSentAt: invitations.reminderSentAt,
        respondedAt: invitations.respondedAt,
      })
      .from(invitations)
      .where(eq(invitations.customerId, id))
      .orderBy(asc(invitations.createdAt)),
    db.select().from(responses).where(eq(responses.customerId, id)).orderBy(asc(responses.submittedAt)),
    db.select().from(followUps).where(eq(followUps.customerId, id)).orderBy(asc(followUps.createdAt)),
  ]);
  const history = responseRows.length
    ? await db
        .select()
        .from(responseHistory)
        .where(
          inArray(
            responseHistory.responseId,
            responseRows.map((r) => r.id),
          ),
        )
    : [];
  const [suppressed] = person.email
    ? await db.select().from(suppressions).where(eq(suppressions.email, person.email.toLowerCase()))
    : [];
  return {
    exportedAt: new Date().toISOString(),
    customer: {
      id: person.id,
      externalId: person.externalId,
      email: person.email,
      name: person.name,
      locale: person.locale,
      createdAt: person.createdAt.toISOString(),
      erasedAt: person.erasedAt?.toISOString() ?? null,
      unsubscribed: suppressed !== undefined,
    },
    tickets: ticketRows.map((t) => ({
      id: t.id,
      externalId: t.externalId,
      subject: t.subject,
      channel: t.channel,
      status: t.status,
      openedAt: t.openedAt.toISOString(),
      resolvedAt: t.resolvedAt?.toISOString() ?? null,
    })),
    invitations: invitationRows,
    responses: responseRows.map((r) => ({
      id: r.id,
      ticketId: r.ticketId,
      submittedAt: r.submittedAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      answers: r.answers,
      earlierAnswers: history
        .filter((h) => h.responseId === r.id)
        .map((h) => ({ answers: h.answers, replacedAt: h.replacedAt.toISOString() })),
    })),
    followUps: followUpRows.map((f) => ({
      id: f.id,
      status: f.status,
      reasons: f.reasons,
      createdAt: f.createdAt.toISOString(),
    })),
  };
}

/**
 * Erases a customer's personal data — email, name, external id, free-text answers and earlier
 * answers, and the copies in sent mail — while keeping the anonymous ratings, so every count
 * and rate stays as it was. The opt-out (suppression) is kept so they are never mailed again.
 */
export async function eraseCustomer(
  db: Database,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<CustomerView> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(customers).where(eq(customers.id, id)).for('update');
    const person = found(before, 'Customer');
    if (person.erasedAt) return;
    const rows = await tx
      .select({ id: responses.id, answers: responses.answers, definition: surveyVersions.definition })
      .from(responses)
      .innerJoin(surveyVersions, eq(surveyVersions.id, responses.surveyVersionId))
      .where(eq(responses.customerId, id));
    for (const r of rows) {
      const textIds = new Set(r.definition.questions.filter((q) => q.type === 'text').map((q) => q.id));
      const answers = Object.fromEntries(Object.entries(r.answers).filter(([k]) => !textIds.has(k)));
      await tx.update(responses).set({ answers, comment: null }).where(eq(responses.id, r.id));
    }
    if (rows.length)
      await tx.delete(responseHistory).where(
        inArray(
          responseHistory.responseId,
          rows.map((r) => r.id),
        ),
      );
    await tx
      .update(mailOutbox)
      .set({ toAddress: 'erased', html: '', text: '', subject: '(erased)', headers: {} })
      .where(
        inArray(
          mailOutbox.invitationId,
          tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.customerId, id)),
        ),
      );
    await tx
      .update(customers)
      .set({ email: null, name: null, externalId: null, erasedAt: now, updatedAt: now })
      .where(eq(customers.id, id));
    await recordChange(tx, actor, {
      action: 'customer.erase',
      entityType: 'customer',
      entityId: id,
      before: { responses: rows.length },
      after: { erased: true },
    });
  });
  return getCustomer(db, id);
}
