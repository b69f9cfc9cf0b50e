/**
 * How audits, their answers and corrective actions read on screen. Plain TypeScript, unit-tested
 * beside. Scores come from the API (`auditScore`); here they are only rounded for display.
 */
import type { ActionStatus, AuditEvidence, AuditStatus, AuditTemplateItem } from '@rapport/contracts';
import { auditItemScore, type AuditValue } from '@rapport/scoring';

type Tone = 'neutral' | 'accent' | 'success' | 'danger' | 'warning';

export const AUDIT_STATUS_LABELS: Record<AuditStatus, { label: string; tone: Tone }> = {
  draft: { label: 'In progress', tone: 'accent' },
  submitted: { label: 'Waiting for sign-off', tone: 'warning' },
  signed: { label: 'Signed off', tone: 'success' },
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
};

/**
 * A score (0..100) with one decimal, or a dash when there is none.
 *
 * @example
 * formatScore(86.666) // '86.7'
 */
export function formatScore(score: number | null): string {
  if (score === null) return '—';
  return (Math.round(score * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

/** "Passed" / "Failed" / "Not scored yet", with the tone of its badge. */
export function resultOf(score: number | null, passed: boolean | null): { label: string; tone: Tone } {
  if (score === null || passed === null) return { label: 'Not scored yet', tone: 'neutral' };
  return passed ? { label: 'Passed', tone: 'success' } : { label: 'Failed', tone: 'danger' };
}

/** A stored answer as the scoring package reads it. */
export function toAuditValue(stored: string): AuditValue {
  if (/^\d+$/.test(stored)) return Number(stored);
  return stored as 'pass' | 'fail' | 'na';
}

type ScaleItem = Pick<AuditTemplateItem, 'id' | 'scale' | 'naAllowed' | 'weight' | 'critical'>;

/**
 * The choices of an item's scale, as radio buttons show them: Pass, Fail (and N/A), or 1..N (and N/A).
 *
 * @example
 * scaleChoices({ scale: { points: 3 }, naAllowed: true, … }).map((c) => c.value) // ['1', '2', '3', 'na']
 */
export function scaleChoices(item: ScaleItem): { value: string; label: string }[] {
  const choices =
    item.scale === 'pass_fail'
      ? [
          { value: 'pass', label: 'Pass' },
          { value: 'fail', label: 'Fail' },
        ]
      : Array.from({ length: item.scale.points }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
  return item.naAllowed ? [...choices, { value: 'na', label: 'N/A' }] : choices;
}

/**
 * Whether an answer needs a note: a fail, or a rating below half the scale (the API's rule, so a
 * missing note is said at the field before the save is refused).
 *
 * @example
 * needsNote(passFailItem, 'fail') // true
 * needsNote({ scale: { points: 5 }, … }, '3') // false: (3 − 1)/(5 − 1) = 0.5
 */
export function needsNote(item: ScaleItem, value: string | null): boolean {
  if (value === null) return false;
  try {
    const score = auditItemScore(
      { id: item.id, scale: item.scale, weight: item.weight, critical: item.critical },
      toAuditValue(value),
    );
    return score !== null && score < 0.5;
  } catch {
    return false;
  }
}

/**
 * An answer in words: "Pass", "Fail", "N/A", "4 of 5".
 *
 * @example
 * answerText({ scale: { points: 5 } }, '4') // '4 of 5'
 */
export function answerText(item: Pick<AuditTemplateItem, 'scale'>, value: string | null): string {
  if (value === null) return 'Not answered';
  if (value === 'na') return 'N/A';
  if (value === 'pass') return 'Pass';
  if (value === 'fail') return 'Fail';
  return item.scale === 'pass_fail' ? value : `${value} of ${item.scale.points}`;
}

/**
 * Hours as people say them: "45 min", "3.5 h", "2.1 days".
 *
 * @example
 * hoursText(0.75) // '45 min'
 */
export function hoursText(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

/**
 * A share (0..1) as a whole percentage, or a dash when there is none.
 *
 * @example
 * percentText(0.8333) // '83%'
 */
export function percentText(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/**
 * A reason code in words: `slow_reply` → "Slow reply".
 *
 * @example
 * reasonText('wait_time') // 'Wait time'
 */
export function reasonText(code: string): string {
  const words = code.replaceAll('_', ' ').trim();
  return words ? `${words.charAt(0).toUpperCase()}${words.slice(1)}` : code;
}

/** One line that sums an evidence figure up, for the report and screen readers. */
export function evidenceSummary(e: AuditEvidence): string {
  if (e.measure === 'first_response_time') {
    if (e.channels.length === 0) return 'No tickets with a first response this quarter.';
    return e.channels.map((c) => `${c.channel}: median ${hoursText(c.medianHours)} (n = ${c.n})`).join('; ');
  }
  if (e.measure === 'follow_up_timeliness') {
    if (e.n === 0) return 'No follow-ups were due this quarter.';
    return `${percentText(e.rate)} closed in time (${e.closedInTime} of ${e.n}).`;
  }
  if (e.reasons.length === 0) return 'No reasons given in this quarter’s responses.';
  return e.reasons.map((r) => `${reasonText(r.code)} ${r.count}`).join(', ') + ` (n = ${e.n}).`;
}

/**
 * How an action's due date reads: "Due in 3 days", "Due today", "Overdue by 12 days".
 *
 * @example
 * actionDueText(-12, false) // 'Overdue by 12 days'
 */
export function actionDueText(daysLeft: number, done: boolean): string {
  if (done) return 'Done';
  if (daysLeft === 0) return 'Due today';
  const n = Math.abs(daysLeft);
  const span = `${n} day${n === 1 ? '' : 's'}`;
  return daysLeft < 0 ? `Overdue by ${span}` : `Due in ${span}`;
}
