/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Locale } from '@rapport/contracts';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { invitationLocale } from '../services/answering';
import { renderPage } from './layout';
import { isLocale, negotiateLocale } from './locale';
import { NoticePage } from './notice-page';
import { STRINGS, type PageStrings } from './strings';
import { wantsJson } from './submission';

const PAGE_STATUSES = [400, 404, 409, 410, 413, 429] as const;

function noticeFor(status: number, s: PageStrings): { title: string; body: string } {
  switch (status) {
    case 404:
      return { title: s.notFoundTitle, body: s.notFoundBody };
    case 409:
      return { title: s.closedTitle, body: s.closedBody };
    case 410:
      return { title: s.expiredTitle, body: s.expiredBody };
    case 429:
      return { title: s.tooManyTitle, body: s.tooManyBody };
    default:
      return { title: s.errorTitle, body: s.errorBody };
  }
}

/**
 * Turns an error of a public page into a localized page with the same status, for browsers; JSON
 * callers (the page's script) keep the house error body that `app.onError` made. Handlers simply
 * throw (`NotFoundError` → 404 page, `GoneError` → 410, `CONFLICT` → 409, `RateLimitedError` →
 * 429). The language is the invitation's when the link is known (expired, closed), else the
 * browser's: an unknown or tampered link has no invitation to ask.
 *
 * @example
 * pages.use('/s/:token', errorPages);
 */
export const errorPages = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.error || wantsJson(c)) return;
  // The status app.onError chose; anything unexpected stays a plain 500.
  const status = PAGE_STATUSES.find((x) => x === c.res.status) ?? 500;
  let locale: Locale = negotiateLocale(c.req.header('accept-language'));
  const token = /^\/[su]\/([^/]+)/.exec(c.req.path)?.[1];
  // Only a known link has a language of its own; asking for a 404 or a rate-limited request would cost a query for nothing.
  if (token && (status === 409 || status === 410)) {
    const own = await invitationLocale(c.get('db'), token);
    if (own && isLocale(own)) locale = own;
  }
  const retryAfter = c.res.headers.get('Retry-After');
  const { title, body } = noticeFor(status, STRINGS[locale]);
  c.res = undefined;
  c.res = await renderPage(c, <NoticePage locale={locale} title={title} body={body} />, status);
  if (retryAfter) c.header('Retry-After', retryAfter);
});
