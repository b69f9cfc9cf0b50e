import type { Summary, SummaryQuery } from '@rapport/contracts';
import { dailyRollups, type Executor } from '@rapport/db';
import {
  ces,
  csatFromDistribution,
  followUpTimeliness,
  nps,
  resolutionRate,
  responseRate,
} from '@rapport/scoring';
import { and, eq, gte, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { countFollowUps } from './follow-ups';
import { localDateRange } from './periods';
import { getSettings } from './settings';

const sum = (column: SQLWrapper) => sql<number>`coalesce(sum(${column}), 0)::int`;

/**
 * The headline numbers for a period, from the daily rollups (never from raw responses), with
 * every rate, interval and score computed by @rapport/scoring from integer counts.
 */
export async function getSummary(db: Executor, query: SummaryQuery, now = new Date()): Promise<Summary> {
  const { timeZone } = await getSettings(db);
  const where: SQL[] = [gte(dailyRollups.day, query.from), lte(dailyRollups.day, query.to)];
  if (query.teamId) where.push(eq(dailyRollups.teamId, query.teamId));
  if (query.surveyId) where.push(eq(dailyRollups.surveyId, query.surveyId));
  const [t] = await db
    .select({
      sent: sum(dailyRollups.sent),
      responses: sum(dailyRollups.responses),
      bots: sum(dailyRollups.bots),
      csat1: sum(dailyRollups.csat1),
      csat2: sum(dailyRollups.csat2),
      csat3: sum(dailyRollups.csat3),
      csat4: sum(dailyRollups.csat4),
      csat5: sum(dailyRollups.csat5),
      promoters: sum(dailyRollups.npsPromoters),
      passives: sum(dailyRollups.npsPassives),
      detractors: sum(dailyRollups.npsDetractors),
      ces1: sum(dailyRollups.ces1),
      ces2: sum(dailyRollups.ces2),
      ces3: sum(dailyRollups.ces3),
      ces4: sum(dailyRollups.ces4),
      ces5: sum(dailyRollups.ces5),
      ces6: sum(dailyRollups.ces6),
      ces7: sum(dailyRollups.ces7),
      resolvedYes: sum(dailyRollups.resolvedYes),
      resolvedNo: sum(dailyRollups.resolvedNo),
    })
    .from(dailyRollups)
    .where(and(...where));
  const n = (k: keyof NonNullable<typeof t>) => Number(t?.[k] ?? 0);

  const distribution = [n('csat1'), n('csat2'), n('csat3'), n('csat4'), n('csat5')];
  const csat = csatFromDistribution(distribution, 4);
  const npsCounts = { promoters: n('promoters'), passives: n('passives'), detractors: n('detractors') };
  const npsResult = nps(npsCounts);
  const cesResult = ces([n('ces1'), n('ces2'), n('ces3'), n('ces4'), n('ces5'), n('ces6'), n('ces7')]);
  const resolution = resolutionRate({
    resolved: n('resolvedYes'),
    total: n('resolvedYes') + n('resolvedNo'),
  });
  // Responses can outnumber the sends of a period (sent late in the previous one): cap so the rate stays a rate.
  const sent = n('sent');
  const answered = Math.min(n('responses'), sent);
  const rr = responseRate({ responses: answered, sent });

  const fu = await countFollowUps(db, {
    now,
    teamId: query.teamId,
    createdIn: localDateRange(query.from, query.to, timeZone),
  });
  const timeliness = followUpTimeliness({
    closedInTime: fu.closedInTime,
    closed: fu.closed,
    overdueOpen: fu.overdue,
  });

  return {
    period: { from: query.from, to: query.to, timeZone },
    csat: { rate: csat.rate, satisfied: n('csat4') + n('csat5'), n: csat.n, ci95: csat.ci95, distribution },
    nps:
      npsResult.n > 0 ? { score: npsResult.score, n: npsResult.n, ci95: npsResult.ci95, ...npsCounts } : null,
    ces:
      cesResult.n > 0
        ? { mean: cesResult.mean, n: cesResult.n, ci95: cesResult.ci95, easyRate: cesResult.easyRate }
        : null,
    resolution: { rate: resolution.rate, n: resolution.n, ci95: resolution.ci95 },
    responseRate: { rate: rr.rate, responses: answered, sent, ci95: rr.ci95 },
    followUps: { ...fu, timeliness: timeliness.rate },
    excludedBots: n('bots'),
  };
}
