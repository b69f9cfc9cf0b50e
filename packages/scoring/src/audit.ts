import { assertFinite, clamp } from './validate';

/** How a checklist item is answered: pass/fail, or a rating from 1 to `points` (points ≥ 2). */
export type AuditScale = 'pass_fail' | { points: number };

/** One checklist item of an audit template. */
export interface AuditItem {
  /** Unique across the whole template. */
  id: string;
  /** Relative weight within its section, ≥ 0; default 1. */
  weight?: number;
  scale: AuditScale;
  /** A critical item scoring below 0.5 fails the audit whatever the score. */
  critical?: boolean;
}

/** A group of checklist items scored together. */
export interface AuditSection {
  /** Unique within the template. */
  id: string;
  /** Relative weight among sections, ≥ 0; default 1. */
  weight?: number;
  items: AuditItem[];
}

/** What a failed critical item does: `'zero'` sets the audit score to 0, `'flag'` only fails the audit. */
export type CriticalPolicy = 'zero' | 'flag';

/** The scoring rules of an audit. */
export interface AuditTemplate {
  /** Minimum score (0..100) to pass; default 80. */
  passThreshold?: number;
  /** Default `'zero'`. */
  criticalPolicy?: CriticalPolicy;
  sections: AuditSection[];
}

/** An answer: `'pass'`/`'fail'` for pass/fail items, an integer 1..points for rated items, `'na'` for either. */
export type AuditValue = 'pass' | 'fail' | 'na' | number;

/** The reviewer's answer to one checklist item. */
export interface AuditAnswer {
  itemId: string;
  value: AuditValue;
}

/** One section's score. */
export interface AuditSectionResult {
  id: string;
  /** 0..100; null when no item of the section was scored (or all scored items weigh 0). */
  score: number | null;
}

/** The outcome of an audit. */
export interface AuditResult {
  /** 0..100; null when no section has a score. */
  score: number | null;
  /** score is not null, score ≥ passThreshold, and no critical item failed. */
  passed: boolean;
  /** Ids of critical items that scored below 0.5, in template order. */
  failedCritical: string[];
  /** Ids of items with no answer, in template order (N/A counts as an answer). */
  unanswered: string[];
  /** Every section, in template order. */
  sections: AuditSectionResult[];
}

const DEFAULT_PASS_THRESHOLD = 80;
const DEFAULT_CRITICAL_POLICY: CriticalPolicy = 'zero';
const CRITICAL_BELOW = 0.5;
// A score that is the threshold in exact arithmetic may land a few ulps below it (e.g. 100·Σw·s/Σw); it still passes.
const THRESHOLD_TOLERANCE = 1e-9;

function checkWeight(weight: number | undefined, where: string): number {
  if (weight === undefined) return 1;
  assertFinite(weight, `${where} weight`);
  if (weight < 0) throw new RangeError(`${where} weight must not be negative, got ${weight}`);
  return weight;
}

function checkScale(scale: AuditScale, where: string): void {
  if (scale === 'pass_fail') return;
  const points: unknown = typeof scale === 'object' && scale !== null ? scale.points : undefined;
  if (typeof points !== 'number' || !Number.isInteger(points) || points < 2) {
    throw new RangeError(`${where} scale must be 'pass_fail' or { points } with an integer points ≥ 2`);
  }
}

/**
 * Checks an audit template and returns its items by id. Rules: passThreshold a number in 0..100;
 * criticalPolicy `'zero'` or `'flag'`; weights finite and ≥ 0; a rated scale has an integer points ≥ 2;
 * item ids unique across the template and section ids unique within it. Throws a `RangeError` naming the
 * first problem found. Useful on its own to reject a template before it is saved.
 *
 * @example
 * validateAuditTemplate({ sections: [{ id: 's', items: [{ id: 'greeting', scale: 'pass_fail' }] }] }); // Map { 'greeting' → item }
 * validateAuditTemplate({ sections: [{ id: 's', items: [{ id: 'tone', scale: { points: 1 } }] }] }); // RangeError
 */
