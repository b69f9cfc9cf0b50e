import { DateTime } from 'luxon';

export interface WorkingTime {
  timeZone: string;
  businessHours: { days: number[]; start: string; end: string };
  /** Local dates, "YYYY-MM-DD". */
  holidays: string[];
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Adds working minutes to an instant: the clock runs only on working days, between the opening
 * and closing times, in the organisation's time zone (DST included, through luxon).
 * With no working time configured at all, it falls back to calendar time.
 *
 * @example
 * // Friday 16:00 in Belgrade + one 8-hour business day → Monday 16:00
 * addBusinessMinutes(new Date('2026-11-20T15:00:00Z'), 480, { timeZone: 'Europe/Belgrade', businessHours: { days: [1,2,3,4,5], start: '09:00', end: '17:00' }, holidays: [] })
 */
export function addBusinessMinutes(from: Date, minutes: number, w: WorkingTime): Date {
  const open = minutesOf(w.businessHours.start);
  const close = minutesOf(w.businessHours.end);
  if (w.businessHours.days.length === 0 || close <= open) return new Date(from.getTime() + minutes * 60_000);
  const holidays = new Set(w.holidays);
  let cursor = DateTime.fromJSDate(from, { zone: w.timeZone });
  let left = minutes;
  // At most a few years of days: a guard against a calendar with no working day left.
  for (let guard = 0; guard < 3660 && left > 0; guard++) {
    const working = w.businessHours.days.includes(cursor.weekday) && !holidays.has(cursor.toISODate() ?? '');
    const dayStart = cursor.startOf('day');
    const openAt = dayStart.plus({ minutes: open });
    const closeAt = dayStart.plus({ minutes: close });
    if (working && cursor < closeAt) {
      const start = cursor < openAt ? openAt : cursor;
      const available = closeAt.diff(start, 'minutes').minutes;
      if (left <= available) return start.plus({ minutes: left }).toJSDate();
      left -= available;
    }
    cursor = dayStart.plus({ days: 1 });
  }
  return cursor.toJSDate();
}

/** Minutes in one business day (closing minus opening time). */
export function businessDayMinutes(w: WorkingTime): number {
  const span = minutesOf(w.businessHours.end) - minutesOf(w.businessHours.start);
  return span > 0 ? span : 24 * 60;
}
