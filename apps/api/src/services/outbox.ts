import type { Page } from '@rapport/contracts';
import { mailOutbox, type Executor } from '@rapport/db';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { found } from '../errors';
import { afterKeyset, decodeKeyset, encodeKeyset } from './keyset';

/** One message Rapport sent (or, without SMTP, kept here instead of sending). */
export interface OutboxMessageView {
  id: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** 'outbox' (kept here only) or 'smtp' (handed to the SMTP server). */
  transport: string;
  messageId: string | null;
  invitationId: string | null;
  createdAt: string;
}

export interface ListOutboxInput {
  limit: number;
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor?: string;
  invitationId?: string;
}

type OutboxRow = typeof mailOutbox.$inferSelect;

function toView(r: OutboxRow): OutboxMessageView {
  return {
    id: r.id,
    kind: r.kind,
    to: r.toAddress,
    subject: r.subject,
    text: r.text,
    html: r.html,
    transport: r.transport,
    messageId: r.messageId,
    invitationId: r.invitationId,
    createdAt: r.createdAt.toISOString(),
  };
}

/**
 * The mail outbox, newest first, a page at a time; optionally only one invitation's messages.
 *
 * @example
 * const page = await listOutbox(db, { limit: 50 });
 * const next = page.nextCursor ? await listOutbox(db, { limit: 50, cursor: page.nextCursor }) : null;
 */
export async function listOutbox(db: Executor, input: ListOutboxInput): Promise<Page<OutboxMessageView>> {
  const where: SQL[] = [];
  if (input.invitationId) where.push(eq(mailOutbox.invitationId, input.invitationId));
  if (input.cursor)
    where.push(afterKeyset(mailOutbox.createdAt, mailOutbox.id, decodeKeyset(input.cursor), 'desc'));
  const rows = await db
    .select()
    .from(mailOutbox)
    .where(and(...where))
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map(toView),
    nextCursor: rows.length > input.limit && last ? encodeKeyset(last.createdAt, last.id) : null,
  };
}

/**
 * One outbox message, or NOT_FOUND.
 *
 * @example
 * const message = await getOutboxMessage(db, id);
 */
export async function getOutboxMessage(db: Executor, id: string): Promise<OutboxMessageView> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return toView(found(row, 'Outbox message'));
}
