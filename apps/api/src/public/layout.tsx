/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Locale } from '@rapport/contracts';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { SURVEY_SCRIPT } from './survey-script';
import { PAGE_CSS } from './styles';

export interface LayoutProps {
  locale: Locale;
  title: string;
  /** Include the survey script (only the survey form needs it). */
  script?: boolean;
  children?: Child;
}

/**
 * The document around every public page: language, viewport, no indexing, the inline stylesheet,
 * and the survey script when asked for. The style and script are our own constants, inserted raw so
 * their text matches the hashes in the Content-Security-Policy byte for byte.
 *
 * @example
 * <Layout locale="sr" title={strings.thanksTitle}><p>…</p></Layout>
 */
export function Layout({ locale, title, script = false, children }: LayoutProps) {
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <style dangerouslySetInnerHTML={{ __html: PAGE_CSS }} />
      </head>
      <body>
        <main>{children}</main>
        {script ? <script dangerouslySetInnerHTML={{ __html: SURVEY_SCRIPT }} /> : null}
      </body>
    </html>
  );
}

/**
 * Sends a page as a complete HTML document with the given status.
 *
 * @example
 * return renderPage(c, <NoticePage … />, 410);
 */
export function renderPage(c: Context, page: Child, status: ContentfulStatusCode = 200) {
  return c.html(html`<!doctype html>${page}`, status);
}
