import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessDayMinutes, type WorkingTime } from './business-time';

const belgrade: WorkingTime = {
  timeZone: 'Europe/Belgrade',
  businessHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
  holidays: [],
};

describe('addBusinessMinutes', () => {
  it.each([
    // Tuesday 10:00 local (09:00Z, CET = UTC+1) + 8 h → Wednesday 10:00 local
    ['2026-11-17T09:00:00Z', 480, '2026-11-18T09:00:00.000Z'],
    // Friday 16:00 local + 8 h → 1 h on Friday, 7 h on Monday → Monday 16:00 local
    ['2026-11-20T15:00:00Z', 480, '2026-11-23T15:00:00.000Z'],
    // Saturday → starts counting Monday 09:00 local
    ['2026-11-21T12:00:00Z', 60, '2026-11-23T09:00:00.000Z'],
    // Before opening: counts from 09:00 local
    ['2026-11-17T05:00:00Z', 30, '2026-11-17T08:30:00.000Z'],
    // After closing: next morning
    ['2026-11-17T20:00:00Z', 60, '2026-11-18T09:00:00.000Z'],
    // Across the end of DST (Sunday 25 October 2026): Friday 16:00 CEST (14:00Z) + 8 h → Monday 16:00 CET (15:00Z)
    ['2026-10-23T14:00:00Z', 480, '2026-10-26T15:00:00.000Z'],
  ])('from %s plus %i minutes → %s', (from, minutes, expected) => {
    expect(addBusinessMinutes(new Date(from), minutes, belgrade).toISOString()).toBe(expected);
  });

  it('skips holidays', () => {
    const withHoliday = { ...belgrade, holidays: ['2026-11-18'] };
    expect(addBusinessMinutes(new Date('2026-11-17T09:00:00Z'), 480, withHoliday).toISOString()).toBe(
      '2026-11-19T09:00:00.000Z',
    );
  });

  it('falls back to calendar time without working days', () => {
    const none = { ...belgrade, businessHours: { days: [], start: '09:00', end: '17:00' } };
    expect(addBusinessMinutes(new Date('2026-11-17T09:00:00Z'), 60, none).toISOString()).toBe(
      '2026-11-17T10:00:00.000Z',
    );
    expect(businessDayMinutes(belgrade)).toBe(480);
  });
});
