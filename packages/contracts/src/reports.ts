import * as v from 'valibot';
import { Uuid } from './common';

/** A calendar date in the organisation's time zone. */
export const LocalDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-22.'),
  v.check(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Not a real date.',
  ),
);

export const SummaryQuery = v.pipe(
  v.object({ from: LocalDate, to: LocalDate, teamId: v.optional(Uuid), surveyId: v.optional(Uuid) }),
  v.check((q) => q.from <= q.to, 'from must not be after to.'),
);
export type SummaryQuery = v.InferOutput<typeof SummaryQuery>;

export type Interval = [number, number];

export interface Summary {
  period: { from: string; to: string; timeZone: string };
  csat: { rate: number | null; satisfied: number; n: number; ci95: Interval | null; distribution: number[] };
  nps: {
    score: number | null;
    n: number;
    ci95: Interval | null;
    promoters: number;
    passives: number;
    detractors: number;
  } | null;
  ces: { mean: number | null; n: number; ci95: Interval | null; easyRate: number | null } | null;
  resolution: { rate: number | null; n: number; ci95: Interval | null };
  responseRate: { rate: number | null; responses: number; sent: number; ci95: Interval | null };
  followUps: {
    open: number;
    overdue: number;
    closed: number;
    closedInTime: number;
    timeliness: number | null;
  };
  /** Responses flagged as bots in the period: stored, not counted. */
  excludedBots: number;
}

/** Every metric a report or a key result can read, each computed from the data for a scope and period. */
export const METRIC_KEYS = [
  'csat',
  'nps',
  'ces',
  'resolution_rate',
  'response_rate',
  'follow_ups_in_time',
  'audit_score',
  'quality_score',
  'first_response_hours',
  'resolution_hours',
] as const;
export type MetricKey = (typeof METRIC_KEYS)[number];
export const MetricKey = v.picklist(METRIC_KEYS, `metric must be one of ${METRIC_KEYS.join(', ')}.`);

/**
 * How a metric's value reads: `percent` 0..100 (a rate), `points` (NPS −100..100, audit and review
 * scores 0..100), `score` (CES mean 1..7), `hours` (a median duration).
 */
export type MetricUnit = 'percent' | 'score' | 'hours' | 'points';

/** One metric's value for a scope and period; `n` counts the observations behind it. */
export interface MetricValue {
  metric: MetricKey;
  /** null when there is nothing to measure (n = 0). */
  value: number | null;
  n: number;
  /** The 95% interval in the value's unit; null when none is defined (n too small, or a median or census). */
  ci95: Interval | null;
  unit: MetricUnit;
}

/** The metrics the dashboard's headline tiles show, in order. */
export const TILE_METRICS = [
  'csat',
  'nps',
  'ces',
  'resolution_rate',
  'response_rate',
  'follow_ups_in_time',
  'audit_score',
] as const satisfies readonly MetricKey[];

/** The metrics that come from the survey rollups, so they can be cut by agent, channel and survey. */
export const ROLLUP_METRICS = [
  'csat',
  'nps',
  'ces',
  'resolution_rate',
  'response_rate',
] as const satisfies readonly MetricKey[];
export type RollupMetric = (typeof ROLLUP_METRICS)[number];

const Channel = v.pipe(v.string(), v.trim(), v.minLength(1, 'channel cannot be empty.'), v.maxLength(50));

/** The filters every report accepts besides the period. */
export const ReportFilterEntries = {
  teamId: v.optional(Uuid),
  agentId: v.optional(Uuid),
  channel: v.optional(Channel),
  surveyId: v.optional(Uuid),
};

export const period = { from: LocalDate, to: LocalDate };
export const fromBeforeTo = <T extends { from: string; to: string }>() =>
  v.check((q: T) => q.from <= q.to, 'from must not be after to.');

export const TilesQuery = v.pipe(v.object({ ...period, ...ReportFilterEntries }), fromBeforeTo());
export type TilesQuery = v.InferOutput<typeof TilesQuery>;

/** A headline figure for a period beside the same-length period just before it. */
export interface Tile extends MetricValue {
  previous: { from: string; to: string; value: number | null; n: number };
  /** value − previous value, in the metric's unit (percentage points for rates); null when either is missing. */
  change: number | null;
  /** Whether the change is significant at 95%; null when the metric has no test or a period has no data. */
  significant: boolean | null;
  /** n < 30: shown, marked, never ranked. */
  smallSample: boolean;
  /** Filters given that this metric cannot apply (follow-ups and audits know only the team). */
  ignoredFilters: ('agentId' | 'channel' | 'surveyId')[];
}

export interface Tiles {
  period: { from: string; to: string; timeZone: string };
  tiles: Tile[];
}

export const TREND_METRICS = ['csat', 'nps', 'responses'] as const;
export const PERIOD_UNITS = ['day', 'week', 'month', 'quarter'] as const;

export const TrendQuery = v.pipe(
  v.object({
    metric: v.picklist(TREND_METRICS, `metric must be one of ${TREND_METRICS.join(', ')}.`),
    unit: v.optional(v.picklist(PERIOD_UNITS, `unit must be one of ${PERIOD_UNITS.join(', ')}.`), 'day'),
    ...period,
    ...ReportFilterEntries,
  }),
  fromBeforeTo(),
);
export type TrendQuery = v.InferOutput<typeof TrendQuery>;

/** One period of a trend, clipped to the requested dates. */
export interface TrendPoint {
  /** `2026-11-22`, `2026-W47`, `2026-11` or `2026-Q4`. */
  key: string;
  from: string;
  to: string;
  value: number | null;
  n: number;
  ci95: Interval | null;
}

export interface Trend {
  metric: (typeof TREND_METRICS)[number];
  unit: (typeof PERIOD_UNITS)[number];
  /** How `value` reads: a rate in percent, NPS points, or a count of responses. */
  valueUnit: MetricUnit | 'count';
  period: { from: string; to: string; timeZone: string };
  points: TrendPoint[];
}

export const BREAKDOWN_DIMENSIONS = ['team', 'agent', 'channel'] as const;

export const BreakdownQuery = v.pipe(
  v.object({
    by: v.picklist(BREAKDOWN_DIMENSIONS, `by must be one of ${BREAKDOWN_DIMENSIONS.join(', ')}.`),
    metric: v.optional(
      v.picklist(ROLLUP_METRICS, `metric must be one of ${ROLLUP_METRICS.join(', ')}.`),
      'csat',
    ),
    ...period,
    ...ReportFilterEntries,
  }),
  fromBeforeTo(),
);
export type BreakdownQuery = v.InferOutput<typeof BreakdownQuery>;

export interface BreakdownRow {
  /** The team's or agent's id, or the channel; null for responses with no team or agent. */
  id: string | null;
  /** The team's or agent's name, or the channel; null when id is null. */
  name: string | null;
  value: number | null;
  n: number;
  ci95: Interval | null;
  smallSample: boolean;
  /** 1 for the highest lower bound; null for small samples, which are listed last and not ranked. */
  rank: number | null;
}

export interface Breakdown {
  by: (typeof BREAKDOWN_DIMENSIONS)[number];
  metric: RollupMetric;
  unit: MetricUnit;
  period: { from: string; to: string; timeZone: string };
  rows: BreakdownRow[];
}
