import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { surveys, surveyVersions } from './surveys';
import { agents, teams } from './teams';
import { tickets } from './tickets';

export const invitationStatus = pgEnum('invitation_status', [
  'scheduled',
  'sending',
  'sent',
  'cancelled',
  'failed',
]);

/**
 * One survey invitation for one resolved ticket. The link's token is derived from the instance
 * secret and the id; only its hash is stored, for lookup.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id),
    surveyVersionId: uuid('survey_version_id')
      .notNull()
      .references(() => surveyVersions.id),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    channel: text('channel').notNull(),
    locale: text('locale').notNull(),
    /** The resolution this invitation asks about: one invitation per ticket resolution. */
    ticketResolvedAt: timestamp('ticket_resolved_at', { withTimezone: true }).notNull(),
    status: invitationStatus('status').notNull().default('scheduled'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    tokenHash: text('token_hash').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    uniqueIndex('invitations_ticket_resolution_key').on(t.ticketId, t.ticketResolvedAt),
    index('invitations_customer_created_idx').on(t.customerId, t.createdAt),
    index('invitations_status_scheduled_idx').on(t.status, t.scheduledFor),
    index('invitations_reminder_idx')
      .on(t.sentAt)
      .where(sql`${t.status} = 'sent' and ${t.respondedAt} is null and ${t.reminderSentAt} is null`),
  ],
);

/**
 * Every ticket event received and what was decided for it, so the response-rate denominator
 * is honest and a retried delivery is recognised.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The helpdesk's event id, when it sends one: a second delivery is a duplicate. */
    sourceEventId: text('source_event_id'),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    type: text('type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    decision: text('decision').notNull(),
    invitationId: uuid('invitation_id').references(() => invitations.id),
  },
  (t) => [
    uniqueIndex('ticket_events_source_event_id_key').on(t.sourceEventId),
    index('ticket_events_ticket_idx').on(t.ticketId, t.receivedAt),
    index('ticket_events_received_idx').on(t.receivedAt, t.decision),
  ],
);

/** Addresses that asked for no more surveys. Stored lower-case. */
export const suppressions = pgTable('suppressions', {
  email: text('email').primaryKey(),
  reason: text('reason').notNull(),
  invitationId: uuid('invitation_id').references(() => invitations.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
