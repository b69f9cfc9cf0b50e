import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { agents, teams } from './teams';

export const ticketStatus = pgEnum('ticket_status', ['open', 'pending', 'resolved', 'closed']);

/** A helpdesk ticket, upserted by its external id. Times come from the helpdesk. */
export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id').notNull(),
    subject: text('subject'),
    channel: text('channel').notNull(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    status: ticketStatus('status').notNull().default('open'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    reopenedCount: integer('reopened_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tickets_external_id_key').on(t.externalId),
    index('tickets_customer_id_idx').on(t.customerId),
    index('tickets_team_resolved_idx').on(t.teamId, t.resolvedAt),
    index('tickets_agent_resolved_idx').on(t.agentId, t.resolvedAt),
    index('tickets_resolved_at_idx').on(t.resolvedAt),
  ],
);
