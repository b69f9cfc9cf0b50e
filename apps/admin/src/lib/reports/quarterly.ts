import type { CycleResultsView, DriverRow, ReasonRow, Tile, Trend } from '@rapport/contracts';
import { formatScore } from '../audits/audit-labels';
import { formatLocalDate, quarterLastDay, quarterOf } from '../audits/quarters';
import { shiftQuarter } from '../okrs/okr-labels';
import type { Cell } from './csv';
import { formatInterval, formatValue, METRIC_LABELS, type FigureTable } from './figures';
import type { LocalRange } from './period';

/**
 * The quarterly report's arithmetic and tables: which quarter a report shows (the last complete
 * one in the organisation's time zone unless the address names another), the dates it covers, the
 * quarter before, and the table behind each of its figures (the chart plots exactly those cells).
 * Plain TypeScript, unit-tested beside.
 */

const QUARTER = /^(\d{4})-Q([1-4])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many quarters before the current one the picker offers. */
const QUARTERS_BACK = 8;

/** Whether text names a calendar quarter (`2026-Q4`). */
export function isQuarter(value: string): boolean {
  return QUARTER.test(value);
}

/**
 * The quarter just before another.
 *
 * @example
 * previousQuarter('2026-Q1') // '2025-Q4'
 */
export function previousQuarter(quarter: string): string {
  return shiftQuarter(quarter, -1);
}

/**
 * The quarter `now` falls in, in the organisation's time zone (a moment's quarter depends on the
 * zone: 31 Dec 23:30 UTC is already Q1 in Belgrade).
 *
 * @example
 * currentQuarter(new Date('2026-12-31T23:30:00Z'), 'Europe/Belgrade') // '2027-Q1'
 */
export function currentQuarter(now: Date, timeZone: string): string {
  return quarterOf(now, timeZone);
}

/**
 * The last quarter that has ended in the organisation's time zone: the one before the quarter
 * `now` falls in.
 *
 * @example
 * lastCompleteQuarter(new Date('2026-12-02T10:00:00Z'), 'UTC')              // '2026-Q3'
 * lastCompleteQuarter(new Date('2026-03-31T22:30:00Z'), 'Europe/Belgrade')  // '2026-Q1' (it is 1 April there)
 */
export function lastCompleteQuarter(now: Date, timeZone: string): string {
  return previousQuarter(currentQuarter(now, timeZone));
}

/**
 * The first and last calendar days of a quarter, as organisation-local dates.
 *
 * @example
 * quarterDates('2026-Q1') // { from: '2026-01-01', to: '2026-03-31' }
 */
export function quarterDates(quarter: string): LocalRange {
  const m = QUARTER.exec(quarter);
  const to = quarterLastDay(quarter);
  if (!m || !to) throw new RangeError(`Not a quarter: ${quarter}`);
  const firstMonth = (Number(m[2]) - 1) * 3 + 1;
  return { from: `${m[1]}-${String(firstMonth).padStart(2, '0')}-01`, to };
}

/** The dates a report covers, and whether the quarter has ended. */
export interface ReportPeriod extends LocalRange {
  quarter: string;
  /** False for the quarter in progress: its dates end today. */
  complete: boolean;
}

/**
 * What a report on a quarter covers, given today's organisation-local date: the whole quarter once
 * it has ended; the quarter in progress up to today (later days have no data, and counting them
 * would make the "same number of days before" comparison longer than what was measured).
 *
 * @example
 * reportPeriod('2026-Q3', '2026-12-02') // { quarter: '2026-Q3', from: '2026-07-01', to: '2026-09-30', complete: true }
 * reportPeriod('2026-Q4', '2026-12-02') // { quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-02', complete: false }
 */
export function reportPeriod(quarter: string, today: string): ReportPeriod {
  const { from, to } = quarterDates(quarter);
  if (today > to) return { quarter, from, to, complete: true };
  if (today < from) throw new RangeError(`${quarter} has not started on ${today}.`);
  return { quarter, from, to: today, complete: false };
}

/**
 * The quarters the picker offers, newest first: the current one (in progress) and the eight before.
 *
 * @example
 * reportQuarterChoices('2026-Q4') // ['2026-Q4', '2026-Q3', …, '2024-Q4']
 */
export function reportQuarterChoices(current: string): string[] {
  return Array.from({ length: QUARTERS_BACK + 1 }, (_, i) => shiftQuarter(current, -i));
}

