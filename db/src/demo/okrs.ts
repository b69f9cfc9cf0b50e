import {
  csatFromDistribution,
  followUpTimeliness,
  periodKey,
  periodRange,
  previousPeriodKey,
} from '@rapport/scoring';
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Database, Executor } from '../client';
import { auditCycles, audits } from '../schema/audits';
import { followUps } from '../schema/follow-ups';
import { keyResultCheckIns, keyResults, objectives } from '../schema/okrs';
import { dailyRollups } from '../schema/responses';
import { settings } from '../schema/settings';
import { teams } from '../schema/teams';
import { tickets } from '../schema/tickets';
import { users } from '../schema/users';
import { DAY } from './calendar';
import type { ResolvedDemoOptions } from './options';

/**
 * The demo's goals for the quarter `now` falls in: the organisation's "Every resolved ticket leaves a
 * happy customer" with four key results linked to live metrics, and one team objective with a metric
 * and a manual key result and a few check-ins. Baselines are last quarter's values, measured here
 * from the seeded data the way the API measures them (rollups for CSAT, follow-ups opened in the
 * quarter, signed audits of its cycle, the median first response of tickets opened in it). A key
 * result whose baseline has nothing to be measured from (no survey data, say) is left out.
 */

export interface DemoOkrSummary {
  objectives: number;
  keyResults: number;
  checkIns: number;
}

type KeyResultRow = Omit<typeof keyResults.$inferInsert, 'objectiveId' | 'position'>;

interface Range {
  quarter: string;
  start: Date;
  end: Date;
  /** First and last local dates. */
  from: string;
  to: string;
}