export function validateAuditTemplate(template: AuditTemplate): Map<string, AuditItem> {
  const { passThreshold, criticalPolicy } = template;
  if (passThreshold !== undefined) {
    assertFinite(passThreshold, 'passThreshold');
    if (passThreshold < 0 || passThreshold > 100) {
      throw new RangeError(`passThreshold must be in 0..100, got ${passThreshold}`);
    }
  }
  if (criticalPolicy !== undefined && criticalPolicy !== 'zero' && criticalPolicy !== 'flag') {
    throw new RangeError(`criticalPolicy must be 'zero' or 'flag', got ${String(criticalPolicy)}`);
  }
  if (!Array.isArray(template.sections)) throw new RangeError('template.sections must be an array');
  const items = new Map<string, AuditItem>();
  const sectionIds = new Set<string>();
  for (const section of template.sections) {
    if (sectionIds.has(section.id)) throw new RangeError(`Duplicate section id "${section.id}"`);
    sectionIds.add(section.id);
    checkWeight(section.weight, `Section "${section.id}"`);
    if (!Array.isArray(section.items)) throw new RangeError(`Section "${section.id}" items must be an array`);
    for (const item of section.items) {
      if (items.has(item.id)) throw new RangeError(`Duplicate item id "${item.id}"`);
      checkWeight(item.weight, `Item "${item.id}"`);
      checkScale(item.scale, `Item "${item.id}"`);
      items.set(item.id, item);
    }
  }
  return items;
}

/**
 * The score of one answered item in [0, 1], or null for N/A: pass → 1, fail → 0, rating v on a 1..points
 * scale → (v − 1)/(points − 1). Throws a `RangeError` when the value does not fit the item's scale
 * (pass/fail on a rated item, a number on a pass/fail item, a rating that is not an integer in 1..points,
 * or anything else).
 *
 * @example
 * auditItemScore({ id: 'tone', scale: { points: 5 } }, 4); // 0.75 = (4 − 1)/(5 − 1)
 * auditItemScore({ id: 'greeting', scale: 'pass_fail' }, 'na'); // null
 */
export function auditItemScore(item: AuditItem, value: AuditValue): number | null {
  if (value === 'na') return null;
  if (item.scale === 'pass_fail') {
    if (value === 'pass') return 1;
    if (value === 'fail') return 0;
    throw new RangeError(
      `Item "${item.id}" is pass/fail: expected 'pass', 'fail' or 'na', got ${String(value)}`,
    );
  }
  const { points } = item.scale;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > points) {
    throw new RangeError(
      `Item "${item.id}" is rated 1..${points}: expected an integer in that range or 'na', got ${String(value)}`,
    );
  }
  return (value - 1) / (points - 1);
}

/**
 * Σ(w·x)/Σw, or null when Σw = 0 (no values, or all weigh 0). Computed as x₀ + Σw(x − x₀)/Σw so that equal
 * values come back exactly (three sections at 100 give 100, not 99.99999999999999 with weights like 0.1 and
 * 0.2), then clamped to [0, 100] against rounding.
 *
 * @example
 * weightedMean([{ score: 100, weight: 1 }, { score: 50, weight: 3 }]); // 62.5 = (100 + 150)/4
 */
export function weightedMean(values: readonly { score: number; weight: number }[]): number | null {
  const first = values[0];
  if (first === undefined) return null;
  let deviation = 0;
  let totalWeight = 0;
  for (const { score, weight } of values) {
    deviation += weight * (score - first.score);
    totalWeight += weight;
  }
  if (totalWeight === 0) return null;
  return clamp(first.score + deviation / totalWeight, 0, 100);
}

