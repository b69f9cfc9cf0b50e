/** How the template builder names kinds, scales, policies and measures for people. */
import type { AuditMeasure, AuditScale, AuditTemplateKind } from '@rapport/contracts';

export const KIND_LABELS: Record<AuditTemplateKind, { label: string; description: string }> = {
  checklist: {
    label: 'Checklist',
    description: 'A team’s quarterly audit: how the team is set up to serve, checked once a quarter.',
  },
  scorecard: {
    label: 'Scorecard',
    description: 'The review of one sampled ticket: how an agent treated the customer.',
  },
};

export const POLICY_LABELS: Record<'zero' | 'flag', { label: string; description: string }> = {
  flag: {
    label: 'Fail the audit, keep the score',
    description: 'A failed critical item fails the audit; the score still shows how the rest stands.',
  },
  zero: {
    label: 'Score 0',
    description: 'A failed critical item makes the score 0, so it also fails the audit.',
  },
};

export const MEASURE_LABELS: Record<AuditMeasure, string> = {
  first_response_time: 'First-response time against targets',
  follow_up_timeliness: 'Follow-ups closed in time',
  top_reasons: 'Top reasons for dissatisfaction',
};

/** The scales a manager can choose, in the order the menu lists them. */
export const SCALE_CHOICES: { value: string; scale: AuditScale; label: string }[] = [
  { value: 'pass_fail', scale: 'pass_fail', label: 'Pass / fail' },
  ...Array.from({ length: 9 }, (_, i) => ({
    value: String(i + 2),
    scale: { points: i + 2 },
    label: `1 to ${i + 2} points`,
  })),
];

/**
 * The menu value of a scale: `pass_fail` or the number of points.
 *
 * @example
 * scaleValue({ points: 5 }) // '5'
 */
export function scaleValue(scale: AuditScale): string {
  return scale === 'pass_fail' ? 'pass_fail' : String(scale.points);
}

/** A scale in words: "pass / fail", "1–5". */
export function scaleLabel(scale: AuditScale): string {
  return scale === 'pass_fail' ? 'pass / fail' : `1–${scale.points}`;
}

/**
 * A weight for reading (it may be a decimal); "?" while it is not a number.
 *
 * @example
 * formatWeight(1.5) // '1.5'
 */
export function formatWeight(weight: number): string {
  return Number.isFinite(weight) ? String(Number(weight.toFixed(2))) : '?';
}
