import { assertDate } from './validate';

/** The calendar unit of a reporting period. */
export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter';

/** A period as UTC instants: `start` inclusive, `end` exclusive. */
export interface PeriodRange {
  start: Date;
  end: Date;
}

const DAY_MS = 86_400_000;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;
const UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter'];

const mod = (a: number, b: number): number => ((a % b) + b) % b;
const pad2 = (n: number): string => String(n).padStart(2, '0');

// Calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), after Howard Hinnant's
// civil-date algorithms. Done by hand rather than with Date.UTC, which maps years 0–99 to 1900–1999.

function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * mod(month + 9, 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday, 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
const isoWeekday = (days: number): number => mod(days + 3, 7) + 1;

/** The ISO week of a day: the week (Monday–Sunday) belongs to the year that holds its Thursday. */
function isoWeekOf(days: number): { year: number; week: number } {
  const thursday = days - isoWeekday(days) + 4;
  const year = civilFromDays(thursday).year;
  return { year, week: Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1 };
}

/** Day number of the Monday that starts ISO week `week` of `year` (week 1 always holds 4 January). */
function isoWeekStart(year: number, week: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - isoWeekday(jan4) + 1 + 7 * (week - 1);
}

const weeksInYear = (year: number): number => isoWeekOf(daysFromCivil(year, 12, 28)).week;

// Wall-clock reading through Intl, one formatter per zone (building one is the expensive part).

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const cached = formatters.get(timeZone);
  if (cached !== undefined) return cached;
  if (typeof timeZone !== 'string' || timeZone === '') {
    throw new RangeError(`timeZone must be an IANA time zone name, got ${String(timeZone)}`);
  }
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
  formatters.set(timeZone, formatter);
  return formatter;
}

/** The local wall-clock time of instant `ms` in the zone, as milliseconds on a UTC-like scale (whole seconds). */
function wallMs(ms: number, formatter: Intl.DateTimeFormat): number {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(ms)) parts[part.type] = part.value;
  const year = Number(parts.year);
  // Before year 1 the Gregorian calendar counts eras backwards: 1 BC is year 0.
  const astronomicalYear = parts.era === 'BC' ? 1 - year : year;
  const days = daysFromCivil(astronomicalYear, Number(parts.month), Number(parts.day));
  return (
    days * DAY_MS +
    Number(parts.hour) * 3_600_000 +
    Number(parts.minute) * 60_000 +
    Number(parts.second) * 1000
  );
}

/** The zone's UTC offset at instant `ms`, in milliseconds (Intl reports whole seconds, so `ms` is floored to one). */
function offsetAt(ms: number, formatter: Intl.DateTimeFormat): number {
  return wallMs(ms, formatter) - Math.floor(ms / 1000) * 1000;
}

/**
 * The first instant whose local date is on or after day number `days`: local midnight, or, where the clocks
 * jump over midnight (e.g. America/Santiago and Asia/Beirut start summer time at 00:00), the instant of the
 * jump. Where midnight happens twice (clocks fall back at 00:00 or just after it) the earlier one is taken.
 */
function localDayStart(days: number, formatter: Intl.DateTimeFormat): number {
  const wall = days * DAY_MS;
  // The offsets a day either side bracket any transition near this midnight, as Temporal does.
  const before = wall - offsetAt(wall - DAY_MS, formatter);
  const after = wall - offsetAt(wall + DAY_MS, formatter);
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  if (wallMs(lo, formatter) === wall) return lo;
  if (wallMs(hi, formatter) === wall) return hi;
  // Midnight was skipped: lo reads the previous evening and hi reads after the jump. When the gap starts at
  // midnight (Santiago, Beirut) hi is the jump itself; when it straddles midnight (Toronto, 1919: 23:30 →
  // 00:30) the jump lies between them. Bisect to the second (zone transitions fall on whole seconds).
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallMs(mid, formatter) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

// Keys.

interface ParsedKey {
  unit: PeriodUnit;
  /** Day number of the first day of the period. */
  start: number;
  /** Day number of the first day of the next period. */
  end: number;
}

function checkYear(year: number, what: string): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`${what} is outside the supported years ${MIN_YEAR}..${MAX_YEAR}`);
  }
}

function parseKey(key: string): ParsedKey {
  if (typeof key !== 'string') throw new RangeError(`Period key must be a string, got ${String(key)}`);
  const malformed = (): RangeError =>
    new RangeError(`Malformed period key "${key}": expected YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY-Qn`);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (m !== null) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    checkYear(year, `Period key "${key}"`);
    const start = daysFromCivil(year, month, day);
    const check = civilFromDays(start);
    if (month < 1 || month > 12 || check.month !== month || check.day !== day) throw malformed();
    return { unit: 'day', start, end: start + 1 };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m !== null) {
    const [year, week] = [Number(m[1]), Number(m[2])];
    checkYear(year, `Period key "${key}"`);
    if (week < 1 || week > weeksInYear(year)) throw malformed();
    const start = isoWeekStart(year, week);
    return { unit: 'week', start, end: start + 7 };
  }
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m !== null) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    checkYear(year, `Period key "${key}"`);
    if (month < 1 || month > 12) throw malformed();
    return { unit: 'month', start: daysFromCivil(year, month, 1), end: daysFromCivil(year, month + 1, 1) };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m !== null) {
    const [year, quarter] = [Number(m[1]), Number(m[2])];
    checkYear(year, `Period key "${key}"`);
    const month = 3 * (quarter - 1) + 1;
    return { unit: 'quarter', start: daysFromCivil(year, month, 1), end: daysFromCivil(year, month + 3, 1) };
  }
  throw malformed();
}

