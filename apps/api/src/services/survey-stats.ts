import type { SurveyStats } from '@rapport/contracts';
import { dailyRollups, type Executor } from '@rapport/db';
import { csatFromDistribution } from '@rapport/scoring';
import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { localDay } from './rollups';
import { getSettings } from './settings';

const DAY_MS = 86_400_000;

/** The organisation-local days `[from, to]` of the last `days` days, today included. */
export function lastDays(now: Date, days: number, timeZone: string): { from: string; to: string } {
  const to = localDay(now, timeZone);
  // Calendar arithmetic on the date label itself, so a DST change cannot shift it by a day.
  const from = new Date(Date.parse(`${to}T00:00:00Z`) - (days - 1) * DAY_MS).toISOString().slice(0, 10);
  return { from, to };
}

const EMPTY: SurveyStats = { sent: 0, responses: 0, csat30: { value: null, n: 0, ci95: null } };

/**
 * Sent and responses (all time) and the CSAT of the last 30 organisation-local days, per survey,
 * from the daily rollups — never from the responses themselves, so the surveys list stays fast at
 * millions of responses. Responses include suspected bots (the rollup's `bots`); CSAT counts only
 * counted answers, as every report does. A survey without rollup rows gets zeros.
 *
 * @example
 * const stats = await surveyStats(db, id); // Map { id => { sent: 12, responses: 5, csat30: { value: 0.8, n: 5, ci95: […] } } }
 */
export async function surveyStats(
  db: Executor,
  /** One survey's stats only; every survey's when left out. */
  surveyId?: string,
  now = new Date(),
): Promise<Map<string, SurveyStats>> {
  const { timeZone } = await getSettings(db);
  const { from, to } = lastDays(now, 30, timeZone);
  const recent = sql`${dailyRollups.day} between ${from} and ${to}`;
  const sum = (column: SQLWrapper, filter?: SQL) =>
    filter
      ? sql<number>`coalesce(sum(${column}) filter (where ${filter}), 0)::int`
      : sql<number>`coalesce(sum(${column}), 0)::int`;
  const rows = await db
    .select({
      surveyId: dailyRollups.surveyId,
      sent: sum(dailyRollups.sent),
      responses: sum(sql`${dailyRollups.responses} + ${dailyRollups.bots}`),
      csat1: sum(dailyRollups.csat1, recent),
      csat2: sum(dailyRollups.csat2, recent),
      csat3: sum(dailyRollups.csat3, recent),
      csat4: sum(dailyRollups.csat4, recent),
      csat5: sum(dailyRollups.csat5, recent),
    })
    .from(dailyRollups)
    .where(surveyId ? eq(dailyRollups.surveyId, surveyId) : undefined)
    .groupBy(dailyRollups.surveyId);
  const stats = new Map<string, SurveyStats>();
  for (const r of rows) {
    const distribution = [r.csat1, r.csat2, r.csat3, r.csat4, r.csat5].map(Number);
    const c = csatFromDistribution(distribution, 4);
    stats.set(r.surveyId, {
      sent: Number(r.sent),
      responses: Number(r.responses),
      csat30: { value: c.rate, n: c.n, ci95: c.ci95 },
    });
  }
  return stats;
}

/** The stats of one survey out of `surveyStats`' map, zeros when it has none yet. */
export function statsOf(stats: Map<string, SurveyStats>, surveyId: string): SurveyStats {
  return stats.get(surveyId) ?? structuredClone(EMPTY);
}
