import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { rebuildReasonAndDriverRollups } from './detail-rollups';
import { rebuildTicketDurationRollups } from './ticket-duration-rollups';

/**
 * The rebuilds a migration can ask for (by inserting the name into `pending_rebuilds`) when it adds
 * a rollup that existing rows should already be counted in, but whose counting lives in TypeScript
 * (the duration buckets come from @rapport/scoring's tiers).
 */
const REBUILDS: Record<string, (db: Executor) => Promise<void>> = {
  reason_and_driver_rollups: rebuildReasonAndDriverRollups,
  ticket_duration_rollups: (db) => rebuildTicketDurationRollups(db),
};

/**
 * Runs the rebuilds the migrations listed in `pending_rebuilds`, each in one transaction with the
 * removal of its name: done exactly once, even when two processes start together (the second waits
 * on the first's row lock, then finds the name gone). An unknown name is left in place for a newer
 * version of the application. Returns the names rebuilt.
 *
 * @example
 * await migrate();
 * await runPendingRebuilds(db); // [] on a fresh database
 */
export async function runPendingRebuilds(db: Executor): Promise<string[]> {
  const listed = await db.execute<{ name: string }>(
    sql`select name from pending_rebuilds order by listed_at, name`,
  );
  const done: string[] = [];
  for (const { name } of rowsOf<{ name: string }>(listed)) {
    const rebuild = REBUILDS[name];
    if (!rebuild) continue;
    const ran = await db.transaction(async (tx) => {
      const claimed = await tx.execute<{ name: string }>(
        sql`delete from pending_rebuilds where name = ${name} returning name`,
      );
      if (rowsOf(claimed).length === 0) return false;
      await rebuild(tx);
      return true;
    });
    if (ran) done.push(name);
  }
  return done;
}

/** postgres.js returns the rows as the result; PGlite as `.rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
