import {
  bigserial,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams } from './teams';
import { users } from './users';

export const keyResultKind = pgEnum('key_result_kind', ['metric', 'manual']);
export const keyResultDirection = pgEnum('key_result_direction', ['increase', 'decrease']);

/** A quarter's objective, for the whole organisation (teamId null) or one team. */
export const objectives = pgTable(
  'objectives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `2026-Q4`, read in the organisation's time zone. */
    quarter: text('quarter').notNull(),
    // A team's goals go with the team; only a team without tickets or audits can be deleted at all.
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('objectives_quarter_team_idx').on(t.quarter, t.teamId)],
);

/**
 * A measurable result of an objective. A `metric` one is linked to a live metric and its current
 * value is computed from the data for the objective's scope and quarter, never stored; a `manual`
 * one keeps the value people give it in `manualValue`. Baseline, target and values are in the
 * metric's own unit.
 */
export const keyResults = pgTable(
  'key_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    objectiveId: uuid('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    /** Order within the objective, from 0. */
    position: integer('position').notNull(),
    title: text('title').notNull(),
    kind: keyResultKind('kind').notNull(),
    /** One of the report metric keys (contracts' METRIC_KEYS) for `metric` key results, else null. */
    metric: text('metric'),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    direction: keyResultDirection('direction').notNull(),
    /** Manual key results only: the latest value given. */
    manualValue: doublePrecision('manual_value'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('key_results_objective_idx').on(t.objectiveId, t.position)],
);

/** A check-in on a key result: confidence, comment and the value at that moment. History is kept. */
export const keyResultCheckIns = pgTable(
  'key_result_check_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: two check-ins in the same millisecond still have a history order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    keyResultId: uuid('key_result_id')
      .notNull()
      .references(() => keyResults.id, { onDelete: 'cascade' }),
    /** 1 (no chance) .. 10 (certain). */
    confidence: integer('confidence').notNull(),
    comment: text('comment').notNull(),
    /** The value at check-in: computed for metric key results (null without data), given for manual ones. */
    value: doublePrecision('value'),
    /** How many observations the computed value rests on; null for manual key results. */
    n: integer('n'),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('key_result_check_ins_kr_idx').on(t.keyResultId, t.at, t.seq)],
);