function indexAnswers(
  items: Map<string, AuditItem>,
  answers: readonly AuditAnswer[],
): Map<string, number | null> {
  if (!Array.isArray(answers)) throw new RangeError('answers must be an array');
  const scores = new Map<string, number | null>();
  for (const answer of answers) {
    const item = items.get(answer.itemId);
    if (item === undefined) throw new RangeError(`Answer for unknown item id "${String(answer.itemId)}"`);
    if (scores.has(answer.itemId)) throw new RangeError(`More than one answer for item "${answer.itemId}"`);
    scores.set(answer.itemId, auditItemScore(item, answer.value));
  }
  return scores;
}

/**
 * Scores an audit against its template.
 *
 *   item score s: pass 1, fail 0, rating v of 1..points → (v − 1)/(points − 1); N/A and unanswered items
 *     leave the denominator
 *   section score = 100 · Σ(w·s)/Σw over its scored items (w = item weight, default 1)
 *   audit score   = Σ(W·section score)/ΣW over sections that have a score (W = section weight, default 1)
 *
 * A critical item scoring below 0.5 is listed in `failedCritical`; under `criticalPolicy: 'zero'` (the
 * default) the audit score becomes 0 (even when it would otherwise be null), under `'flag'` it is kept.
 * `passed` = score not null, score ≥ passThreshold (default 80; a score within 1e-9 below it counts, to absorb
 * float error) and no failed critical item. Edge cases: no answers or all N/A → every section null, score null,
 * passed false; a section whose scored items all weigh 0 has no score (null), and so does an audit whose scored
 * sections all weigh 0 — a zero weight contributes nothing, and 0/0 is not a score. The order of `answers`
 * does not matter; lists follow template order. Throws a `RangeError` for an invalid template (see
 * {@link validateAuditTemplate}), an answer to an unknown item, two answers to one item, or a value that
 * does not fit the item's scale.
 *
 * @example
 * auditScore(
 *   { sections: [{ id: 'tone', items: [{ id: 'greet', scale: 'pass_fail' }, { id: 'empathy', scale: { points: 5 } }] }] },
 *   [{ itemId: 'greet', value: 'pass' }, { itemId: 'empathy', value: 3 }],
 * ); // { score: 75, passed: false, failedCritical: [], unanswered: [], sections: [{ id: 'tone', score: 75 }] }
 */
export function auditScore(template: AuditTemplate, answers: readonly AuditAnswer[]): AuditResult {
  const items = validateAuditTemplate(template);
  const scores = indexAnswers(items, answers);
  const failedCritical: string[] = [];
  const unanswered: string[] = [];
  const sections: AuditSectionResult[] = [];
  const scored: { score: number; weight: number }[] = [];
  for (const section of template.sections) {
    let sectionWeighted = 0;
    let sectionWeight = 0;
    for (const item of section.items) {
      if (!scores.has(item.id)) {
        unanswered.push(item.id);
        continue;
      }
      const s = scores.get(item.id) ?? null;
      if (s === null) continue;
      if (item.critical === true && s < CRITICAL_BELOW) failedCritical.push(item.id);
      const w = item.weight ?? 1;
      sectionWeighted += w * s;
      sectionWeight += w;
    }
    // Clamped: with weights of wildly different magnitudes the two sums can round apart by an ulp.
    const score = sectionWeight > 0 ? clamp((100 * sectionWeighted) / sectionWeight, 0, 100) : null;
    sections.push({ id: section.id, score });
    if (score !== null) scored.push({ score, weight: section.weight ?? 1 });
  }
  let score = weightedMean(scored);
  if (failedCritical.length > 0 && (template.criticalPolicy ?? DEFAULT_CRITICAL_POLICY) === 'zero') score = 0;
  const threshold = template.passThreshold ?? DEFAULT_PASS_THRESHOLD;
  const passed = score !== null && score >= threshold - THRESHOLD_TOLERANCE && failedCritical.length === 0;
  return { score, passed, failedCritical, unanswered, sections };
}
