import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  formatLocalDate,
  periodText,
  quarterLabel,
  quarterLastDay,
  quarterOf,
  todayIn,
} from './quarters';

describe('quarters', () => {
  it.each([
    ['2026-01-01T00:00:00Z', 'UTC', '2026-Q1'],
    ['2026-03-31T23:59:59Z', 'UTC', '2026-Q1'],
    ['2026-04-01T00:00:00Z', 'UTC', '2026-Q2'],
    // Late on 30 September in UTC is already October in Belgrade.
    ['2026-09-30T22:30:00Z', 'Europe/Belgrade', '2026-Q4'],
    ['2026-12-31T23:30:00Z', 'Europe/Belgrade', '2027-Q1'],
    ['2027-01-01T03:00:00Z', 'America/New_York', '2026-Q4'],
  ])('%s in %s is %s', (iso, tz, quarter) => {
    expect(quarterOf(new Date(iso), tz)).toBe(quarter);
  });

  it.each([
    ['2026-Q1', '2026-03-31'],
    ['2028-Q1', '2028-03-31'],
    ['2026-Q2', '2026-06-30'],
    ['2026-Q3', '2026-09-30'],
    ['2026-Q4', '2026-12-31'],
    ['2026-Q5', null],
    ['Q4', null],
  ])('the last day of %s is %s', (quarter, day) => {
    expect(quarterLastDay(quarter)).toBe(day);
  });

  it('names a quarter with its months', () => {
    expect(quarterLabel('2026-Q4')).toBe('Q4 2026 (Oct–Dec)');
    expect(quarterLabel('nonsense')).toBe('nonsense');
  });

  it('counts days between local dates, negative when past', () => {
    expect(daysBetween('2026-05-01', '2026-05-04')).toBe(3);
    expect(daysBetween('2026-05-04', '2026-05-01')).toBe(-3);
    // Across the spring clock change the count stays whole.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('reads today in the organisation’s time zone', () => {
    expect(todayIn('Europe/Belgrade', new Date('2026-03-31T22:30:00Z'))).toBe('2026-04-01');
    expect(todayIn('UTC', new Date('2026-03-31T22:30:00Z'))).toBe('2026-03-31');
  });

  it('formats a local date without shifting it a day', () => {
    expect(formatLocalDate('2026-12-01', 'en-GB')).toBe('1 Dec 2026');
    expect(formatLocalDate('not a date')).toBe('not a date');
  });

  it('names the days a period covers in its own time zone, whatever the browser’s', () => {
    expect(
      periodText(
        { start: '2026-09-30T22:00:00Z', end: '2026-12-31T23:00:00Z', timeZone: 'Europe/Belgrade' },
        'en-GB',
      ),
    ).toBe('1 Oct 2026 – 31 Dec 2026');
    expect(
      periodText({ start: '2026-10-01T00:00:00Z', end: '2027-01-01T00:00:00Z', timeZone: 'UTC' }, 'en-GB'),
    ).toBe('1 Oct 2026 – 31 Dec 2026');
  });
});
