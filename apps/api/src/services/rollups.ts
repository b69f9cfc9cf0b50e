import { dailyRollups, type Executor } from '@rapport/db';
import { sql } from 'drizzle-orm';
import { periodKey } from '@rapport/scoring';

export interface RollupKey {
  /** Organisation-local date, YYYY-MM-DD. */
  day: string;
  surveyId: string;
  teamId: string | null;
  agentId: string | null;
  channel: string;
}

type CountColumn = Exclude<keyof typeof dailyRollups.$inferInsert, keyof RollupKey>;
export type RollupDelta = Partial<Record<CountColumn, number>>;

/** The organisation-local calendar day of an instant. */
export function localDay(at: Date, timeZone: string): string {
  return periodKey(at, 'day', timeZone);
}

/** What a response adds to its rollup row; `sign` -1 takes it away again (for edits and recounts). */
export function responseDelta(
  r: {
    csat: number | null;
    nps: number | null;
    ces: number | null;
    resolved: boolean | null;
    counted: boolean;
  },
  sign: 1 | -1,
): RollupDelta {
  if (!r.counted) return { bots: sign };
  const d: RollupDelta = { responses: sign };
  if (r.csat !== null) d[`csat${r.csat}` as CountColumn] = sign;
  if (r.nps !== null) d[r.nps >= 9 ? 'npsPromoters' : r.nps >= 7 ? 'npsPassives' : 'npsDetractors'] = sign;
  if (r.ces !== null) d[`ces${r.ces}` as CountColumn] = sign;
  if (r.resolved !== null) d[r.resolved ? 'resolvedYes' : 'resolvedNo'] = sign;
  return d;
}

/** Sums two deltas, so an edit writes the rollup once (old answer out, new answer in). */
export function combine(a: RollupDelta, b: RollupDelta): RollupDelta {
  const out: RollupDelta = { ...a };
  for (const [k, v] of Object.entries(b) as [CountColumn, number][]) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * Adds counts to one rollup row, creating it when missing. Call it in the transaction that writes
 * the response or invitation, so the rollup can never disagree with the rows it counts.
 */
export async function addToRollup(tx: Executor, key: RollupKey, delta: RollupDelta): Promise<void> {
  const entries = (Object.entries(delta) as [CountColumn, number][]).filter(([, v]) => v !== 0);
  if (entries.length === 0) return;
  const set = Object.fromEntries(
    entries.map(([column]) => {
      const name = dailyRollups[column].name;
      return [column, sql.raw(`"daily_rollups"."${name}" + excluded."${name}"`)];
    }),
  );
  await tx
    .insert(dailyRollups)
    .values({ ...key, ...Object.fromEntries(entries) })
    .onConflictDoUpdate({
      target: [
        dailyRollups.day,
        dailyRollups.surveyId,
        dailyRollups.teamId,
        dailyRollups.agentId,
        dailyRollups.channel,
      ],
      set,
    });
}
