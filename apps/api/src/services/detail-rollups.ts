import type { SurveyDefinition } from '@rapport/contracts';
import {
  ANY_REASON,
  dailyDriverRollups,
  dailyReasonRollups,
  driverQuestionIds,
  surveyVersions,
  type Executor,
  type responses,
} from '@rapport/db';
import { eq, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { found } from '../errors';

/** What a response's reason and driver rollups depend on. */
export type DetailSource = Pick<
  typeof responses.$inferSelect,
  'rollupDay' | 'surveyId' | 'teamId' | 'agentId' | 'channel' | 'counted' | 'reasons' | 'csat' | 'answers'
>;

const DRIVER_SUMS = ['n', 'sumX', 'sumY', 'sumXx', 'sumYy', 'sumXy'] as const;
type ReasonRow = typeof dailyReasonRollups.$inferInsert & { responses: number };
type DriverRow = typeof dailyDriverRollups.$inferInsert & Record<(typeof DRIVER_SUMS)[number], number>;

/**
 * What one response adds to the reason rollups (`sign` −1 takes it away): one per distinct reason,
 * and one for `ANY_REASON`.
 */
function reasonRows(r: DetailSource, sign: 1 | -1): ReasonRow[] {
  if (!r.counted || r.reasons.length === 0) return [];
  const key = {
    day: r.rollupDay,
    surveyId: r.surveyId,
    teamId: r.teamId,
    agentId: r.agentId,
    channel: r.channel,
  };
  return [...new Set(r.reasons), ANY_REASON].map((reason) => ({ ...key, reason, responses: sign }));
}

/**
 * What one response adds to the driver rollups: for each driver question it answered with a number,
 * the pair (answer, overall rating).
 */
function driverRows(questionIds: readonly string[], r: DetailSource, sign: 1 | -1): DriverRow[] {
  const y = r.csat;
  if (!r.counted || y === null) return [];
  return questionIds.flatMap((questionId): DriverRow[] => {
    const x = r.answers[questionId];
    if (typeof x !== 'number') return [];
    return [
      {
        day: r.rollupDay,
        surveyId: r.surveyId,
        teamId: r.teamId,
        questionId,
        n: sign,
        sumX: sign * x,
        sumY: sign * y,
        sumXx: sign * x * x,
        sumYy: sign * y * y,
        sumXy: sign * x * y,
      },
    ];
  });
}

/**
 * Rows with the same key merged (an insert may not touch a row twice), rows that cancel out
 * dropped, in key order, so concurrent writers lock shared rows in the same order.
 */
function merge<T extends object>(
  rows: T[],
  keyOf: (row: T) => string,
  add: (into: T, row: T) => void,
  isZero: (row: T) => boolean,
): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const seen = byKey.get(key);
    if (seen) add(seen, row);
    else byKey.set(key, { ...row });
  }
  return [...byKey]
    .filter(([, row]) => !isZero(row))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, row]) => row);
}

/** `table.column + excluded.column`: an upsert adds its counts to the row already there. */
const accumulate = (table: PgTable, column: string) =>
  sql.raw(`"${getTableName(table)}"."${column}" + excluded."${column}"`);

/**
 * Moves a response's counts in daily_reason_rollups and daily_driver_rollups from `before` to
 * `after` (null for a response that did not exist, as on the first answer), in the transaction
 * that writes the response, beside `addToRollup`. Only counted responses count, under the
 * response's rollup key: per distinct reason code (and `ANY_REASON` once), and per driver question
 * of `definition` — the survey version answered — with a number answered and an overall rating:
 * n, x, y, x², y², xy with x the answer and y the rating (`csat`). An edit or a staff decision
 * passes both states, so unchanged counts cancel and only the difference is written.
 *
 * @example
 * await moveDetailRollups(tx, definition, existing, updated);
 */
export async function moveDetailRollups(
  tx: Executor,
  definition: SurveyDefinition,
  before: DetailSource | null,
  after: DetailSource | null,
): Promise<void> {
  const reasons = merge(
    [...(before ? reasonRows(before, -1) : []), ...(after ? reasonRows(after, 1) : [])],
    (r) => JSON.stringify([r.day, r.surveyId, r.teamId, r.agentId, r.channel, r.reason]),
    (into, r) => (into.responses += r.responses),
    (r) => r.responses === 0,
  );
  const questionIds = driverQuestionIds(definition);
  const drivers = merge(
    [
      ...(before ? driverRows(questionIds, before, -1) : []),
      ...(after ? driverRows(questionIds, after, 1) : []),
    ],
    (r) => JSON.stringify([r.day, r.surveyId, r.teamId, r.questionId]),
    (into, r) => {
      for (const column of DRIVER_SUMS) into[column] += r[column];
    },
    (r) => DRIVER_SUMS.every((column) => r[column] === 0),
  );
  if (reasons.length > 0) {
    const t = dailyReasonRollups;
    await tx
      .insert(t)
      .values(reasons)
      .onConflictDoUpdate({
        target: [t.day, t.surveyId, t.teamId, t.agentId, t.channel, t.reason],
        set: { responses: accumulate(t, t.responses.name) },
      });
  }
  if (drivers.length > 0) {
    const t = dailyDriverRollups;
    await tx
      .insert(t)
      .values(drivers)
      .onConflictDoUpdate({
        target: [t.day, t.surveyId, t.teamId, t.questionId],
        set: Object.fromEntries(DRIVER_SUMS.map((column) => [column, accumulate(t, t[column].name)])),
      });
  }
}

/** The definition of the survey version a response answered, for {@link moveDetailRollups}. */
export async function versionDefinition(tx: Executor, surveyVersionId: string): Promise<SurveyDefinition> {
  const [row] = await tx
    .select({ definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(eq(surveyVersions.id, surveyVersionId));
  return found(row, 'Survey version').definition;
}