/** The report's view as it lives in the address: `?quarter=2026-Q3&team=<id>`. */
export interface QuarterlyView {
  /** Empty: the default, the last complete quarter. */
  quarter: string;
  /** Empty: every team. */
  team: string;
}

/**
 * The view in a URL's query. A quarter that is not one, or has not started yet in the
 * organisation's time zone, falls back to the default; so does a team id that is not a UUID.
 *
 * @example
 * viewFromQuery(new URLSearchParams('quarter=2026-Q2'), '2026-Q4') // { quarter: '2026-Q2', team: '' }
 * viewFromQuery(new URLSearchParams('quarter=2027-Q1'), '2026-Q4') // { quarter: '', team: '' }
 */
export function viewFromQuery(params: URLSearchParams, current: string): QuarterlyView {
  const quarter = params.get('quarter') ?? '';
  const team = params.get('team') ?? '';
  return {
    quarter: isQuarter(quarter) && quarter <= current ? quarter : '',
    team: UUID.test(team) ? team : '',
  };
}

/**
 * The query for a view, parameters in a fixed order so equal views make equal addresses. The
 * default quarter is left out, so a bookmark keeps meaning "the last complete quarter".
 *
 * @example
 * quarterlySearch({ quarter: '2026-Q2', team: '' }, '2026-Q3') // 'quarter=2026-Q2'
 */
export function quarterlySearch(view: QuarterlyView, defaultQuarter: string): string {
  const params = new URLSearchParams();
  if (view.quarter && view.quarter !== defaultQuarter) params.set('quarter', view.quarter);
  if (view.team) params.set('team', view.team);
  return params.toString();
}

/**
 * When the report was generated, in the organisation's time zone and named, so a printed copy says
 * which clock it read.
 *
 * @example
 * generatedText(new Date('2026-12-02T09:05:00Z'), 'Europe/Belgrade', 'en-GB') // '2 December 2026 at 10:05 (Europe/Belgrade)'
 */
export function generatedText(now: Date, timeZone: string, locale?: string): string {
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    now,
  );
  return `${text} (${timeZone})`;
}

// ---- the headline comparison -------------------------------------------------------------------

/**
 * Whether a tile's change is significant, in words. Only a significant change on a sample that is
 * not small reads as a finding.
 *
 * @example
 * significanceWords({ ...tile, change: 2.1, significant: true, smallSample: false }) // 'Significant at 95%'
 */
export function significanceWords(
  tile: Pick<Tile, 'n' | 'change' | 'significant' | 'smallSample' | 'previous'>,
): string {
  if (tile.n === 0) return 'No data this quarter';
  if (tile.previous.n === 0) return 'No data to compare with';
  if (tile.change === null || tile.significant === null) return 'No test for this figure';
  if (!tile.significant) return 'Not significant: within chance';
  return tile.smallSample ? 'Significant, but on a small sample' : 'Significant at 95%';
}

/**
 * A change in the metric's unit with its sign ("+2.1 points", "−0.4"), or an em dash.
 *
 * @example
 * changeWords({ change: -0.44, unit: 'percent' }) // '−0.4 points'
 */
export function changeWords(tile: Pick<Tile, 'change' | 'unit'>): string {
  if (tile.change === null) return '—';
  const decimals = tile.unit === 'score' ? 2 : 1;
  const size = Math.abs(tile.change).toFixed(decimals);
  if (Number(size) === 0) return 'Unchanged';
  const sign = tile.change > 0 ? '+' : '−';
  const unit = tile.unit === 'percent' ? ' points' : tile.unit === 'hours' ? ' h' : '';
  return `${sign}${size}${unit}`;
}

/**
 * The table beside the headline tiles: each figure this quarter and in the period before, with n,
 * the 95% interval, the change and its significance in words. Cells are the text people read.
 */
export function comparisonTable(tiles: readonly Tile[]): FigureTable {
  return {
    columns: ['Figure', 'This quarter', 'n', '95% interval', 'Before', 'n before', 'Change', 'Significance'],
    rows: tiles.map((t) => [
      METRIC_LABELS[t.metric],
      formatValue(t.value, t.unit),
      t.n,
      t.ci95 === null ? '—' : formatInterval(t.ci95, t.unit),
      formatValue(t.previous.value, t.unit),
      t.previous.n,
      changeWords(t),
      significanceWords(t),
    ]),
  };
}

