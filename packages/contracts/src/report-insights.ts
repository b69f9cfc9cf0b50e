import * as v from 'valibot';
import { fromBeforeTo, period, ReportFilterEntries, type Interval, type MetricUnit } from './reports';
import { Uuid } from './common';

// ---- reasons for dissatisfaction (Pareto) --------------------------------------------------------

export const ReasonsQuery = v.pipe(v.object({ ...period, ...ReportFilterEntries }), fromBeforeTo());
export type ReasonsQuery = v.InferOutput<typeof ReasonsQuery>;

/** One reason's row of the Pareto table, most frequent first (`pareto` in @rapport/scoring). */
export interface ReasonRow {
  /** The answer code, e.g. `took_too_long`. */
  reason: string;
  /** The option's English label from the latest version of a survey that offers it; the code when none does. */
  label: string;
  /** Counted responses that gave this reason (a response may give several). */
  count: number;
  /** count / all reasons given, 0..1. */
  share: number | null;
  cumulativeShare: number | null;
}

export interface Reasons {
  period: { from: string; to: string; timeZone: string };
  /** Counted responses in the period and filter that gave at least one reason. */
  responsesWithReason: number;
  /** Reasons given in all (the Pareto's total). */
  total: number;
  rows: ReasonRow[];
}

// ---- key drivers -----------------------------------------------------------------------------------

/** Drivers are kept per team and survey only: agent and channel filters cannot apply. */
/**
 * Driver statistics are kept per team and survey only (see daily_driver_rollups): an agent or
 * channel filter is refused with a message saying so, rather than quietly ignored, so a BI tool
 * never takes the organisation's drivers for one agent's.
 */
const notKeptFor = (filter: string, what: string) =>
  v.optional(
    v.custom<never>(
      () => false,
      `Key drivers are kept per team and survey, not per ${what}: leave ${filter} out.`,
    ),
  );

export const DriversQuery = v.pipe(
  v.object({
    ...period,
    teamId: v.optional(Uuid),
    surveyId: v.optional(Uuid),
    agentId: notKeptFor('agentId', 'agent'),
    channel: notKeptFor('channel', 'channel'),
  }),
  fromBeforeTo(),
);
export type DriversQuery = v.InferOutput<typeof DriversQuery>;

/** How strongly one driver question (a 1–5 statement such as a service principle) moves with overall satisfaction. */
export interface DriverRow {
  /** The question id, e.g. `courteous`. */
  questionId: string;
  /** The question's English text from the latest version of a survey that asks it. */
  label: string;
  /** Pearson's r with the overall rating; null below 3 pairs or with zero variance. */
  r: number | null;
  /** 95% interval of r (Fisher z); null when r is null or n < 4. */
  ci95: Interval | null;
  /** Responses that answered both this statement and the overall rating. */
  n: number;
  /** Mean agreement 1..5 over those responses. */
  mean: number | null;
  smallSample: boolean;
}

export interface Drivers {
  period: { from: string; to: string; timeZone: string };
  /** Sorted by |r| descending (`keyDrivers`' order), nulls last. */
  rows: DriverRow[];
}

// ---- audit and quality scores per team by quarter; review score vs CSAT per agent ------------------

export const QualityQuery = v.pipe(v.object({ ...period, teamId: v.optional(Uuid) }), fromBeforeTo());
export type QualityQuery = v.InferOutput<typeof QualityQuery>;

/** One team's audit score and internal quality (ticket review) score in one quarter. */
export interface QualityCell {
  /** '2026-Q4'. */
  quarter: string;
  /** Mean of the team's signed audits of that quarter's cycle; null when none is signed. */
  auditScore: number | null;
  /** Mean score of the team's submitted, non-calibration reviews submitted in that quarter. */
  qualityScore: number | null;
  /** Reviews behind `qualityScore`. */
  reviews: number;
}

export interface QualityByTeam {
  period: { from: string; to: string; timeZone: string };
  /** Every quarter the period touches, oldest first. */
  quarters: string[];
  unit: MetricUnit;
  teams: { id: string; name: string; cells: QualityCell[] }[];
}

/** One agent's mean review score against their CSAT over the same period. */
export interface ReviewCsatPoint {
  agentId: string;
  name: string;
  teamId: string | null;
  reviewScore: number;
  reviews: number;
  csat: number | null;
  csatN: number;
}

export interface ReviewCsat {
  period: { from: string; to: string; timeZone: string };
  /** Agents with at least one review and one CSAT answer in the period. */
  points: ReviewCsatPoint[];
  /** Pearson's r between agents' mean review score and their CSAT (percent), over `n` agents; null below 3. */
  r: number | null;
  ci95: Interval | null;
  n: number;
  smallSample: boolean;
}
