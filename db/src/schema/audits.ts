import type { AuditTemplateDefinition } from '@rapport/contracts';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { agents, teams } from './teams';
import { tickets } from './tickets';
import { users } from './users';

export const auditTemplateKind = pgEnum('audit_template_kind', ['checklist', 'scorecard']);
export const auditCycleStatus = pgEnum('audit_cycle_status', ['open', 'closed']);
export const auditStatus = pgEnum('audit_status', ['draft', 'submitted', 'signed']);
export const correctiveActionStatus = pgEnum('corrective_action_status', ['open', 'in_progress', 'done']);
export const reviewStatus = pgEnum('review_status', ['draft', 'submitted']);
export const reviewDisputeStatus = pgEnum('review_dispute_status', ['open', 'accepted', 'rejected']);

/** A team checklist or a ticket-review scorecard. What it asks lives in versions. */
export const auditTemplates = pgTable(
  'audit_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: auditTemplateKind('kind').notNull(),
    /** The shipped template it was installed from; unique so a second start never installs twice. */
    builtIn: text('built_in'),
    archived: boolean('archived').notNull().default(false),
    currentVersionId: uuid('current_version_id'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_templates_built_in_key').on(t.builtIn)],
);

/**
 * One definition of a template. A version an audit or review uses is never changed: saving the
 * template then makes a new version, and the audit keeps the one it was opened with.
 */
export const auditTemplateVersions = pgTable(
  'audit_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => auditTemplates.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<AuditTemplateDefinition>().notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_template_versions_template_version_key').on(t.templateId, t.version)],
);

/** A quarter's audit round: one audit per team, and a seeded review sample per agent. */
export const auditCycles = pgTable(
  'audit_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `2026-Q4`, read in the organisation's time zone. */
    quarter: text('quarter').notNull(),
    status: auditCycleStatus('status').notNull().default('open'),
    dueOn: date('due_on').notNull(),
    checklistVersionId: uuid('checklist_version_id')
      .notNull()
      .references(() => auditTemplateVersions.id),
    /** The scorecard the ticket reviews of this cycle use; null until reviews are set up. */
    scorecardVersionId: uuid('scorecard_version_id').references(() => auditTemplateVersions.id),
    samplePerAgent: integer('sample_per_agent').notNull(),
    /** Random, stored: the review sample can be drawn again and checked, so it cannot be cherry-picked. */
    seed: text('seed').notNull(),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('audit_cycles_quarter_key').on(t.quarter)],
);

/** One team's checklist audit in a cycle. Signed audits are immutable until reopened with a reason. */
export const audits = pgTable(
  'audits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => auditCycles.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => auditTemplateVersions.id),
    auditorUserId: uuid('auditor_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on').notNull(),
    status: auditStatus('status').notNull().default('draft'),
    /** Kept from `auditScore` at submission and sign-off; the live score is computed from the answers. */
    score: doublePrecision('score'),
    passed: boolean('passed'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: uuid('signed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('audits_cycle_team_key').on(t.cycleId, t.teamId),
    index('audits_team_idx').on(t.teamId),
    index('audits_auditor_idx').on(t.auditorUserId),
    index('audits_template_version_idx').on(t.templateVersionId),
  ],
);

/** The auditor's answer to one checklist item: 'pass' | 'fail' | 'na' | '1'..'10'. */
export const auditAnswers = pgTable(
  'audit_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    value: text('value').notNull(),
    note: text('note'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('audit_answers_audit_item_key').on(t.auditId, t.itemId)],
);

/** Why a submitted or signed audit was sent back to draft, and by whom. */
export const auditReopens = pgTable(
  'audit_reopens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id, { onDelete: 'cascade' }),
    /** The status it was reopened from. */
    fromStatus: auditStatus('from_status').notNull(),
    reason: text('reason').notNull(),
    reopenedBy: uuid('reopened_by').references(() => users.id, { onDelete: 'set null' }),
    reopenedAt: timestamp('reopened_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_reopens_audit_idx').on(t.auditId, t.reopenedAt)],
);

/** Ticket reviews of a cycle, one row per ticket drawn for an agent's sample. */
export const reviewSamples = pgTable(
  'review_samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => auditCycles.id, { onDelete: 'cascade' }),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    reviewerUserId: uuid('reviewer_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The seed the draw used (the cycle's), kept beside each pick so the draw can be repeated. */
    seed: text('seed').notNull(),
    /** Order in which the draw picked it, from 0. */
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('review_samples_cycle_agent_ticket_key').on(t.cycleId, t.agentId, t.ticketId),
    index('review_samples_reviewer_idx').on(t.reviewerUserId),
    index('review_samples_ticket_idx').on(t.ticketId),
  ],
);

/** One reviewer's scorecard for one ticket; calibration reviews score the same ticket several times. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => auditCycles.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    reviewerUserId: uuid('reviewer_user_id').references(() => users.id, { onDelete: 'set null' }),
    templateVersionId: uuid('template_version_id')
      .notNull()
      .references(() => auditTemplateVersions.id),
    status: reviewStatus('status').notNull().default('draft'),
    score: doublePrecision('score'),
    passed: boolean('passed'),
    calibration: boolean('calibration').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reviews_cycle_ticket_reviewer_key').on(t.cycleId, t.ticketId, t.reviewerUserId),
    index('reviews_agent_idx').on(t.agentId),
    index('reviews_reviewer_idx').on(t.reviewerUserId),
    index('reviews_ticket_idx').on(t.ticketId),
  ],
);

export const reviewAnswers = pgTable(
  'review_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    value: text('value').notNull(),
    note: text('note'),
    answeredBy: uuid('answered_by').references(() => users.id, { onDelete: 'set null' }),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_answers_review_item_key').on(t.reviewId, t.itemId)],
);

/** An agent's objection to one review item, and the reviewer's decision with its reason. */
export const reviewDisputes = pgTable(
  'review_disputes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    comment: text('comment').notNull(),
    status: reviewDisputeStatus('status').notNull().default('open'),
    raisedBy: uuid('raised_by').references(() => users.id, { onDelete: 'set null' }),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    /**
     * When an accepted dispute changed the answer: the value before and after. A submitted review
     * changes in no other way, so these rows are its whole history.
     */
    previousValue: text('previous_value'),
    newValue: text('new_value'),
  },
  (t) => [index('review_disputes_review_idx').on(t.reviewId, t.itemId)],
);

/**
 * Work owed after a failed checklist item or a failed critical review item. Team and cycle are
 * copied in so the board filters without joining through audits and reviews.
 */
export const correctiveActions = pgTable(
  'corrective_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => auditCycles.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    auditId: uuid('audit_id').references(() => audits.id, { onDelete: 'cascade' }),
    reviewId: uuid('review_id').references(() => reviews.id, { onDelete: 'cascade' }),
    itemId: text('item_id').notNull(),
    title: text('title').notNull(),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on').notNull(),
    status: correctiveActionStatus('status').notNull().default('open'),
    closingNote: text('closing_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One action per failed item: signing again after a reopen creates nothing twice.
    uniqueIndex('corrective_actions_audit_item_key').on(t.auditId, t.itemId),
    uniqueIndex('corrective_actions_review_item_key').on(t.reviewId, t.itemId),
    index('corrective_actions_status_due_idx').on(t.status, t.dueOn),
    index('corrective_actions_team_idx').on(t.teamId),
    index('corrective_actions_cycle_idx').on(t.cycleId),
    index('corrective_actions_owner_idx').on(t.ownerUserId),
  ],
);
