import * as v from 'valibot';
import type { AuditResult, KappaResult } from '@rapport/scoring';
import type { AuditTemplateDefinition } from './audit-templates';
import { AuditAnswerValue, SaveAuditAnswers, type AuditStatus, type PersonRef } from './audits';
import { Uuid, type Locale } from './common';
import type { AnswerView } from './responses';

/**
 * Ticket reviews: each agent's sampled tickets scored against the cycle's scorecard, calibration
 * of reviewers on shared tickets, agents' disputes, and a cycle's results. Scores always come from
 * `auditScore` (see ./audit-templates `scoringTemplateOf`).
 */

export const REVIEW_STATUSES = ['draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const ListReviewsQuery = v.object({
  cycleId: v.optional(Uuid),
  agentId: v.optional(Uuid),
  status: v.optional(v.picklist(REVIEW_STATUSES, 'status must be draft or submitted.')),
  calibration: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'calibration is true or false.'),
      v.transform((s) => s === 'true'),
    ),
  ),
});
export type ListReviewsQuery = v.InferOutput<typeof ListReviewsQuery>;

/** PUT /reviews/:id/answers: the same rules as a checklist's answers. */
export const SaveReviewAnswers = SaveAuditAnswers;
export type SaveReviewAnswers = v.InferOutput<typeof SaveReviewAnswers>;

const Text = (what: string, max: number) =>
  v.pipe(
    v.string(`${what} must be text.`),
    v.trim(),
    v.minLength(1, `${what} cannot be empty.`),
    v.maxLength(max, `${what} is at most ${max} characters.`),
  );

/** POST /reviews/:id/disputes: the agent (or a manager for them) objects to one item. */
export const RaiseDispute = v.object({
  itemId: v.pipe(v.string('itemId is the id of a scorecard item.'), v.minLength(1), v.maxLength(40)),
  comment: Text('The comment', 5000),
});
export type RaiseDispute = v.InferOutput<typeof RaiseDispute>;

export const DISPUTE_DECISIONS = ['accepted', 'rejected'] as const;

/**
 * POST /reviews/:id/disputes/:disputeId/decide. An accepted dispute may change the item's answer
 * (`newValue`), which re-scores the review; a rejected one keeps it.
 */
export const DecideDispute = v.pipe(
  v.object({
    decision: v.picklist(DISPUTE_DECISIONS, 'decision is accepted or rejected.'),
    reason: Text('The reason', 5000),
    newValue: v.optional(AuditAnswerValue),
  }),
  v.forward(
    v.check(
      (d) => d.decision === 'accepted' || d.newValue === undefined,
      'A rejected dispute keeps the answer: send newValue only when accepting.',
    ),
    ['newValue'],
  ),
);
export type DecideDispute = v.InferOutput<typeof DecideDispute>;

const Count = v.pipe(
  v.number('count is a number.'),
  v.integer('count is a whole number.'),
  v.minValue(1, 'count is at least 1.'),
  v.maxValue(20, 'count is at most 20 tickets.'),
);

/**
 * POST /audit-cycles/:id/calibration. The same tickets reviewed by every reviewer named: the tickets
 * given, or `count` (default 3) drawn from the cycle's sample with its seed.
 */
export const CreateCalibration = v.pipe(
  v.object({
    ticketIds: v.optional(
      v.pipe(
        v.array(Uuid, 'ticketIds is a list of ticket ids.'),
        v.minLength(1, 'Name at least one ticket.'),
        v.maxLength(20, 'Calibrate on at most 20 tickets.'),
      ),
    ),
    count: v.optional(Count),
    reviewerUserIds: v.pipe(
      v.array(Uuid, 'reviewerUserIds is a list of user ids.'),
      v.minLength(2, 'Calibration needs at least two reviewers.'),
      v.maxLength(10, 'Calibrate at most 10 reviewers at once.'),
      v.check((ids) => new Set(ids).size === ids.length, 'Each reviewer is named once.'),
    ),
  }),
  v.check(
    (c) => c.ticketIds === undefined || c.count === undefined,
    'Give either ticketIds or count, not both.',
  ),
);
export type CreateCalibration = v.InferOutput<typeof CreateCalibration>;

export interface TicketRef {
  id: string;
  externalId: string;
  subject: string | null;
}

/** One review in lists. */
export interface ReviewSummary {
  id: string;
  cycle: { id: string; quarter: string };
  ticket: TicketRef;
  agent: PersonRef | null;
  team: { id: string; name: string } | null;
  reviewer: PersonRef | null;
  status: ReviewStatus;
  calibration: boolean;
  /** Kept from `auditScore` at submission (and after an accepted dispute); null while a draft. */
  score: number | null;
  passed: boolean | null;
  progress: { answered: number; total: number };
  /** Disputes still waiting for a decision. */
  openDisputes: number;
  submittedAt: string | null;
}

