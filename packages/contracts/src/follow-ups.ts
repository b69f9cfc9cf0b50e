import * as v from 'valibot';
import { Limit, Uuid } from './common';

export const ListFollowUpsQuery = v.object({
  status: v.optional(
    v.picklist(['open', 'overdue', 'closed'], 'status must be open, overdue or closed.'),
    'open',
  ),
  ownerUserId: v.optional(Uuid),
  teamId: v.optional(Uuid),
  limit: Limit,
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
});
export type ListFollowUpsQuery = v.InferOutput<typeof ListFollowUpsQuery>;

export const UpdateFollowUp = v.pipe(
  v.object({
    ownerUserId: v.optional(v.nullable(Uuid)),
    status: v.optional(v.picklist(['open', 'closed'], 'status must be open or closed.')),
    note: v.optional(
      v.pipe(
        v.string(),
        v.trim(),
        v.minLength(1, 'The note cannot be empty.'),
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
  overdue: boolean;
  /** For closed follow-ups: closed by the due time. */
  closedInTime: boolean | null;
  reasons: string[];
  dueAt: string;
  createdAt: string;
  closedAt: string | null;
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
