import { sql } from 'drizzle-orm';
import type { Executor } from './client';
import { dailyFollowUpRollups, followUps } from './schema/follow-ups';
import { settingsTimeZone } from './settings-time-zone';

/**
 * (Re)builds `daily_follow_up_rollups` from the follow-ups table in one grouped insert, on the
 * organisation-local date (in `timeZone`, the settings' by default) each follow-up opened: the
 * counts the triggers of migration 0011 keep statement by statement. For a change of time zone,
 * which moves every follow-up's day. Runs in a transaction of its own (a savepoint inside the
 * caller's) and holds follow-up writes off meanwhile, so no change is lost between the delete and
 * the insert.
 *
 * @example
 * await db.update(settings).set({ timeZone: 'Europe/Belgrade' });
 * await rebuildFollowUpRollups(db, 'Europe/Belgrade');
 */
export async function rebuildFollowUpRollups(db: Executor, timeZone?: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${followUps} in share mode`);
    const zone = timeZone ?? (await settingsTimeZone(tx));
    await tx.delete(dailyFollowUpRollups);
    await tx.execute(sql`
      insert into ${dailyFollowUpRollups} (day, team_id, closed, closed_in_time)
      select (${followUps.createdAt} at time zone ${zone})::date, ${followUps.teamId}, count(*)::int,
        count(*) filter (where ${followUps.closedAt} <= ${followUps.dueAt})::int
      from ${followUps}
      where ${followUps.status} = 'closed'
      group by 1, 2`);
  });
}