/**
 * The answer to "Are customers happier than last quarter?" in one sentence, read from CSAT: yes or
 * no only when the change is significant and the sample is not small; otherwise it says there is
 * no clear change, or not enough data to tell.
 *
 * @example
 * happierAnswer({ metric: 'csat', value: 87.3, previous: { value: 84.1, n: 900, … }, change: 3.2, significant: true, … })
 * // 'Yes: CSAT rose from 84.1% to 87.3%, a significant change (n = 1,020).'
 */
export function happierAnswer(csat: Tile | undefined, locale?: string): string {
  const count = (n: number) => new Intl.NumberFormat(locale).format(n);
  if (!csat || csat.n === 0) return 'Not known: no customer answered a survey this quarter.';
  const now = formatValue(csat.value, csat.unit);
  const before = formatValue(csat.previous.value, csat.unit);
  if (csat.previous.n === 0 || csat.change === null)
    return `Not known: CSAT is ${now} (n = ${count(csat.n)}), with no answers in the period before to compare.`;
  if (csat.smallSample)
    return `Too few answers to tell: CSAT is ${now} against ${before}, on only ${count(csat.n)} answers.`;
  if (!csat.significant)
    return `No clear change: CSAT is ${now} against ${before}; the difference is within chance (n = ${count(csat.n)}).`;
  return csat.change > 0
    ? `Yes: CSAT rose from ${before} to ${now}, a significant change (n = ${count(csat.n)}).`
    : `No: CSAT fell from ${before} to ${now}, a significant change (n = ${count(csat.n)}).`;
}

// ---- tables behind the charts ------------------------------------------------------------------

const round1 = (value: number) => Number(value.toFixed(1));

/**
 * A weekly trend's table: each week with its value, interval and n, rounded to a tenth — exactly
 * what the chart plots. A week without answers has empty value cells.
 *
 * @example
 * trendTable(npsTrend, 'NPS').columns // ['Week', 'From', 'To', 'NPS', 'Lower 95%', 'Upper 95%', 'n']
 */
export function trendTable(trend: Trend, valueLabel: string): FigureTable {
  return {
    columns: ['Week', 'From', 'To', valueLabel, 'Lower 95%', 'Upper 95%', 'n'],
    rows: trend.points.map((p) => [
      p.key,
      p.from,
      p.to,
      p.value === null ? null : round1(p.value),
      p.ci95 === null ? null : round1(p.ci95[0]),
      p.ci95 === null ? null : round1(p.ci95[1]),
      p.n,
    ]),
  };
}

/**
 * The reasons Pareto's table: each reason with its count, share and cumulative share (percent to a
 * tenth), most frequent first as the API orders them.
 */
export function paretoTable(rows: readonly ReasonRow[]): FigureTable {
  const percent = (share: number | null) => (share === null ? null : round1(share * 100));
  return {
    columns: ['Reason', 'Code', 'Count', 'Share %', 'Cumulative %'],
    rows: rows.map((r) => [r.label, r.reason, r.count, percent(r.share), percent(r.cumulativeShare)]),
  };
}

/**
 * The key drivers' table: each statement's correlation with overall satisfaction and its interval
 * (to two decimals), the mean agreement and n; small samples are noted.
 */
export function driversTable(rows: readonly DriverRow[]): FigureTable {
  const r2 = (x: number | null) => (x === null ? null : Number(x.toFixed(2)));
  return {
    columns: ['Statement', 'r', 'Lower 95%', 'Upper 95%', 'Mean (1–5)', 'n', 'Note'],
    rows: rows.map((d) => [
      d.label,
      r2(d.r),
      r2(d.ci95?.[0] ?? null),
      r2(d.ci95?.[1] ?? null),
      r2(d.mean),
      d.n,
      d.smallSample ? 'Small sample' : '',
    ]),
  };
}

/**
 * Each team's audit of the quarter: its score, result, status, and the weakest checklist section
 * (the one a manager acts on first), in the API's order (by team name).
 */