function quarterRange(quarter: string, timeZone: string): Range {
  const { start, end } = periodRange(quarter, timeZone);
  return {
    quarter,
    start,
    end,
    from: periodKey(start, 'day', timeZone),
    to: periodKey(new Date(end.getTime() - 1), 'day', timeZone),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** CSAT in percent over the rollups of a quarter, through @rapport/scoring; null without answers. */
async function csatOf(tx: Executor, range: Range, teamId: string | null): Promise<number | null> {
  const where: SQL[] = [gte(dailyRollups.day, range.from), lte(dailyRollups.day, range.to)];
  if (teamId) where.push(eq(dailyRollups.teamId, teamId));
  const sum = (c: SQLWrapper) => sql<number>`coalesce(sum(${c}), 0)::int`;
  const [row] = await tx
    .select({
      c1: sum(dailyRollups.csat1),
      c2: sum(dailyRollups.csat2),
      c3: sum(dailyRollups.csat3),
      c4: sum(dailyRollups.csat4),
      c5: sum(dailyRollups.csat5),
    })
    .from(dailyRollups)
    .where(and(...where));
  const dist = [row?.c1, row?.c2, row?.c3, row?.c4, row?.c5].map((x) => Number(x ?? 0));
  const { rate } = csatFromDistribution(dist, 4);
  return rate === null ? null : 100 * rate;
}

/** Follow-ups opened in the quarter closed by their due time, in percent (open ones past due count as late). */
async function followUpsInTimeOf(tx: Executor, range: Range, now: Date): Promise<number | null> {
  const [row] = await tx
    .select({
      closed: sql<number>`count(*) filter (where ${followUps.status} = 'closed')::int`,
      closedInTime: sql<number>`count(*) filter (where ${followUps.status} = 'closed' and ${followUps.closedAt} <= ${followUps.dueAt})::int`,
      overdueOpen: sql<number>`count(*) filter (where ${followUps.status} = 'open' and ${followUps.dueAt} < ${now.toISOString()})::int`,
    })
    .from(followUps)
    .where(and(gte(followUps.createdAt, range.start), lt(followUps.createdAt, range.end)));
  const { rate } = followUpTimeliness({
    closed: Number(row?.closed ?? 0),
    closedInTime: Number(row?.closedInTime ?? 0),
    overdueOpen: Number(row?.overdueOpen ?? 0),
  });
  return rate === null ? null : 100 * rate;
}

/** Mean score of the quarter's signed audits. */
async function auditScoreOf(tx: Executor, range: Range): Promise<number | null> {
  const [row] = await tx
    .select({ value: sql<number | null>`avg(${audits.score})::float8` })
    .from(audits)
    .innerJoin(auditCycles, eq(auditCycles.id, audits.cycleId))
    .where(and(eq(audits.status, 'signed'), isNotNull(audits.score), eq(auditCycles.quarter, range.quarter)));
  return row?.value === null || row?.value === undefined ? null : Number(row.value);
}

/** Median hours to first response of the tickets opened in the quarter. */
async function firstResponseHoursOf(
  tx: Executor,
  range: Range,
  teamId: string | null,
): Promise<number | null> {
  const where: SQL[] = [
    gte(tickets.openedAt, range.start),
    lt(tickets.openedAt, range.end),
    isNotNull(tickets.firstResponseAt),
  ];
  if (teamId) where.push(eq(tickets.teamId, teamId));
  const [row] = await tx
    .select({
      value: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (${tickets.firstResponseAt} - ${tickets.openedAt}))::float8 / 3600)`,
    })
    .from(tickets)
    .where(and(...where));
  return row?.value === null || row?.value === undefined ? null : Number(row.value);
}

/**
 * A key result toward `target` from a measured baseline, or none without one. A baseline already
 * past the target would make the goal meaningless, so the target then moves a step beyond it.
 */
function metricKr(
  title: (target: number) => string,
  metric: string,
  baseline: number | null,
  target: number,
  direction: 'increase' | 'decrease',
  step: number,
): KeyResultRow | null {
  if (baseline === null) return null;
  const b = round1(baseline);
  const beyond = direction === 'increase' ? b >= target : b <= target;
  const t = beyond ? round1(direction === 'increase' ? b + step : Math.max(0, b - step)) : target;
  if (t === b) return null;
  return { title: title(t), kind: 'metric', metric, baseline: b, target: t, direction, manualValue: null };
}

/** Writes the demo objectives in one transaction; run after the tickets, survey data and audits. */
export async function seedDemoOkrs(db: Database, options: ResolvedDemoOptions): Promise<DemoOkrSummary> {
  return db.transaction(async (tx) => {
    const [org] = await tx.select({ timeZone: settings.timeZone }).from(settings).where(eq(settings.id, 1));
    const timeZone = org?.timeZone ?? 'UTC';
    const now = new Date(options.end);
    const current = quarterRange(periodKey(now, 'quarter', timeZone), timeZone);
    const last = quarterRange(previousPeriodKey(current.quarter), timeZone);
    const [owner] = await tx
      .select({ id: users.id })
      .from(users)
      .where(inArray(users.role, ['manager', 'admin']))
      .orderBy(sql`${users.role} = 'manager' desc`, asc(users.createdAt));
    const ownerUserId = owner?.id ?? null;
    const createdAt = new Date(Math.max(current.start.getTime(), now.getTime() - 30 * DAY));

    const summary: DemoOkrSummary = { objectives: 0, keyResults: 0, checkIns: 0 };
    async function objective(
      values: { title: string; description: string; teamId: string | null },
      krs: (KeyResultRow | null)[],
    ): Promise<{ id: string; keyResultIds: string[] }> {
      const [row] = await tx
        .insert(objectives)
        .values({
          ...values,
          quarter: current.quarter,
          ownerUserId,
          createdBy: ownerUserId,
          createdAt,
          updatedAt: createdAt,
        })
        .returning({ id: objectives.id });
      if (!row) throw new Error('objective insert returned nothing');
      const kept = krs.filter((k): k is KeyResultRow => k !== null);
      const inserted =
        kept.length > 0
          ? await tx
              .insert(keyResults)
              .values(
                kept.map((k, position) => ({
                  ...k,
                  objectiveId: row.id,
                  position,
                  createdAt,
                  updatedAt: createdAt,
                })),
              )
              .returning({ id: keyResults.id })
          : [];
      summary.objectives += 1;
      summary.keyResults += inserted.length;
      return { id: row.id, keyResultIds: inserted.map((k) => k.id) };
    }

    await objective(
      {
        title: 'Every resolved ticket leaves a happy customer',
        description:
          'Customers who leave satisfied come back. We confirm the problem is solved, call back when we promise to, and answer quickly.',
        teamId: null,
      },
      [
        metricKr((t) => `CSAT at least ${t}%`, 'csat', await csatOf(tx, last, null), 92, 'increase', 2),
        metricKr(
          (t) => `Follow-ups closed within one business day: at least ${t}%`,
          'follow_ups_in_time',
          await followUpsInTimeOf(tx, last, now),
          95,
          'increase',
          2,
        ),
        metricKr(
          (t) => `Audit score at least ${t}`,
          'audit_score',
          await auditScoreOf(tx, last),
          85,
          'increase',
          3,
        ),
        metricKr(
          (t) => `Median first response within ${t === 1 ? '1 hour' : `${t} hours`}`,
          'first_response_hours',
          await firstResponseHoursOf(tx, last, null),
          1,
          'decrease',
          0.25,
        ),
      ],
    );

    const [team] = await tx.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
    if (team) {
      const faq = 20;
      const done = Math.min(
        faq - 1,
        Math.round(
          faq *
            Math.min(
              1,
              (now.getTime() - current.start.getTime()) / (current.end.getTime() - current.start.getTime()),
            ) *
            0.8,
        ),
      );
      const teamCsat = await csatOf(tx, last, team.id);
      const { keyResultIds } = await objective(
        {
          title: `${team.name}: answers customers can find and trust`,
          description: 'Publish answers to the most frequent causes of contact, and keep them right.',
          teamId: team.id,
        },
        [
          metricKr(
            (t) => `${team.name} CSAT at least ${t}%`,
            'csat',
            teamCsat,
            teamCsat === null ? 0 : Math.min(99, round1(teamCsat) + 3),
            'increase',
            1,
          ),
          {
            title: `Canned replies written and reviewed for the ${faq} most frequent causes`,
            kind: 'manual',
            metric: null,
            baseline: 0,
            target: faq,
            direction: 'increase',
            manualValue: done,
          },
        ],
      );
      const manualId = keyResultIds.at(-1);
      // Two check-ins on the manual key result, a fortnight into the quarter and a week ago, when those are past.
      const checkIns = [
        {
          at: new Date(current.start.getTime() + 14 * DAY + 10 * 3_600_000),
          value: Math.floor(done / 3),
          confidence: 6,
          comment: 'Drafts for the billing causes are with the team lead.',
        },
        {
          at: new Date(now.getTime() - 7 * DAY),
          value: done,
          confidence: 7,
          comment: 'On pace; the refund replies needed a second review.',
        },
      ].filter((c) => c.at > current.start && c.at < now);
      if (manualId && checkIns.length > 0) {
        await tx
          .insert(keyResultCheckIns)
          .values(checkIns.map((c) => ({ ...c, keyResultId: manualId, byUserId: ownerUserId })));
        summary.checkIns += checkIns.length;
      }
    }
    return summary;
  });
}
