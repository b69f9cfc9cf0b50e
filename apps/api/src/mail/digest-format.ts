import type { Interval, MetricUnit } from '@rapport/contracts';

/** Decimals shown per unit, as on the dashboard: rates and points to a tenth, the CES mean to a hundredth. */
const DECIMALS: Record<MetricUnit, number> = { percent: 1, points: 1, score: 2, hours: 1 };

/** A local date (`2026-11-23`) as the instant Intl formats in UTC, so the calendar day never shifts. */
const dayInstant = (day: string) => new Date(`${day}T12:00:00Z`);

/**
 * Numbers and dates for one language, through Intl: the digest's only formatting. Rounding
 * happens here, for display; the figures themselves stay as the reports computed them.
 */
export interface DigestFormat {
  /** A metric's value with its unit: `91.2%`, `34.0`, `5.84`; an em dash for none. */
  value(value: number | null, unit: MetricUnit): string;
  /** A change in the metric's unit with its sign: `+1.4` (the caller adds "pts" for rates). */
  change(change: number, unit: MetricUnit): string;
  /** Whether a change rounds to nothing at the unit's precision (then it reads 0.0 and is never coloured). */
  roundsToZero(change: number, unit: MetricUnit): boolean;
  /** A 95% interval: `88.0–93.6%`. */
  interval(ci: Interval, unit: MetricUnit): string;
  /** A count with the language's digit grouping. */
  count(n: number): string;
  /** A share 0..1 as a whole percentage: `64%`. */
  progress(share: number): string;
  /** A local date, short: `23 Nov`. */
  shortDate(day: string): string;
  /** A local date with the year: `23 Nov 2026`. */
  date(day: string): string;
  /** Two local dates as a range: `23–29 Nov 2026`. */
  dateRange(from: string, to: string): string;
  /** An instant as a date in the time zone: `23 Nov 2026`. */
  dateAt(at: string, timeZone: string): string;
}

/**
 * The formatter for a BCP 47 tag (`en-GB`, `sr-Cyrl-RS`, …).
 *
 * @example
 * const f = digestFormat('hr-HR');
 * f.value(91.23, 'percent'); // '91,2 %'
 * f.change(1.4, 'percent');  // '+1,4'
 * f.shortDate('2026-11-23'); // '23. stu'
 */
export function digestFormat(tag: string): DigestFormat {
  const fixed = (digits: number, sign: 'auto' | 'exceptZero' = 'auto') =>
    new Intl.NumberFormat(tag, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: sign,
    });
  const percent = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const wholePercent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const counts = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const short = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const long = new Intl.DateTimeFormat(tag, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

  const plain = (value: number, unit: MetricUnit) =>
    unit === 'percent' ? percent.format(value / 100) : fixed(DECIMALS[unit]).format(value);

  const roundsToZero = (change: number, unit: MetricUnit) => Number(change.toFixed(DECIMALS[unit])) === 0;

  return {
    value: (value, unit) => (value === null ? '—' : plain(value, unit)),
    // A change that rounds to nothing reads 0.0, not −0.0 or +0.0.
    change: (change, unit) =>
      fixed(DECIMALS[unit], 'exceptZero').format(roundsToZero(change, unit) ? 0 : change),
    roundsToZero,
    interval: ([low, high], unit) =>
      unit === 'percent'
        ? `${fixed(1).format(low)}–${percent.format(high / 100)}`
        : `${fixed(DECIMALS[unit]).format(low)}–${fixed(DECIMALS[unit]).format(high)}`,
    count: (n) => counts.format(n),
    progress: (share) => wholePercent.format(share),
    shortDate: (day) => short.format(dayInstant(day)),
    date: (day) => long.format(dayInstant(day)),
    dateRange: (from, to) => long.formatRange(dayInstant(from), dayInstant(to)),
    dateAt: (at, timeZone) =>
      new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(
        new Date(at),
      ),
  };
}
