import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csat, csatFromDistribution } from './csat';

describe('csat', () => {
  it.each([
    // no responses: null, never NaN
    [0, 0, null, null],
    // all satisfied: rate 1, upper bound exactly 1, lower = Wilson(10, 10)
    [10, 10, 1, [0.7224672001371109, 1]],
    // none satisfied
    [0, 10, 0, [0, 0.2775327998628892]],
    // the reference case: 85/100 with Wilson ≈ [0.7672, 0.9069]
    [85, 100, 0.85, [0.7671644040916763, 0.9069401471634336]],
    // a single answer
    [1, 1, 1, [0.20654931437723742, 1]],
    [0, 1, 0, [0, 0.7934506856227626]],
    [7, 9, 7 / 9, [0.4525889691069889, 0.9367748928821533]],
  ])('csat(%i of %i) → rate %d, ci95 %j', (satisfied, total, rate, ci95) => {
    const result = csat({ satisfied, total });
    expect(result.n).toBe(total);
    expect(result.rate).toBe(rate);
    if (ci95 === null) {
      expect(result.ci95).toBeNull();
    } else {
      expect(result.ci95![0]).toBeCloseTo(ci95[0]!, 14);
      expect(result.ci95![1]).toBeCloseTo(ci95[1]!, 14);
    }
  });

  it('returns exactly 85/100 and the reference interval to 4 places', () => {
    const { rate, ci95 } = csat({ satisfied: 85, total: 100 });
    expect(rate).toBe(0.85);
    expect(ci95![0]).toBeCloseTo(0.7672, 4);
    expect(ci95![1]).toBeCloseTo(0.9069, 4);
  });

  it.each([
    [-1, 10, /satisfied must be a non-negative integer/],
    [1, -1, /total must be a non-negative integer/],
    [0.5, 10, /satisfied/],
    [1, NaN, /total/],
    [11, 10, /satisfied \(11\) cannot exceed total \(10\)/],
  ])('rejects satisfied %d of %d', (satisfied, total, message) => {
    expect(() => csat({ satisfied, total })).toThrow(RangeError);
    expect(() => csat({ satisfied, total })).toThrow(message);
  });

  it('never goes down when a satisfied answer is added', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 0, max: 10_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.integer({ min: 1, max: 100 }),
        ([satisfied, total], more) => {
          const before = csat({ satisfied, total });
          const after = csat({ satisfied: satisfied + more, total: total + more });
          expect(after.rate!).toBeGreaterThanOrEqual(before.rate ?? 0);
          // and more satisfied answers in the same total never lower it either
          if (satisfied < total)
            expect(csat({ satisfied: satisfied + 1, total }).rate!).toBeGreaterThan(before.rate!);
        },
      ),
    );
  });

  it('keeps the rate inside its interval and both in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 100_000 })
          .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([satisfied, total]) => {
          const { rate, ci95 } = csat({ satisfied, total });
          expect(rate!).toBeGreaterThanOrEqual(0);
          expect(rate!).toBeLessThanOrEqual(1);
          expect(ci95![0]).toBeGreaterThanOrEqual(0);
          expect(ci95![1]).toBeLessThanOrEqual(1);
          expect(ci95![0]).toBeLessThanOrEqual(rate!);
          expect(ci95![1]).toBeGreaterThanOrEqual(rate!);
        },
      ),
    );
  });
});

describe('csatFromDistribution', () => {
  it.each([
    // 1–5 scale, 4 and 5 satisfied: (40 + 50)/100 = 0.9
    [[2, 3, 5, 40, 50], 4, 0.9, 100],
    // no answers
    [[0, 0, 0, 0, 0], 4, null, 0],
    // all satisfied: (0 + 7)/7
    [[0, 0, 0, 0, 7], 4, 1, 7],
    // none satisfied: 0/(3 + 1)
    [[3, 0, 1, 0, 0], 4, 0, 4],
    // single answer at the top
    [[0, 0, 0, 0, 1], 4, 1, 1],
    // satisfiedFrom = 1: everyone counts
    [[1, 2, 3], 1, 1, 6],
    // satisfiedFrom = last point: only the top counts, 3/6
    [[1, 2, 3], 3, 0.5, 6],
    // a 1–2 scale (thumbs): 3/(1 + 3)
    [[1, 3], 2, 0.75, 4],
  ])('csatFromDistribution(%j, %i) → rate %d of %i', (dist, from, rate, n) => {
    const result = csatFromDistribution(dist, from);
    expect(result.rate).toBe(rate);
    expect(result.n).toBe(n);
    expect(result).toEqual(
      csat({
        satisfied: dist.slice(from - 1).reduce((a, b) => a + b, 0),
        total: dist.reduce((a, b) => a + b, 0),
      }),
    );
  });

  it('matches the Wilson interval of the summed counts', () => {
    const { ci95 } = csatFromDistribution([2, 3, 5, 40, 50], 4);
    expect(ci95![0]).toBeCloseTo(0.8256343384950865, 14);
    expect(ci95![1]).toBeCloseTo(0.9447708629393249, 14);
  });

  it.each([
    [[], 1, /non-empty array/],
    [[1, 2, 3], 0, /satisfiedFrom must be an integer in 1\.\.3/],
    [[1, 2, 3], 4, /satisfiedFrom must be an integer in 1\.\.3/],
    [[1, 2, 3], 2.5, /satisfiedFrom/],
    [[1, -2, 3], 2, /dist\[1\] must be a non-negative integer/],
    [[1, 2.5, 3], 2, /dist\[1\]/],
  ])('rejects %j with satisfiedFrom %d', (dist, from, message) => {
    expect(() => csatFromDistribution(dist, from)).toThrow(RangeError);
    expect(() => csatFromDistribution(dist, from)).toThrow(message);
  });

  it('never goes down when an answer moves up the scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        (dist, from, satisfiedFrom) => {
          if (dist[from] === 0) dist[from] = 1;
          const before = csatFromDistribution(dist, satisfiedFrom).rate!;
          const moved = [...dist];
          moved[from]! -= 1;
          moved[from + 1]! += 1;
          expect(csatFromDistribution(moved, satisfiedFrom).rate!).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});
