import { describe, expect, it } from 'vitest';
import {
  digestDue,
  digestPeriod,
  nextDigestAt,
  sendTimeInWeekOf,
  weekHandledWhenSet,
  weekOf,
  type DigestSchedule,
} from './digest-schedule';

const BELGRADE = 'Europe/Belgrade';
const MONDAY_8: DigestSchedule = { enabled: true, weekday: 1, hour: 8, lastScheduledWeek: '2026-W47' };
const at = (iso: string) => new Date(iso);

describe('sendTimeInWeekOf', () => {
  it.each([
    // Belgrade is UTC+1 in winter: Monday 23 November 2026, 08:00 local = 07:00 UTC, for any moment of that week.
    [{ weekday: 1, hour: 8 }, BELGRADE, '2026-11-25T12:00:00Z', '2026-11-23T07:00:00.000Z'],
    [{ weekday: 1, hour: 8 }, BELGRADE, '2026-11-22T22:59:59Z', '2026-11-16T07:00:00.000Z'],
    [{ weekday: 1, hour: 8 }, BELGRADE, '2026-11-22T23:00:00Z', '2026-11-23T07:00:00.000Z'],
    // Sunday is day 7, the end of the ISO week.
    [{ weekday: 7, hour: 18 }, 'UTC', '2026-11-23T00:00:00Z', '2026-11-29T18:00:00.000Z'],
    // Summer time (UTC+2).
    [{ weekday: 5, hour: 16 }, BELGRADE, '2026-07-01T10:00:00Z', '2026-07-03T14:00:00.000Z'],
    // 02:00 does not exist on 29 March 2026 in Belgrade (clocks jump to 03:00): the first instant after.
    [{ weekday: 7, hour: 2 }, BELGRADE, '2026-03-25T10:00:00Z', '2026-03-29T01:00:00.000Z'],
    // A zone half an hour off UTC.
    [{ weekday: 1, hour: 8 }, 'Asia/Kolkata', '2026-11-24T10:00:00Z', '2026-11-23T02:30:00.000Z'],
  ])('%j in %s, week of %s → %s', (schedule, zone, now, expected) => {
    expect(sendTimeInWeekOf(schedule, zone, at(now)).toISOString()).toBe(expected);
  });
});

describe('digestDue', () => {
  it.each([
    ['a minute before 08:00 local', '2026-11-23T06:59:00Z', MONDAY_8, false],
    ['at 08:00 local', '2026-11-23T07:00:00Z', MONDAY_8, true],
    ['later that week, still not sent (a worker was down)', '2026-11-26T12:00:00Z', MONDAY_8, true],
    [
      'once this week’s is queued',
      '2026-11-23T07:05:00Z',
      { ...MONDAY_8, lastScheduledWeek: '2026-W48' },
      false,
    ],
    ['switched off', '2026-11-23T07:00:00Z', { ...MONDAY_8, enabled: false }, false],
    ['never sent at all', '2026-11-23T07:00:00Z', { ...MONDAY_8, lastScheduledWeek: null }, true],
    // Sunday 23:30 local is still the week before in Belgrade, though it is Monday in UTC+3.
    [
      'Sunday night in Belgrade',
      '2026-11-22T22:30:00Z',
      { ...MONDAY_8, lastScheduledWeek: '2026-W47' },
      false,
    ],
  ] as const)('%s → %s', (_what, now, schedule, expected) => {
    expect(digestDue(schedule, BELGRADE, at(now))).toBe(expected);
  });
});

describe('nextDigestAt', () => {
  it('is this week’s send time until this week’s digest is queued, then next week’s', () => {
    expect(nextDigestAt(MONDAY_8, BELGRADE, at('2026-11-22T12:00:00Z'))?.toISOString()).toBe(
      '2026-11-23T07:00:00.000Z',
    );
    const sent = { ...MONDAY_8, lastScheduledWeek: '2026-W48' };
    expect(nextDigestAt(sent, BELGRADE, at('2026-11-23T07:01:00Z'))?.toISOString()).toBe(
      '2026-11-30T07:00:00.000Z',
    );
    // Across the change to summer time: Monday 30 March 2026 08:00 is 06:00 UTC.
    const march = { ...MONDAY_8, lastScheduledWeek: '2026-W13' };
    expect(nextDigestAt(march, BELGRADE, at('2026-03-24T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-30T06:00:00.000Z',
    );
  });

  it('is none while the digest is off', () => {
    expect(nextDigestAt({ ...MONDAY_8, enabled: false }, BELGRADE, at('2026-11-22T12:00:00Z'))).toBeNull();
  });
});

describe('weekHandledWhenSet', () => {
  it.each([
    // Set on Wednesday to Mondays: this week's Monday is past, so the first digest is next Monday's.
    [{ weekday: 1, hour: 8 }, null, '2026-11-25T12:00:00Z', '2026-W48'],
    // Set on Wednesday to Fridays: this Friday's is still to come.
    [{ weekday: 5, hour: 8 }, null, '2026-11-25T12:00:00Z', null],
    [{ weekday: 5, hour: 8 }, '2026-W47', '2026-11-25T12:00:00Z', '2026-W47'],
    // Already sent this week: moving it to a later day does not send a second one.
    [{ weekday: 5, hour: 8 }, '2026-W48', '2026-11-25T12:00:00Z', '2026-W48'],
  ])('%j (recorded %s) at %s → %s', (schedule, recorded, now, expected) => {
    expect(weekHandledWhenSet(schedule, recorded, BELGRADE, at(now))).toBe(expected);
  });
});

describe('digestPeriod and weekOf', () => {
  it('reports on the seven whole local days before the send', () => {
    expect(digestPeriod(at('2026-11-30T07:00:00Z'), BELGRADE)).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    // 00:30 on Monday in Belgrade is still Sunday in UTC: the local day decides.
    expect(digestPeriod(at('2026-11-29T23:30:00Z'), BELGRADE)).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(digestPeriod(at('2026-03-02T09:00:00Z'), 'UTC')).toEqual({ from: '2026-02-23', to: '2026-03-01' });
  });

  it('names ISO weeks in the time zone, sortable as text', () => {
    expect(weekOf(at('2026-11-23T07:00:00Z'), BELGRADE)).toBe('2026-W48');
    expect(weekOf(at('2026-11-22T23:30:00Z'), BELGRADE)).toBe('2026-W48');
    expect(weekOf(at('2026-11-22T23:30:00Z'), 'UTC')).toBe('2026-W47');
    expect(weekOf(at('2025-12-29T12:00:00Z'), 'UTC')).toBe('2026-W01');
    expect('2025-W52' < '2026-W01').toBe(true);
  });
});
