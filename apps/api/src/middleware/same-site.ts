import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ForbiddenError } from '../errors';

/**
 * Refuses state-changing requests that a browser says came from another site.
 *
 * Why not hono/csrf: it also refuses requests that carry neither `Origin` nor `Sec-Fetch-Site`
 * when they have no JSON content type — a body-less `DELETE` from curl or a helpdesk integration.
 * Those cannot be cross-site forgeries (only browsers forge, and browsers send these headers),
 * so here only positive evidence of another site refuses.
 */
export const refuseCrossSite = createMiddleware<AppEnv>(async (c, next) => {
  if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) {
    const fetchSite = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const crossSite =
      fetchSite !== undefined
        ? fetchSite !== 'same-origin' && fetchSite !== 'none'
        : origin !== undefined &&
          origin !== new URL(c.req.url).origin &&
          new URL(origin, 'http://x').host !== c.req.header('host');
    if (crossSite) throw new ForbiddenError('This request came from another site and was refused.');
  }
  await next();
});
