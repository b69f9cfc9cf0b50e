import * as v from 'valibot';
import { Quarter, type PersonRef } from './audits';
import { Uuid } from './common';
import { METRIC_KEYS, type MetricKey, type MetricUnit } from './reports';

export const KEY_RESULT_KINDS = ['metric', 'manual'] as const;
export type KeyResultKind = (typeof KEY_RESULT_KINDS)[number];

export const KEY_RESULT_DIRECTIONS = ['increase', 'decrease'] as const;
export const KeyResultDirection = v.picklist(
  KEY_RESULT_DIRECTIONS,
  'direction must be increase or decrease.',
);
export type KeyResultDirection = v.InferOutput<typeof KeyResultDirection>;

/** Durations are better short; every other metric (rates, scores, NPS) is better high. */
export function defaultDirection(metric: MetricKey): KeyResultDirection {
  return metric === 'first_response_hours' || metric === 'resolution_hours' ? 'decrease' : 'increase';
}

/** The metrics a key result can follow: every report metric. */
export const OKR_METRICS = METRIC_KEYS;

const Title = (what: string) =>
  v.pipe(
    v.string(`${what} is required.`),
    v.trim(),
    v.minLength(1, `${what} cannot be empty.`),
    v.maxLength(300, `${what} is at most 300 characters.`),
  );

const Description = v.nullable(
  v.pipe(v.string(), v.trim(), v.maxLength(4000, 'The description is at most 4,000 characters.')),
);

const Value = (what: string) =>
  v.pipe(v.number(`${what} must be a number.`), v.finite(`${what} must be a finite number.`));

const Metric = v.picklist(OKR_METRICS, `metric must be one of ${OKR_METRICS.join(', ')}.`);

/**
 * A key result linked to a live metric. Without a baseline it takes the metric's value for the same
 * scope in the quarter before (a 400 when there was no data then).
 */
export const CreateMetricKeyResult = v.object({
  kind: v.literal('metric'),
  title: Title('Key result title'),
  metric: Metric,
  baseline: v.optional(Value('baseline')),
  target: Value('target'),
  direction: v.optional(KeyResultDirection),
  /** Refused, not dropped: a metric's value is computed, and silently ignoring one would mislead. */
  current: v.optional(
    v.never(
      'A metric key result’s current value is computed from the data; only a manual key result takes one.',
    ),
  ),
});

/** A key result whose value people give: at creation and with each check-in. */
export const CreateManualKeyResult = v.object({
  kind: v.literal('manual'),
  title: Title('Key result title'),
  baseline: Value('baseline'),
  target: Value('target'),
  direction: v.optional(KeyResultDirection),
  current: v.optional(v.nullable(Value('current'))),
});

export const CreateKeyResult = v.variant(
  'kind',
  [CreateMetricKeyResult, CreateManualKeyResult],
  'kind must be metric or manual.',
);
export type CreateKeyResult = v.InferOutput<typeof CreateKeyResult>;

export const CreateObjective = v.object({
  quarter: Quarter,
  /** null or absent: organisation-wide. */
  teamId: v.optional(v.nullable(Uuid)),
  title: Title('Objective title'),
  description: v.optional(Description),
  ownerUserId: Uuid,
  keyResults: v.optional(
    v.pipe(v.array(CreateKeyResult), v.maxLength(10, 'An objective has at most 10 key results.')),
    [],
  ),
});
export type CreateObjective = v.InferOutput<typeof CreateObjective>;

export const UpdateObjective = v.pipe(
  v.object({
    quarter: v.optional(Quarter),
    teamId: v.optional(v.nullable(Uuid)),
    title: v.optional(Title('Objective title')),
    description: v.optional(Description),
    ownerUserId: v.optional(Uuid),
  }),
  v.check((o) => Object.values(o).some((x) => x !== undefined), 'Nothing to change.'),
);
export type UpdateObjective = v.InferOutput<typeof UpdateObjective>;

/** The kind and, for a metric key result, the metric stay: a different measure is a new key result. */
export const UpdateKeyResult = v.pipe(
  v.object({
    title: v.optional(Title('Key result title')),
    baseline: v.optional(Value('baseline')),
    target: v.optional(Value('target')),
    direction: v.optional(KeyResultDirection),
    /** Manual key results only. */
    current: v.optional(v.nullable(Value('current'))),
  }),
  v.check((k) => Object.values(k).some((x) => x !== undefined), 'Nothing to change.'),
);
export type UpdateKeyResult = v.InferOutput<typeof UpdateKeyResult>;

export const CreateCheckIn = v.object({
  confidence: v.pipe(
    v.number('confidence must be a number from 1 to 10.'),
    v.integer('confidence must be a whole number from 1 to 10.'),
    v.minValue(1, 'confidence must be from 1 to 10.'),
    v.maxValue(10, 'confidence must be from 1 to 10.'),
  ),
  comment: v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(4000, 'The comment is at most 4,000 characters.')),
    '',
  ),
  /** Manual key results only: the value now. Metric key results take the computed value. */
  value: v.optional(Value('value')),
});
export type CreateCheckIn = v.InferOutput<typeof CreateCheckIn>;

export const ListObjectivesQuery = v.object({
  /** Default: the current quarter in the organisation's time zone. */
  quarter: v.optional(Quarter),
  /** Only this team's objectives; without it, every objective of the quarter. */
  teamId: v.optional(Uuid),
});
export type ListObjectivesQuery = v.InferOutput<typeof ListObjectivesQuery>;

/** How a key result stands (as @rapport/scoring's okrStatus names it); null while it has no value. */
export type KeyResultStatus = 'achieved' | 'on_track' | 'at_risk' | 'off_track';

export interface CheckInView {
  id: string;
  confidence: number;
  comment: string;
  /** The value at check-in; null when a metric had no data then. */
  value: number | null;
  /** krProgress of that value against the key result's current baseline and target (0..1), null without a value. */
  progress: number | null;
  by: PersonRef | null;
  at: string;
}

export interface KeyResultView {
  id: string;
  objectiveId: string;
  position: number;
  title: string;
  kind: KeyResultKind;
  metric: MetricKey | null;
  /** The metric's unit; null for manual key results. */
  unit: MetricUnit | null;
  baseline: number;
  target: number;
  direction: KeyResultDirection;
  /** Computed for metric key results over the quarter so far; n is null for manual ones. */
  current: { value: number | null; n: number | null };
  /** 0..1 from krProgress; null while there is no current value. */
  progress: number | null;
  status: KeyResultStatus | null;
  latestCheckIn: CheckInView | null;
}

export interface ObjectiveView {
  id: string;
  quarter: string;
  teamId: string | null;
  teamName: string | null;
  title: string;
  description: string | null;
  owner: PersonRef | null;
  /** The quarter's bounds as local dates, and the days measured so far (from .. min(today, last day)). */
  period: { from: string; to: string; measuredTo: string | null };
  /** Mean of the key results' progress (those with a value); null when none has one. */
  progress: number | null;
  status: KeyResultStatus | null;
  keyResults: KeyResultView[];
  createdAt: string;
  updatedAt: string;
}

export interface CheckInHistory {
  keyResult: KeyResultView;
  /** Oldest first: the key result's progress line over the quarter. */
  items: CheckInView[];
}
