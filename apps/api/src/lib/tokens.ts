import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * A random token with 256 bits of entropy, base64url, with an optional readable prefix.
 *
 * @example
 * newToken('rk_'); // "rk_Qm9…"
 */
export function newToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * The stored form of a token. A plain SHA-256 suffices: the tokens are random and long, so
 * there is nothing for a slow hash to protect against.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * The survey-link token of an invitation: HMAC-SHA256 of its id under the instance secret,
 * 256 bits, base64url. Derivable again for the reminder, unforgeable without the secret, and
 * never stored — only `hashToken(token)` is.
 *
 * @example
 * const token = invitationToken(secret, invitation.id); // in the email link /s/<token>
 */
export function invitationToken(secret: string, invitationId: string): string {
  return createHmac('sha256', secret).update(`invitation:${invitationId}`).digest('base64url');
}
