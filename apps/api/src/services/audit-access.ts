import type { Role } from '@rapport/contracts';
import { audits } from '@rapport/db';
import { eq, type SQL } from 'drizzle-orm';
import { ForbiddenError } from '../errors';

/** Who is reading or answering audits: what they may see depends on the role. */
export interface AuditViewer {
  userId: string;
  role: Role;
}

/**
 * The audits a person may see, as a condition (undefined: all). Auditors see the audits assigned to
 * them; viewers read results, so only signed audits; managers and admins see every audit.
 */
export function visibleAudits(viewer: AuditViewer): SQL | undefined {
  if (viewer.role === 'auditor') return eq(audits.auditorUserId, viewer.userId);
  if (viewer.role === 'viewer') return eq(audits.status, 'signed');
  return undefined;
}

/** Refuses to show an audit outside what {@link visibleAudits} allows, saying why. */
export function assertCanSee(
  viewer: AuditViewer,
  audit: { auditorUserId: string | null; status: string },
): void {
  if (viewer.role === 'auditor' && audit.auditorUserId !== viewer.userId)
    throw new ForbiddenError('This audit is assigned to another auditor.');
  if (viewer.role === 'viewer' && audit.status !== 'signed')
    throw new ForbiddenError('Viewers read an audit once it is signed off.');
}

/** Answers and submission: the assigned auditor, or a manager or admin. */
export function assertCanAnswer(viewer: AuditViewer, audit: { auditorUserId: string | null }): void {
  if (viewer.role === 'admin' || viewer.role === 'manager') return;
  if (viewer.role === 'auditor' && audit.auditorUserId === viewer.userId) return;
  throw new ForbiddenError('Only the auditor assigned to this audit, or a manager, can answer it.');
}
