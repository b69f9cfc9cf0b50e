/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { describeUnsubscribe, unsubscribe } from '../services/answering';
import { renderPage } from './layout';
import { isLocale } from './locale';
import { NoticePage } from './notice-page';
import { STRINGS } from './strings';

/**
 * An address shown on a page someone may have been forwarded: enough to recognise, not to copy.
 *
 * @example
 * maskEmail('jana.novak@example.com') // 'ja•••@example.com'
 * maskEmail('x@example.com')          // 'x•••@example.com'
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${email.slice(0, Math.min(2, at))}•••${email.slice(at)}`;
}

/**
 * `GET /u/:token`: asks for confirmation with a button. A GET never unsubscribes: mail scanners
 * open every link.
 *
 * @example
 * pages.get('/u/:token', (c) => showUnsubscribe(c, c.req.param('token')))
 */
export async function showUnsubscribe(c: Context<AppEnv>, token: string) {
  const target = await describeUnsubscribe(c.get('db'), token);
  const locale = isLocale(target.locale) ? target.locale : 'en';
  const s = STRINGS[locale];
  const email = target.email ? maskEmail(target.email) : null;
  if (target.alreadyUnsubscribed) {
    return renderPage(
      c,
      <NoticePage locale={locale} title={s.unsubscribedTitle} body={s.unsubscribedBody(email)} />,
    );
  }
  return renderPage(
    c,
    <NoticePage locale={locale} title={s.unsubscribeTitle} body={s.unsubscribeBody(email)}>
      <form method="post" action={`./${token}`}>
        <button class="btn" type="submit">
          {s.unsubscribeButton}
        </button>
      </form>
    </NoticePage>,
  );
}

/**
 * `POST /u/:token`: stops survey mail to the address, from the page's button or as an RFC 8058
 * one-click unsubscribe (a mail client posting `List-Unsubscribe=One-Click`, without cookies).
 * Both answer 200 with the confirmation page; the body is not needed to know what to do.
 *
 * @example
 * pages.post('/u/:token', (c) => confirmUnsubscribe(c, c.req.param('token')))
 */
export async function confirmUnsubscribe(c: Context<AppEnv>, token: string) {
  const target = await unsubscribe(c.get('db'), token);
  const locale = isLocale(target.locale) ? target.locale : 'en';
  const s = STRINGS[locale];
  const email = target.email ? maskEmail(target.email) : null;
  return renderPage(
    c,
    <NoticePage locale={locale} title={s.unsubscribedTitle} body={s.unsubscribedBody(email)} />,
  );
}
