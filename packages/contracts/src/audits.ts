import * as v from 'valibot';
import type { AuditResult } from '@rapport/scoring';
import type { AuditTemplateDefinition } from './audit-templates';
import { Uuid } from './common';
import { LocalDate } from './reports';

/**
 * Request and response bodies of audit cycles, team audits and corrective actions. The checklist a
 * team audit answers is an audit template version (see ./audit-templates).
 */

/** A calendar quarter, read in the organisation's time zone: `2026-Q4`. */
export const Quarter = v.pipe(
  v.string('The quarter is text like 2026-Q4.'),
  v.trim(),
  v.regex(/^\d{4}-Q[1-4]$/, 'Write the quarter as the year and Q1..Q4, like 2026-Q4.'),
);

const Note = v.pipe(
  v.string('The note must be text.'),
  v.trim(),
  v.maxLength(5000, 'A note is at most 5000 characters.'),
);

/**
 * POST /audit-cycles. Opens a quarter: one audit per team from the checklist's current version,
 * assigned to `auditors[teamId]`, or to `defaultAuditorUserId` for teams not named there.
 */
export const CreateAuditCycle = v.pipe(
  v.object({
    quarter: Quarter,
    dueOn: LocalDate,
    checklistTemplateId: Uuid,
    /** The scorecard for the ticket reviews of this cycle, when they are used. */
    scorecardTemplateId: v.optional(Uuid),
    auditors: v.optional(v.record(Uuid, Uuid), {}),
    defaultAuditorUserId: v.optional(Uuid),
    samplePerAgent: v.optional(
      v.pipe(
        v.number('The sample size is a number.'),
        v.integer('The sample size is a whole number.'),
        v.minValue(0, 'The sample size is 0 or more.'),
        v.maxValue(50, 'The sample size is at most 50 tickets per agent.'),
      ),
      5,
    ),
  }),
  v.check(
    (c) => c.defaultAuditorUserId !== undefined || Object.keys(c.auditors).length > 0,
    'Choose an auditor for each team, or a default auditor.',
  ),
);
export type CreateAuditCycle = v.InferOutput<typeof CreateAuditCycle>;

