import { createHash } from 'node:crypto';
import { SURVEY_SCRIPT } from './survey-script';
import { PAGE_CSS } from './styles';

function sha256(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * The public pages' Content-Security-Policy. The one stylesheet and the one script are inline and
 * constant, so they are allowed by their hashes (no nonce to thread through rendering); nothing
 * else may load or run. `form-action` and `connect-src` keep answers on this origin; the empty
 * `data:` icon stops browsers asking for /favicon.ico.
 *
 * @example
 * c.header('Content-Security-Policy', PAGE_CSP);
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src ${sha256(PAGE_CSS)}`,
  `script-src ${sha256(SURVEY_SCRIPT)}`,
  "connect-src 'self'",
  'img-src data:',
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
