import type { Answers } from '@rapport/contracts';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { customers } from './customers';
import { invitations } from './invitations';
import { surveys, surveyVersions } from './surveys';
import { agents, teams } from './teams';
import { tickets } from './tickets';
import { users } from './users';

/**
 * A customer's answers to one invitation. The metric columns are copies of the answers to the
 * questions that feed each metric, so reports and filters never parse jsonb.
 */
export const responses = pgTable(
  'responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => invitations.id),
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
    answers: jsonb('answers').$type<Answers>().notNull(),
    csat: smallint('csat'),
    nps: smallint('nps'),
    ces: smallint('ces'),
    resolved: boolean('resolved'),
    callback: boolean('callback'),
    reasons: text('reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    comment: text('comment'),
    /** Signals that a mail scanner, not a person, answered. Flagged answers are kept, not deleted. */
    suspectedBot: boolean('suspected_bot').notNull().default(false),
    botEvidence: jsonb('bot_evidence').$type<string[]>().notNull().default([]),
    /** Whether the metrics count it: false for suspected bots unless staff decided otherwise. */
    counted: boolean('counted').notNull(),
    countedDecidedBy: uuid('counted_decided_by').references(() => users.id, { onDelete: 'set null' }),
    /** The organisation-local day of the first answer: the rollup row it counts in, edits included. */
    rollupDay: date('rollup_day').notNull(),
    userAgent: text('user_agent'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    editCount: integer('edit_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('responses_invitation_id_key').on(t.invitationId),
    index('responses_submitted_idx').on(t.submittedAt, t.id),
    index('responses_team_submitted_idx').on(t.teamId, t.submittedAt),
    index('responses_agent_submitted_idx').on(t.agentId, t.submittedAt),
    index('responses_survey_submitted_idx').on(t.surveyId, t.submittedAt),
    index('responses_customer_idx').on(t.customerId),
    // The inbox's comment search is `ilike '%words%'`: a trigram index answers it without reading
    // every response, even when nothing matches (pg_trgm; see migration 0005).
    index('responses_comment_trgm_idx').using('gin', t.comment.op('gin_trgm_ops')),
  ],
);

/** Earlier answers of a response, one row per change, oldest first. */
export const responseHistory = pgTable(
  'response_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    responseId: uuid('response_id')
      .notNull()
      .references(() => responses.id, { onDelete: 'cascade' }),
    answers: jsonb('answers').$type<Answers>().notNull(),
    /** When these answers were given (replaced at the next row's time or the response's updated_at). */
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('response_history_response_idx').on(t.responseId, t.replacedAt)],
);

/**
 * The count columns of a survey rollup: sends, counted responses, bots, and each metric's
 * distribution. Shared by the per-agent daily rollups and the per-team ones derived from them.
 */
export function rollupCounts() {
  return {
    sent: integer('sent').notNull().default(0),
    responses: integer('responses').notNull().default(0),
    bots: integer('bots').notNull().default(0),
    csat1: integer('csat_1').notNull().default(0),
    csat2: integer('csat_2').notNull().default(0),
    csat3: integer('csat_3').notNull().default(0),
    csat4: integer('csat_4').notNull().default(0),
    csat5: integer('csat_5').notNull().default(0),
    npsPromoters: integer('nps_promoters').notNull().default(0),
    npsPassives: integer('nps_passives').notNull().default(0),
    npsDetractors: integer('nps_detractors').notNull().default(0),
    ces1: integer('ces_1').notNull().default(0),
    ces2: integer('ces_2').notNull().default(0),
    ces3: integer('ces_3').notNull().default(0),
    ces4: integer('ces_4').notNull().default(0),
    ces5: integer('ces_5').notNull().default(0),
    ces6: integer('ces_6').notNull().default(0),
    ces7: integer('ces_7').notNull().default(0),
    resolvedYes: integer('resolved_yes').notNull().default(0),
    resolvedNo: integer('resolved_no').notNull().default(0),
  };
}

/**
 * Per-day metric counts by survey, team, agent and channel, kept in the same transaction as every
 * response write, so reports read a few thousand rows instead of millions of responses.
 */
export const dailyRollups = pgTable(
  'daily_rollups',
  {
    day: date('day').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id'),
    agentId: uuid('agent_id'),
    channel: text('channel').notNull(),
    ...rollupCounts(),
  },
  (t) => [
    unique('daily_rollups_key').on(t.day, t.surveyId, t.teamId, t.agentId, t.channel).nullsNotDistinct(),
    index('daily_rollups_team_day_idx').on(t.teamId, t.day),
  ],
);
