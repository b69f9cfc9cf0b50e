import type { BreakdownRow, Interval, MetricKey, MetricUnit, Tile, Trend } from '@rapport/contracts';
import type { Cell } from './csv';

/**
 * How the dashboard turns the API's figures into what people read, and the tables behind every
 * chart: one table is what the chart plots, what the table view shows and what the CSV holds.
 * Rounding happens here, for display only. Unit-tested beside.
 */

export const METRIC_LABELS: Record<MetricKey, string> = {
  csat: 'CSAT',
  nps: 'NPS',
  ces: 'Customer effort (CES)',
  resolution_rate: 'Resolution rate',
  response_rate: 'Response rate',
  follow_ups_in_time: 'Follow-ups closed in time',
  audit_score: 'Latest audit score',
  quality_score: 'Internal quality score',
  first_response_hours: 'Median first response',
  resolution_hours: 'Median resolution time',
};

/** Decimals shown per unit: rates and points to a tenth, the CES mean to a hundredth. */
const DECIMALS: Record<MetricUnit, number> = { percent: 1, points: 1, score: 2, hours: 1 };

const round = (value: number, decimals: number) => Number(value.toFixed(decimals));

/**
 * A metric's value with its unit, or an em dash when there is nothing to measure.
 *
 * @example
 * formatValue(87.345, 'percent') // '87.3%'
 * formatValue(null, 'points')    // '—'
 */
export function formatValue(value: number | null, unit: MetricUnit): string {
  if (value === null) return '—';
  const text = value.toFixed(DECIMALS[unit]);
  if (unit === 'percent') return `${text}%`;
  if (unit === 'hours') return `${text} h`;
  return text;
}

/**
 * The 95% interval in the value's unit.
 *
 * @example
 * formatInterval([81.04, 90.2], 'percent') // '81.0–90.2%'
 */
export function formatInterval(ci: Interval | null, unit: MetricUnit): string {
  if (ci === null) return 'no interval';
  const [low, high] = ci.map((x) => x.toFixed(DECIMALS[unit]));
  return unit === 'percent' ? `${low}–${high}%` : unit === 'hours' ? `${low}–${high} h` : `${low}–${high}`;
}

/** A count with the browser's digit grouping. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat().format(n);
}

/** How a tile's change reads, and whether it may be coloured. */
export interface ChangeReading {
  text: string;
  /** `better`/`worse` only for a significant change on samples that are not small. */
  tone: 'neutral' | 'better' | 'worse';
}

/**
 * What a tile says about the change against the previous period. Every headline metric reads
 * higher-is-better (CES here is the 1–7 "easy" scale). A change that is not significant, or has no
 * test, or sits on a small sample, is never coloured as good or bad.
 *
 * @example
 * readChange({ ...tile, change: 3.2, significant: true, unit: 'percent' }) // { text: 'Up 3.2 points, significant', tone: 'better' }
 */
export function readChange(
  tile: Pick<Tile, 'n' | 'change' | 'significant' | 'smallSample' | 'unit' | 'previous'>,
): ChangeReading {
  if (tile.change === null) {
    const text =
      tile.n === 0
        ? 'No data in this period'
        : tile.previous.n === 0
          ? 'No data in the previous period'
          : 'No change to show';
    return { text, tone: 'neutral' };
  }
  const size = Math.abs(tile.change).toFixed(DECIMALS[tile.unit]);
  const unitWord = tile.unit === 'percent' ? ' points' : tile.unit === 'hours' ? ' h' : '';
  const moved = Number(size) === 0 ? 'Unchanged' : `${tile.change > 0 ? 'Up' : 'Down'} ${size}${unitWord}`;
  if (tile.significant === false)
    return { text: `No significant change (${moved.toLowerCase()})`, tone: 'neutral' };
  if (tile.significant === null) return { text: `${moved}, not tested`, tone: 'neutral' };
  if (tile.smallSample || Number(size) === 0) return { text: `${moved}, significant`, tone: 'neutral' };
  return { text: `${moved}, significant`, tone: tile.change > 0 ? 'better' : 'worse' };
}

