import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { responses } from './responses';
import { teams } from './teams';
import { tickets } from './tickets';
import { users } from './users';

export const followUpStatus = pgEnum('follow_up_status', ['open', 'closed']);

/** An unhappy or unresolved answer that a person must act on. Closing it needs a note. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Why it was opened: low_rating, unresolved, callback. */
    reasons: text('reasons').array().notNull(),
    status: followUpStatus('status').notNull().default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    note: text('note'),
  },
  (t) => [
    uniqueIndex('follow_ups_response_id_key').on(t.responseId),
    index('follow_ups_status_due_idx').on(t.status, t.dueAt),
    index('follow_ups_owner_idx').on(t.ownerUserId, t.status),
    // The reports count a period's follow-ups by when they opened; the other columns make it an
    // index-only scan (status, due and closing times are all the counts read).
    index('follow_ups_created_idx').on(t.createdAt, t.teamId, t.status, t.dueAt, t.closedAt),
  ],
);
