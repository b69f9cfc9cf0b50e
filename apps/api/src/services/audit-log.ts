import type { AuditLogEntryView, ListAuditLogQuery, Page } from '@rapport/contracts';
import { auditLog, type Executor } from '@rapport/db';
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import type { Actor } from './actor';

export interface ChangeRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log. Call it inside the transaction that makes the change,
 * so a change and its record land together or not at all.
 */
export async function recordChange(tx: Executor, actor: Actor, change: ChangeRecord): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor.userId,
    actorApiKeyId: actor.apiKeyId,
    actorLabel: actor.label,
    requestId: actor.requestId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
  });
}

/** Newest first, keyset-paged on the id. */
export async function listAuditLog(db: Executor, query: ListAuditLogQuery): Promise<Page<AuditLogEntryView>> {
  const where: SQL[] = [];
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.cursor) where.push(lt(auditLog.id, Number(query.cursor)));
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  };
}
