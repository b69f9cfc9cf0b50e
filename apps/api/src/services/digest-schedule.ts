import { periodKey } from '@rapport/scoring';
import { DateTime } from 'luxon';
import { addDays, todayIn } from './audit-dates';

/** When the weekly digest goes out: an ISO weekday and a local hour in the organisation's time zone. */
export interface DigestSchedule {
  enabled: boolean;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** 0–23. */
  hour: number;
  /** The ISO week whose digest was queued (or skipped); null when none yet. */
  lastScheduledWeek: string | null;
}

/**
 * The ISO week (`2026-W48`) `at` falls in, in the time zone. Week keys of the same width sort as
 * strings, so `a < b` means an earlier week.
 *
 * @example
 * weekOf(new Date('2026-11-23T07:30:00Z'), 'Europe/Belgrade'); // '2026-W48'
 */
export function weekOf(at: Date, timeZone: string): string {
  return periodKey(at, 'week', timeZone);
}

/**
 * The instant of the send time in the ISO week that holds `at` (local Monday to Sunday). An hour
 * that a daylight-saving jump skips becomes the first instant after the jump.
 *
 * @example
 * // Monday 08:00 in Belgrade (UTC+1 in November) of the week holding Wednesday 25 November 2026
 * sendTimeInWeekOf({ weekday: 1, hour: 8 }, 'Europe/Belgrade', new Date('2026-11-25T12:00:00Z')); // 2026-11-23T07:00:00Z
 */
export function sendTimeInWeekOf(
  schedule: Pick<DigestSchedule, 'weekday' | 'hour'>,
  timeZone: string,
  at: Date,
): Date {
  const monday = DateTime.fromJSDate(at, { zone: timeZone }).startOf('week');
  return monday
    .plus({ days: schedule.weekday - 1 })
    .set({ hour: schedule.hour, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * Whether the weekly digest should be queued at `now`: it is on, this week's send time has come,
 * and this week's digest has not been queued yet. A send time missed while no worker ran is caught
 * up later the same week, never in the next one.
 *
 * @example
 * digestDue({ enabled: true, weekday: 1, hour: 8, lastScheduledWeek: '2026-W47' }, 'UTC', new Date('2026-11-23T08:00:00Z')); // true
 */
export function digestDue(schedule: DigestSchedule, timeZone: string, now: Date): boolean {
  if (!schedule.enabled) return false;
  const week = weekOf(now, timeZone);
  if (schedule.lastScheduledWeek !== null && schedule.lastScheduledWeek >= week) return false;
  return sendTimeInWeekOf(schedule, timeZone, now).getTime() <= now.getTime();
}

/**
 * When the next weekly digest goes out: this week's send time while this week's digest is still to
 * come (a time already past means "due now"), otherwise next week's. Null while switched off.
 *
 * @example
 * nextDigestAt({ enabled: true, weekday: 1, hour: 8, lastScheduledWeek: '2026-W48' }, 'UTC', new Date('2026-11-24T10:00:00Z')); // 2026-11-30T08:00:00Z
 */
export function nextDigestAt(schedule: DigestSchedule, timeZone: string, now: Date): Date | null {
  if (!schedule.enabled) return null;
  const week = weekOf(now, timeZone);
  const done = schedule.lastScheduledWeek !== null && schedule.lastScheduledWeek >= week;
  if (!done) return sendTimeInWeekOf(schedule, timeZone, now);
  const nextWeek = DateTime.fromJSDate(now, { zone: timeZone }).startOf('week').plus({ weeks: 1 });
  return sendTimeInWeekOf(schedule, timeZone, nextWeek.plus({ days: 3 }).toJSDate());
}

/**
 * The week a schedule set at `now` should count as already handled: this week, when this week's
 * send time has already passed — so switching the digest on, or moving it to an earlier day, does
 * not mail everyone at once — else whatever was recorded before.
 *
 * @example
 * // Set on a Wednesday to "Mondays at 08:00": the first digest is next Monday's.
 * weekHandledWhenSet({ weekday: 1, hour: 8 }, null, 'UTC', new Date('2026-11-25T12:00:00Z')); // '2026-W48'
 */
export function weekHandledWhenSet(
  schedule: Pick<DigestSchedule, 'weekday' | 'hour'>,
  recorded: string | null,
  timeZone: string,
  now: Date,
): string | null {
  const week = weekOf(now, timeZone);
  if (recorded !== null && recorded >= week) return recorded;
  return sendTimeInWeekOf(schedule, timeZone, now).getTime() <= now.getTime() ? week : recorded;
}

/**
 * The seven complete organisation-local days before `now`'s day, which a digest sent at `now`
 * reports on (compared with the seven days before them).
 *
 * @example
 * digestPeriod(new Date('2026-11-30T07:00:00Z'), 'Europe/Belgrade'); // { from: '2026-11-23', to: '2026-11-29' }
 */
export function digestPeriod(now: Date, timeZone: string): { from: string; to: string } {
  const today = todayIn(timeZone, now);
  return { from: addDays(today, -7), to: addDays(today, -1) };
}
