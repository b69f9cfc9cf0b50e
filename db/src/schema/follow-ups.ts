import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
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
    // The reports count a period's open follow-ups by when they opened (closed ones come from
    // daily_follow_up_rollups); open ones are few, and the other columns make it an index-only scan.
    index('follow_ups_open_created_idx')
      .on(t.createdAt, t.teamId, t.dueAt)
      .where(sql`${t.status} = 'open'`),
  ],
);

/**
 * Closed follow-ups per organisation-local day they opened and team, and how many of them were
 * closed by their due time: what follow-up timeliness needs of a period, in a few hundred rows a
 * year instead of every follow-up. Open ones are counted from `follow_ups` (their lateness moves
 * with the clock). Statement-level triggers on `follow_ups` (migration 0011) keep it in the same
 * statement as every insert, close, reopen, team change and delete, whichever path makes it, and
 * COPY adds a whole chunk with one grouped insert. The day is taken in the settings' time zone at
 * the time of the write; a change of time zone recounts it (`rebuildFollowUpRollups`).
 */
export const dailyFollowUpRollups = pgTable(
  'daily_follow_up_rollups',
  {
    day: date('day').notNull(),
    teamId: uuid('team_id'),
    closed: integer('closed').notNull().default(0),
    closedInTime: integer('closed_in_time').notNull().default(0),
  },
  (t) => [unique('daily_follow_up_rollups_key').on(t.day, t.teamId).nullsNotDistinct()],
);
