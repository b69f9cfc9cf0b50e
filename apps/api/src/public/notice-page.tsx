/** @jsxRuntime automatic */
/** @jsxImportSource hono/jsx */
import type { Locale } from '@rapport/contracts';
import type { Child } from 'hono/jsx';
import { Layout } from './layout';

export interface NoticePageProps {
  locale: Locale;
  title: string;
  body: string;
  /** More paragraphs, links or a form under the text. */
  children?: Child;
}

/**
 * A short page that tells the customer one thing: thanks, expired, not found, unsubscribed.
 *
 * @example
 * <NoticePage locale="en" title={s.expiredTitle} body={s.expiredBody} />
 */
export function NoticePage({ locale, title, body, children }: NoticePageProps) {
  return (
    <Layout locale={locale} title={title}>
      <div class="card">
        <h1>{title}</h1>
        <p>{body}</p>
        {children}
      </div>
    </Layout>
  );
}
