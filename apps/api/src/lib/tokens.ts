import { createHash, randomBytes } from 'node:crypto';

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
