import type {
  BreakdownRow,
  Drivers,
  Interval,
  MetricKey,
  MetricUnit,
  ObjectiveView,
  QualityByTeam,
  Reasons,
  ReviewCsat,
  Tile,
  Trend,
} from '@rapport/contracts';
import { lowSample } from '@rapport/scoring';
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

// ---- NPS trend and OKR target lines ---------------------------------------------------------------

/** The NPS trend's table: points −100..100 with their interval and n, rounded to a tenth. */
export function npsTrendTable(trend: Trend): FigureTable {
  return {
    columns: ['Period', 'From', 'To', 'NPS', 'Lower 95%', 'Upper 95%', 'n'],
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

/** One OKR target drawn on a trend: a key result linked to the chart's metric, over its quarter. */
export interface TargetLine {
  keyResultId: string;
  keyResult: string;
  objective: string;
  /** The objective's team, or "Organisation". */
  scope: string;
  quarter: string;
  /** The quarter's first and last local dates. */
  from: string;
  to: string;
  target: number;
  direction: 'increase' | 'decrease';
  unit: MetricUnit;
}

/**
 * The quarter keys ('2026-Q4') that local dates `from`..`to` touch, oldest first: the quarters
 * whose objectives can have a target inside the period.
 *
 * @example
 * quartersBetween({ from: '2026-09-04', to: '2026-12-02' }) // ['2026-Q3', '2026-Q4']
 */
export function quartersBetween(range: { from: string; to: string }): string[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const keys: string[] = [];
  for (let i = index(range.from); i <= index(range.to); i++)
    keys.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return keys;
}

const METRIC_UNIT_OF: Record<'csat' | 'nps', MetricUnit> = { csat: 'percent', nps: 'points' };

/**
 * The target lines for a trend of `metric`: every metric key result on that metric of the
 * objectives whose quarter overlaps the period and whose scope is the view's team (organisation-wide
 * objectives when the view has no team filter), by quarter, then objective and key result order.
 */
export function targetLines(
  objectives: readonly ObjectiveView[],
  metric: 'csat' | 'nps',
  teamId: string | null,
  range: { from: string; to: string },
): TargetLine[] {
  return objectives
    .filter((o) => o.teamId === teamId && o.period.from <= range.to && o.period.to >= range.from)
    .sort((a, b) => a.quarter.localeCompare(b.quarter) || a.title.localeCompare(b.title))
    .flatMap((o) =>
      o.keyResults
        .filter((kr) => kr.kind === 'metric' && kr.metric === metric)
        .sort((a, b) => a.position - b.position)
        .map((kr): TargetLine => ({
          keyResultId: kr.id,
          keyResult: kr.title,
          objective: o.title,
          scope: o.teamName ?? 'Organisation',
          quarter: o.quarter,
          from: o.period.from,
          to: o.period.to,
          target: kr.target,
          direction: kr.direction,
          unit: kr.unit ?? METRIC_UNIT_OF[metric],
        })),
    );
}

/**
 * A target in words: the comparison, the value in its unit, and whose goal it is.
 *
 * @example
 * targetLabel(line) // 'Target ≥ 92.0% (2026-Q4): Every resolved ticket leaves a happy customer'
 */
export function targetLabel(line: TargetLine): string {
  const sign = line.direction === 'increase' ? '≥' : '≤';
  return `Target ${sign} ${formatValue(line.target, line.unit)} (${line.quarter}): ${line.objective}`;
}

/**
 * A trend table (columns 1 and 2 are each period's From and To) with one column per target line:
 * the target in the periods that overlap its quarter, empty elsewhere — exactly what the chart
 * draws as a dashed segment.
 */
export function withTargets(table: FigureTable, lines: readonly TargetLine[]): FigureTable {
  return {
    columns: [...table.columns, ...lines.map((l) => `Target ${l.quarter}: ${l.objective}`)],
    rows: table.rows.map((row) => [
      ...row,
      ...lines.map((l) => {
        const from = String(row[1]);
        const to = String(row[2]);
        return from <= l.to && to >= l.from ? l.target : null;
      }),
    ]),
  };
}

// ---- reasons for dissatisfaction (Pareto) --------------------------------------------------------

const percentOf = (share: number | null) => (share === null ? null : round(100 * share, 1));

/** The Pareto's table, most frequent reason first: count, share and cumulative share in percent. */
export function paretoTable(reasons: Reasons): FigureTable {
  return {
    columns: ['Reason', 'Code', 'Count', 'Share %', 'Cumulative %'],
    rows: reasons.rows.map((r) => [
      r.label,
      r.reason,
      r.count,
      percentOf(r.share),
      percentOf(r.cumulativeShare),
    ]),
  };
}

/**
 * How many of the most frequent reasons make up 80% of all given: the "vital few".
 *
 * @example
 * vitalFew(reasons) // 3
 */
export function vitalFew(reasons: Reasons): number {
  const index = reasons.rows.findIndex((r) => r.cumulativeShare !== null && r.cumulativeShare >= 0.8 - 1e-9);
  return index === -1 ? reasons.rows.length : index + 1;
}

// ---- key drivers ----------------------------------------------------------------------------------

/** The key drivers' table in the API's order (|r| largest first): r with its interval, n and mean agreement. */
export function driversTable(drivers: Drivers): FigureTable {
  return {
    columns: ['Statement', 'Question', 'r', 'Lower 95%', 'Upper 95%', 'n', 'Mean agreement', 'Note'],
    rows: drivers.rows.map((d) => [
      d.label,
      d.questionId,
      d.r === null ? null : round(d.r, 2),
      d.ci95 === null ? null : round(d.ci95[0], 2),
      d.ci95 === null ? null : round(d.ci95[1], 2),
      d.n,
      d.mean === null ? null : round(d.mean, 2),
      d.r === null ? 'Too few answers for r' : d.smallSample ? 'Small sample (n < 30)' : '',
    ]),
  };
}

// ---- audit and quality by team and quarter; review score against CSAT ------------------------------

/** One row per team and quarter (the chart's bars, in the same order): both scores and the reviews behind one. */
export function qualityTable(quality: QualityByTeam): FigureTable {
  return {
    columns: ['Team', 'Quarter', 'Audit score', 'Quality score', 'Reviews'],
    rows: quality.teams.flatMap((team) =>
      team.cells.map((c) => [
        team.name,
        c.quarter,
        c.auditScore === null ? null : round(c.auditScore, 1),
        c.qualityScore === null ? null : round(c.qualityScore, 1),
        c.reviews,
      ]),
    ),
  };
}

/**
 * Each reviewed agent's mean review score against their CSAT: the scatter's points, and those
 * without CSAT. The team tells apart agents of the same name.
 */
export function reviewCsatTable(
  data: ReviewCsat,
  teams: readonly { id: string; name: string }[] = [],
): FigureTable {
  const teamName = (id: string | null) =>
    id === null ? 'No team' : (teams.find((t) => t.id === id)?.name ?? '');
  return {
    columns: ['Agent', 'Team', 'Review score', 'Reviews', 'CSAT %', 'CSAT answers', 'Note'],
    rows: data.points.map((p) => [
      p.name,
      teamName(p.teamId),
      round(p.reviewScore, 1),
      p.reviews,
      p.csat === null ? null : round(p.csat, 1),
      p.csatN,
      p.csat === null
        ? 'No CSAT answers: not plotted'
        : lowSample(p.csatN)
          ? 'CSAT from fewer than 30 answers'
          : '',
    ]),
  };
}

/**
 * A correlation in words: r with its 95% interval and n, or why there is none; small samples are
 * said to be so.
 *
 * @example
 * correlationText({ r: 0.4213, ci95: [0.08, 0.67], n: 31, smallSample: false }, 'agents')
 * // 'r = 0.42 (95% interval 0.08 to 0.67), n = 31 agents.'
 */
export function correlationText(
  c: { r: number | null; ci95: Interval | null; n: number; smallSample: boolean },
  things: string,
): string {
  if (c.r === null)
    return `No correlation to show: it needs at least 3 ${things} with both figures and some spread (n = ${c.n}).`;
  const interval =
    c.ci95 === null
      ? 'no interval below 4'
      : `95% interval ${c.ci95[0].toFixed(2)} to ${c.ci95[1].toFixed(2)}`;
  const small = c.smallSample ? ` A small sample (fewer than 30 ${things}): read it with care.` : '';
  return `r = ${c.r.toFixed(2)} (${interval}), n = ${c.n} ${things}.${small}`;
}

// ---- what a screen reader hears for the new charts -------------------------------------------------

/**
 * A chart label broken into lines of about `width` characters at spaces (chart.js draws an array
 * as lines), so long reason and statement texts stay readable on a narrow axis.
 *
 * @example
 * wrapLabel('Confirmed the problem was solved', 16) // ['Confirmed the', 'problem was', 'solved']
 */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length === 0 ? [''] : lines;
}

/**
 * The Pareto chart in one sentence: how many reasons were given, and which few make up 80%.
 *
 * @example
 * paretoSummary(reasons) // 'Reasons for dissatisfaction: 10 given in 9 responses. The top 2 (It took too long, Not solved) make up 80% of them. …'
 */
export function paretoSummary(reasons: Reasons): string {
  if (reasons.total === 0) return 'Reasons for dissatisfaction: none given in this period.';
  const few = vitalFew(reasons);
  const names = reasons.rows.slice(0, few).map((r) => r.label);
  return (
    `Reasons for dissatisfaction: ${reasons.total} given in ${reasons.responsesWithReason} responses. ` +
    `The top ${few} (${names.join(', ')}) make up 80% of them. The Table button shows every value.`
  );
}

/**
 * The key drivers chart in one sentence: the strongest driver and how many statements there are.
 *
 * @example
 * driversSummary(drivers) // 'Key drivers: 6 statements; the strongest is Courteous, r = 0.62 (n = 120). …'
 */
export function driversSummary(drivers: Drivers): string {
  const top = drivers.rows.find((d) => d.r !== null);
  const count = `${drivers.rows.length} statement${drivers.rows.length === 1 ? '' : 's'}`;
  if (!top || top.r === null) return `Key drivers: ${count}; none has enough answers for a correlation.`;
  return `Key drivers: ${count}; the strongest is ${top.label}, r = ${top.r.toFixed(2)} (n = ${top.n}). The Table button shows every value.`;
}

/**
 * The audit and quality chart in one sentence.
 *
 * @example
 * qualitySummary(quality) // 'Audit and quality scores of 4 teams over 2026-Q3 to 2026-Q4. The Table button shows every value.'
 */
export function qualitySummary(quality: QualityByTeam): string {
  const span =
    quality.quarters.length === 1
      ? quality.quarters[0]
      : `${quality.quarters[0]} to ${quality.quarters[quality.quarters.length - 1]}`;
  const teams = `${quality.teams.length} team${quality.teams.length === 1 ? '' : 's'}`;
  return `Audit and quality scores of ${teams} over ${span}. The Table button shows every value.`;
}
