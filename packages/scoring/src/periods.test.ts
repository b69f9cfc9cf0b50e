import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextPeriodKey, periodKey, periodRange, previousPeriodKey, type PeriodUnit } from './periods';

const at = (iso: string): Date => new Date(iso);
const hours = (r: { start: Date; end: Date }): number => (r.end.getTime() - r.start.getTime()) / 3_600_000;

describe('periodKey', () => {
  it.each<[string, PeriodUnit, string, string]>([
    // 2026-11-22 is a Sunday, the last day of ISO week 47 (W01 began Monday 2025-12-29; 328 days later)
    ['2026-11-22T12:00:00Z', 'day', 'Europe/Paris', '2026-11-22'],
    ['2026-11-22T12:00:00Z', 'week', 'Europe/Paris', '2026-W47'],
    ['2026-11-22T12:00:00Z', 'month', 'Europe/Paris', '2026-11'],
    ['2026-11-22T12:00:00Z', 'quarter', 'Europe/Paris', '2026-Q4'],
    // the zone decides the date: 23:30 UTC on New Year's Eve is already 00:30 in Paris
    ['2026-12-31T23:30:00Z', 'day', 'Europe/Paris', '2027-01-01'],
    ['2026-12-31T23:30:00Z', 'quarter', 'Europe/Paris', '2027-Q1'],
    ['2026-12-31T23:30:00Z', 'quarter', 'UTC', '2026-Q4'],
    // … and 03:00 UTC on 1 January is still 22:00 on 31 December in New York (a Wednesday, in 2026-W01)
    ['2026-01-01T03:00:00Z', 'day', 'America/New_York', '2025-12-31'],
    ['2026-01-01T03:00:00Z', 'week', 'America/New_York', '2026-W01'],
    ['2026-01-01T03:00:00Z', 'month', 'America/New_York', '2025-12'],
    // ISO weeks across year ends: week 1 holds the year's first Thursday
    ['2025-12-29T12:00:00Z', 'week', 'UTC', '2026-W01'], // Monday; 2026-01-01 is a Thursday
    ['2021-01-03T12:00:00Z', 'week', 'UTC', '2020-W53'], // Sunday; 2020 began on a Thursday, so has 53 weeks
    ['2021-01-04T12:00:00Z', 'week', 'UTC', '2021-W01'],
    ['2024-12-30T12:00:00Z', 'week', 'UTC', '2025-W01'], // Monday; 2025-01-02 is the first Thursday
    ['2027-01-01T12:00:00Z', 'week', 'UTC', '2026-W53'], // Friday; 2026 began on a Thursday
    ['2023-01-01T12:00:00Z', 'week', 'UTC', '2022-W52'], // Sunday
    // half-hour zones: 18:30 UTC is midnight in Kolkata (+05:30)
    ['2026-03-31T18:29:59Z', 'quarter', 'Asia/Kolkata', '2026-Q1'],
    ['2026-03-31T18:30:00Z', 'quarter', 'Asia/Kolkata', '2026-Q2'],
    // +14:00 is a day ahead of UTC
    ['2026-06-30T10:00:00Z', 'month', 'Pacific/Kiritimati', '2026-07'],
    // the hour repeated when Santiago falls back at midnight belongs to the Saturday both times
    ['2024-04-07T02:30:00Z', 'day', 'America/Santiago', '2024-04-06'],
    ['2024-04-07T03:30:00Z', 'day', 'America/Santiago', '2024-04-06'],
    ['2024-04-07T04:00:00Z', 'day', 'America/Santiago', '2024-04-07'],
    // the first instant after Santiago skips midnight is 01:00 on the Sunday
    ['2024-09-08T03:59:59Z', 'day', 'America/Santiago', '2024-09-07'],
    ['2024-09-08T04:00:00Z', 'day', 'America/Santiago', '2024-09-08'],
    // the first and last supported years
    ['0001-01-01T00:00:00Z', 'day', 'UTC', '0001-01-01'],
    ['9999-12-31T23:59:59Z', 'week', 'UTC', '9999-W52'],
  ])('%s as %s in %s → %s', (iso, unit, timeZone, expected) => {
    expect(periodKey(at(iso), unit, timeZone)).toBe(expected);
  });

  it.each([
    [at('nope'), 'day', 'UTC', /date must be a valid Date/],
    ['2026-01-01' as unknown as Date, 'day', 'UTC', /date must be a valid Date/],
    [at('2026-01-01T00:00:00Z'), 'year', 'UTC', /unit must be one of day, week, month, quarter/],
    [at('2026-01-01T00:00:00Z'), 'day', 'Mars/Base', /Unknown time zone "Mars\/Base"/],
    [at('2026-01-01T00:00:00Z'), 'day', '', /timeZone must be an IANA time zone name/],
    [
      at('2026-01-01T00:00:00Z'),
      'day',
      undefined as unknown as string,
      /timeZone must be an IANA time zone name/,
    ],
    [at('-000100-06-01T00:00:00Z'), 'day', 'UTC', /Year -100 is outside the supported years 1\.\.9999/],
    [at('+010000-01-02T00:00:00Z'), 'month', 'UTC', /Year 10000 is outside/],
  ])('rejects %s / %s / %s', (date, unit, timeZone, message) => {
    expect(() => periodKey(date, unit as PeriodUnit, timeZone)).toThrow(RangeError);
    expect(() => periodKey(date, unit as PeriodUnit, timeZone)).toThrow(message);
  });
});

