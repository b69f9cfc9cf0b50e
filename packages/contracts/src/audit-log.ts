import * as v from 'valibot';
import { Limit } from './common';

export const ListAuditLogQuery = v.object({
  entityType: v.optional(v.pipe(v.string(), v.maxLength(50))),
  limit: Limit,
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'cursor is not valid.'))),
});
export type ListAuditLogQuery = v.InferOutput<typeof ListAuditLogQuery>;

export interface AuditLogEntryView {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}