/** A customer's survey answers to the ticket under review, in the survey's wording. */
export interface ReviewSurveyResponse {
  id: string;
  submittedAt: string;
  /** `defaultLocale`: the survey's own language, which the answers' wording is given in. */
  survey: { id: string; name: string; defaultLocale: Locale };
  locale: string;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  resolved: boolean | null;
  comment: string | null;
  suspectedBot: boolean;
  answers: AnswerView[];
}

export interface ReviewDisputeView {
  id: string;
  itemId: string;
  comment: string;
  status: 'open' | 'accepted' | 'rejected';
  raisedBy: PersonRef | null;
  raisedAt: string;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  reason: string | null;
  /** Set when accepting changed the answer. */
  previousValue: string | null;
  newValue: string | null;
}

/** GET /reviews/:id. */
export interface ReviewDetail extends ReviewSummary {
  ticket: TicketRef & {
    channel: string;
    openedAt: string;
    firstResponseAt: string | null;
    resolvedAt: string | null;
    customer: { id: string; name: string | null; erased: boolean };
  };
  template: {
    id: string;
    name: string;
    versionId: string;
    version: number;
    definition: AuditTemplateDefinition;
  };
  answers: {
    itemId: string;
    value: string;
    note: string | null;
    answeredAt: string;
    answeredBy: PersonRef | null;
  }[];
  /** `auditScore` over the saved answers, now. */
  result: AuditResult;
  surveyResponses: ReviewSurveyResponse[];
  /** Oldest first. */
  disputes: ReviewDisputeView[];
  /** Corrective actions opened from this review's failed critical items. */
  actionIds: string[];
}

/** GET /audit-cycles/:id/samples: each agent's draw. */
export interface AgentSampleView {
  agent: { id: string; name: string; email: string; active: boolean };
  team: { id: string; name: string } | null;
  reviewer: PersonRef | null;
  seed: string;
  /** The cycle's sample size. */
  requested: number;
  /** Tickets of the agent resolved in the quarter that the reviewer did not handle (counted now). */
  eligible: number;
  /** Resolved in the quarter but handled by the reviewer, so left out. */
  excludedHandledByReviewer: number;
  picked: (TicketRef & { position: number; reviewId: string | null })[];
  /** Fewer eligible tickets than requested at the draw: all were taken. */
  short: boolean;
  /** Drawing again now with the same seed gives the same tickets (false when tickets changed since). */
  matchesRedraw: boolean;
}

export interface CycleSamplesView {
  cycleId: string;
  quarter: string;
  seed: string;
  samplePerAgent: number;
  /** False when the cycle has no scorecard or a sample size of 0: nothing was drawn. */
  drawn: boolean;
  agents: AgentSampleView[];
}

/** Agreement of each pair of reviewers on one item, over the tickets both scored. */
export interface ReviewerPairKappa {
  reviewerA: PersonRef;
  reviewerB: PersonRef;
  /** From `cohenKappa`; `kappa` null with `reason` when fewer than the minimum tickets. */
  kappa: KappaResult['kappa'];
  observedAgreement: number | null;
  n: number;
  reason: string | null;
}

export interface CalibrationItemView {
  itemId: string;
  text: string;
  critical: boolean;
  tickets: {
    ticketId: string;
    /** Reviewer id → stored answer ('pass', 'fail', 'na', '1'..'10'). */
    values: Record<string, string>;
    /** Over reviewers' item scores (0..1 from `auditItemScore`; N/A left out); null when none scored. */
    spread: { min: number; max: number; sd: number; n: number } | null;
  }[];
  pairs: ReviewerPairKappa[];
  /** Mean over pairs that have a kappa; null (with `reason`) when none has. */
  meanKappa: number | null;
  reason: string | null;
}

/** GET /audit-cycles/:id/calibration. */
export interface CalibrationView {
  cycleId: string;
  tickets: TicketRef[];
  reviewers: PersonRef[];
  /** Submitted calibration reviews counted; drafts are listed as pending. */
  reviews: {
    id: string;
    ticketId: string;
    reviewer: PersonRef | null;
    status: ReviewStatus;
    score: number | null;
  }[];
  /** Kappa for a pair needs at least this many tickets both scored. */
  minTickets: number;
  items: CalibrationItemView[];
}

export interface AgentResult {
  agent: { id: string; name: string };
  /** Mean of the submitted, non-calibration reviews' scores; null when none has a score. */
  reviewScore: number | null;
  /** Reviews with a score (the mean's n). */
  n: number;
  /** Passed reviews ÷ n; null when n = 0. */
  passShare: number | null;
  pendingReviews: number;
}

export interface TeamResult {
  team: { id: string; name: string };
  audit: { id: string; status: AuditStatus; score: number | null; passed: boolean | null };
  /** Per checklist section: this quarter's score, the previous quarter's, and the change (null when either is missing). */
  sections: {
    id: string;
    title: string;
    score: number | null;
    previous: number | null;
    change: number | null;
  }[];
  previousQuarter: string;
  agents: AgentResult[];
}

/** GET /audit-cycles/:id/results. */
export interface CycleResultsView {
  cycleId: string;
  quarter: string;
  teams: TeamResult[];
}