describe('periodRange', () => {
  it.each([
    // Paris is +01:00 in winter, +02:00 in summer
    ['2026-11-22', 'Europe/Paris', '2026-11-21T23:00:00Z', '2026-11-22T23:00:00Z', 24],
    ['2026-W47', 'Europe/Paris', '2026-11-15T23:00:00Z', '2026-11-22T23:00:00Z', 168],
    ['2026-11', 'Europe/Paris', '2026-10-31T23:00:00Z', '2026-11-30T23:00:00Z', 720],
    // 1 October is in summer time, 1 January is not: 92 days plus the hour given back in October
    ['2026-Q4', 'Europe/Paris', '2026-09-30T22:00:00Z', '2026-12-31T23:00:00Z', 92 * 24 + 1],
    // DST days are 23 and 25 hours long
    ['2026-03-29', 'Europe/Paris', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23],
    ['2026-10-25', 'Europe/Paris', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25],
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
    // midnight does not exist: Santiago jumps from Saturday 23:59:59 (−04) to Sunday 01:00 (−03), so Sunday
    // starts at the jump, 04:00 UTC; Saturday ends there too
    ['2024-09-08', 'America/Santiago', '2024-09-08T04:00:00Z', '2024-09-09T03:00:00Z', 23],
    ['2024-09-07', 'America/Santiago', '2024-09-07T04:00:00Z', '2024-09-08T04:00:00Z', 24],
    // … and falls back at midnight: Saturday has 25 hours (23:00–24:00 twice)
    ['2024-04-06', 'America/Santiago', '2024-04-06T03:00:00Z', '2024-04-07T04:00:00Z', 25],
    // Beirut (+02 → +03 at 00:00) and Havana (−05 → −04 at 00:00) skip midnight too
    ['2024-03-31', 'Asia/Beirut', '2024-03-30T22:00:00Z', '2024-03-31T21:00:00Z', 23],
    ['2024-03-10', 'America/Havana', '2024-03-10T05:00:00Z', '2024-03-11T04:00:00Z', 23],
    // the ISO week holding that skipped midnight (Monday 2 to Sunday 8 September) is an hour short
    ['2024-W36', 'America/Santiago', '2024-09-02T04:00:00Z', '2024-09-09T03:00:00Z', 167],
    // Samoa skipped 30 December 2011 entirely (−10 → +14): the day is empty, starting and ending at the jump
    ['2011-12-30', 'Pacific/Apia', '2011-12-30T10:00:00Z', '2011-12-30T10:00:00Z', 0],
    ['2011-12-29', 'Pacific/Apia', '2011-12-29T10:00:00Z', '2011-12-30T10:00:00Z', 24],
    // Toronto jumped from 23:30 (−05) to 00:30 (−04) on 30 March 1919: the gap straddles midnight, so the
    // 31st starts at the jump, 04:30 UTC, when local clocks read 00:30
    ['1919-03-31', 'America/Toronto', '1919-03-31T04:30:00Z', '1919-04-01T04:00:00Z', 23.5],
    ['1919-03-30', 'America/Toronto', '1919-03-30T05:00:00Z', '1919-03-31T04:30:00Z', 23.5],
    // Lord Howe moves its clocks by half an hour
    ['2024-10-06', 'Australia/Lord_Howe', '2024-10-05T13:30:00Z', '2024-10-06T13:00:00Z', 23.5],
    // half-hour offset, no DST
    ['2026-Q2', 'Asia/Kolkata', '2026-03-31T18:30:00Z', '2026-06-30T18:30:00Z', 91 * 24],
    // ISO weeks across year ends
    ['2026-W01', 'UTC', '2025-12-29T00:00:00Z', '2026-01-05T00:00:00Z', 168],
    ['2020-W53', 'America/New_York', '2020-12-28T05:00:00Z', '2021-01-04T05:00:00Z', 168],
    ['2026-W53', 'UTC', '2026-12-28T00:00:00Z', '2027-01-04T00:00:00Z', 168],
    // leap years
    ['2024-02', 'UTC', '2024-02-01T00:00:00Z', '2024-03-01T00:00:00Z', 29 * 24],
    ['2024-02-29', 'UTC', '2024-02-29T00:00:00Z', '2024-03-01T00:00:00Z', 24],
    ['2100-02', 'UTC', '2100-02-01T00:00:00Z', '2100-03-01T00:00:00Z', 28 * 24], // 2100 is not a leap year
    // the ends of the supported range
    ['0001-01-01', 'UTC', '0001-01-01T00:00:00Z', '0001-01-02T00:00:00Z', 24],
    ['9999-Q4', 'UTC', '9999-10-01T00:00:00Z', '+010000-01-01T00:00:00Z', 92 * 24],
  ])('%s in %s → [%s, %s), %d h', (key, timeZone, start, end, length) => {
    const range = periodRange(key, timeZone);
    expect(range.start.toISOString()).toBe(at(start).toISOString());
    expect(range.end.toISOString()).toBe(at(end).toISOString());
    expect(hours(range)).toBe(length);
  });

  it.each([
    '2026-02-29', // not a leap year
    '2026-04-31',
    '2026-01-00',
    '2026-00-10',
    '2026-13-01',
    '2025-W53', // 2025 has 52 weeks
    '2026-W00',
    '2026-W54',
    '2026-13',
    '2026-00',
    '2026-Q0',
    '2026-Q5',
    '0000-01', // before year 1
    '0000-W01',
    '0000-Q1',
    '0000-01-01',
    '26-01',
    '2026-1',
    '2026-11-22T00:00',
    '2026-w47',
    '2026-q4',
    ' 2026-11',
    '',
    'x',
  ])('rejects the key %j', (key) => {
    expect(() => periodRange(key, 'UTC')).toThrow(RangeError);
  });

  it('names the problem', () => {
    expect(() => periodRange('2026-13', 'UTC')).toThrow(/Malformed period key "2026-13"/);
    expect(() => periodRange('0000-01', 'UTC')).toThrow(
      /Period key "0000-01" is outside the supported years/,
    );
    expect(() => periodRange(42 as unknown as string, 'UTC')).toThrow(/Period key must be a string/);
    expect(() => periodRange('2026-11', 'Europe/Pariss')).toThrow(/Unknown time zone "Europe\/Pariss"/);
  });
});

