/**
 * How each contact channel behaves in the demo: its share of tickets, when in the week people use
 * it, and how fast it is answered and resolved.
 */

export const CHANNELS = ['email', 'chat', 'phone', 'web', 'social'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelProfile {
  channel: Channel;
  /** Share of all tickets over whole weeks. */
  share: number;
  /** Relative volume by UTC hour on a working day (any scale; normalised below). */
  workdayHours: readonly number[];
  /** Volume at the weekend relative to the same hour on a working day. */
  weekend: number;
  /** Median working minutes to the first response, and the spread (sd of its logarithm). */
  firstResponse: { median: number; sigma: number };
  /** Median working minutes from the first response to resolution, and the spread. */
  resolution: { median: number; sigma: number };
}

// Live channels (chat, phone) live inside office hours and are answered in minutes; written ones
// (email, web form) arrive around the clock and wait hours; social peaks in the evening.
export const CHANNEL_PROFILES: readonly ChannelProfile[] = [
  {
    channel: 'email',
    share: 0.45,
    workdayHours: [
      0.15, 0.1, 0.1, 0.1, 0.12, 0.2, 0.35, 0.65, 1.0, 1.3, 1.4, 1.3, 1.1, 1.2, 1.3, 1.2, 1.0, 0.8, 0.6, 0.5,
      0.45, 0.4, 0.3, 0.2,
    ],
    weekend: 0.75,
    firstResponse: { median: 150, sigma: 1.0 },
    resolution: { median: 480, sigma: 1.1 },
  },
  {
    channel: 'chat',
    share: 0.3,
    workdayHours: [
      0.02, 0.02, 0.02, 0.02, 0.02, 0.03, 0.1, 0.4, 1.2, 1.6, 1.7, 1.6, 1.3, 1.5, 1.6, 1.5, 1.2, 0.5, 0.2,
      0.15, 0.1, 0.08, 0.05, 0.03,
    ],
    weekend: 0.35,
    firstResponse: { median: 2.5, sigma: 0.9 },
    resolution: { median: 25, sigma: 1.2 },
  },
  {
    channel: 'phone',
    share: 0.12,
    workdayHours: [
      0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.3, 1.4, 1.7, 1.7, 1.5, 1.2, 1.5, 1.6, 1.4, 1.1, 0.3, 0.03,
      0.02, 0.01, 0.01, 0.01, 0.01,
    ],
    weekend: 0.08,
    firstResponse: { median: 1.2, sigma: 0.8 },
    resolution: { median: 15, sigma: 1.3 },
  },
  {
    channel: 'web',
    share: 0.1,
    workdayHours: [
      0.3, 0.25, 0.2, 0.2, 0.2, 0.3, 0.45, 0.7, 1.0, 1.1, 1.1, 1.1, 1.0, 1.0, 1.1, 1.1, 1.0, 0.9, 0.8, 0.8,
      0.75, 0.7, 0.55, 0.4,
    ],
    weekend: 1.0,
    firstResponse: { median: 200, sigma: 1.0 },
    resolution: { median: 600, sigma: 1.1 },
  },
  {
    channel: 'social',
    share: 0.03,
    workdayHours: [
      0.25, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.7, 0.8, 0.8, 0.9, 1.0, 0.9, 0.9, 0.9, 1.0, 1.1, 1.2, 1.3,
      1.3, 1.2, 0.9, 0.5,
    ],
    weekend: 1.4,
    firstResponse: { median: 60, sigma: 1.1 },
    resolution: { median: 360, sigma: 1.2 },
  },
];

/** Overall volume by UTC weekday, 0 = Sunday: Monday's backlog peak, a quieter Friday and weekend. */
export const WEEKDAY_VOLUME: readonly number[] = [0.4, 1.12, 1.06, 1.0, 0.98, 0.88, 0.45];

/**
 * Each channel's expected tickets per hour of the week (index = weekday × 24 + hour, weekday
 * 0 = Sunday), scaled so that over a whole week every channel gets exactly its share: summed over
 * the 168 hours, channel c's row adds up to `share × 168`.
 *
 * @example
 * const weights = channelWeightsByHourOfWeek(CHANNEL_PROFILES);
 * weights[1 * 24 + 10]; // Monday 10:00: [email, chat, phone, web, social] weights
 */
export function channelWeightsByHourOfWeek(profiles: readonly ChannelProfile[]): number[][] {
  const shapes = profiles.map((profile) => {
    const shape: number[] = [];
    for (let weekday = 0; weekday < 7; weekday++) {
      const weekend = weekday === 0 || weekday === 6 ? profile.weekend : 1;
      for (let hour = 0; hour < 24; hour++) {
        shape.push((WEEKDAY_VOLUME[weekday] ?? 1) * weekend * (profile.workdayHours[hour] ?? 0));
      }
    }
    const mean = shape.reduce((sum, value) => sum + value, 0) / shape.length;
    return shape.map((value) => (profile.share * value) / mean);
  });
  return Array.from({ length: 168 }, (_, hourOfWeek) => shapes.map((shape) => shape[hourOfWeek] ?? 0));
}
