import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { UnauthorizedError } from '../errors';
import type { AuditViewer } from '../services/audit-access';

/** The signed-in person as the audit services see them. Use behind `requireRole`, which refuses API keys. */
export function auditViewerOf(c: Context<AppEnv>): AuditViewer {
  const p = c.get('principal');
  if (p?.kind !== 'user') throw new UnauthorizedError();
  return { userId: p.id, role: p.role };
}
