/**
 * Reading the survey links out of an outbox message's plain-text part, so the Outbox page can show
 * them as links a person clicks to answer as the customer would. Plain TypeScript, unit-tested.
 */

/** One point of the emailed rating scale: opens the survey with that answer chosen. */
export interface RatingLink {
  score: number;
  /** The scale's word for the point, in the email's language; empty when the scale has none. */
  label: string;
  url: string;
}

export interface SurveyLinks {
  /** In the order the email lists them. */
  ratings: RatingLink[];
  /** The survey without a preselected answer, or null when the text has none. */
  survey: string | null;
}

const URLS = /https?:\/\/[^\s<>"]+/g;
const SURVEY_PATH = /\/s\/[A-Za-z0-9_-]+$/;
const INTEGER = /^-?\d+$/;

/** What the line says before the link: `  4 – Good: https://…` → `Good`. */
function labelBefore(line: string, url: string, score: number): string {
  const before = line.slice(0, line.indexOf(url)).trim().replace(/:$/, '').trim();
  const withoutScore = before.startsWith(String(score)) ? before.slice(String(score).length) : before;
  return withoutScore.replace(/^\s*[–—-]\s*/, '').trim();
}

/**
 * The rating links (`…/s/<token>?score=N`) and the plain survey link (`…/s/<token>`) in an email's
 * text. Other links (the unsubscribe link `/u/<token>`, anything else) are left out; a link listed
 * twice is given once.
 *
 * @example
 * surveyLinksOf('  4 – Good: https://r.example/s/abc?score=4\nOpen the survey: https://r.example/s/abc')
 * // { ratings: [{ score: 4, label: 'Good', url: 'https://r.example/s/abc?score=4' }], survey: 'https://r.example/s/abc' }
 */
export function surveyLinksOf(text: string): SurveyLinks {
  const ratings: RatingLink[] = [];
  let survey: string | null = null;
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    for (const match of line.matchAll(URLS)) {
      const raw = match[0].replace(/[.,;)]+$/, '');
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        continue;
      }
      if (!SURVEY_PATH.test(url.pathname) || seen.has(raw)) continue;
      const score = url.searchParams.get('score');
      if (score !== null && INTEGER.test(score) && [...url.searchParams.keys()].length === 1) {
        seen.add(raw);
        ratings.push({ score: Number(score), label: labelBefore(line, raw, Number(score)), url: raw });
      } else if (url.search === '' && survey === null) {
        seen.add(raw);
        survey = raw;
      }
    }
  }
  return { ratings, survey };
}

/** Words for the kinds of message the outbox holds; unknown kinds are shown as they are. */
export const KIND_LABELS: Record<string, string> = {
  invitation: 'Invitation',
  reminder: 'Reminder',
  digest: 'Weekly digest',
};

/** Kinds of message a customer answers: the Outbox offers their survey links. A digest goes to staff. */
export function isSurveyEmail(kind: string): boolean {
  return kind === 'invitation' || kind === 'reminder';
}
