import type { SurveyDefinition, SurveyRules } from '@rapport/contracts';
import {
  boolean,
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
import { users } from './users';

export const surveyStatus = pgEnum('survey_status', ['draft', 'active', 'archived']);

/** A survey and its sending rules. What it asks lives in immutable versions. */
export const surveys = pgTable(
  'surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    status: surveyStatus('status').notNull().default('draft'),
    rules: jsonb('rules').$type<SurveyRules>().notNull(),
    /** The version invitations use now; null until the first publish. */
    currentVersionId: uuid('current_version_id'),
    /** Unpublished edits (the builder's draft). */
    draft: jsonb('draft').$type<SurveyDefinition>(),
    /** The survey created on the first start. */
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('surveys_status_idx').on(t.status)],
);

/** A published survey definition. Never updated: responses keep the version they answered. */
export const surveyVersions = pgTable(
  'survey_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<SurveyDefinition>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('survey_versions_survey_version_key').on(t.surveyId, t.version)],
);
