import { addBusinessMinutes, DAY, hourOf, MINUTE, weekdayOf } from './calendar';
import { CHANNEL_PROFILES, channelWeightsByHourOfWeek, type ChannelProfile } from './channels';
import type { ResolvedDemoOptions } from './options';
import { weightedPicker, type Random } from './random';
import type { TicketRow } from './rows';
import { pickAgent, type DemoAgent, type DemoTeam } from './staff';

/** Share of tickets that get at least one reopen, before team and agent multipliers. */
export const BASE_REOPEN_RATE = 0.04;

// Some replies come from the late shift or on-call cover: their clock is the wall clock, not
// business hours. The rest wait for the next opening.
const AFTER_HOURS_COVER = 0.12;
// Tickets closed by the helpdesk's auto-close some days after resolution, unless the customer replied.
const AUTO_CLOSE_AFTER = 4 * DAY;
const AUTO_CLOSE_SHARE = 0.9;
// Caps keep the lognormal tail plausible: one working week to answer, three to resolve.
const MAX_FIRST_RESPONSE = 5 * 8 * 60;
const MAX_RESOLUTION = 15 * 8 * 60;

/** Builds one ticket at a time from its opening instant, the customer already chosen. */
export type TicketFactory = (
  openedAt: number,
  index: number,
  customerId: string,
  random: Random,
) => TicketRow;

/**
 * Prepares the ticket model for a period and staff: channel by hour of the week, team by volume,
 * agent by who is on duty, subject by team; then the timeline — first response, resolution,
 * reopens — and the status as seen at the end of the period.
 *
 * @example
 * const makeTicket = createTicketFactory(options, teams);
 * const row = makeTicket(Date.UTC(2026, 5, 1, 10), 0, customerId, random);
 */
export function createTicketFactory(options: ResolvedDemoOptions, teams: readonly DemoTeam[]): TicketFactory {
  const { start, end } = options;
  const pickChannel = channelWeightsByHourOfWeek(CHANNEL_PROFILES).map((weights) =>
    weightedPicker(
      CHANNEL_PROFILES.map((profile, i): [ChannelProfile, number] => [profile, weights[i] ?? 0]),
    ),
  );
  const pickTeam = weightedPicker(teams.map((team): [DemoTeam, number] => [team, team.profile.volume]));

  return (openedAt, index, customerId, random) => {
    const channel = pickChannel[weekdayOf(openedAt) * 24 + hourOf(openedAt)]?.(random);
    if (!channel) throw new Error(`no channel weights for ${new Date(openedAt).toISOString()}`);
    const team = pickTeam(random);
    const agent = pickAgent(team, openedAt, random);
    const subject = team.pickSubject(random);
    const timeline = drawTimeline(openedAt, (openedAt - start) / (end - start), channel, team, agent, random);
    const row: TicketRow = {
      id: random.uuid(),
      externalId: `ticket-${String(index + 1).padStart(6, '0')}`,
      subject,
      channel: channel.channel,
      customerId,
      agentId: agent.row.id,
      teamId: team.row.id,
      status: 'open',
      openedAt: new Date(openedAt),
      firstResponseAt: null,
      resolvedAt: null,
      reopenedCount: 0,
      createdAt: new Date(openedAt),
      updatedAt: new Date(openedAt),
    };
    applyStateAt(row, end, timeline, random);
    return row;
  };
}

/** What happens to a ticket, as epoch ms, before it is cut off at the end of the period. */
interface Timeline {
  firstResponse: number;
  /** One resolution, plus one more after each reopen. */
  resolutions: number[];
  /** reopens[i] falls between resolutions[i] and resolutions[i + 1]. */
  reopens: number[];
}

/**
 * Draws a ticket's response, resolution and reopen times. Delays are lognormal (most quick, a long
 * tail) in working minutes, scaled by channel, team and agent; `progress` (0 → 1 over the period)
 * makes the organisation answer faster over the year — an improvement for the OKR views to show.
 */
function drawTimeline(
  openedAt: number,
  progress: number,
  channel: ChannelProfile,
  team: DemoTeam,
  agent: DemoAgent,
  random: Random,
): Timeline {
  const wallClock = random.chance(AFTER_HOURS_COVER);
  const advance = (from: number, minutes: number): number =>
    wallClock ? from + minutes * MINUTE : addBusinessMinutes(from, minutes);

  const { firstResponse: respond, resolution: resolve } = channel;
  const responseMedian = respond.median * team.profile.firstResponse * agent.pace * (1.12 - 0.24 * progress);
  const responseMinutes = clamp(random.lognormal(responseMedian, respond.sigma), 0.25, MAX_FIRST_RESPONSE);
  const firstResponse = wholeSecondAfter(openedAt, advance(openedAt, responseMinutes));

  const resolveMedian =
    resolve.median * team.profile.resolution * Math.sqrt(agent.pace) * (1.05 - 0.1 * progress);
  const resolveMinutes = clamp(random.lognormal(resolveMedian, resolve.sigma), 0, MAX_RESOLUTION);
  const resolutions = [wholeSecondAfter(firstResponse, advance(firstResponse, resolveMinutes))];

  const reopenRate = BASE_REOPEN_RATE * team.profile.reopen * agent.care;
  const draw = random.next();
  const reopenCount = draw < reopenRate * 0.1 ? 2 : draw < reopenRate ? 1 : 0;
  const reopens: number[] = [];
  for (let i = 0; i < reopenCount; i++) {
    // The customer writes back hours to days later; the agent then needs another working stretch.
    const previous = resolutions[resolutions.length - 1] ?? firstResponse;
    const replyDelay = clamp(random.lognormal(20 * 60, 0.8), 0, 7 * 24 * 60) * MINUTE;
    const reopenedAt = wholeSecondAfter(previous, previous + replyDelay);
    const fixMinutes = clamp(random.lognormal(240, 1.0), 0, MAX_RESOLUTION);
    reopens.push(reopenedAt);
    resolutions.push(wholeSecondAfter(reopenedAt, addBusinessMinutes(reopenedAt, fixMinutes)));
  }
  return { firstResponse, resolutions, reopens };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Rounds up to a whole second, and never before `floor`: helpdesks report seconds, and order must hold. */
function wholeSecondAfter(floor: number, at: number): number {
  return Math.max(floor, Math.ceil(at / 1000) * 1000);
}

/**
 * Sets status, times and reopen count as the helpdesk shows them at `now`: events after `now` have
 * not happened yet, so recent tickets are still open or pending and a future reopen is not counted.
 */
function applyStateAt(row: TicketRow, now: number, timeline: Timeline, random: Random): void {
  const { firstResponse, resolutions, reopens } = timeline;
  if (firstResponse > now) return;
  row.firstResponseAt = new Date(firstResponse);
  row.updatedAt = row.firstResponseAt;
  for (let i = 0; i < resolutions.length; i++) {
    const resolvedAt = resolutions[i] ?? now;
    if (resolvedAt > now) {
      // Waiting on the customer after a first answer, or still being worked on.
      row.status = row.reopenedCount === 0 && random.chance(0.55) ? 'pending' : 'open';
      return;
    }
    const reopenedAt = reopens[i];
    if (reopenedAt === undefined || reopenedAt > now) {
      row.resolvedAt = new Date(resolvedAt);
      row.updatedAt = row.resolvedAt;
      row.status =
        now - resolvedAt > AUTO_CLOSE_AFTER && random.chance(AUTO_CLOSE_SHARE) ? 'closed' : 'resolved';
      return;
    }
    row.reopenedCount += 1;
    row.updatedAt = new Date(reopenedAt);
  }
}
