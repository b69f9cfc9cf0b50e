/**
 * The dashboard's periods as organisation-local calendar dates (`YYYY-MM-DD`). Plain date
 * arithmetic on UTC midnights, so no browser time zone or daylight-saving change can shift a day;
 * only "today" is read in the organisation's time zone. Unit-tested beside.
 */

export const PERIOD_PRESETS = [
  'last-30-days',
  'last-90-days',
  'this-quarter',
  'last-quarter',
  'this-year',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Record<PeriodPreset, string> = {
  'last-30-days': 'Last 30 days',
  'last-90-days': 'Last 90 days',
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'this-year': 'This year',
  custom: 'Custom dates',
};

export type TrendUnit = 'day' | 'week' | 'month' | 'quarter';

export interface LocalRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const toNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const toDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Whether a string is a real calendar date in `YYYY-MM-DD` form ("2026-02-30" is not). */
export function isLocalDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(value);
}

/**
 * Today's date in a time zone.
 *
 * @example
 * todayIn('Pacific/Auckland', new Date('2026-11-30T12:00:00Z')) // '2026-12-01'
 */
export function todayIn(timeZone: string, now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `day` moved by a number of days. */
export function addDays(day: string, days: number): string {
  return toDay(toNumber(day) + days);
}

/** Days from `from` to `to`, both counted. */
export function dayCount(range: LocalRange): number {
  return toNumber(range.to) - toNumber(range.from) + 1;
}

/** The first day of the quarter `offset` quarters from the one holding `day`. */
function quarterStart(day: string, offset: number): string {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + offset;
  const date = new Date(Date.UTC(year, quarter * 3, 1));
  return date.toISOString().slice(0, 10);
}

/**
 * The dates of a preset, ending today at the latest: "this quarter" and "this year" run to today,
 * "last quarter" is the whole quarter before this one. `custom` keeps the dates given.
 *
 * @example
 * rangeOf('last-30-days', '2026-11-30') // { from: '2026-11-01', to: '2026-11-30' }
 * rangeOf('last-quarter', '2026-11-30') // { from: '2026-07-01', to: '2026-09-30' }
 */
export function rangeOf(preset: Exclude<PeriodPreset, 'custom'>, today: string): LocalRange {
  switch (preset) {
    case 'last-30-days':
      return { from: addDays(today, -29), to: today };
    case 'last-90-days':
      return { from: addDays(today, -89), to: today };
    case 'this-quarter':
      return { from: quarterStart(today, 0), to: today };
    case 'last-quarter':
      return { from: quarterStart(today, -1), to: addDays(quarterStart(today, 0), -1) };
    case 'this-year':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/**
 * The trend's unit when nobody chose one: about 10 to 60 points, so a line stays readable.
 *
 * @example
 * defaultUnit({ from: '2026-11-01', to: '2026-11-30' }) // 'day'
 * defaultUnit({ from: '2026-01-01', to: '2026-11-30' }) // 'week'
 */
export function defaultUnit(range: LocalRange): TrendUnit {
  const days = dayCount(range);
  if (days <= 62) return 'day';
  if (days <= 366) return 'week';
  if (days <= 3 * 366) return 'month';
  return 'quarter';
}