/** The key of the period of `unit` that contains day number `days`. */
function keyOfDay(days: number, unit: PeriodUnit): string {
  if (unit === 'week') {
    const { year, week } = isoWeekOf(days);
    checkYear(year, `Year ${year}`);
    return `${String(year).padStart(4, '0')}-W${pad2(week)}`;
  }
  const { year, month, day } = civilFromDays(days);
  checkYear(year, `Year ${year}`);
  const y = String(year).padStart(4, '0');
  if (unit === 'day') return `${y}-${pad2(month)}-${pad2(day)}`;
  if (unit === 'month') return `${y}-${pad2(month)}`;
  return `${y}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * The key of the period containing `date`, read on the wall clock of `timeZone`:
 *
 *   'day' → 'YYYY-MM-DD';  'week' → ISO week 'YYYY-Www';  'month' → 'YYYY-MM';  'quarter' → 'YYYY-Qn'
 *
 * ISO weeks run Monday to Sunday and belong to the year holding their Thursday, so week 1 is the week with
 * the year's first Thursday: 2025-12-29 is in 2026-W01 (1 January 2026 is a Thursday) and 2021-01-03 is in
 * 2020-W53. Throws a `RangeError` for an invalid Date, an unknown unit or time zone, or a local year outside
 * 1..9999.
 *
 * @example
 * periodKey(new Date('2026-11-22T12:00:00Z'), 'day', 'Europe/Paris'); // '2026-11-22'
 * periodKey(new Date('2026-11-22T12:00:00Z'), 'week', 'Europe/Paris'); // '2026-W47'
 * periodKey(new Date('2026-12-31T23:30:00Z'), 'quarter', 'Europe/Paris'); // '2027-Q1' (00:30 local)
 */
export function periodKey(date: Date, unit: PeriodUnit, timeZone: string): string {
  assertDate(date, 'date');
  if (!UNITS.includes(unit))
    throw new RangeError(`unit must be one of ${UNITS.join(', ')}, got ${String(unit)}`);
  const formatter = formatterFor(timeZone);
  const local = wallMs(date.getTime(), formatter);
  return keyOfDay(Math.floor(local / DAY_MS), unit);
}

/**
 * The instants bounding a period in `timeZone`: `start` (inclusive) is the UTC instant of local midnight on
 * the period's first day and `end` (exclusive) that of the next period's first day, so a day is 23 or 25
 * hours long across a daylight-saving change. Where a zone skips midnight (summer time starting at 00:00, as
 * in America/Santiago or Asia/Beirut) the day starts at the first instant that exists, the moment of the
 * jump; where midnight happens twice, at the first. The key's unit is read from its shape (see
 * {@link periodKey}). Throws a `RangeError` for a malformed key (including impossible dates, week 53 of a
 * 52-week year, month 13) or an unknown time zone.
 *
 * @example
 * periodRange('2026-11', 'Europe/Paris'); // { start: 2026-10-31T23:00:00.000Z, end: 2026-11-30T23:00:00.000Z }
 * periodRange('2024-09-08', 'America/Santiago'); // { start: 2024-09-08T04:00:00.000Z (01:00 local), end: 2024-09-09T03:00:00.000Z }
 */
export function periodRange(key: string, timeZone: string): PeriodRange {
  const { start, end } = parseKey(key);
  const formatter = formatterFor(timeZone);
  return { start: new Date(localDayStart(start, formatter)), end: new Date(localDayStart(end, formatter)) };
}

/**
 * The key of the period just before `key`, of the same unit ('2026-01' → '2025-12', '2026-W01' → '2025-W52',
 * '2026-Q1' → '2025-Q4'), for "change against the previous period". Time-zone free: keys are calendar labels.
 * Throws a `RangeError` for a malformed key or a result before year 1.
 *
 * @example
 * previousPeriodKey('2026-03-01'); // '2026-02-28'
 */
export function previousPeriodKey(key: string): string {
  const { unit, start } = parseKey(key);
  return keyOfDay(start - 1, unit);
}

/**
 * The key of the period just after `key`, of the same unit ('2025-12' → '2026-01', '2020-W53' → '2021-W01').
 * Throws a `RangeError` for a malformed key or a result after year 9999.
 *
 * @example
 * nextPeriodKey('2026-Q4'); // '2027-Q1'
 */
export function nextPeriodKey(key: string): string {
  const { unit, end } = parseKey(key);
  return keyOfDay(end, unit);
}
