import { describe, expect, it } from 'vitest';
import { LOW_SAMPLE_MIN, lowSample } from './low-sample';

describe('lowSample', () => {
  it.each([
    [0, undefined, true],
    [29, undefined, true],
    [30, undefined, false],
    [1000, undefined, false],
    [4, 5, true],
    [5, 5, false],
    [0, 0, false],
  ])('lowSample(%i, %s) → %s', (n, min, expected) => {
    expect(lowSample(n, min)).toBe(expected);
  });

  it('defaults to 30', () => {
    expect(LOW_SAMPLE_MIN).toBe(30);
  });

  it.each([
    [-1, 30, /n must be a non-negative integer/],
    [2.5, 30, /n must be a non-negative integer/],
    [NaN, 30, /n must be a non-negative integer/],
    [3, -1, /min must be a non-negative integer/],
    [3, Infinity, /min must be a non-negative integer/],
  ])('rejects lowSample(%d, %d)', (n, min, message) => {
    expect(() => lowSample(n, min)).toThrow(RangeError);
    expect(() => lowSample(n, min)).toThrow(message);
  });
});