export function auditTable(results: CycleResultsView): FigureTable {
  const resultWord = (passed: boolean | null) =>
    passed === null ? 'Not scored' : passed ? 'Passed' : 'Failed';
  const statusWord = {
    draft: 'In progress',
    submitted: 'Waiting for sign-off',
    signed: 'Signed off',
  } as const;
  return {
    columns: ['Team', 'Score', 'Result', 'Status', 'Weakest section'],
    rows: results.teams.map((t): Cell[] => {
      const weakest = t.sections
        .filter((s): s is typeof s & { score: number } => s.score !== null)
        .sort((a, b) => a.score - b.score)[0];
      return [
        t.team.name,
        t.audit.score === null ? null : round1(t.audit.score),
        resultWord(t.audit.passed),
        statusWord[t.audit.status],
        weakest ? `${weakest.title} (${formatScore(weakest.score)})` : '—',
      ];
    }),
  };
}

// ---- words around the figures ------------------------------------------------------------------

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * What the headline figures are compared with. The API compares a period with the same number of
 * days just before it; for a quarter that is the previous quarter exactly only when both have the
 * same length, so otherwise the note says which days were read.
 *
 * @example
 * comparedWith({ quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31', complete: true }, { from: '2026-07-01', to: '2026-09-30' }, 'en-GB')
 * // 'Compared with the previous quarter, Q3 2026: 1 Jul 2026 – 30 Sept 2026.'
 */
export function comparedWith(period: ReportPeriod, before: LocalRange, locale?: string): string {
  const dates = `${formatLocalDate(before.from, locale)} – ${formatLocalDate(before.to, locale)}`;
  const previous = previousQuarter(period.quarter);
  const name = previous.replace(QUARTER, 'Q$2 $1');
  const { from, to } = quarterDates(previous);
  if (before.from === from && before.to === to)
    return `Compared with the previous quarter, ${name}: ${dates}.`;
  const days = dayNumber(before.to) - dayNumber(before.from) + 1;
  return period.complete
    ? `Compared with the ${days} days just before the quarter, ${dates}: the previous quarter, ${name}, ` +
        'evened out to the same number of days.'
    : `Compared with the ${days} days just before, ${dates}: the same length as this quarter so far.`;
}

const numbers = (cells: readonly Cell[]) => cells.filter((c): c is number => typeof c === 'number');

/**
 * A weekly trend chart's text alternative: its span, the latest week and the range of values.
 *
 * @example
 * trendAlt('CSAT', table, '%') // 'CSAT by week, 14 weeks: latest 88.1% in 2026-W39; lowest 80.2% in 2026-W30, highest 90.1% in 2026-W35. The table lists every week.'
 */
export function trendAlt(name: string, table: FigureTable, suffix: string): string {
  const weeks = table.rows.length;
  const head = `${name} by week, ${weeks} week${weeks === 1 ? '' : 's'}`;
  const withValues = table.rows.filter((r) => typeof r[3] === 'number');
  const values = numbers(withValues.map((r) => r[3] ?? null));
  if (values.length === 0) return `${head}: no answers in this quarter.`;
  const weekOf = (v: number) => String(withValues.find((r) => r[3] === v)?.[0] ?? '');
  const latest = withValues[withValues.length - 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  return (
    `${head}: latest ${String(latest?.[3])}${suffix} in ${String(latest?.[0])}; ` +
    `lowest ${low}${suffix} in ${weekOf(low)}, highest ${high}${suffix} in ${weekOf(high)}. ` +
    'The table lists every week.'
  );
}

/**
 * A bar chart's text alternative: how many bars, and the highest and lowest with their values.
 *
 * @example
 * barsAlt('Audit score by team', table, 0, 1, '') // 'Audit score by team, 4 bars: highest Billing 91.2, lowest Onboarding 64. The table lists every value.'
 */
export function barsAlt(
  name: string,
  table: FigureTable,
  labelColumn: number,
  valueColumn: number,
  suffix: string,
): string {
  const rows = table.rows.filter((r) => typeof r[valueColumn] === 'number');
  const head = `${name}, ${rows.length} bar${rows.length === 1 ? '' : 's'}`;
  if (rows.length === 0) return `${head}: nothing to show.`;
  const sorted = [...rows].sort((a, b) => Number(b[valueColumn]) - Number(a[valueColumn]));
  const [top, bottom] = [sorted[0], sorted[sorted.length - 1]];
  const show = (r: Cell[] | undefined) => `${String(r?.[labelColumn])} ${String(r?.[valueColumn])}${suffix}`;
  return `${head}: highest ${show(top)}, lowest ${show(bottom)}. The table lists every value.`;
}
