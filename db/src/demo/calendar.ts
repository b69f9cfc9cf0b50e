/**
 * Calendar arithmetic for the demo organisation, on epoch milliseconds in UTC. Its working week is
 * the product's default (settings: time zone UTC, Monday–Friday 09:00–17:00), so response times
 * generated here read naturally in the reports that use those defaults.
 */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const OPEN = 9 * HOUR;
const CLOSE = 17 * HOUR;

/**
 * Day of the week of an instant in UTC: 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`).
 * 1970-01-01 was a Thursday; computing it avoids a `Date` per call in the hot loop.
 *
 * @example
 * weekdayOf(Date.UTC(2026, 10, 23)); // 1 (Monday)
 */
export function weekdayOf(ms: number): number {
  return (((Math.floor(ms / DAY) + 4) % 7) + 7) % 7;
}

/** Hour of the day, 0–23, in UTC. @example hourOf(Date.UTC(2026, 0, 1, 15, 30)); // 15 */
export function hourOf(ms: number): number {
  return Math.floor((((ms % DAY) + DAY) % DAY) / HOUR);
}

/** Whether an instant falls inside working hours. @example isBusinessTime(Date.UTC(2026, 10, 23, 10)); // true */
export function isBusinessTime(ms: number): boolean {
  const weekday = weekdayOf(ms);
  const sinceMidnight = ((ms % DAY) + DAY) % DAY;
  return weekday >= 1 && weekday <= 5 && sinceMidnight >= OPEN && sinceMidnight < CLOSE;
}

/**
 * Adds working minutes to an instant: the clock runs only Monday–Friday 09:00–17:00 UTC. Starting
 * outside working hours, the count begins at the next opening.
 *
 * @example
 * // Friday 16:00 + 120 working minutes → Monday 10:00
 * addBusinessMinutes(Date.UTC(2026, 10, 20, 16), 120) === Date.UTC(2026, 10, 23, 10); // true
 */
export function addBusinessMinutes(from: number, minutes: number): number {
  let cursor = from;
  let left = minutes * MINUTE;
  // A working week has 2,400 minutes; the generator caps its delays far below the guard's reach.
  for (let guard = 0; guard < 3660; guard++) {
    const dayStart = cursor - (((cursor % DAY) + DAY) % DAY);
    const weekday = weekdayOf(dayStart);
    if (weekday >= 1 && weekday <= 5 && cursor < dayStart + CLOSE) {
      const start = Math.max(cursor, dayStart + OPEN);
      const available = dayStart + CLOSE - start;
      if (left <= available) return start + left;
      left -= available;
    }
    cursor = dayStart + DAY;
  }
  return cursor;
}

/**
 * The same wall-clock instant `months` calendar months earlier (clamped to the month's last day,
 * so 31 March − 1 month is 28/29 February).
 *
 * @example
 * subtractMonths(Date.UTC(2026, 10, 23, 14), 12) === Date.UTC(2025, 10, 23, 14); // true
 */
export function subtractMonths(ms: number, months: number): number {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() - months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return Date.UTC(
    year,
    month,
    day,
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
    date.getUTCMilliseconds(),
  );
}

/**
 * The start of the UTC hour containing an instant: the default end of the demo period, so that
 * every run within the same hour generates the same data.
 *
 * @example
 * startOfHour(new Date('2026-11-23T08:41:07Z')).toISOString(); // '2026-11-23T08:00:00.000Z'
 */
export function startOfHour(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR) * HOUR);
}
