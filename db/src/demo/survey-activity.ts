import type { Answers } from '@rapport/contracts';
import { addBusinessMinutes, DAY, MINUTE } from './calendar';
import { COMMENTS, FOLLOW_UP_NOTES } from './comments';
import { CHAT_CHANNEL, CHAT_QUESTIONS } from './chat-survey';
import type { Locale } from './names';
import type { DemoSurvey, ResolvedDemoOptions } from './options';
import { createRandom, weightedPicker, type Random } from './random';
import { npsCount, type RollupAccumulator, type RollupCount } from './rollups';
import type { DemoBatch, FollowUpRow, InvitationRow, ResponseRow, TicketRow } from './rows';
import type { DemoAgent, DemoTeam } from './staff';

/**
 * Stream labels: survey activity draws from streams of its own, so it never shifts the tickets' data;
 * the chat survey's tickets from another one, so its longer questionnaire never shifts what the
 * default survey's tickets draw (and without a chat survey the data is what it was before it).
 */
const SURVEY_STREAM = 2;
const CHAT_SURVEY_STREAM = 4;

/** The default survey's rules: send an hour after resolution, links valid for 14 days. */
const DELAY = 60 * MINUTE;
const EXPIRES_AFTER = 14 * DAY;
/** Resolved tickets the API would skip (the per-customer throttle): recorded, not invited. */
const SKIPPED_SHARE = 0.06;
/** Invitations answered (people and scanners); a twentieth of the answers are scanners'. */
const ANSWER_RATE = 0.21;
const BOT_SHARE = 0.05;
/** Answers sooner than this after sending are flagged (as the API's bot check does). */
const TOO_FAST = 10_000;
/** One business day in working minutes (Mon–Fri 09:00–17:00): the follow-up deadline. */
const FOLLOW_UP_DUE = 8 * 60;
/** Follow-ups nobody gets round to: they stay open, and overdue. */
const FORGOTTEN_SHARE = 0.02;

/** CSAT 1…5 before any shift: the organisation's usual 6/3/6/20/65%. */
const BASE_CSAT = [0.06, 0.03, 0.06, 0.2, 0.65] as const;
/** Chance that a customer who answered `resolved` says no, by rating 1…5. */
const UNRESOLVED_BY_RATING = [0.6, 0.45, 0.25, 0.06, 0.02] as const;

const HUMAN_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
] as const;
const SCANNER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Safelinks',
  'Mozilla/5.0 (compatible; Proofpoint URL Defense)',
  'Mozilla/5.0 (compatible; Mimecast URL Protect)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/119.0.0.0 Safari/537.36',
] as const;

/** What went wrong, by how often unhappy customers pick it. */
const pickReason = weightedPicker([
  ['took_too_long', 30],
  ['repeated_myself', 15],
  ['not_informed', 12],
  ['not_understood', 12],
  ['wrong_information', 10],
  ['unfriendly', 6],
  ['other', 8],
]);

/** Chance that someone who goes past the one-click rating agrees or disagrees with a statement. */
const STATEMENT_ANSWERED = 0.8;
/** … and answers the NPS question. */
const NPS_ANSWERED = 0.85;
/** Where a statement's answer sits when the rating does not pull it: most people agree. */
const STATEMENT_BASE = { mean: 4, sd: 1.1 } as const;
/** Spread of a statement's answer around its pulled value, before rounding. */
const STATEMENT_NOISE = 0.45;
/** The usual NPS answer by rating 1…5 (5 → mostly 9–10, 4 → 7–9, 3 → 5–8, 1–2 → 0–6), and the spread. */
const NPS_BY_RATING = [2, 4, 6.5, 8, 9.5] as const;
const NPS_NOISE = 1.1;

/** Adds a ticket's survey activity to the batch; call it for every ticket, in ticket order. */
export type SurveyActivity = (ticket: TicketRow, locale: Locale, batch: DemoBatch) => void;

/** The surveys the demo answers: `main` for every ticket but chat ones when `chat` is given. */
export interface DemoSurveys {
  main: DemoSurvey;
  chat: DemoSurvey | null;
}

/**
 * What a person answers after the rating, up to the comment, into `answers` and the response's
 * metric columns; `rating` is given.
 */
type AnswerRest = (response: ResponseRow, answers: Answers, rating: number, random: Random) => void;

/** A survey with the stream its tickets draw from and the way its questions are answered. */
interface Questionnaire {
  survey: DemoSurvey;
  random: Random;
  answerRest: AnswerRest;
}

