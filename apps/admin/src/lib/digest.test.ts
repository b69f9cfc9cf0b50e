import type { DigestRecipientView } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { describeSchedule, describeSendNow, formatInZone, HOURS } from './digest';

const person = (name: string): DigestRecipientView => ({
  id: name,
  name,
  email: `${name.toLowerCase()}@example.com`,
  role: 'viewer',
  locale: 'en',
});
const PERIOD = { from: '2026-11-23', to: '2026-11-29', timeZone: 'UTC' };

describe('describeSchedule', () => {
  it.each([
    [{ enabled: true, weekday: 1, hour: 8 }, 'Mondays at 08:00 (Europe/Belgrade)'],
    [{ enabled: true, weekday: 7, hour: 18 }, 'Sundays at 18:00 (Europe/Belgrade)'],
    [{ enabled: false, weekday: 1, hour: 8 }, 'Off'],
  ])('%j → %s', (schedule, text) => {
    expect(describeSchedule(schedule, 'Europe/Belgrade')).toBe(text);
  });

  it('offers every hour of the day', () => {
    expect(HOURS).toHaveLength(24);
    expect([HOURS[0]?.label, HOURS[8]?.label, HOURS[23]?.label]).toEqual(['00:00', '08:00', '23:00']);
  });
});

describe('formatInZone', () => {
  it('shows the organisation’s wall clock, not the browser’s', () => {
    expect(formatInZone('2026-12-07T07:00:00.000Z', 'Europe/Belgrade', 'en-GB')).toBe(
      'Monday, 7 December 2026 at 08:00',
    );
    expect(formatInZone('2026-12-07T07:00:00.000Z', 'Asia/Tokyo', 'en-GB')).toBe(
      'Monday, 7 December 2026 at 16:00',
    );
  });
});

describe('describeSendNow', () => {
  it.each([
    [[person('Ana')], [], 'Digest queued for Ana. It goes out within a minute.'],
    [[person('Ana'), person('Bo')], [], 'Digest queued for Ana and Bo. It goes out within a minute.'],
    [
      ['Ana', 'Bo', 'Cy', 'Di', 'Ed'].map(person),
      [],
      'Digest queued for Ana, Bo, Cy and 2 others. It goes out within a minute.',
    ],
    [[], [person('Ana')], 'Ana has a digest waiting to go out already.'],
    [
      [person('Ana')],
      [person('Bo'), person('Cy')],
      'Digest queued for Ana. It goes out within a minute. Bo and Cy have a digest waiting to go out already.',
    ],
  ])('%#', (queued, alreadyQueued, text) => {
    expect(describeSendNow({ queued, alreadyQueued, period: PERIOD })).toBe(text);
  });
});
