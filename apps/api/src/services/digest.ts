import { correctiveActions, teams, users, type Executor } from '@rapport/db';
import { lowSample, twoProportionTest } from '@rapport/scoring';
import { and, asc, count, eq, lt, ne, sql, type SQL } from 'drizzle-orm';
import type {
  DigestAction,
  DigestContent,
  DigestFollowUp,
  DigestMover,
  DigestObjective,
} from '../mail/digest-content';
import { todayIn } from './audit-dates';
import { countFollowUps, listFollowUps } from './follow-ups';
import { rollupMetric, rollupProportion, toCounts } from './metric-values';
import { rollupCountsBy } from './report-breakdowns';
import { listObjectives } from './okrs';
import { getTiles, previousPeriod } from './report-tiles';
import { getSettings } from './settings';

/** How many movers, overdue follow-ups and overdue actions a digest lists. */
export const DIGEST_LIST_SIZE = 5;

/** Agents move the list only on a steady sample: n ≥ 30 in both weeks. */
const AGENT_MIN_N = 30;

interface Period {
  from: string;
  to: string;
}

type Grouping = 'team' | 'agent';

/** Rollup counts per team or agent over a period, as the breakdowns read them; groups with no name left out. */
async function csatBy(db: Executor, by: Grouping, period: Period) {
  const out = new Map<string, { name: string; counts: ReturnType<typeof toCounts> }>();
  for (const r of await rollupCountsBy(db, { by, ...period }))
    if (r.id !== null && r.name !== null) out.set(r.id, { name: r.name, counts: toCounts(r) });
  return out;
}

async function moversBy(db: Executor, by: Grouping, period: Period, before: Period): Promise<DigestMover[]> {
  const [now, then] = await Promise.all([csatBy(db, by, period), csatBy(db, by, before)]);
  const movers: DigestMover[] = [];
  for (const [id, current] of now) {
    const earlier = then.get(id);
    if (!earlier) continue;
    const a = rollupMetric(current.counts, 'csat');
    const b = rollupMetric(earlier.counts, 'csat');
    const pa = rollupProportion(current.counts, 'csat');
    const pb = rollupProportion(earlier.counts, 'csat');
    if (a.value === null || b.value === null || !pa || !pb) continue;
    if (by === 'agent' && (a.n < AGENT_MIN_N || b.n < AGENT_MIN_N)) continue;
    const change = a.value - b.value;
    if (change === 0) continue;
    movers.push({
      kind: by,
      name: current.name,
      value: a.value,
      previousValue: b.value,
      change,
      n: a.n,
      previousN: b.n,
      significant: twoProportionTest(pa, pb).significant,
      smallSample: lowSample(a.n) || lowSample(b.n),
    });
  }
  return movers;
}

/**
 * The teams and agents whose CSAT moved most from the week before: significant changes first,
 * then by the size of the change, then by name. Teams are listed whatever their n (small samples
 * are marked); agents only with n ≥ 30 in both weeks. Nobody without answers in both weeks.
 *
 * @example
 * const movers = await biggestMovers(db, { from: '2026-11-23', to: '2026-11-29' });
 */
export async function biggestMovers(
  db: Executor,
  period: Period,
  limit = DIGEST_LIST_SIZE,
): Promise<DigestMover[]> {
  const before = previousPeriod(period);
  const all = [
    ...(await moversBy(db, 'team', period, before)),
    ...(await moversBy(db, 'agent', period, before)),
  ];
  return all
    .sort(
      (x, y) =>
        Number(y.significant) - Number(x.significant) ||
        Math.abs(y.change) - Math.abs(x.change) ||
        x.name.localeCompare(y.name),
    )
    .slice(0, limit);
}

/** Overdue as the action board counts it: not done, and due before today in the organisation's time zone. */
function overdueActions(today: string): SQL {
  return and(ne(correctiveActions.status, 'done'), lt(correctiveActions.dueOn, today)) as SQL;
}

/** The number of overdue corrective actions and the longest overdue of them. */
async function overdueActionList(
  db: Executor,
  timeZone: string,
  now: Date,
): Promise<{ overdue: number; oldest: DigestAction[] }> {
  const where = overdueActions(todayIn(timeZone, now));
  const [total] = await db.select({ n: count() }).from(correctiveActions).where(where);
  const oldest = await db
    .select({
      title: correctiveActions.title,
      teamName: teams.name,
      ownerName: users.name,
      dueOn: correctiveActions.dueOn,
    })
    .from(correctiveActions)
    .leftJoin(teams, eq(teams.id, correctiveActions.teamId))
    .leftJoin(users, eq(users.id, correctiveActions.ownerUserId))
    .where(where)
    .orderBy(asc(correctiveActions.dueOn), sql`${teams.name} asc nulls last`, asc(correctiveActions.id))
    .limit(DIGEST_LIST_SIZE);
  return { overdue: Number(total?.n ?? 0), oldest };
}

/** The number of overdue follow-ups and the longest overdue of them (by due time). */
async function overdueFollowUpList(
  db: Executor,
  now: Date,
): Promise<{ overdue: number; oldest: DigestFollowUp[] }> {
  const [counts, page] = await Promise.all([
    countFollowUps(db, { now }),
    listFollowUps(db, { status: 'overdue', limit: DIGEST_LIST_SIZE }, now),
  ]);
  return {
    overdue: counts.overdue,
    oldest: page.items.map((f) => ({
      ticket: f.ticket.externalId,
      teamName: f.team?.name ?? null,
      ownerName: f.owner?.name ?? null,
      dueAt: f.dueAt,
    })),
  };
}

/**
 * Everything a weekly digest reports for seven organisation-local days, under the organisation's
 * name (null when none is set): the dashboard's headline tiles (against the seven days before), the
 * biggest movers, this quarter's objectives, and the overdue follow-ups and corrective actions at `now`.
 *
 * @example
 * const content = await buildDigest(db, { from: '2026-11-23', to: '2026-11-29' }, new Date());
 * content.tiles[0]; // CSAT: { value, n, ci95, change, significant, smallSample, … }
 */
export async function buildDigest(db: Executor, period: Period, now = new Date()): Promise<DigestContent> {
  const { timeZone, organisationName } = await getSettings(db);
  const tiles = await getTiles(db, { from: period.from, to: period.to }, now);
  const movers = await biggestMovers(db, period);
  const okrs = await listObjectives(db, {}, { now });
  const objectives: DigestObjective[] = okrs.items.map((o) => ({
    title: o.title,
    teamName: o.teamName,
    progress: o.progress,
    status: o.status,
  }));
  return {
    organisationName,
    period: { from: period.from, to: period.to, timeZone },
    previous: previousPeriod(period),
    tiles: tiles.tiles,
    movers,
    objectives: { quarter: okrs.quarter, items: objectives },
    followUps: await overdueFollowUpList(db, now),
    actions: await overdueActionList(db, timeZone, now),
  };
}
