import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { errorPages } from '../public/error-pages';
import { publicHeaders } from '../public/headers';
import { rateLimit, type RateLimitOptions } from '../public/rate-limit';
import { answerSurvey, showSurvey, showThanks } from '../public/survey-pages';
import { confirmUnsubscribe, showUnsubscribe } from '../public/unsubscribe-pages';

export interface PublicPagesOptions {
  /** Requests per client per minute; defaults 60 for reading pages and 20 for posting. */
  limits?: { get?: number; post?: number; windowMs?: number; keyOf?: RateLimitOptions['keyOf'] };
}

/**
 * The customer-facing pages, no login: the survey behind an email's link (`/s/:token`, its
 * thank-you page) and the unsubscribe page (`/u/:token`). Server-rendered, localized in the
 * invitation's language, rate-limited per client address. A factory, so every app (each test's
 * too) has its own rate-limit counts.
 *
 * @example
 * app.route('/', publicPages()); // before the admin's catch-all
 */
export function publicPages(options: PublicPagesOptions = {}) {
  const windowMs = options.limits?.windowMs ?? 60_000;
  const keyOf = options.limits?.keyOf;
  const reading = rateLimit({ limit: options.limits?.get ?? 60, windowMs, keyOf });
  const posting = rateLimit({ limit: options.limits?.post ?? 20, windowMs, keyOf });
  // Room for a 5,000-character comment in Cyrillic, percent-encoded, with the rest of the form.
  const smallBody = bodyLimit({ maxSize: 64 * 1024 });

  return new Hono<AppEnv>()
    .use('/s/:token', publicHeaders, errorPages)
    .use('/s/:token/thanks', publicHeaders, errorPages)
    .use('/u/:token', publicHeaders, errorPages)
    .get('/s/:token', reading, (c) => showSurvey(c, c.req.param('token'), c.req.query('score')))
    .post('/s/:token', posting, smallBody, (c) => answerSurvey(c, c.req.param('token')))
    .get('/s/:token/thanks', reading, (c) => showThanks(c, c.req.param('token')))
    .get('/u/:token', reading, (c) => showUnsubscribe(c, c.req.param('token')))
    .post('/u/:token', posting, smallBody, (c) => confirmUnsubscribe(c, c.req.param('token')));
}
