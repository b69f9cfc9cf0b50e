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
