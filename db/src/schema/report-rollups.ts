import { bigint, date, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { rollupCounts } from './responses';
import { surveys } from './surveys';

/**
 * `daily_rollups` summed over agents: what every report without an agent filter reads, about an
 * eighth of the rows. A trigger on `daily_rollups` (migration 0008) adds each change here in the
 * same statement, so no write path can leave the two disagreeing.
 */
export const dailyTeamRollups = pgTable(
  'daily_team_rollups',
  {
    day: date('day').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id'),
    channel: text('channel').notNull(),
    ...rollupCounts(),
  },
  (t) => [
    unique('daily_team_rollups_key').on(t.day, t.surveyId, t.teamId, t.channel).nullsNotDistinct(),
    index('daily_team_rollups_team_day_idx').on(t.teamId, t.day),
  ],
);

/**
 * Counted responses per reason for dissatisfaction (the answer codes of the question feeding the
 * `reasons` metric), by the response's rollup day, survey, team, agent and channel. Kept in the
 * transaction that writes the response, like `daily_rollups`; an edit moves the counts. Each
 * response that gives any reason also counts once under the reason `'*'` (`ANY_REASON`), so the
 * number of responses giving a reason is read without double-counting those that give several.
 */
export const dailyReasonRollups = pgTable(
  'daily_reason_rollups',
  {
    day: date('day').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id'),
    agentId: uuid('agent_id'),
    channel: text('channel').notNull(),
    reason: text('reason').notNull(),
    responses: integer('responses').notNull().default(0),
  },
  (t) => [
    unique('daily_reason_rollups_key')
      .on(t.day, t.surveyId, t.teamId, t.agentId, t.channel, t.reason)
      .nullsNotDistinct(),
  ],
);

/**
 * `daily_reason_rollups` summed over agents, for reason reports without an agent filter (several
 * times fewer rows). Kept by a trigger on `daily_reason_rollups` (migration 0010), as
 * `daily_team_rollups` is from `daily_rollups`.
 */
export const dailyTeamReasonRollups = pgTable(
  'daily_team_reason_rollups',
  {
    day: date('day').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id'),
    channel: text('channel').notNull(),
    reason: text('reason').notNull(),
    responses: integer('responses').notNull().default(0),
  },
  (t) => [
    unique('daily_team_reason_rollups_key')
      .on(t.day, t.surveyId, t.teamId, t.channel, t.reason)
      .nullsNotDistinct(),
  ],
);

/**
 * Sufficient statistics for key drivers: per day, survey, team and driver question (a 1–5 rating
 * question with no metric, such as a service principle), over counted responses that answered both
 * it and the overall rating (x = driver, y = overall): n, Σx, Σy, Σx², Σy², Σxy. Pearson's r of any
 * period is computed from their sums, exactly, without reading responses. Agent and channel are
 * left out on purpose: a driver needs hundreds of answers to mean anything, and the rows stay few.
 */
export const dailyDriverRollups = pgTable(
  'daily_driver_rollups',
  {
    day: date('day').notNull(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => surveys.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id'),
    questionId: text('question_id').notNull(),
    n: integer('n').notNull().default(0),
    sumX: bigint('sum_x', { mode: 'number' }).notNull().default(0),
    sumY: bigint('sum_y', { mode: 'number' }).notNull().default(0),
    sumXx: bigint('sum_xx', { mode: 'number' }).notNull().default(0),
    sumYy: bigint('sum_yy', { mode: 'number' }).notNull().default(0),
    sumXy: bigint('sum_xy', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    unique('daily_driver_rollups_key').on(t.day, t.surveyId, t.teamId, t.questionId).nullsNotDistinct(),
  ],
);

/**
 * A histogram of ticket durations per organisation-local day and team, so median first-response
 * and resolution hours are read from a few thousand rows instead of sorting every ticket.
 * `measure` 'first_response' counts tickets by the day they opened (opened → first response);
 * 'resolution' by the day they were resolved (opened → resolved). `bucket` is the lower bound of
 * the duration's bucket in minutes (see `durationBucket` in @rapport/scoring).
 */
export const ticketDurationRollups = pgTable(
  'ticket_duration_rollups',
  {
    measure: text('measure', { enum: ['first_response', 'resolution'] }).notNull(),
    day: date('day').notNull(),
    teamId: uuid('team_id'),
    bucket: integer('bucket').notNull(),
    tickets: integer('tickets').notNull().default(0),
  },
  (t) => [unique('ticket_duration_rollups_key').on(t.measure, t.day, t.teamId, t.bucket).nullsNotDistinct()],
);
