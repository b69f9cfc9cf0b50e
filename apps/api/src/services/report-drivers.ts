import type { DriverRow, Drivers, DriversQuery } from '@rapport/contracts';
import { dailyDriverRollups, surveyVersions, type Executor } from '@rapport/db';
import { correlationFromSums, lowSample } from '@rapport/scoring';
import { and, eq, gte, inArray, lte, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { getSettings } from './settings';

/**
 * Each driver question's English text (or, without one, the default language's) from the most
 * recently published survey version that asks it as a driver (a rating with no metric).
 */
async function driverLabels(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const id = sql<string>`q->>'id'`;
  const rows = await db
    .select({
      id,
      label: sql<
        string | null
      >`coalesce(nullif(q->'text'->>'en', ''), nullif(q->'text'->>(v.definition->>'defaultLocale'), ''))`,
    })
    .from(sql`${surveyVersions} v cross join lateral jsonb_array_elements(v.definition->'questions') q`)
    .where(and(sql`q->>'type' = 'rating' and q->>'metric' is null`, inArray(id, ids)))
    .orderBy(sql`v.published_at desc`, sql`v.version desc`);
  const labels = new Map<string, string>();
  for (const row of rows) if (row.label && !labels.has(row.id)) labels.set(row.id, row.label);
  return labels;
}

// Sums of bigint columns come back as strings from some drivers: exact up to 2^53 through Number.
const total = (column: SQLWrapper) => sql<string>`coalesce(sum(${column}), 0)::bigint`;

/** keyDrivers' order: |r| descending, nulls last, ties by question id. */
function byStrength(a: DriverRow, b: DriverRow): number {
  if (a.r !== null && b.r !== null && Math.abs(a.r) !== Math.abs(b.r)) return Math.abs(b.r) - Math.abs(a.r);
  if (a.r === null && b.r !== null) return 1;
  if (a.r !== null && b.r === null) return -1;
  return a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0;
}

/**
 * Key drivers over a period, for a team and survey or all: for each driver question (a 1–5
 * statement with no metric, such as a service principle), Pearson's r between its answers and the
 * overall rating over the counted responses that gave both, with its Fisher-z 95% interval
 * (`correlationFromSums`, from the summed driver rollups — no response is read), n and the mean
 * answer. Sorted as `keyDrivers` sorts; n < 30 is flagged. Questions nobody answered in the period
 * are not listed.
 *
 * @example
 * await getDrivers(db, { from: '2026-10-01', to: '2026-12-31' });
 * // { period: {…}, rows: [{ questionId: 'solved', label: 'The support team made sure…', r: 0.71,
 * //   ci95: [0.66, 0.75], n: 640, mean: 4.3, smallSample: false }, …] }
 */
export async function getDrivers(db: Executor, query: DriversQuery): Promise<Drivers> {
  const { timeZone } = await getSettings(db);
  const t = dailyDriverRollups;
  const where: SQL[] = [gte(t.day, query.from), lte(t.day, query.to)];
  if (query.teamId) where.push(eq(t.teamId, query.teamId));
  if (query.surveyId) where.push(eq(t.surveyId, query.surveyId));
  const sums = await db
    .select({
      questionId: t.questionId,
      n: sql<number>`coalesce(sum(${t.n}), 0)::int`,
      sumX: total(t.sumX),
      sumY: total(t.sumY),
      sumXx: total(t.sumXx),
      sumYy: total(t.sumYy),
      sumXy: total(t.sumXy),
    })
    .from(t)
    .where(and(...where))
    .groupBy(t.questionId);
  const answered = sums.filter((s) => Number(s.n) > 0);
  const ids = answered.map((s) => s.questionId);
  const labels = await driverLabels(db, ids);
  const rows = answered.map((s): DriverRow => {
    const n = Number(s.n);
    const { r, ci95 } = correlationFromSums({
      n,
      sumX: Number(s.sumX),
      sumY: Number(s.sumY),
      sumXx: Number(s.sumXx),
      sumYy: Number(s.sumYy),
      sumXy: Number(s.sumXy),
    });
    return {
      questionId: s.questionId,
      label: labels.get(s.questionId) ?? s.questionId,
      r,
      ci95,
      n,
      mean: Number(s.sumX) / n,
      smallSample: lowSample(n),
    };
  });
  return { period: { from: query.from, to: query.to, timeZone }, rows: rows.sort(byStrength) };
}
