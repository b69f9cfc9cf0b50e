import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { UnauthorizedError } from '../errors';
import type { Actor } from '../services/actor';

/** The audit-log actor for the request's principal. Use behind `requireRole`/`requireRoleOrScope`. */
export function actorOf(c: Context<AppEnv>): Actor {
  const p = c.get('principal');
  if (!p) throw new UnauthorizedError();
  const requestId = c.get('requestId');
  return p.kind === 'user'
    ? { userId: p.id, apiKeyId: null, label: p.email, requestId }
    : { userId: null, apiKeyId: p.id, label: `API key ${p.name}`, requestId };
}

/** The signed-in user's id. Use behind `requireRole`, which refuses API keys. */
export function signedInUserId(c: Context<AppEnv>): string {
  const p = c.get('principal');
  if (p?.kind !== 'user') throw new UnauthorizedError();
  return p.id;
}
