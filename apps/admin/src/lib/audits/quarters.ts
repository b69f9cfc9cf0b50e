/**
 * Calendar quarters as the audit cycles name them (`2026-Q4`), read in the organisation's time
 * zone. Plain TypeScript, unit-tested beside.
 */

const QUARTER = /^(\d{4})-Q([1-4])$/;

/**
 * The quarter a moment falls in, in a time zone.
 *
 * @example
 * quarterOf(new Date('2026-12-31T23:30:00Z'), 'Europe/Belgrade') // '2027-Q1'
 */
export function quarterOf(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The last calendar day of a quarter as `YYYY-MM-DD`, or null for text that is not a quarter.
 *
 * @example
 * quarterLastDay('2026-Q1') // '2026-03-31'
 */
export function quarterLastDay(quarter: string): string | null {
  const m = QUARTER.exec(quarter.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const lastMonth = Number(m[2]) * 3;
  // Day 0 of the next month is the last day of this one.
  const day = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return `${year}-${pad(lastMonth)}-${pad(day)}`;
}

/**
 * A quarter in words: "Q4 2026 (October–December)".
 *
 * @example
 * quarterLabel('2026-Q4') // 'Q4 2026 (Oct–Dec)'
 */
export function quarterLabel(quarter: string): string {
  const m = QUARTER.exec(quarter);
  if (!m) return quarter;
  const months = [
    ['Jan', 'Mar'],
    ['Apr', 'Jun'],
    ['Jul', 'Sep'],
    ['Oct', 'Dec'],
  ][Number(m[2]) - 1] ?? ['', ''];
  return `Q${m[2]} ${m[1]} (${months[0]}–${months[1]})`;
}

/**
 * A `YYYY-MM-DD` date as people read it, without moving it across time zones.
 *
 * @example
 * formatLocalDate('2026-12-15') // 'Dec 15, 2026' (in an English browser)
 */
export function formatLocalDate(day: string, locale?: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/**
 * Whole days from `today` to `day` (both `YYYY-MM-DD`): negative when `day` is past.
 *
 * @example
 * daysBetween('2026-05-01', '2026-05-04') // 3
 */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Today's date in a time zone, as `YYYY-MM-DD`.
 *
 * @example
 * todayIn('Europe/Belgrade', new Date('2026-03-31T22:30:00Z')) // '2026-04-01'
 */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/**
 * A period given as instants (`start` inclusive, `end` exclusive) as the calendar days it covers in
 * a time zone: "1 Oct 2026 – 31 Dec 2026".
 *
 * @example
 * periodText({ start: '2026-09-30T22:00:00Z', end: '2026-12-31T23:00:00Z', timeZone: 'Europe/Belgrade' }, 'en-GB')
 * // '1 Oct 2026 – 31 Dec 2026'
 */
export function periodText(
  period: { start: string; end: string; timeZone: string },
  locale?: string,
): string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: period.timeZone });
  // The end is exclusive: the last day covered is the one a moment before it.
  const last = new Date(Date.parse(period.end) - 1);
  return `${format.format(new Date(period.start))} – ${format.format(last)}`;
}