/** A table: the header and rows of cells, the same for the screen and the CSV. */
export interface FigureTable {
  columns: string[];
  rows: Cell[][];
}

/**
 * The CSAT trend's table: each period with its value, interval and n, rounded to a tenth, which
 * is also exactly what the chart plots. A period without answers has empty value cells.
 */
export function csatTrendTable(trend: Trend): FigureTable {
  return {
    columns: ['Period', 'From', 'To', 'CSAT %', 'Lower 95%', 'Upper 95%', 'n'],
    rows: trend.points.map((p) => [
      p.key,
      p.from,
      p.to,
      p.value === null ? null : round(p.value, 1),
      p.ci95 === null ? null : round(p.ci95[0], 1),
      p.ci95 === null ? null : round(p.ci95[1], 1),
      p.n,
    ]),
  };
}

/** The response volume's table: counted responses (bots left out) per period. */
export function volumeTable(trend: Trend): FigureTable {
  return {
    columns: ['Period', 'From', 'To', 'Responses'],
    rows: trend.points.map((p) => [p.key, p.from, p.to, p.value ?? 0]),
  };
}

/**
 * A breakdown's rows in the order shown: ranked rows by rank (the interval's lower bound, from the
 * API), then small samples, unranked, by n.
 */
export function orderBreakdown(rows: readonly BreakdownRow[]): BreakdownRow[] {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const small = rows.filter((r) => r.rank === null).sort((a, b) => b.n - a.n);
  return [...ranked, ...small];
}

/** A breakdown's table, for the screen and the CSV. */
export function breakdownTable(
  rows: readonly BreakdownRow[],
  nameColumn: string,
  unit: MetricUnit,
): FigureTable {
  const d = DECIMALS[unit];
  return {
    columns: ['Rank', nameColumn, 'CSAT %', 'Lower 95%', 'Upper 95%', 'n', 'Note'],
    rows: orderBreakdown(rows).map((r) => [
      r.rank,
      r.name ?? `No ${nameColumn.toLowerCase()}`,
      r.value === null ? null : round(r.value, d),
      r.ci95 === null ? null : round(r.ci95[0], d),
      r.ci95 === null ? null : round(r.ci95[1], d),
      r.n,
      r.smallSample ? 'Small sample (n < 30), not ranked' : '',
    ]),
  };
}

const numbers = (cells: Cell[]) => cells.filter((c): c is number => typeof c === 'number');

/**
 * One sentence a screen reader hears for a trend chart: its span, the latest period and the range
 * of values, pointing to the table for the rest.
 *
 * @example
 * trendSummary('CSAT', 'week', table, 3, '%') // 'CSAT by week, 13 weeks: latest 88.1% in 2026-W48; lowest 80.2% …'
 */
export function trendSummary(
  name: string,
  unit: Trend['unit'],
  table: FigureTable,
  valueColumn: number,
  suffix: string,
): string {
  const count = table.rows.length;
  const head = `${name} by ${unit}, ${count} ${unit}${count === 1 ? '' : 's'}`;
  const withValues = table.rows.filter((r) => typeof r[valueColumn] === 'number');
  const values = numbers(withValues.map((r) => r[valueColumn] ?? null));
  if (values.length === 0) return `${head}: no data in this period.`;
  const pick = (v: number) => withValues.find((r) => r[valueColumn] === v)?.[0] ?? '';
  const latest = withValues[withValues.length - 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  return (
    `${head}: latest ${String(latest?.[valueColumn])}${suffix} in ${String(latest?.[0])}; ` +
    `lowest ${low}${suffix} in ${String(pick(low))}, highest ${high}${suffix} in ${String(pick(high))}. ` +
    'The Table button shows every value.'
  );
}
