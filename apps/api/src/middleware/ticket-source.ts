import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { verifySignature } from '../lib/signature';
import { acceptedWebhookSecrets } from '../services/settings';

/**
 * Lets helpdesk events in: an API key with the `tickets:write` scope, or a body signed with
 * the webhook secret (RAPPORT_WEBHOOK_SECRET, else the one in the settings, and for a day after a
 * rotation the one before it). Anything else is refused before the body is looked at.
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
  if (!header)
    throw new UnauthorizedError(
      'Send an API key (Authorization: Bearer rk_…) or an X-Rapport-Signature header.',
    );
  const fromEnvironment = c.get('config').webhookSecret;
  const secrets = fromEnvironment ? [fromEnvironment] : await acceptedWebhookSecrets(c.get('db'));
  if (secrets.length === 0) throw new UnauthorizedError('Signed events are not enabled yet: use an API key.');
  // Hono caches the body, so the validator after this reads the same bytes.
  const body = await c.req.text();
  const now = new Date();
  const checks = secrets.map((secret) => verifySignature(header, body, secret, now));
  const failed = checks.find((check) => !check.ok);
  if (checks.every((check) => !check.ok) && failed && !failed.ok) throw new UnauthorizedError(failed.reason);
  return next();
});
