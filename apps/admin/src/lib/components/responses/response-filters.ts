import type { Locale } from '@rapport/contracts';

/**
 * The responses inbox's filters and the address bar: the filters live in the URL's query (with the
 * API's own parameter names), so a view can be shared, bookmarked and walked with back/forward,
 * and the CSV export link is the same query. Plain TypeScript, unit-tested beside.
 */

export interface InboxFilters {
  /** Organisation-local days, YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
  teamId: string;
  agentId: string;
  surveyId: string;
  /** CSAT points as the API takes them: "1", "1,2". */
  score: string;
  resolved: '' | 'true' | 'false';
  reason: string;
  hasComment: '' | 'true' | 'false';
  bot: '' | 'true' | 'false';
  locale: '' | Locale;
  /** Words in the comment. */
  q: string;
}

export const NO_FILTERS: InboxFilters = {
  from: '',
  to: '',
  teamId: '',
  agentId: '',
  surveyId: '',
  score: '',
  resolved: '',
  reason: '',
  hasComment: '',
  bot: '',
  locale: '',
  q: '',
};

/** The order of the keys in a URL this page writes, so equal filters make equal addresses. */
const KEYS = Object.keys(NO_FILTERS) as (keyof InboxFilters)[];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const BOOL = /^(true|false)$/;

/**
 * What each parameter may hold. A hand-edited or outdated link with a value the API would refuse
 * ("score=9") drops that filter instead of turning the whole inbox into an error.
 */
const VALID: Record<keyof InboxFilters, (value: string) => boolean> = {
  from: (v) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
  to: (v) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)),
  teamId: (v) => UUID.test(v),
  agentId: (v) => UUID.test(v),
  surveyId: (v) => UUID.test(v),
  score: (v) => /^[1-5](,[1-5])*$/.test(v),
  resolved: (v) => BOOL.test(v),
  reason: (v) => /^[a-z][a-z0-9_]{0,39}$/.test(v),
  hasComment: (v) => BOOL.test(v),
  bot: (v) => BOOL.test(v),
  locale: (v) => /^(en|sr|hr|sl|ru)$/.test(v),
  q: (v) => v.length <= 200,
};

/**
 * The filters in a URL's query; unknown parameters (e.g. `response`) are ignored, invalid values
 * dropped, and a range given backwards is put the right way round.
 *
 * @example
 * filtersFromParams(new URLSearchParams('score=1,2&q=late')) // { ...NO_FILTERS, score: '1,2', q: 'late' }
 */
export function filtersFromParams(params: URLSearchParams): InboxFilters {
  const filters = { ...NO_FILTERS };
  for (const key of KEYS) {
    const raw = params.get(key);
    const value = key === 'q' ? (raw ?? '').trim() : (raw ?? '');
    if (value && VALID[key](value)) (filters as Record<string, string>)[key] = value;
  }
  if (filters.from && filters.to && filters.from > filters.to)
    [filters.from, filters.to] = [filters.to, filters.from];
  return filters;
}

/**
 * The query for filters: only the ones set, in a fixed order.
 *
 * @example
 * paramsOf({ ...NO_FILTERS, bot: 'false', q: 'late' }).toString() // 'bot=false&q=late'
 */
export function paramsOf(filters: InboxFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = key === 'q' ? filters.q.trim() : filters[key];
    if (value) params.set(key, value);
  }
  return params;
}

/** The filters the API takes: the set ones, never empty. */
export type ApiQuery = { [K in keyof InboxFilters]?: Exclude<InboxFilters[K], ''> };

/** The filters as the API's query object (the list's and the export's): only the ones set. */
export function apiQueryOf(filters: InboxFilters): ApiQuery {
  const query: ApiQuery = {};
  const take = <K extends keyof InboxFilters>(key: K) => {
    const value = key === 'q' ? filters.q.trim() : filters[key];
    if (value) query[key] = value as ApiQuery[K];
  };
  KEYS.forEach(take);
  return query;
}

/** A stable key for a set of filters: equal filters, equal key. */
export function filtersKey(filters: InboxFilters): string {
  return paramsOf(filters).toString();
}

/** How many filters are set (the comment search counts as one). */
export function activeFilterCount(filters: InboxFilters): number {
  return KEYS.filter((key) => filters[key] !== '').length;
}

/**
 * The inbox's query string for filters (without the "?"), keeping a response opened in the
 * detail (`response=<id>`).
 *
 * @example
 * inboxSearch({ ...NO_FILTERS, score: '1' }, 'c0ffee…') // 'score=1&response=c0ffee…'
 */
export function inboxSearch(filters: InboxFilters, responseId: string | null = null): string {
  const params = paramsOf(filters);
  if (responseId) params.set('response', responseId);
  return params.toString();
}

/** The choices of the Score filter; a list from a shared link that is not among them gets its own. */
export const SCORE_CHOICES: readonly { value: string; label: string }[] = [
  { value: '', label: 'Any score' },
  { value: '1,2', label: '1–2 (unhappy)' },
  { value: '4,5', label: '4–5 (happy)' },
  { value: '1', label: '1 · Very poor' },
  { value: '2', label: '2 · Poor' },
  { value: '3', label: '3 · Okay' },
  { value: '4', label: '4 · Good' },
  { value: '5', label: '5 · Excellent' },
];

/** The Score filter's choices with `current` among them. */
export function scoreChoices(current: string): readonly { value: string; label: string }[] {
  if (SCORE_CHOICES.some((c) => c.value === current)) return SCORE_CHOICES;
  return [...SCORE_CHOICES, { value: current, label: current.split(',').join(', ') }];
}
