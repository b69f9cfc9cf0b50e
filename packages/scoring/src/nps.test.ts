import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nps, npsMoments } from './nps';

const Z = 1.959963984540054;

describe('nps', () => {
  it.each([
    // no answers
    [0, 0, 0, null, null],
    // reference: s = 0.5 − 0.2 = 0.3; var = 0.5 + 0.2 − 0.09 = 0.61; half = 1.96·√(0.61/100)·100 = 15.3078
    [50, 30, 20, 30, [14.692191924957328, 45.30780807504267]],
    // single answers: var = 0, the interval collapses to the score
    [1, 0, 0, 100, [100, 100]],
    [0, 0, 1, -100, [-100, -100]],
    [0, 1, 0, 0, [0, 0]],
    // all promoters
    [12, 0, 0, 100, [100, 100]],
    // s = 0.6 − 0.2 = 0.4; var = 0.8 − 0.16 = 0.64; half = 1.96·√(0.64/5)·100 = 70.12 → [−30.12, 110.12] clamped to 100
    [3, 1, 1, 40, [-30.12180324612652, 100]],
    // half promoters, half detractors: s = 0, var = 1; half = 1.96·√(1/20)·100 = 43.83
    [10, 0, 10, 0, [-43.82612702882908, 43.82612702882908]],
    // s = 2/3, var = 2/3 − 4/9 = 2/9; half = 1.96·√(2/27)·100 = 53.34 → upper clamped
    [2, 1, 0, 200 / 3, [13.323203596052114, 100]],
  ])(
    'nps(%i promoters, %i passives, %i detractors) → %d, %j',
    (promoters, passives, detractors, score, ci95) => {
      const result = nps({ promoters, passives, detractors });
      expect(result.n).toBe(promoters + passives + detractors);
      if (score === null) expect(result.score).toBeNull();
      else expect(result.score).toBeCloseTo(score, 12);
      if (ci95 === null) expect(result.ci95).toBeNull();
      else {
        expect(result.ci95![0]).toBeCloseTo(ci95[0]!, 12);
        expect(result.ci95![1]).toBeCloseTo(ci95[1]!, 12);
      }
    },
  );

  it('gives the reference case exactly 30 with a half-width of 1.96·√0.0061·100 ≈ 15.31', () => {
    const { score, ci95 } = nps({ promoters: 50, passives: 30, detractors: 20 });
    expect(score).toBe(30);
    expect((ci95![1] - ci95![0]) / 2).toBeCloseTo(Z * Math.sqrt(0.61 / 100) * 100, 12);
    expect((ci95![1] - ci95![0]) / 2).toBeCloseTo(15.31, 2);
  });

  it.each([
    [{ promoters: -1, passives: 0, detractors: 0 }, /promoters must be a non-negative integer/],
    [{ promoters: 0, passives: 1.5, detractors: 0 }, /passives must be a non-negative integer/],
    [{ promoters: 0, passives: 0, detractors: Infinity }, /detractors must be a non-negative integer/],
  ])('rejects %j', (counts, message) => {
    expect(() => nps(counts)).toThrow(RangeError);
    expect(() => nps(counts)).toThrow(message);
  });

  const counts = fc.record({
    promoters: fc.integer({ min: 0, max: 100_000 }),
    passives: fc.integer({ min: 0, max: 100_000 }),
    detractors: fc.integer({ min: 0, max: 100_000 }),
  });

  it('stays in [−100, 100] with an interval that contains the score and stays within bounds', () => {
    fc.assert(
      fc.property(counts, (c) => {
        const { score, ci95, n } = nps(c);
        if (n === 0) return expect(score).toBeNull();
        expect(score!).toBeGreaterThanOrEqual(-100);
        expect(score!).toBeLessThanOrEqual(100);
        expect(ci95![0]).toBeGreaterThanOrEqual(-100);
        expect(ci95![1]).toBeLessThanOrEqual(100);
        expect(ci95![0]).toBeLessThanOrEqual(score!);
        expect(ci95![1]).toBeGreaterThanOrEqual(score!);
      }),
    );
  });

  it('never goes down when a detractor becomes a promoter', () => {
    fc.assert(
      fc.property(counts, (c) => {
        fc.pre(c.detractors > 0);
        const after = nps({ ...c, promoters: c.promoters + 1, detractors: c.detractors - 1 }).score!;
        expect(after).toBeGreaterThan(nps(c).score!);
      }),
    );
  });
});

describe('npsMoments', () => {
  it.each([
    [0, 0, 0, 0, 0, 0],
    // s = 0.3, var = 0.61
    [50, 30, 20, 100, 0.3, 0.61],
    // s = −1, var = 1 − 1 = 0
    [0, 0, 4, 4, -1, 0],
    // s = 0, var = 1: every answer is ±1
    [1, 0, 1, 2, 0, 1],
  ])('(%i, %i, %i) → n %i, share %d, variance %d', (promoters, passives, detractors, n, share, variance) => {
    const m = npsMoments({ promoters, passives, detractors });
    expect(m.n).toBe(n);
    expect(m.share).toBeCloseTo(share, 15);
    expect(m.variance).toBeCloseTo(variance, 15);
  });
});
