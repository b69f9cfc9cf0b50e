import type { ApiKeyScope, Role } from '@rapport/contracts';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv, Principal } from '../env';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { resolveApiKey, resolveSession } from '../services/auth';

export const SESSION_COOKIE = 'rapport_session';

/**
 * Works out who is calling — a session cookie or `Authorization: Bearer rk_…` — and stores it
 * as `principal`. It never refuses by itself; `requireRole` and `requireScope` do.
 */
export const identify = createMiddleware<AppEnv>(async (c, next) => {
  const db = c.get('db');
  let principal: Principal | null = null;
  const header = c.req.header('authorization');
  if (header) {
    const match = /^Bearer\s+(rk_[A-Za-z0-9_-]{10,100})$/.exec(header.trim());
    if (!match?.[1])
      throw new UnauthorizedError('The Authorization header must be "Bearer rk_…" with an API key.');
    const key = await resolveApiKey(db, match[1]);
    if (!key) throw new UnauthorizedError('This API key is unknown or revoked.');
    principal = { kind: 'api_key', ...key };
  } else {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? await resolveSession(db, token) : null;
    if (user) principal = { kind: 'user', ...user };
  }
  c.set('principal', principal);
  await next();
});

/**
 * Lets through signed-in staff with one of `roles`: 401 without a session, 403 for another role
 * or for an API key (keys only reach endpoints that name their scope).
 *
 * @example
 * users.get('/', requireRole('admin'), (c) => …)
 */
export function requireRole(...roles: Role[]) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw new UnauthorizedError();
    if (principal.kind !== 'user') throw new ForbiddenError('API keys cannot use this endpoint.');
    if (!roles.includes(principal.role))
      throw new ForbiddenError(`This needs the ${roles.join(' or ')} role.`);
    await next();
  });
}

/**
 * Lets through staff with one of `roles`, or an API key holding `scope`.
 *
 * @example
 * reports.get('/summary', requireRoleOrScope(['viewer', 'manager', 'admin'], 'reports:read'), …)
 */
export function requireRoleOrScope(roles: Role[], scope: ApiKeyScope) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw new UnauthorizedError();
    if (principal.kind === 'api_key' && !principal.scopes.includes(scope)) {
      throw new ForbiddenError(`This API key lacks the ${scope} scope.`);
    }
    if (principal.kind === 'user' && !roles.includes(principal.role)) {
      throw new ForbiddenError(`This needs the ${roles.join(' or ')} role.`);
    }
    await next();
  });
}

/** Every signed-in role. */
export const STAFF: Role[] = ['admin', 'manager', 'auditor', 'viewer'];
/** Managers and admins: they run surveys, teams, follow-ups, audits and OKRs. */
export const MANAGERS: Role[] = ['admin', 'manager'];
