import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  hourOf,
  isBusinessTime,
  startOfHour,
  subtractMonths,
  weekdayOf,
} from './calendar';

const utc = (iso: string): number => new Date(`${iso}Z`).getTime();

describe('weekdayOf and hourOf', () => {
  it.each([
    ['2026-11-23T00:00:00', 1, 0],
    ['2026-11-22T23:59:59', 0, 23],
    ['2026-11-28T12:30:00', 6, 12],
    ['1969-12-31T18:00:00', 3, 18],
  ])('%s is weekday %i, hour %i', (iso, weekday, hour) => {
    expect(weekdayOf(utc(iso))).toBe(weekday);
    expect(weekdayOf(utc(iso))).toBe(new Date(utc(iso)).getUTCDay());
    expect(hourOf(utc(iso))).toBe(hour);
  });
});

describe('isBusinessTime', () => {
  it.each([
    ['2026-11-23T09:00:00', true],
    ['2026-11-23T16:59:59', true],
    ['2026-11-23T17:00:00', false],
    ['2026-11-23T08:59:59', false],
    ['2026-11-28T11:00:00', false],
  ])('%s → %s', (iso, expected) => {
    expect(isBusinessTime(utc(iso))).toBe(expected);
  });
});

describe('addBusinessMinutes (Monday–Friday 09:00–17:00 UTC)', () => {
  it.each([
    ['inside one day', '2026-11-23T10:00:00', 30, '2026-11-23T10:30:00'],
    ['up to closing exactly', '2026-11-23T16:00:00', 60, '2026-11-23T17:00:00'],
    ['over the night', '2026-11-23T16:30:00', 60, '2026-11-24T09:30:00'],
    ['before opening', '2026-11-23T06:00:00', 15, '2026-11-23T09:15:00'],
    ['after closing', '2026-11-23T20:00:00', 15, '2026-11-24T09:15:00'],
    ['Friday into Monday', '2026-11-20T16:00:00', 120, '2026-11-23T10:00:00'],
    ['from Saturday', '2026-11-21T12:00:00', 1, '2026-11-23T09:01:00'],
    ['a whole working week', '2026-11-23T09:00:00', 5 * 480, '2026-11-27T17:00:00'],
    ['zero minutes inside hours', '2026-11-23T11:11:00', 0, '2026-11-23T11:11:00'],
    ['fractions of a minute', '2026-11-23T10:00:00', 0.5, '2026-11-23T10:00:30'],
  ])('%s', (_, from, minutes, expected) => {
    expect(new Date(addBusinessMinutes(utc(from), minutes)).toISOString()).toBe(`${expected}.000Z`);
  });
});

describe('subtractMonths', () => {
  it.each([
    ['2026-11-23T08:00:00', 12, '2025-11-23T08:00:00'],
    ['2026-03-31T10:00:00', 1, '2026-02-28T10:00:00'],
    ['2024-03-31T10:00:00', 1, '2024-02-29T10:00:00'],
    ['2026-01-15T00:00:00', 3, '2025-10-15T00:00:00'],
  ])('%s − %i months = %s', (from, months, expected) => {
    expect(new Date(subtractMonths(utc(from), months)).toISOString()).toBe(`${expected}.000Z`);
  });
});

describe('startOfHour', () => {
  it('drops minutes, seconds and milliseconds', () => {
    expect(startOfHour(new Date('2026-11-23T08:41:07.123Z')).toISOString()).toBe('2026-11-23T08:00:00.000Z');
  });
});
