import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { PAGE_CSP } from './csp';

/**
 * Headers of every public page and reply. The token in the URL is a credential: nothing may cache
 * the page (`no-store`), tell another site the address (`no-referrer`) or index it. Set after the
 * handler so error pages get them too.
 *
 * @example
 * pages.use('/s/:token', publicHeaders);
 */
export const publicHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Robots-Tag', 'noindex, nofollow');
  c.header('Content-Security-Policy', PAGE_CSP);
});
