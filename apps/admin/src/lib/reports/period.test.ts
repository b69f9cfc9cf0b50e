import { describe, expect, it } from 'vitest';
import { addDays, dayCount, defaultUnit, isLocalDate, rangeOf, todayIn } from './period';

describe('todayIn', () => {
  it.each([
    ['UTC', '2026-11-30T23:30:00Z', '2026-11-30'],
    ['Pacific/Auckland', '2026-11-30T12:00:00Z', '2026-12-01'],
    ['America/Los_Angeles', '2027-01-01T05:00:00Z', '2026-12-31'],
  ])('in %s at %s is %s', (zone, instant, expected) => {
    expect(todayIn(zone, new Date(instant))).toBe(expected);
  });
});

describe('rangeOf', () => {
  it.each([
    ['last-30-days', '2026-11-30', '2026-11-01', '2026-11-30'],
    ['last-90-days', '2026-11-30', '2026-09-02', '2026-11-30'],
    ['this-quarter', '2026-11-30', '2026-10-01', '2026-11-30'],
    ['last-quarter', '2026-11-30', '2026-07-01', '2026-09-30'],
    ['last-quarter', '2026-02-10', '2025-10-01', '2025-12-31'],
    ['this-quarter', '2026-03-31', '2026-01-01', '2026-03-31'],
    ['this-year', '2026-11-30', '2026-01-01', '2026-11-30'],
    ['last-30-days', '2024-03-01', '2024-02-01', '2024-03-01'],
  ] as const)('%s on %s is %s to %s', (preset, today, from, to) => {
    expect(rangeOf(preset, today)).toEqual({ from, to });
  });

  it('gives the preset lengths it names', () => {
    expect(dayCount(rangeOf('last-30-days', '2026-03-29'))).toBe(30);
    expect(dayCount(rangeOf('last-90-days', '2026-03-29'))).toBe(90);
  });
});

describe('date helpers', () => {
  it('adds days across months and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it.each([
    ['2026-02-28', true],
    ['2026-02-30', false],
    ['2026-2-3', false],
    ['', false],
  ])('isLocalDate(%j) is %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });
});

describe('defaultUnit', () => {
  it.each([
    ['2026-11-30', '2026-11-30', 'day'],
    ['2026-09-30', '2026-11-30', 'day'],
    ['2026-09-02', '2026-11-30', 'week'],
    ['2026-01-01', '2026-12-31', 'week'],
    ['2025-01-01', '2026-12-31', 'month'],
    ['2020-01-01', '2026-12-31', 'quarter'],
  ] as const)('%s to %s reads by %s', (from, to, unit) => {
    expect(defaultUnit({ from, to })).toBe(unit);
  });
});