describe('previousPeriodKey / nextPeriodKey', () => {
  it.each([
    ['2026-03-01', '2026-02-28', '2026-03-02'],
    ['2024-03-01', '2024-02-29', '2024-03-02'],
    ['2026-12-31', '2026-12-30', '2027-01-01'],
    ['2026-W01', '2025-W52', '2026-W02'],
    ['2021-W01', '2020-W53', '2021-W02'],
    ['2026-W53', '2026-W52', '2027-W01'],
    ['2026-01', '2025-12', '2026-02'],
    ['2025-12', '2025-11', '2026-01'],
    ['2026-Q1', '2025-Q4', '2026-Q2'],
    ['2026-Q4', '2026-Q3', '2027-Q1'],
  ])('%s ← %s, → %s', (key, previous, next) => {
    expect(previousPeriodKey(key)).toBe(previous);
    expect(nextPeriodKey(key)).toBe(next);
  });

  it.each([
    [() => previousPeriodKey('0001-01-01'), /Year 0 is outside/],
    [() => previousPeriodKey('0001-W01'), /Year 0 is outside/], // 0001-01-01 was a Monday
    [() => previousPeriodKey('0001-Q1'), /Year 0 is outside/],
    [() => nextPeriodKey('9999-12'), /Year 10000 is outside/],
    [() => nextPeriodKey('9999-12-31'), /Year 10000 is outside/],
    [() => nextPeriodKey('2026-W99'), /Malformed period key/],
  ])('rejects keys past the supported years (%#)', (call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });
});

describe('periods, as properties', () => {
  const zones = [
    'UTC',
    'Europe/Paris',
    'America/New_York',
    'America/Santiago',
    'Asia/Beirut',
    'America/Havana',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'America/St_Johns',
    'Pacific/Kiritimati',
    'Africa/Casablanca',
    'Pacific/Apia',
  ];
  const instant = fc
    .integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2045, 0, 1) })
    .map((ms) => new Date(ms));
  const unit = fc.constantFrom<PeriodUnit>('day', 'week', 'month', 'quarter');
  const zone = fc.constantFrom(...zones);

  it('the range of the key of an instant contains that instant, and the key reads back at both ends', () => {
    fc.assert(
      fc.property(instant, unit, zone, (date, u, tz) => {
        const key = periodKey(date, u, tz);
        const { start, end } = periodRange(key, tz);
        expect(start.getTime()).toBeLessThanOrEqual(date.getTime());
        expect(end.getTime()).toBeGreaterThan(date.getTime());
        expect(periodKey(start, u, tz)).toBe(key);
        expect(periodKey(new Date(end.getTime() - 1), u, tz)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('consecutive periods tile time without gaps or overlaps', () => {
    fc.assert(
      fc.property(instant, unit, zone, (date, u, tz) => {
        const key = periodKey(date, u, tz);
        const next = nextPeriodKey(key);
        expect(periodRange(next, tz).start.getTime()).toBe(periodRange(key, tz).end.getTime());
        expect(previousPeriodKey(next)).toBe(key);
        expect(nextPeriodKey(previousPeriodKey(key))).toBe(key);
      }),
      { numRuns: 300 },
    );
  });
});
