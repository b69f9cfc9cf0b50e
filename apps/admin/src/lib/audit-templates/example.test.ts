import { describe, expect, it } from 'vitest';
import type { Definition } from './editor';
import { answersFor, formatScore, scoreExample, valueLabel, valuesOf } from './example';

const base = { text: { en: 'x' }, naAllowed: false, critical: false };

/** Section s1 (weight 1): a pass/fail ×1, b 1–5 ×3 critical; s2 (weight 3): c pass/fail ×1, N/A allowed. */
function definition(policy: 'zero' | 'flag'): Definition {
  return {
    locales: ['en'],
    defaultLocale: 'en',
    passThreshold: 90,
    criticalPolicy: policy,
    sections: [
      {
        id: 's1',
        title: { en: 'One' },
        weight: 1,
        items: [
          { ...base, id: 'a', scale: 'pass_fail', weight: 1 },
          { ...base, id: 'b', scale: { points: 5 }, weight: 3, critical: true },
        ],
      },
      {
        id: 's2',
        title: { en: 'Two' },
        weight: 3,
        items: [{ ...base, id: 'c', scale: 'pass_fail', weight: 1, naAllowed: true }],
      },
    ],
  };
}

describe('the worked example', () => {
  it('lists the answers an item can get, best first', () => {
    expect(valuesOf({ scale: 'pass_fail', naAllowed: true })).toEqual(['pass', 'fail', 'na']);
    expect(valuesOf({ scale: { points: 3 }, naAllowed: false })).toEqual([3, 2, 1]);
    expect(valueLabel(2, { points: 3 })).toBe('2 of 3');
    expect(valueLabel('na', 'pass_fail')).toBe('N/A');
  });

  it('starts rated items one point below the top, and drops answers that no longer fit', () => {
    const d = definition('zero');
    expect(answersFor(d, {})).toEqual({ a: 'pass', b: 4, c: 'pass' });
    // b was answered 5, then its scale became pass/fail: the 5 no longer fits.
    const changed = {
      ...d,
      sections: [
        {
          ...d.sections[0]!,
          items: [d.sections[0]!.items[0]!, { ...d.sections[0]!.items[1]!, scale: 'pass_fail' as const }],
        },
        d.sections[1]!,
      ],
    };
    expect(answersFor(changed, { b: 5, c: 'na' })).toEqual({ a: 'pass', b: 'pass', c: 'na' });
  });

  it('scores through auditScore: (1·1 + 3·0.75)/4 = 81.25 and 100, weighted 1:3 → 95.3125', () => {
    const scored = scoreExample(definition('zero'), { a: 'pass', b: 4, c: 'pass' });
    expect(scored.ok).toBe(true);
    if (!scored.ok) return;
    expect(scored.outcome.result.sections.map((s) => s.score)).toEqual([81.25, 100]);
    expect(scored.outcome.result.score).toBeCloseTo(95.3125, 10);
    expect(scored.outcome.result.passed).toBe(true);
    expect(formatScore(scored.outcome.result.score)).toBe('95.3');
  });

  it('a critical fail scores 0 under "zero" and keeps (25 + 3·100)/4 = 81.25 under "flag"; both fail', () => {
    const answers = { a: 'pass', b: 1, c: 'pass' } as const;
    const zero = scoreExample(definition('zero'), answers);
    const flag = scoreExample(definition('flag'), answers);
    if (!zero.ok || !flag.ok) throw new Error('expected both to score');
    expect(zero.outcome.result.score).toBe(0);
    expect(zero.outcome.scoreWithoutZeroing).toBe(81.25);
    expect(zero.outcome.result.failedCritical).toEqual(['b']);
    expect(zero.outcome.result.passed).toBe(false);
    expect(flag.outcome.result.score).toBe(81.25);
    expect(flag.outcome.scoreWithoutZeroing).toBe(81.25);
    expect(flag.outcome.result.passed).toBe(false);
  });

  it('an N/A item leaves its section: all of s2 N/A leaves s1 alone at 81.25', () => {
    const scored = scoreExample(definition('flag'), { a: 'pass', b: 4, c: 'na' });
    if (!scored.ok) throw new Error('expected a score');
    expect(scored.outcome.result.sections[1]!.score).toBeNull();
    expect(scored.outcome.result.score).toBe(81.25);
  });

  it('says why a definition cannot be scored yet', () => {
    const d = definition('flag');
    const broken = { ...d, sections: [{ ...d.sections[0]!, weight: Number.NaN }, d.sections[1]!] };
    const scored = scoreExample(broken, { a: 'pass', b: 4, c: 'pass' });
    expect(scored.ok).toBe(false);
    if (!scored.ok) expect(scored.message).toMatch(/weight/);
  });
});