/**
 * Prepares the survey model: for each resolved ticket a ticket event and (mostly) an invitation an
 * hour later; about a fifth answered, minutes to two days after sending, a few by link scanners
 * within seconds; CSAT by team, agent and a mild improvement over the period; comments; a follow-up
 * for counted low, unresolved or callback answers. Chat tickets answer `surveys.chat` when given:
 * there, those who go past the one-click rating agree or disagree with each service-principle
 * statement (most of them), each following the rating by its own weight (CHAT_QUESTIONS), and
 * answer the NPS question in line with the rating. Other tickets answer `surveys.main`: reasons
 * and callbacks for the unhappy. Every count it adds goes to `rollups` as well, keyed by survey,
 * so the rollups equal what the rows say.
 *
 * @example
 * const activity = createSurveyActivity(options, { main: survey, chat: chatSurvey }, teams, rollups);
 * activity(ticket, 'hr', batch); // batch.invitations, .responses, … gain this ticket's rows
 */
export function createSurveyActivity(
  options: ResolvedDemoOptions,
  surveys: DemoSurveys,
  teams: readonly DemoTeam[],
  rollups: RollupAccumulator,
): SurveyActivity {
  const { start, end } = options;
  const main: Questionnaire = {
    survey: surveys.main,
    random: createRandom(options.seed, SURVEY_STREAM),
    answerRest: answerMainRest,
  };
  const chat: Questionnaire | null = surveys.chat && {
    survey: surveys.chat,
    random: createRandom(options.seed, CHAT_SURVEY_STREAM),
    answerRest: answerChatRest,
  };
  const staff = new Map<string, { team: DemoTeam; agent: DemoAgent }>();
  for (const team of teams) for (const agent of team.agents) staff.set(agent.row.id, { team, agent });

  return (ticket, locale, batch) => {
    if (ticket.resolvedAt === null || ticket.agentId === null || ticket.teamId === null) return;
    const who = staff.get(ticket.agentId);
    if (!who) throw new Error(`ticket ${ticket.externalId} has an unknown agent`);
    const { teamId, agentId, channel } = ticket;
    const { survey, random, answerRest } = chat && channel === CHAT_CHANNEL ? chat : main;
    const count = (at: number, what: RollupCount) =>
      rollups.add(at, survey.id, teamId, agentId, channel, what);
    const resolvedAt = ticket.resolvedAt.getTime();
    const skipped = random.chance(SKIPPED_SHARE);
    const event = {
      id: random.uuid(),
      ticketId: ticket.id,
      type: 'ticket.resolved',
      occurredAt: ticket.resolvedAt,
      receivedAt: ticket.resolvedAt,
      decision: skipped ? 'skipped_throttled' : 'scheduled',
      invitationId: null as string | null,
    };
    batch.ticketEvents.push(event);
    if (skipped) return;

    const scheduledFor = resolvedAt + DELAY;
    const sentAt = scheduledFor + random.int(2, 90) * 1000;
    const sent = sentAt <= end;
    const invitation: InvitationRow = {
      id: random.uuid(),
      surveyId: survey.id,
      surveyVersionId: survey.versionId,
      ticketId: ticket.id,
      customerId: ticket.customerId,
      teamId,
      agentId,
      channel,
      locale,
      ticketResolvedAt: ticket.resolvedAt,
      status: sent ? 'sent' : 'scheduled',
      scheduledFor: new Date(scheduledFor),
      tokenHash: random.hex(8),
      sentAt: sent ? new Date(sentAt) : null,
      expiresAt: sent ? new Date(sentAt + EXPIRES_AFTER) : null,
      respondedAt: null,
      attempts: sent ? 1 : 0,
      createdAt: ticket.resolvedAt,
    };
    event.invitationId = invitation.id;
    batch.invitations.push(invitation);
    if (!sent) return;
    count(sentAt, 'sent');
    if (!random.chance(ANSWER_RATE)) return;

    const bot = random.chance(BOT_SHARE);
    const response = bot
      ? scannerResponse(invitation, sentAt, random)
      : personResponse(
          invitation,
          locale,
          sentAt,
          satisfaction(who, ticket, (resolvedAt - start) / (end - start)),
          random,
          answerRest,
        );
    const submittedAt = response.submittedAt.getTime();
    // Not answered yet at the end of the period.
    if (submittedAt > end) return;
    response.rollupDay = rollups.dayOf(submittedAt);
    invitation.respondedAt = response.submittedAt;
    batch.responses.push(response);
    if (!response.counted) {
      count(submittedAt, 'bots');
      return;
    }
    count(submittedAt, 'responses');
    if (response.csat !== null) count(submittedAt, CSAT_COUNTS[response.csat - 1] ?? 'csat5');
    if (response.nps !== null) count(submittedAt, npsCount(response.nps));
    if (response.resolved !== null) count(submittedAt, response.resolved ? 'resolvedYes' : 'resolvedNo');
    const followUp = followUpFor(response, end, random);
    if (followUp) batch.followUps.push(followUp);
  };
}

