/**
 * How the OKR page names and formats what the API gives: statuses in words, metrics with a plain
 * description, values in their unit. Plain TypeScript, unit-tested beside.
 */
import type { CheckInView, KeyResultStatus, MetricKey, MetricUnit } from '@rapport/contracts';

export type Tone = 'neutral' | 'accent' | 'success' | 'danger' | 'warning';

/** A status always reads as words; the tone only helps. */
export const STATUS_LABELS: Record<KeyResultStatus, { label: string; tone: Tone }> = {
  achieved: { label: 'Achieved', tone: 'success' },
  on_track: { label: 'On track', tone: 'accent' },
  at_risk: { label: 'At risk', tone: 'warning' },
  off_track: { label: 'Off track', tone: 'danger' },
};

/**
 * The status of a key result or objective as shown; null (no value yet) says so.
 *
 * @example
 * statusLabel('at_risk') // { label: 'At risk', tone: 'warning' }
 */
export function statusLabel(status: KeyResultStatus | null): { label: string; tone: Tone } {
  return status === null ? { label: 'No data yet', tone: 'neutral' } : STATUS_LABELS[status];
}

/** Each metric a key result can follow, named and explained as a manager reads it. */
export const METRIC_LABELS: Record<MetricKey, { label: string; description: string }> = {
  csat: {
    label: 'CSAT',
    description: 'Share of survey answers rating 4 or 5 out of 5, in percent.',
  },
  nps: {
    label: 'NPS',
    description: 'Promoters minus detractors, in points from −100 to 100.',
  },
  ces: {
    label: 'CES',
    description: 'Customer effort: the mean answer from 1 (hard) to 7 (easy).',
  },
  resolution_rate: {
    label: 'Resolution rate',
    description: 'Share of answers saying the problem was solved, in percent.',
  },
  response_rate: {
    label: 'Response rate',
    description: 'Share of survey invitations that were answered, in percent.',
  },
  follow_ups_in_time: {
    label: 'Follow-ups closed in time',
    description: 'Share of follow-ups closed by their due time, in percent.',
  },
  audit_score: {
    label: 'Audit score',
    description: 'Mean score of the quarter’s signed service audits, 0 to 100 points.',
  },
  quality_score: {
    label: 'Internal quality score',
    description: 'Mean score of ticket reviews against the scorecard, 0 to 100 points.',
  },
  first_response_hours: {
    label: 'Median first response',
    description: 'Median hours from a ticket being opened to the first reply.',
  },
  resolution_hours: {
    label: 'Median resolution time',
    description: 'Median hours from a ticket being opened to its resolution.',
  },
};

/** What a key result measures, in words: the metric, or "Manual" for a value people give. */
export function measureLabel(metric: MetricKey | null): string {
  return metric === null ? 'Manual' : METRIC_LABELS[metric].label;
}

/**
 * A value in its unit, rounded for reading only; an em dash when there is none.
 *
 * @example
 * formatValue(91.234, 'percent') // '91.2%'
 * formatValue(1.5, 'hours')      // '1.5 h'
 * formatValue(42, 'points')      // '42 points'
 * formatValue(7, null)           // '7'
 */
export function formatValue(value: number | null, unit: MetricUnit | null): string {
  if (value === null) return '—';
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(1);
  const text = rounded.replace('-', '−');
  switch (unit) {
    case 'percent':
      return `${text}%`;
    case 'hours':
      return `${text} h`;
    case 'points':
      return `${text} point${rounded === '1' ? '' : 's'}`;
    default:
      return text;
  }
}

/**
 * Progress (0..1) as whole percent for a bar and its text; null stays null.
 *
 * @example
 * progressPercent(0.456) // 46
 */
export function progressPercent(progress: number | null): number | null {
  if (progress === null) return null;
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}

/** "Higher is better" / "Lower is better", from a key result's direction. */
export function directionLabel(direction: 'increase' | 'decrease'): string {
  return direction === 'increase' ? 'Higher is better' : 'Lower is better';
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/**
 * The quarter `steps` quarters after (or, negative, before) another.
 *
 * @example
 * shiftQuarter('2026-Q4', 1)  // '2027-Q1'
 * shiftQuarter('2026-Q1', -1) // '2025-Q4'
 */
export function shiftQuarter(quarter: string, steps: number): string {
  const m = QUARTER.exec(quarter);
  if (!m) return quarter;
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/**
 * The quarters the picker offers: a year back and a few ahead of the current one, plus the one
 * shown when it lies outside (a bookmarked old quarter), newest last.
 *
 * @example
 * quarterChoices('2026-Q4', '2026-Q4') // ['2025-Q4', …, '2027-Q2']
 */
export function quarterChoices(current: string, shown: string): string[] {
  if (!QUARTER.test(current)) return QUARTER.test(shown) ? [shown] : [];
  const list: string[] = [];
  for (let step = -4; step <= 2; step++) list.push(shiftQuarter(current, step));
  if (QUARTER.test(shown) && !list.includes(shown)) list.push(shown);
  return list.sort();
}

/** Metrics the reports dashboard draws a trend of, so a key result can link there. */
const TREND_METRICS: readonly MetricKey[] = ['csat', 'nps'];

/**
 * The dashboard address showing a metric key result's trend over its quarter, or null for a metric
 * the dashboard has no trend of.
 *
 * @example
 * trendLink('csat', { from: '2026-10-01', to: '2026-12-31' }, null)
 * // '/reports?period=custom&from=2026-10-01&to=2026-12-31'
 */
export function trendLink(
  metric: MetricKey | null,
  period: { from: string; to: string },
  teamId: string | null,
): `/reports?${string}` | null {
  if (metric === null || !TREND_METRICS.includes(metric)) return null;
  // The dashboard's own address format (lib/reports/view.ts): dates apply with period=custom.
  const params = new URLSearchParams({ period: 'custom', from: period.from, to: period.to });
  if (teamId) params.set('teamId', teamId);
  return `/reports?${params.toString()}`;
}

/** One point of a key result's progress line: when, and progress in whole percent. */
export interface ProgressPoint {
  at: string;
  percent: number;
}

/**
 * The check-ins that have a progress, oldest first, as points of the progress line.
 *
 * @example
 * progressPoints([{ at: '2026-11-02T…', progress: 0.4, … }]) // [{ at: '2026-11-02T…', percent: 40 }]
 */
export function progressPoints(items: readonly Pick<CheckInView, 'at' | 'progress'>[]): ProgressPoint[] {
  return items
    .filter((c): c is typeof c & { progress: number } => c.progress !== null)
    .map((c) => ({ at: c.at, percent: progressPercent(c.progress) ?? 0 }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

/**
 * Reads an optional number field: empty text is "not given" (undefined), anything else a number
 * (NaN when it is not one, so the API's message names the field).
 *
 * @example
 * numberOrUndefined('')     // undefined
 * numberOrUndefined('92.5') // 92.5
 */
export function numberOrUndefined(text: string | number | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  if (typeof text === 'number') return Number.isFinite(text) ? text : undefined;
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}
