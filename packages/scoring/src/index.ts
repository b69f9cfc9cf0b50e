// @rapport/scoring: every metric, defined once, as pure functions of integer counts.
// No I/O, no clock, no randomness — callers pass `now` in. Rates are fractions in [0, 1] unless the name
// says score; where n = 0 the answer is null, never NaN; bad input throws a RangeError.

export { Z95, erf, erfc, normalCdf, twoSidedPValue } from './normal';
export { wilsonInterval, type Interval } from './interval';
export type { RateResult } from './rate-result';
export { csat, csatFromDistribution, type CsatCounts } from './csat';
export { nps, npsMoments, type NpsCounts, type NpsMoments, type NpsResult } from './nps';
export { ces, type CesResult } from './ces';
export {
  followUpTimeliness,
  resolutionRate,
  responseRate,
  type FollowUpCounts,
  type ResolutionCounts,
  type ResponseCounts,
  type ResponseRateResult,
} from './rates';
export {
  npsDifferenceTest,
  twoProportionTest,
  type ProportionSample,
  type SignificanceResult,
} from './significance';
export {
  auditItemScore,
  auditScore,
  validateAuditTemplate,
  type AuditAnswer,
  type AuditItem,
  type AuditResult,
  type AuditScale,
  type AuditSection,
  type AuditSectionResult,
  type AuditTemplate,
  type AuditValue,
  type CriticalPolicy,
} from './audit';
export {
  krProgress,
  okrStatus,
  type KrDirection,
  type KrInput,
  type OkrStatus,
  type OkrStatusInput,
} from './okr';
export { pareto, type ParetoEntry } from './pareto';
export {
  correlationFromSums,
  fisherInterval,
  keyDrivers,
  type CorrelationResult,
  type CorrelationSums,
  type DriverResult,
  type DriverRow,
} from './drivers';
export { cohenKappa, type KappaCategory, type KappaResult } from './kappa';
export { LOW_SAMPLE_MIN, lowSample } from './low-sample';
export {
  DURATION_TIERS,
  MAX_DURATION_MINUTES,
  durationBucket,
  medianFromHistogram,
  type DurationBucket,
  type DurationTier,
  type HistogramBucket,
} from './durations';
export {
  nextPeriodKey,
  periodKey,
  periodRange,
  previousPeriodKey,
  type PeriodRange,
  type PeriodUnit,
} from './periods';
