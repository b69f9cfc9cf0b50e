import { describe, expect, it } from 'vitest';
import { followUpTimeliness, resolutionRate, responseRate } from './rates';

describe('responseRate', () => {
  it.each([
    // nothing sent
    [0, 0, null, null],
    // 30/120 = 0.25
    [30, 120, 0.25, [0.18109821656809566, 0.3344113666412561]],
    // everyone answered
    [10, 10, 1, [0.7224672001371109, 1]],
    // nobody answered
    [0, 10, 0, [0, 0.2775327998628892]],
    [1, 1, 1, [0.20654931437723742, 1]],
  ])('%i responses of %i sent → %d', (responses, sent, rate, ci95) => {
    const result = responseRate({ responses, sent });
    expect(result).toMatchObject({ rate, responses, sent, n: sent });
    if (ci95 === null) expect(result.ci95).toBeNull();
    else {
      expect(result.ci95![0]).toBeCloseTo(ci95[0]!, 14);
      expect(result.ci95![1]).toBeCloseTo(ci95[1]!, 14);
    }
  });

  it.each([
    [11, 10, /responses \(11\) cannot exceed sent \(10\)/],
    [-1, 10, /responses must be a non-negative integer/],
    [1, 2.5, /sent must be a non-negative integer/],
  ])('rejects %d responses of %d sent', (responses, sent, message) => {
    expect(() => responseRate({ responses, sent })).toThrow(message);
  });
});

describe('resolutionRate', () => {
  it.each([
    [0, 0, null, null],
    // 17/20 = 0.85
    [17, 20, 0.85, [0.6395811352592431, 0.9476312541037833]],
    [20, 20, 1, null],
    [0, 5, 0, null],
  ])('%i resolved of %i → %d', (resolved, total, rate, ci95) => {
    const result = resolutionRate({ resolved, total });
    expect(result.rate).toBe(rate);
    expect(result.n).toBe(total);
    if (total === 0) expect(result.ci95).toBeNull();
    if (ci95 !== null) {
      expect(result.ci95![0]).toBeCloseTo(ci95[0]!, 14);
      expect(result.ci95![1]).toBeCloseTo(ci95[1]!, 14);
    }
    if (rate === 1) expect(result.ci95![1]).toBe(1);
    if (rate === 0) expect(result.ci95![0]).toBe(0);
  });

  it('rejects resolved > total', () => {
    expect(() => resolutionRate({ resolved: 3, total: 2 })).toThrow(
      /resolved \(3\) cannot exceed total \(2\)/,
    );
  });
});

describe('followUpTimeliness', () => {
  it.each([
    // nothing closed, nothing overdue
    [0, 0, 0, null, 0],
    // 8 in time of 10 closed + 2 overdue still open: 8/12
    [8, 10, 2, 8 / 12, 12],
    // all closed in time, none overdue
    [5, 5, 0, 1, 5],
    // nothing closed yet, 3 overdue: 0/3
    [0, 0, 3, 0, 3],
    // closed late only: 0/4
    [0, 4, 0, 0, 4],
  ])('%i in time of %i closed, %i overdue → %d of %i', (closedInTime, closed, overdueOpen, rate, n) => {
    const result = followUpTimeliness({ closedInTime, closed, overdueOpen });
    expect(result.rate).toBe(rate);
    expect(result.n).toBe(n);
    expect(result.ci95 === null).toBe(n === 0);
  });

  it('uses the Wilson interval over closed + overdueOpen', () => {
    const { ci95 } = followUpTimeliness({ closedInTime: 8, closed: 10, overdueOpen: 2 });
    expect(ci95![0]).toBeCloseTo(0.39062208887279953, 14);
    expect(ci95![1]).toBeCloseTo(0.8618799089087869, 14);
  });

  it.each([
    [6, 5, 0, /closedInTime \(6\) cannot exceed closed \(5\)/],
    // overdue open follow-ups cannot make up for closedInTime > closed
    [6, 5, 10, /closedInTime \(6\) cannot exceed closed \(5\)/],
    [1, 5, -1, /overdueOpen must be a non-negative integer/],
    [1, 1.5, 0, /closed must be a non-negative integer/],
    [NaN, 5, 0, /closedInTime must be a non-negative integer/],
  ])('rejects %d in time of %d closed, %d overdue', (closedInTime, closed, overdueOpen, message) => {
    expect(() => followUpTimeliness({ closedInTime, closed, overdueOpen })).toThrow(RangeError);
    expect(() => followUpTimeliness({ closedInTime, closed, overdueOpen })).toThrow(message);
  });
});
