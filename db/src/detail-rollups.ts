import type { SurveyDefinition } from '@rapport/contracts';
import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { dailyDriverRollups, dailyReasonRollups } from './schema/report-rollups';
import { responses } from './schema/responses';
import { surveyVersions } from './schema/surveys';

/**
 * The `reason` of the daily_reason_rollups row that counts responses giving at least one reason, so
 * the Pareto's "responses with a reason" is read from rollups too (a response giving two reasons is
 * in two reason rows but one of these). No answer code can take this value: codes start with a letter.
 */
export const ANY_REASON = '*';

/**
 * The key-driver questions of a survey version: 1–5 rating questions that feed no metric, such as
 * the service-principle statements (only one rating question may feed csat, the overall rating).
 *
 * @example
 * driverQuestionIds(SURVEY_TEMPLATE_DEFINITIONS.service_principles); // ['courteous', 'listened', …]
 */
export function driverQuestionIds(definition: SurveyDefinition): string[] {
  return definition.questions.filter((q) => q.type === 'rating' && q.metric === undefined).map((q) => q.id);
}

/**
 * Rebuilds daily_reason_rollups and daily_driver_rollups from the responses table with two
 * set-based statements, for data loaded in bulk (the demo, benchmarks) or written before the tables
 * existed; the API keeps them row by row as each response is written. The counts follow the same
 * rules: only counted responses, keyed by the response's rollup day; per reason (distinct codes,
 * plus {@link ANY_REASON} once per response with any), and per driver question of the version the
 * response answered ({@link driverQuestionIds}, here read from the stored definitions) with a
 * number answered and an overall rating (`csat`): n, Σx, Σy, Σx², Σy², Σxy with y the rating.
 * Existing rows are replaced in a transaction of its own (a savepoint inside the caller's), so
 * running it twice changes nothing.
 *
 * @example
 * // after inserting responses in bulk (multi-row inserts or COPY), without the API's write path:
 * await rebuildReasonAndDriverRollups(db);
 */
export async function rebuildReasonAndDriverRollups(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    // Response writes wait meanwhile, so none is lost between the delete and the inserts.
    await tx.execute(sql`lock table ${responses} in share mode`);
    await tx.delete(dailyReasonRollups);
    await tx.delete(dailyDriverRollups);
    await tx.execute(sql`
      insert into ${dailyReasonRollups} (day, survey_id, team_id, agent_id, channel, reason, responses)
      select r.rollup_day, r.survey_id, r.team_id, r.agent_id, r.channel, g.reason, count(*)::int
      from ${responses} r
      cross join lateral (
        select distinct unnest(r.reasons) as reason
        union all
        select ${ANY_REASON}::text
      ) g
      where r.counted and cardinality(r.reasons) > 0
      group by 1, 2, 3, 4, 5, 6`);
    // The same test as driverQuestionIds: a rating question with no metric.
    await tx.execute(sql`
      insert into ${dailyDriverRollups} (day, survey_id, team_id, question_id, n, sum_x, sum_y, sum_xx, sum_yy, sum_xy)
      select r.rollup_day, r.survey_id, r.team_id, d.question_id, count(*)::int,
        sum(a.x)::bigint, sum(a.y)::bigint, sum(a.x * a.x)::bigint, sum(a.y * a.y)::bigint, sum(a.x * a.y)::bigint
      from (
        select v.id as version_id, q->>'id' as question_id
        from ${surveyVersions} v
        cross join lateral jsonb_array_elements(v.definition->'questions') q
        where q->>'type' = 'rating' and q->>'metric' is null
      ) d
      join ${responses} r on r.survey_version_id = d.version_id
      cross join lateral (
        select (r.answers->>d.question_id)::bigint as x, r.csat::bigint as y
      ) a
      where r.counted and r.csat is not null and jsonb_typeof(r.answers->d.question_id) = 'number'
      group by 1, 2, 3, 4`);
  });
}
