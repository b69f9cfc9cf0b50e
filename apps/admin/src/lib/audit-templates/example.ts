/**
 * The builder's worked example: answers a manager picks for every item, scored by `auditScore`
 * exactly as a real audit is (nothing here computes a score itself).
 */
import { scoringTemplateOf, type AuditScale } from '@rapport/contracts';
import { auditItemScore, auditScore, type AuditResult, type AuditValue } from '@rapport/scoring';
import type { Definition, Item } from './editor';

/** Example answers by item id. */
export type ExampleAnswers = Readonly<Record<string, AuditValue>>;

/** The values an item can be answered with, best first, with N/A last when allowed. */
export function valuesOf(item: Pick<Item, 'scale' | 'naAllowed'>): AuditValue[] {
  const values: AuditValue[] =
    item.scale === 'pass_fail'
      ? ['pass', 'fail']
      : Array.from({ length: item.scale.points }, (_, i) => (item.scale as { points: number }).points - i);
  return item.naAllowed ? [...values, 'na'] : values;
}

/**
 * How an answer reads: "Pass", "Fail", "N/A", "4 of 5".
 *
 * @example
 * valueLabel(4, { points: 5 }) // '4 of 5'
 */
export function valueLabel(value: AuditValue, scale: AuditScale): string {
  if (value === 'pass') return 'Pass';
  if (value === 'fail') return 'Fail';
  if (value === 'na') return 'N/A';
  return scale === 'pass_fail' ? String(value) : `${value} of ${scale.points}`;
}

/**
 * A first example that shows the weights at work: pass/fail items pass, rated items get one point
 * below the top (a perfect audit would score 100 whatever the weights).
 */
export function defaultAnswer(item: Pick<Item, 'scale'>): AuditValue {
  return item.scale === 'pass_fail' ? 'pass' : item.scale.points - 1;
}

/** The worst answer an item can get (what a critical fail looks like). */
export function worstAnswer(item: Pick<Item, 'scale'>): AuditValue {
  return item.scale === 'pass_fail' ? 'fail' : 1;
}

/**
 * The example's answers for the definition as it is now: each kept while it still fits its item
 * (a scale or N/A change can make it not fit), otherwise the default.
 */
export function answersFor(d: Definition, picked: ExampleAnswers): Record<string, AuditValue> {
  const answers: Record<string, AuditValue> = {};
  for (const section of d.sections)
    for (const item of section.items) {
      const value = picked[item.id];
      answers[item.id] = value !== undefined && valuesOf(item).includes(value) ? value : defaultAnswer(item);
    }
  return answers;
}

/** One item's score in 0..1 (null for N/A), from the scoring package. */
export function itemScore(item: Item, value: AuditValue): number | null {
  return auditItemScore({ id: item.id, scale: item.scale }, value);
}

export interface ExampleOutcome {
  result: AuditResult;
  /**
   * The score the same answers get with the critical rule left out of the score (`flag`), so
   * the builder can say what `zero` took away; equal to result.score under `flag`.
   */
  scoreWithoutZeroing: number | null;
}

/**
 * Scores the example with `auditScore(scoringTemplateOf(d), answers)`; an error message instead
 * when the definition cannot be scored yet (a weight that is not a number, an id used twice).
 */
export function scoreExample(
  d: Definition,
  answers: Record<string, AuditValue>,
): { ok: true; outcome: ExampleOutcome } | { ok: false; message: string } {
  const list = Object.entries(answers).map(([itemId, value]) => ({ itemId, value }));
  try {
    const template = scoringTemplateOf(d);
    const result = auditScore(template, list);
    const flagged =
      d.criticalPolicy === 'flag' ? result : auditScore({ ...template, criticalPolicy: 'flag' }, list);
    return { ok: true, outcome: { result, scoreWithoutZeroing: flagged.score } };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * A score for reading: one decimal, none when whole.
 *
 * @example
 * formatScore(87.5) // '87.5'
 * formatScore(100)  // '100'
 * formatScore(null) // 'no score'
 */
export function formatScore(score: number | null): string {
  if (score === null) return 'no score';
  return String(Number(score.toFixed(1)));
}
