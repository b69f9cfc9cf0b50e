import { describe, expect, it } from 'vitest';
import { arrivalTimes, createArrivalModel } from './arrivals';
import { DAY, HOUR, hourOf, weekdayOf } from './calendar';
import { CHANNEL_PROFILES, channelWeightsByHourOfWeek } from './channels';
import { createRandom } from './random';

const start = Date.UTC(2026, 0, 5); // a Monday
const end = start + 28 * DAY;

describe('channelWeightsByHourOfWeek', () => {
  it('gives each channel exactly its share over a whole week', () => {
    const weights = channelWeightsByHourOfWeek(CHANNEL_PROFILES);
    expect(weights).toHaveLength(168);
    CHANNEL_PROFILES.forEach((profile, i) => {
      const total = weights.reduce((sum, hour) => sum + (hour[i] ?? 0), 0);
      expect(total / 168).toBeCloseTo(profile.share, 10);
    });
  });

  it('puts phone calls in office hours', () => {
    const weights = channelWeightsByHourOfWeek(CHANNEL_PROFILES);
    const phone = CHANNEL_PROFILES.findIndex((profile) => profile.channel === 'phone');
    expect(weights[1 * 24 + 10]![phone]!).toBeGreaterThan(50 * weights[1 * 24 + 3]![phone]!);
  });
});

describe('arrivalTimes', () => {
  const flat = Array.from({ length: 168 }, () => 1);

  it('yields exactly the count asked for, ascending, in whole seconds, inside the period', () => {
    const model = createArrivalModel(start, end, flat);
    const times = [...arrivalTimes(model, 5000, createRandom(1))];
    expect(times).toHaveLength(5000);
    expect(times.filter((t, i) => i > 0 && t < times[i - 1]!)).toEqual([]);
    expect(times.filter((t) => t % 1000 !== 0 || t < start || t >= end)).toEqual([]);
  });

  it('yields nothing for a count of zero', () => {
    expect([...arrivalTimes(createArrivalModel(start, end, flat), 0, createRandom(1))]).toEqual([]);
  });

  it('follows the weekly shape: an hour with twice the weight gets about twice the arrivals', () => {
    // Weekdays 09:00–17:00 weigh 2, every other hour 1.
    const shaped = Array.from({ length: 168 }, (_, i) => {
      const weekday = Math.floor(i / 24);
      const hour = i % 24;
      return weekday >= 1 && weekday <= 5 && hour >= 9 && hour < 17 ? 2 : 1;
    });
    const times = [...arrivalTimes(createArrivalModel(start, end, shaped), 40_000, createRandom(2))];
    const busy = times.filter(
      (t) => weekdayOf(t) >= 1 && weekdayOf(t) <= 5 && hourOf(t) >= 9 && hourOf(t) < 17,
    );
    // 40 busy hours of weight 2 against 128 quiet hours of weight 1 a week: 80 / 208 of the arrivals.
    expect(busy.length / times.length).toBeCloseTo(80 / 208, 2);
  });

  it('grows over the period', () => {
    const long = createArrivalModel(start, start + 364 * DAY, flat);
    const times = [...arrivalTimes(long, 30_000, createRandom(3))];
    const half = start + 182 * DAY;
    const early = times.filter((t) => t < half).length;
    // Growth 0.88 → 1.12: the second half averages 1.06 against 0.94, a ratio of about 1.13.
    expect((times.length - early) / early).toBeGreaterThan(1.08);
    expect((times.length - early) / early).toBeLessThan(1.18);
  });

  it('handles a period that does not end on the hour', () => {
    const ragged = createArrivalModel(start, start + 2 * HOUR + 30 * 60_000, flat);
    const times = [...arrivalTimes(ragged, 3000, createRandom(4))];
    const lastHalfHour = times.filter((t) => t >= start + 2 * HOUR).length;
    expect(lastHalfHour / times.length).toBeCloseTo(0.2, 1);
    expect(Math.max(...times)).toBeLessThan(start + 2 * HOUR + 30 * 60_000);
  });
});
