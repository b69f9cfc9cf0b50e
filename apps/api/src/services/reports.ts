import type { Summary, SummaryQuery } from '@rapport/contracts';
import type { Executor } from '@rapport/db';
import {
  ces,
  csatFromDistribution,
  followUpTimeliness,
  nps,
  resolutionRate,
  responseRate,
} from '@rapport/scoring';
import { countFollowUps } from './follow-ups';
import { sumRollups, type RollupCounts } from './metric-values';
import { getSettings } from './settings';

/**
 * The headline numbers for a period, from the daily rollups (never from raw responses), with
 * every rate, interval and score computed by @rapport/scoring from integer counts.
 */
export async function getSummary(db: Executor, query: SummaryQuery, now = new Date()): Promise<Summary> {
  const { timeZone } = await getSettings(db);
  const t = await sumRollups(db, { teamId: query.teamId, surveyId: query.surveyId }, query);
  const n = (k: keyof RollupCounts) => t[k];

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
    openedOn: { from: query.from, to: query.to, timeZone },
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
