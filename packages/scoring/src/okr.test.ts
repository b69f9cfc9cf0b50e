import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { krProgress, okrStatus, type KrDirection, type OkrStatus } from './okr';

describe('krProgress', () => {
  it.each([
    // (85 − 70)/(90 − 70) = 0.75
    [70, 90, 85, undefined, 0.75],
    [70, 90, 70, undefined, 0],
    [70, 90, 90, undefined, 1],
    // overshoot and regression are clamped
    [70, 90, 95, undefined, 1],
    [70, 90, 60, undefined, 0],
    // lower is better: response hours 10 → 4, now 7: (7 − 10)/(4 − 10) = 0.5
    [10, 4, 7, undefined, 0.5],
    [10, 4, 3, undefined, 1],
    [10, 4, 12, undefined, 0],
    // negative numbers work the same: (−5 − −10)/(0 − −10) = 0.5
    [-10, 0, -5, undefined, 0.5],
    // the direction is read from the numbers when target ≠ baseline, whatever `direction` says
    [10, 4, 7, 'increase', 0.5],
    // target = baseline without a direction: met when current ≥ target
    [5, 5, 5, undefined, 1],
    [5, 5, 6, undefined, 1],
    [5, 5, 4, undefined, 0],
    // … with a direction
    [5, 5, 6, 'increase', 1],
    [5, 5, 4, 'increase', 0],
    [5, 5, 4, 'decrease', 1],
    [5, 5, 5, 'decrease', 1],
    [5, 5, 6, 'decrease', 0],
  ])(
    'baseline %d, target %d, current %d, direction %s → %d',
    (baseline, target, current, direction, expected) => {
      const input =
        direction === undefined ? { baseline, target, current } : { baseline, target, current, direction };
      expect(
        krProgress(input as { baseline: number; target: number; current: number; direction?: KrDirection }),
      ).toBe(expected);
    },
  );

  it.each([
    [{ baseline: NaN, target: 1, current: 0 }, /baseline must be a finite number/],
    [{ baseline: 0, target: Infinity, current: 0 }, /target must be a finite number/],
    [{ baseline: 0, target: 1, current: -Infinity }, /current must be a finite number/],
    [
      { baseline: 0, target: 1, current: 0, direction: 'up' as KrDirection },
      /direction must be 'increase' or 'decrease'/,
    ],
  ])('rejects %j', (input, message) => {
    expect(() => krProgress(input)).toThrow(RangeError);
    expect(() => krProgress(input)).toThrow(message);
  });

  it('stays in [0, 1] and moves with current towards the target', () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        n,
        n,
        n,
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        (baseline, target, current, step) => {
          const p = krProgress({ baseline, target, current });
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
          const towards = target >= baseline ? current + step : current - step;
          expect(krProgress({ baseline, target, current: towards })).toBeGreaterThanOrEqual(p);
        },
      ),
    );
  });
});

describe('okrStatus', () => {
  // A 100-day period, so elapsed is day/100.
  const periodStart = new Date('2026-01-01T00:00:00Z');
  const periodEnd = new Date('2026-04-11T00:00:00Z');
  const day = (d: number): Date => new Date(periodStart.getTime() + d * 86_400_000);

  it.each<[number, number, OkrStatus]>([
    // progress ≥ 1 is achieved at any time, even before the period
    [1, 10, 'achieved'],
    [1, -5, 'achieved'],
    [1, 200, 'achieved'],
    // elapsed 0.5: on track from 0.4, at risk from 0.25
    [0.4, 50, 'on_track'],
    [0.39, 50, 'at_risk'],
    [0.25, 50, 'at_risk'],
    [0.24, 50, 'off_track'],
    // elapsed 0.35: 0.35 − 0.25 = 0.09999999999999998 in floats; 0.1 must still be at risk, not off track
    [0.1, 35, 'at_risk'],
    [0.25, 35, 'on_track'],
    // before the period elapsed is 0: anything is on track
    [0, -10, 'on_track'],
    [0, 0, 'on_track'],
    // elapsed 0.1: 0 ≥ 0.1 − 0.1
    [0, 10, 'on_track'],
    [0, 11, 'at_risk'],
    // after the end elapsed is clamped to 1: on track from 0.9, at risk from 0.75
    [0.9, 150, 'on_track'],
    [0.8, 100, 'at_risk'],
    [0.74, 150, 'off_track'],
    [0, 100, 'off_track'],
  ])('progress %d on day %i of 100 → %s', (progress, d, expected) => {
    expect(okrStatus({ progress, periodStart, periodEnd, now: day(d) })).toBe(expected);
  });

  it('reads elapsed time to the millisecond', () => {
    // 1 ms past half-time of a 1000 ms period: elapsed 0.501, so 0.4 is no longer on track
    const start = new Date(0);
    const end = new Date(1000);
    expect(okrStatus({ progress: 0.4, periodStart: start, periodEnd: end, now: new Date(500) })).toBe(
      'on_track',
    );
    expect(okrStatus({ progress: 0.4, periodStart: start, periodEnd: end, now: new Date(501) })).toBe(
      'at_risk',
    );
  });

  it.each([
    [{ periodEnd: periodStart }, /periodEnd must be after periodStart/],
    [{ periodEnd: new Date('2025-12-31T00:00:00Z') }, /periodEnd must be after periodStart/],
    [{ periodStart: new Date('nope') }, /periodStart must be a valid Date/],
    [{ periodEnd: new Date(NaN) }, /periodEnd must be a valid Date/],
    [{ now: new Date('invalid') }, /now must be a valid Date/],
    [{ now: '2026-01-01' as unknown as Date }, /now must be a valid Date/],
    [{ progress: NaN }, /progress must be a finite number/],
  ])('rejects %j', (override, message) => {
    const input = { progress: 0.5, periodStart, periodEnd, now: day(50), ...override };
    expect(() => okrStatus(input)).toThrow(RangeError);
    expect(() => okrStatus(input)).toThrow(message);
  });

  it('never gets worse as progress grows', () => {
    const rank: Record<OkrStatus, number> = { off_track: 0, at_risk: 1, on_track: 2, achieved: 3 };
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -50, max: 150 }),
        (a, b, d) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const now = day(d);
          expect(rank[okrStatus({ progress: hi, periodStart, periodEnd, now })]).toBeGreaterThanOrEqual(
            rank[okrStatus({ progress: lo, periodStart, periodEnd, now })],
          );
        },
      ),
    );
  });
});