const CSAT_COUNTS = ['csat1', 'csat2', 'csat3', 'csat4', 'csat5'] as const;

/**
 * The shift of a ticket's CSAT: the team's profile, the agent's care and pace (newcomers are rated
 * lower), a reopened ticket (much lower), and −0.15 → +0.15 over the period: a mild improvement.
 */
function satisfaction(
  who: { team: DemoTeam; agent: DemoAgent },
  ticket: TicketRow,
  progress: number,
): number {
  return (
    who.team.profile.satisfaction -
    0.6 * Math.log(who.agent.care) -
    0.4 * Math.log(who.agent.pace) -
    (ticket.reopenedCount > 0 ? 0.8 : 0) +
    0.3 * (progress - 0.5)
  );
}

/** A rating 1–5: the base shares with fives scaled by e^shift and ones and twos by e^−shift. */
function drawRating(shift: number, random: Random): number {
  const up = Math.exp(shift);
  const down = 1 / up;
  const weights = [
    BASE_CSAT[0] * down,
    BASE_CSAT[1] * down,
    BASE_CSAT[2] * Math.sqrt(down),
    BASE_CSAT[3],
    BASE_CSAT[4] * up,
  ];
  let target = random.next() * weights.reduce((sum, w) => sum + w, 0);
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i] ?? 0;
    if (target < 0) return i + 1;
  }
  return 5;
}

function baseResponse(invitation: InvitationRow, submittedAt: number, random: Random): ResponseRow {
  return {
    id: random.uuid(),
    invitationId: invitation.id,
    surveyId: invitation.surveyId,
    surveyVersionId: invitation.surveyVersionId,
    ticketId: invitation.ticketId,
    customerId: invitation.customerId,
    teamId: invitation.teamId,
    agentId: invitation.agentId,
    channel: invitation.channel,
    locale: invitation.locale,
    answers: {},
    csat: null,
    nps: null,
    resolved: null,
    callback: null,
    reasons: [],
    comment: null,
    suspectedBot: false,
    botEvidence: [],
    counted: true,
    rollupDay: '',
    userAgent: null,
    submittedAt: new Date(submittedAt),
    updatedAt: new Date(submittedAt),
  };
}

/**
 * A link scanner's "answer": it opens the one-click rating link within seconds, or a headless
 * browser presses a rating later on; either way without a person's interaction. Flagged, not counted.
 */
function scannerResponse(invitation: InvitationRow, sentAt: number, random: Random): ResponseRow {
  const scanner = random.chance(0.6);
  const delay =
    scanner && random.chance(0.5)
      ? random.int(1, 9) * 1000
      : random.int(1, 8) * 1000 + (scanner ? 30_000 : 0);
  const response = baseResponse(invitation, sentAt + delay, random);
  const rating = random.int(1, 5);
  response.answers = { rating };
  response.csat = rating;
  response.userAgent = scanner ? random.pick(SCANNER_AGENTS) : random.pick(HUMAN_AGENTS);
  const evidence: string[] = [];
  if (scanner) evidence.push('scanner_user_agent');
  if (delay < TOO_FAST) evidence.push('answered_within_seconds');
  evidence.push('no_interaction');
  response.botEvidence = evidence;
  response.suspectedBot = true;
  response.counted = false;
  return response;
}

/**
 * A person's answer: minutes to two days after the email, shaped by `shift` (see satisfaction): the
 * rating, then `answerRest` for the survey's questions up to the comment, then maybe a comment.
 */
function personResponse(
  invitation: InvitationRow,
  locale: Locale,
  sentAt: number,
  shift: number,
  random: Random,
  answerRest: AnswerRest,
): ResponseRow {
  const minutes = Math.min(2 * 24 * 60, Math.max(1, random.lognormal(90, 1.6)));
  const submittedAt = Math.ceil((sentAt + minutes * MINUTE) / 1000) * 1000;
  const response = baseResponse(invitation, submittedAt, random);
  response.userAgent = random.pick(HUMAN_AGENTS);
  const rating = drawRating(shift, random);
  const answers: Answers = { rating };
  response.csat = rating;

  answerRest(response, answers, rating, random);
  const commentOdds = rating <= 2 ? 0.5 : rating === 3 ? 0.4 : 0.27;
  if (random.chance(commentOdds)) {
    const texts = COMMENTS[locale];
    response.comment = random.pick(rating >= 4 ? texts.positive : texts.negative);
    answers.comment = response.comment;
  }
  response.answers = answers;
  return response;
}

