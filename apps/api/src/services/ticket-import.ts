import type { TicketImportResult, TicketPayload } from '@rapport/contracts';
import { ticketEvents, tickets, type Database } from '@rapport/db';
import { inArray } from 'drizzle-orm';
import { upsertTicket } from './ticket-events';

/**
 * Loads past tickets (a first load, or a move from another tool): upserts each by external id and
 * records it, but never invites anyone — these customers were served long ago.
 */
export async function importTickets(
  db: Database,
  payloads: TicketPayload[],
  now = new Date(),
): Promise<TicketImportResult> {
  const ids = [...new Set(payloads.map((p) => p.externalId))];
  return db.transaction(async (tx) => {
    const existing = new Set<string>();
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await tx
        .select({ externalId: tickets.externalId })
        .from(tickets)
        .where(inArray(tickets.externalId, ids.slice(i, i + 1000)));
      rows.forEach((r) => existing.add(r.externalId));
    }
    for (const ticket of payloads) {
      const occurredAt = ticket.resolvedAt ?? ticket.createdAt;
      const row = await upsertTicket(tx, { type: 'ticket.updated', occurredAt, ticket }, now);
      await tx.insert(ticketEvents).values({
        ticketId: row.id,
        type: 'ticket.imported',
        occurredAt,
        receivedAt: now,
        decision: 'recorded',
      });
    }
    return {
      imported: payloads.length,
      created: ids.filter((id) => !existing.has(id)).length,
      updated: ids.filter((id) => existing.has(id)).length,
    };
  });
}
