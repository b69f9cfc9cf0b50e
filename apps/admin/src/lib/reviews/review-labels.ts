/**
 * How ticket reviews, their results, samples and calibration read on screen. Plain TypeScript,
 * unit-tested beside. Every figure comes from the API (`auditScore`, `cohenKappa`); here it is only
 * put into words.
 */
import type { ReviewDisputeView, ReviewStatus } from '@rapport/contracts';

type Tone = 'neutral' | 'accent' | 'success' | 'danger' | 'warning';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, { label: string; tone: Tone }> = {
  draft: { label: 'In progress', tone: 'accent' },
  submitted: { label: 'Submitted', tone: 'success' },
};

export const DISPUTE_STATUS_LABELS: Record<ReviewDisputeView['status'], { label: string; tone: Tone }> = {
  open: { label: 'Waiting for a decision', tone: 'warning' },
  accepted: { label: 'Accepted', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'neutral' },
};

/** Below this many scored reviews an agent's review score is marked as a small sample. */
export const SMALL_SAMPLE = 5;

/**
 * Whether a review score rests on too few reviews to read much into (it is shown, never ranked).
 *
 * @example
 * isSmallSample(4) // true
 */
export function isSmallSample(n: number): boolean {
  return n < SMALL_SAMPLE;
}

/**
 * A section's change against the previous quarter: an arrow and the points, or why there is none.
 *
 * @example
 * changeText(4.25, 80) // { arrow: '↑', text: '↑ 4.3', words: 'up 4.3 points' }
 * changeText(null, null) // { arrow: '', text: 'no earlier quarter', words: 'no earlier quarter' }
 */
export function changeText(
  change: number | null,
  previous: number | null,
): { arrow: '↑' | '↓' | ''; text: string; words: string } {
  if (previous === null) return { arrow: '', text: 'no earlier quarter', words: 'no earlier quarter' };
  if (change === null) return { arrow: '', text: 'not scored yet', words: 'not scored this quarter' };
  const points = Math.round(Math.abs(change) * 10) / 10;
  if (points === 0) return { arrow: '', text: 'no change', words: 'no change' };
  const shown = points.toFixed(1).replace(/\.0$/, '');
  return change > 0
    ? { arrow: '↑', text: `↑ ${shown}`, words: `up ${shown} points` }
    : { arrow: '↓', text: `↓ ${shown}`, words: `down ${shown} points` };
}

/**
 * What a Cohen's kappa says about two reviewers, in plain words (after Landis and Koch).
 *
 * @example
 * kappaReading(0.5) // 'moderate agreement'
 */
export function kappaReading(kappa: number): string {
  if (kappa < 0) return 'less agreement than chance';
  if (kappa < 0.4) return 'poor agreement';
  if (kappa < 0.6) return 'moderate agreement';
  if (kappa < 0.8) return 'substantial agreement';
  return 'almost perfect agreement';
}

/**
 * A kappa with two decimals (a true minus sign for negatives), or a dash.
 *
 * @example
 * formatKappa(-0.125) // '−0.13'
 */
export function formatKappa(kappa: number | null): string {
  if (kappa === null) return '—';
  const text = kappa.toFixed(2);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/**
 * The spread of reviewers' item scores (0..1) on one ticket, in points of 100.
 *
 * @example
 * spreadText({ min: 0.5, max: 1, sd: 0.25, n: 2 }) // '50–100 (sd 25, n = 2)'
 */
export function spreadText(spread: { min: number; max: number; sd: number; n: number } | null): string {
  if (spread === null) return 'not scored';
  const p = (x: number) => String(Math.round(x * 100));
  const range = spread.min === spread.max ? p(spread.min) : `${p(spread.min)}–${p(spread.max)}`;
  return `${range} (sd ${p(spread.sd)}, n = ${spread.n})`;
}

/** A stored calibration answer in words: 'Pass', 'Fail', 'N/A', '4'. */
export function valueText(value: string | undefined): string {
  if (value === undefined) return '—';
  if (value === 'pass') return 'Pass';
  if (value === 'fail') return 'Fail';
  if (value === 'na') return 'N/A';
  return value;
}

export interface ReviewFilters {
  cycleId: string;
  agentId: string;
  status: ReviewStatus | '';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The review list's filters from the address; anything that is not a valid value is dropped, so a
 * mistyped link shows every review instead of an error.
 *
 * @example
 * reviewFiltersOf(new URLSearchParams('status=draft&cycle=nope')) // { cycleId: '', agentId: '', status: 'draft' }
 */
export function reviewFiltersOf(params: URLSearchParams): ReviewFilters {
  const id = (name: string) => {
    const value = params.get(name) ?? '';
    return UUID.test(value) ? value : '';
  };
  const status = params.get('status');
  return {
    cycleId: id('cycle'),
    agentId: id('agent'),
    status: status === 'draft' || status === 'submitted' ? status : '',
  };
}

/**
 * The address search of a set of filters (empty ones left out), the inverse of {@link reviewFiltersOf}.
 *
 * @example
 * reviewSearchOf({ cycleId: '', agentId: '', status: 'draft' }) // '?status=draft'
 */
export function reviewSearchOf(filters: ReviewFilters): string {
  const parts = [
    filters.cycleId ? `cycle=${filters.cycleId}` : '',
    filters.agentId ? `agent=${filters.agentId}` : '',
    filters.status ? `status=${filters.status}` : '',
  ].filter(Boolean);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Whether a role may change reviews and their disputes at all (the API decides each case). */
export function scoresReviews(role: string): boolean {
  return role === 'admin' || role === 'manager' || role === 'auditor';
}
