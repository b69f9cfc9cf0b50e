import * as v from 'valibot';
import { Limit, Uuid } from './common';

export const FOLLOW_UP_TABS = ['open', 'overdue', 'closed'] as const;
export type FollowUpTab = (typeof FOLLOW_UP_TABS)[number];

export const ListFollowUpsQuery = v.object({
  status: v.optional(v.picklist(FOLLOW_UP_TABS, 'status must be open, overdue or closed.'), 'open'),
  /** A user's id, or `none` for the unassigned ones. */
  ownerUserId: v.optional(
    v.union([Uuid, v.literal('none')], 'ownerUserId is a user id, or none for unassigned follow-ups.'),
  ),
  teamId: v.optional(Uuid),
  limit: Limit,
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type ListFollowUpsQuery = v.InferOutput<typeof ListFollowUpsQuery>;

/**
 * PATCH /follow-ups/:id. Assign (`ownerUserId`, null to unassign), close (`status: closed` with the
 * `note` saying what was done — required), reopen (`status: open`, with an optional `note` saying
 * why), or correct the closing note of a closed follow-up (`note` alone).
 */
export const UpdateFollowUp = v.pipe(
  v.object({
    ownerUserId: v.optional(v.nullable(Uuid)),
    status: v.optional(v.picklist(['open', 'closed'], 'status must be open or closed.')),
    note: v.optional(
      v.pipe(
        v.string('The note must be text.'),
        v.trim(),
        v.minLength(1, 'Write a note saying what was done before closing the follow-up.'),
        v.maxLength(5000, 'The note is at most 5000 characters.'),
      ),
    ),
  }),
  v.check(
    (u) => u.ownerUserId !== undefined || u.status !== undefined || u.note !== undefined,
    'Nothing to change.',
  ),
);
export type UpdateFollowUp = v.InferOutput<typeof UpdateFollowUp>;

export interface FollowUpView {
  id: string;
  status: 'open' | 'closed';
  /** Open and past its due time; how long is `now - dueAt`. */
  overdue: boolean;
  /** For closed follow-ups: closed by the due time. */
  closedInTime: boolean | null;
  reasons: string[];
  dueAt: string;
  createdAt: string;
  closedAt: string | null;
  /** The closing note: what was done. Null while open (an earlier one stays in the history). */
  note: string | null;
  owner: { id: string; name: string } | null;
  responseId: string;
  ticket: { id: string; externalId: string; subject: string | null };
  customer: { name: string | null; email: string | null };
  team: { id: string; name: string } | null;
  csat: number | null;
  resolved: boolean | null;
  callback: boolean | null;
  comment: string | null;
}

/** One change to a follow-up, from the audit log. */
export interface FollowUpEvent {
  at: string;
  /** Who made it (email or API key name at the time). */
  actor: string;
  action: 'assign' | 'close' | 'reopen' | 'note';
  /** The closing note, the reason for reopening, or the corrected note. */
  note: string | null;
  /** For assign: the new owner (null: unassigned). */
  owner: { id: string; name: string } | null;
}

/** GET /follow-ups/:id: the follow-up and what happened to it, oldest first. */
export interface FollowUpDetail extends FollowUpView {
  history: FollowUpEvent[];
}

/** GET /follow-ups/owners: the people a follow-up can be assigned to (active managers and admins). */
export interface FollowUpOwner {
  id: string;
  name: string;
  role: 'admin' | 'manager';
}

/** GET /follow-ups/counts. */
export interface FollowUpCounts {
  open: number;
  overdue: number;
  closed: number;
  closedInTime: number;
}
