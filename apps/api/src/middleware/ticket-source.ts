import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { verifySignature } from '../lib/signature';

/**
 * Lets helpdesk events in: an API key with the `tickets:write` scope, or a body signed with
 * RAPPORT_WEBHOOK_SECRET. Anything else is refused before the body is looked at.
 */
export const ticketSource = createMiddleware<AppEnv>(async (c, next) => {
  const principal = c.get('principal');
  if (principal?.kind === 'api_key') {
    if (!principal.scopes.includes('tickets:write'))
      throw new ForbiddenError('This API key lacks the tickets:write scope.');
    return next();
  }
  if (principal?.kind === 'user')
    throw new ForbiddenError('Ticket events come from a helpdesk: use an API key or a signature.');
  const header = c.req.header('x-rapport-signature');
  const secret = c.get('config').webhookSecret;
  if (!header)
    throw new UnauthorizedError(
      'Send an API key (Authorization: Bearer rk_…) or an X-Rapport-Signature header.',
    );
  if (!secret)
    throw new UnauthorizedError(
      'Signed events are not enabled: set RAPPORT_WEBHOOK_SECRET, or use an API key.',
    );
  // Hono caches the body, so the validator after this reads the same bytes.
  const check = verifySignature(header, await c.req.text(), secret, new Date());
  if (!check.ok) throw new UnauthorizedError(check.reason);
  return next();
});
