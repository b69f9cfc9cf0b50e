import { rateOf, type RateResult } from './rate-result';
import { assertAtMost, assertCount } from './validate';

/** Survey invitations sent and responses received for them. */
export interface ResponseCounts {
  responses: number;
  sent: number;
}

/** {@link responseRate}'s result: a {@link RateResult} (n = sent) that also echoes the counts. */
export interface ResponseRateResult extends RateResult {
  responses: number;
  sent: number;
}

/**
 * Response rate = responses / sent with its 95% Wilson interval; `n` equals `sent`. Nothing sent →
 * `{ rate: null, responses: 0, sent: 0, n: 0, ci95: null }`. Throws a `RangeError` for a negative or
 * non-integer count or responses > sent (cap late responses upstream: a rate is a share of the sends).
 *
 * @example
 * responseRate({ responses: 30, sent: 120 }); // { rate: 0.25, responses: 30, sent: 120, n: 120, ci95: [0.1810…, 0.3344…] }
 */
export function responseRate(c: ResponseCounts): ResponseRateResult {
  const r = rateOf(c.responses, c.sent, 'responses', 'sent');
  return { rate: r.rate, responses: c.responses, sent: c.sent, n: r.n, ci95: r.ci95 };
}

/** Answers to "was your issue resolved?": how many said yes out of all who answered. */
export interface ResolutionCounts {
  resolved: number;
  total: number;
}

/**
 * Resolution rate = resolved / total with its 95% Wilson interval. total = 0 →
 * `{ rate: null, n: 0, ci95: null }`. Throws a `RangeError` for a bad count or resolved > total.
 *
 * @example
 * resolutionRate({ resolved: 17, total: 20 }); // { rate: 0.85, n: 20, ci95: [0.6396…, 0.9476…] }
 */
export function resolutionRate(c: ResolutionCounts): RateResult {
  return rateOf(c.resolved, c.total, 'resolved', 'total');
}

/** Follow-up counts for a period: closed ones (and how many of those by their due date), and open ones already past due. */
export interface FollowUpCounts {
  closedInTime: number;
  closed: number;
  overdueOpen: number;
}

/**
 * Follow-up timeliness = closedInTime / (closed + overdueOpen) with its 95% Wilson interval (n = closed +
 * overdueOpen). Open follow-ups already past their due date count as late because they can no longer be
 * closed in time; open ones not yet due are left out because their outcome is still unknown. Nothing closed
 * and nothing overdue → `{ rate: null, n: 0, ci95: null }`. Throws a `RangeError` for a bad count or
 * closedInTime > closed.
 *
 * @example
 * followUpTimeliness({ closedInTime: 8, closed: 10, overdueOpen: 2 }); // { rate: 0.6666…, n: 12, ci95: [0.3906…, 0.8619…] }
 */
export function followUpTimeliness(c: FollowUpCounts): RateResult {
  assertCount(c.closedInTime, 'closedInTime');
  assertCount(c.closed, 'closed');
  assertCount(c.overdueOpen, 'overdueOpen');
  assertAtMost(c.closedInTime, 'closedInTime', c.closed, 'closed');
  return rateOf(c.closedInTime, c.closed + c.overdueOpen, 'closedInTime', 'closed + overdueOpen');
}