export const AUDIT_STATUSES = ['draft', 'submitted', 'signed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];

export interface PersonRef {
  id: string;
  name: string;
}

/** One team's audit in lists. `progress` counts answered items of the checklist. */
export interface AuditSummary {
  id: string;
  cycle: { id: string; quarter: string };
  team: { id: string; name: string };
  auditor: PersonRef | null;
  dueOn: string;
  status: AuditStatus;
  /** Kept at submission and sign-off (from `auditScore`); null while in draft. */
  score: number | null;
  passed: boolean | null;
  progress: { answered: number; total: number };
  submittedAt: string | null;
  signedAt: string | null;
  signedBy: PersonRef | null;
}

export interface AuditCycleView {
  id: string;
  quarter: string;
  status: 'open' | 'closed';
  /** The quarter's bounds in the organisation's time zone: `start` inclusive, `end` exclusive. */
  period: { start: string; end: string; timeZone: string };
  dueOn: string;
  checklist: { templateId: string; versionId: string; version: number; name: string };
  scorecard: { templateId: string; versionId: string; version: number; name: string } | null;
  samplePerAgent: number;
  /** The random seed of the review sample, kept so the draw can be repeated and checked. */
  seed: string;
  openedAt: string;
  openedBy: PersonRef | null;
  /** The audits the caller may see (an auditor: theirs). */
  audits: AuditSummary[];
}

export const ListAuditsQuery = v.object({
  cycleId: v.optional(Uuid),
  teamId: v.optional(Uuid),
  status: v.optional(v.picklist(AUDIT_STATUSES, 'status must be draft, submitted or signed.')),
});
export type ListAuditsQuery = v.InferOutput<typeof ListAuditsQuery>;

/** A stored answer: 'pass', 'fail', 'na' or a rating '1'..'10' (as text). */
export const AuditAnswerValue = v.pipe(
  v.string('An answer is "pass", "fail", "na" or a rating like "4".'),
  v.regex(/^(pass|fail|na|[1-9]|10)$/, 'An answer is "pass", "fail", "na" or a rating from "1" to "10".'),
);

/**
 * PUT /audits/:id/answers: one or many answers, saved as the auditor goes. Each must fit its item's
 * scale; 'na' only where the item allows it; a fail, or a rating below half the scale, needs a note.
 */
export const SaveAuditAnswers = v.object({
  answers: v.pipe(
    v.array(
      v.object({
        itemId: v.pipe(v.string('itemId is the id of a checklist item.'), v.minLength(1), v.maxLength(40)),
        value: AuditAnswerValue,
        note: v.optional(v.nullable(Note)),
      }),
      'answers is a list of { itemId, value, note }.',
    ),
    v.minLength(1, 'Send at least one answer.'),
    v.maxLength(500, 'Send at most 500 answers at once.'),
  ),
});
export type SaveAuditAnswers = v.InferOutput<typeof SaveAuditAnswers>;

/** POST /audits/:id/reopen: why a submitted or signed audit goes back to draft. */
export const ReopenAudit = v.object({
  reason: v.pipe(
    v.string('Say why the audit is reopened.'),
    v.trim(),
    v.minLength(1, 'Say why the audit is reopened.'),
    v.maxLength(2000, 'The reason is at most 2000 characters.'),
  ),
});
export type ReopenAudit = v.InferOutput<typeof ReopenAudit>;

export interface AuditAnswerView {
  itemId: string;
  value: string;
  note: string | null;
  answeredAt: string;
  answeredBy: PersonRef | null;
}

/** A figure from Rapport's data shown beside an item with a `measure`, over the audit's team and quarter. */
export type AuditEvidence =
  | {
      measure: 'first_response_time';
      /** Median hours from a ticket's opening to the first response, per channel; n = tickets with a first response. */
      channels: { channel: string; medianHours: number; n: number }[];
    }
  | {
      measure: 'follow_up_timeliness';
      /** Follow-ups due in the quarter closed by their due time ÷ (closed + overdue open ones); null when n = 0. */
      rate: number | null;
      n: number;
      ci95: [number, number] | null;
      closedInTime: number;
      closed: number;
      overdueOpen: number;
    }
  | {
      measure: 'top_reasons';
      /** The five most frequent reason codes in the team's responses of the quarter. */
      reasons: { code: string; count: number; share: number | null }[];
      /** Responses of the quarter that gave at least one reason. */
      n: number;
    };

export interface AuditReopenView {
  fromStatus: AuditStatus;
  reason: string;
  at: string;
  by: PersonRef | null;
}

/** GET /audits/:id. */
export interface AuditDetail extends AuditSummary {
  template: {
    id: string;
    name: string;
    versionId: string;
    version: number;
    definition: AuditTemplateDefinition;
  };
  answers: AuditAnswerView[];
  /** `auditScore` over the saved answers, now. */
  result: AuditResult;
  /** By item id, for items that have a `measure`. */
  evidence: Record<string, AuditEvidence>;
  period: { start: string; end: string; timeZone: string };
  reopens: AuditReopenView[];
  actions: CorrectiveActionView[];
  /** The team's actions from earlier cycles that are still not done. */
  earlierOpenActions: CorrectiveActionView[];
}

export const ACTION_STATUSES = ['open', 'in_progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ListActionsQuery = v.object({
  status: v.optional(v.picklist(ACTION_STATUSES, 'status must be open, in_progress or done.')),
  overdue: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'overdue is true or false.'),
      v.transform((s) => s === 'true'),
    ),
  ),
  teamId: v.optional(Uuid),
  cycleId: v.optional(Uuid),
  auditId: v.optional(Uuid),
  ownerUserId: v.optional(Uuid),
});
export type ListActionsQuery = v.InferOutput<typeof ListActionsQuery>;

/** PATCH /actions/:id. Marking it done needs a closing note saying what was done. */
export const UpdateAction = v.pipe(
  v.object({
    ownerUserId: v.optional(v.nullable(Uuid)),
    dueOn: v.optional(LocalDate),
    status: v.optional(v.picklist(ACTION_STATUSES, 'status must be open, in_progress or done.')),
    closingNote: v.optional(
      v.pipe(
        v.string('The closing note must be text.'),
        v.trim(),
        v.minLength(1, 'Write a note saying what was done.'),
        v.maxLength(5000, 'The closing note is at most 5000 characters.'),
      ),
    ),
  }),
  v.check(
    (u) =>
      u.ownerUserId !== undefined ||
      u.dueOn !== undefined ||
      u.status !== undefined ||
      u.closingNote !== undefined,
    'Nothing to change.',
  ),
);
export type UpdateAction = v.InferOutput<typeof UpdateAction>;

export interface CorrectiveActionView {
  id: string;
  cycle: { id: string; quarter: string };
  team: { id: string; name: string } | null;
  auditId: string | null;
  reviewId: string | null;
  itemId: string;
  title: string;
  owner: PersonRef | null;
  dueOn: string;
  status: ActionStatus;
  /** Not done and its due date is before today in the organisation's time zone. */
  overdue: boolean;
  closingNote: string | null;
  closedAt: string | null;
  closedBy: PersonRef | null;
  createdAt: string;
}