/** Some stop after the one-click rating: true for those who go on to the rest of the form. */
const goesPastRating = (random: Random): boolean => random.chance(0.9);

/** Resolved, most likely yes for a high rating (for those who go past the rating). */
function answerResolved(response: ResponseRow, answers: Answers, rating: number, random: Random): void {
  const unresolvedOdds = UNRESOLVED_BY_RATING[rating - 1] ?? 0;
  response.resolved = !random.chance(unresolvedOdds);
  answers.resolved = response.resolved;
}

/** The default survey after the rating: resolved; reasons and a callback when unhappy. */
function answerMainRest(response: ResponseRow, answers: Answers, rating: number, random: Random): void {
  if (goesPastRating(random)) answerResolved(response, answers, rating, random);
  if (rating <= 3 || response.resolved === false) {
    if (random.chance(0.85)) {
      const reasons = new Set<string>();
      if (response.resolved === false && random.chance(0.8)) reasons.add('not_resolved');
      const extra = reasons.size === 0 ? random.int(1, 2) : random.int(0, 1);
      for (let i = 0; i < extra; i++) reasons.add(pickReason(random));
      response.reasons = [...reasons];
      answers.reasons = response.reasons;
    }
    if (random.chance(0.85)) {
      response.callback = random.chance(rating <= 2 ? 0.35 : 0.15);
      answers.callback = response.callback;
    }
  }
}

/**
 * The chat survey after the rating, for those who go past it: resolved; each statement (most of
 * them), 1–5 pulled towards the rating by the statement's weight, the rest its own impression,
 * plus noise; the 0–10 NPS (most of them), around the usual score for the rating.
 */
function answerChatRest(response: ResponseRow, answers: Answers, rating: number, random: Random): void {
  if (!goesPastRating(random)) return;
  answerResolved(response, answers, rating, random);
  for (const { id, weight } of CHAT_QUESTIONS.statements) {
    if (!random.chance(STATEMENT_ANSWERED)) continue;
    const own = random.normal(STATEMENT_BASE.mean, STATEMENT_BASE.sd);
    const value = weight * rating + (1 - weight) * own + random.normal(0, STATEMENT_NOISE);
    answers[id] = clamp(Math.round(value), 1, 5);
  }
  if (random.chance(NPS_ANSWERED)) {
    const usual = NPS_BY_RATING[rating - 1] ?? NPS_BY_RATING[4];
    response.nps = clamp(Math.round(random.normal(usual, NPS_NOISE)), 0, 10);
    answers[CHAT_QUESTIONS.nps] = response.nps;
  }
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/**
 * The follow-up a counted response opens (rating ≤ 2, unresolved, or a callback asked for), due
 * one business day later. Most are closed within hours, some late; those whose closing falls
 * after `end`, and a few forgotten ones, are still open — and overdue once past due.
 */
function followUpFor(response: ResponseRow, end: number, random: Random): FollowUpRow | null {
  const reasons: string[] = [];
  if (response.csat !== null && response.csat <= 2) reasons.push('low_rating');
  if (response.resolved === false) reasons.push('unresolved');
  if (response.callback === true) reasons.push('callback');
  if (reasons.length === 0) return null;
  const createdAt = response.submittedAt.getTime();
  const dueAt = addBusinessMinutes(createdAt, FOLLOW_UP_DUE);
  const closeMinutes = Math.min(10 * 8 * 60, random.lognormal(180, 0.9));
  const closedAt = Math.ceil(addBusinessMinutes(createdAt, closeMinutes) / 1000) * 1000;
  const forgotten = random.chance(FORGOTTEN_SHARE);
  const closed = !forgotten && closedAt <= end;
  const note = random.pick(FOLLOW_UP_NOTES);
  return {
    id: random.uuid(),
    responseId: response.id,
    ticketId: response.ticketId,
    customerId: response.customerId,
    teamId: response.teamId,
    ownerUserId: null,
    reasons,
    status: closed ? 'closed' : 'open',
    dueAt: new Date(dueAt),
    createdAt: response.submittedAt,
    closedAt: closed ? new Date(closedAt) : null,
    note: closed ? note : null,
  };
}
