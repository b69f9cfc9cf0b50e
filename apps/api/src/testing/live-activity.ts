import {
  DEFAULT_SURVEY_DEFINITION,
  isShown,
  type Answers,
  type SurveyDefinition,
  type SurveyTemplate,
  type TicketEvent,
} from '@rapport/contracts';
import { agents, customers, invitations, responses, surveys, surveyVersions, tickets } from '@rapport/db';
import { and, asc, eq, gt, isNull, like, lt, lte } from 'drizzle-orm';
import pino from 'pino';
import { AppError } from '../errors';
import type { Interaction } from '../lib/bot-signals';
import { hashToken, invitationToken } from '../lib/tokens';
import { createMailer } from '../mail/mailer';
import { submitResponse } from '../services/answering';
import { sendInvitation } from '../services/sending';
import { ingestTicketEvent } from '../services/ticket-events';
import type { TestContext } from './harness';

/**
 * Drives the real write paths over a seeded demo database, the way customers, a helpdesk and staff
 * would: new tickets through `ingestTicketEvent` and their emails through `sendInvitation`; answers
 * through `submitResponse` — one-click then the full form, edits within the window (rating, reasons
 * and statements changed), a late edit refused, link scanners, fast clicks later cleared by a person;
 * staff counting and un-counting responses through PATCH /responses/:id; ticket events that move
 * ticket times and teams, reopen and re-resolve tickets. Three more surveys take some channels: service
 * principles (key drivers; a second version drops one statement, adds another and asks for reasons),
 * NPS and CES. Every choice comes from a seeded generator and every instant is passed in, so a run is
 * reproducible. Nothing here computes an expectation: tests read the raw rows afterwards.
 */

const HUMAN_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const SCANNER_UA = 'Mozilla/5.0 (compatible; Proofpoint URL Defense)';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** mulberry32: small, seeded, good enough to pick scenarios. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    /** Minutes with a long right tail: median `median`, capped. */
    tail: (median: number, cap: number) => Math.min(cap, Math.max(1, median * Math.exp(1.2 * gauss(next)))),
  };
}
type Random = ReturnType<typeof createRandom>;

function gauss(next: () => number): number {
  const u = Math.max(next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));
const second = (ms: number) => Math.floor(ms / 1000) * 1000;

/** Answers to a whole survey version for a customer whose overall feeling is `mood` (1–5). */
export function answersFor(definition: SurveyDefinition, mood: number, random: Random): Answers {
  const answers: Answers = {};
  definition.questions.forEach((q, index) => {
    if (!isShown(q, answers)) return;
    switch (q.type) {
      case 'rating':
        if (q.metric === 'csat') answers[q.id] = mood;
        // A statement: agreement follows the mood, more loosely for later statements (so drivers differ).
        else if (random.chance(0.85))
          answers[q.id] = clamp(Math.round(mood + (0.3 + index * 0.15) * gauss(random.next)), 1, 5);
        break;
      case 'nps':
        answers[q.id] = clamp(Math.round(mood * 2 + gauss(random.next) * 1.5), 0, 10);
        break;
      case 'ces':
        answers[q.id] = clamp(Math.round(mood * 1.4 + gauss(random.next)), 1, 7);
        break;
      case 'yes_no':
        answers[q.id] = q.metric === 'resolved' ? random.chance(mood >= 4 ? 0.93 : 0.45) : random.chance(0.3);
        break;
      case 'multi_choice': {
        const codes = (q.options ?? []).map((o) => o.code);
        if (codes.length === 0 || random.chance(0.15)) break;
        const chosen = new Set<string>();
        for (let i = random.int(1, 3); i > 0; i--) chosen.add(random.pick(codes));
        answers[q.id] = [...chosen];
        break;
      }
      case 'text':
        if (random.chance(0.3)) answers[q.id] = mood >= 4 ? 'Thank you, all good.' : 'It took far too long.';
        break;
      case 'single_choice':
        if (q.options?.length) answers[q.id] = random.pick(q.options).code;
        break;
    }
  });
  return answers;
}

/** The one-click answer: the first required scale question (what the email's links answer). */
function oneClick(definition: SurveyDefinition, full: Answers): Answers {
  const q = definition.questions.find((x) => x.required && ['rating', 'nps', 'ces'].includes(x.type));
  const value = q ? full[q.id] : undefined;
  return q && value !== undefined ? { [q.id]: value } : full;
}

const mood = (random: Random) => random.pick([1, 2, 3, 3, 4, 4, 4, 5, 5, 5, 5, 5]);

export interface LiveActivity {
  surveys: { principles: string; nps: string; ces: string };
  /** How often each path ran, so a test can check the paths were really taken. */
  counts: Record<string, number>;
}

interface Answered {
  responseId: string;
  token: string;
  definition: SurveyDefinition;
  firstAt: number;
}

/**
 * Runs the activity between the end of the seeded data (`seededUntil`) and `now`: instants before
 * `seededUntil` are used too (answers to invitations the demo sent), none after `now`.
 */
export async function driveLiveActivity(
  t: TestContext,
  options: { seed: number; seededUntil: Date; now: Date },
): Promise<LiveActivity> {
  const random = createRandom(options.seed);
  const NOW = options.now.getTime();
  const counts: Record<string, number> = {};
  const tally = (what: string) => void (counts[what] = (counts[what] ?? 0) + 1);
  const deps = {
    mailer: createMailer(
      { smtpUrl: undefined, mailFrom: 'surveys@rapport.example' },
      pino({ level: 'silent' }),
    ),
    secret: t.config.secret,
    publicUrl: 'http://rapport.test',
  };
  const queue = { sendInvitationAt: async () => {} };
  const answered: Answered[] = [];

  async function api<T>(
    method: string,
    path: string,
    json?: unknown,
    as: 'manager' | 'admin' = 'manager',
  ): Promise<T> {
    const res = await t.request<T>(method, path, { as, json });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function createSurvey(name: string, template: SurveyTemplate, channels: string[]): Promise<string> {
    const { id } = await api<{ id: string }>('POST', '/api/v1/surveys', { name, template });
    await api('PATCH', `/api/v1/surveys/${id}/rules`, { channels, throttleDays: 0 });
    await api('POST', `/api/v1/surveys/${id}/publish`);
    return id;
  }

  async function send(invitationId: string, at: number): Promise<number | null> {
    const result = await sendInvitation(t.db, deps, {
      invitationId,
      finalAttempt: false,
      retry: false,
      now: new Date(at),
    });
    tally(`send ${result.outcome}`);
    return result.outcome === 'sent' ? at : null;
  }

  async function submit(
    token: string,
    answers: Answers,
    at: number,
    how: { partial?: boolean; interaction?: Interaction; userAgent?: string } = {},
  ) {
    return submitResponse(t.db, {
      token,
      answers,
      partial: how.partial ?? false,
      interaction: how.interaction === undefined ? 'button' : how.interaction,
      userAgent: how.userAgent ?? HUMAN_UA,
      now: new Date(at),
    });
  }

  /** One customer's way through a survey link sent at `sentAt`: a scenario picked at random. */
  async function answerInvitation(token: string, definition: SurveyDefinition, sentAt: number) {
    const first = second(Math.min(NOW - 2 * MINUTE, sentAt + random.tail(90, 3 * 24 * 60) * MINUTE));
    if (first <= sentAt + 20_000) return;
    const full = answersFor(definition, mood(random), random);
    const roll = random.next();
    if (roll < 0.2) {
      // One click in the email, then the rest of the form a few minutes later (the rating may change).
      const click = await submit(token, oneClick(definition, full), first, {
        partial: true,
        interaction: 'load',
      });
      const rest = random.chance(0.3) ? answersFor(definition, mood(random), random) : full;
      await submit(token, rest, Math.min(NOW, first + random.int(1, 15) * MINUTE));
      answered.push({ responseId: click.responseId, token, definition, firstAt: first });
      tally('one-click then form');
    } else if (roll < 0.45) {
      // Answered, then changed within the edit window: another mood, so rating, reasons and statements move.
      const r = await submit(token, full, first);
      const editAt = Math.min(NOW, first + random.int(10, 22 * 60) * MINUTE);
      const edited = await submit(token, answersFor(definition, mood(random), random), editAt);
      if (edited.edited) tally('edited');
      answered.push({ responseId: r.responseId, token, definition, firstAt: first });
    } else if (roll < 0.53) {
      // A link scanner posts within seconds; a person's later answer does not clear a scanner's flag.
      const at = sentAt + random.int(2, 8) * 1000;
      const r = await submit(token, oneClick(definition, full), at, {
        interaction: null,
        userAgent: SCANNER_UA,
        partial: true,
      });
      tally('scanner');
      if (random.chance(0.4)) {
        await submit(token, full, Math.min(NOW, at + random.int(5, 120) * MINUTE));
        tally('scanner then person');
      }
      answered.push({ responseId: r.responseId, token, definition, firstAt: at });
    } else if (roll < 0.61) {
      // A person clicks within seconds (flagged: fast, no interaction), then submits the form: cleared.
      const at = sentAt + random.int(3, 8) * 1000;
      const r = await submit(token, oneClick(definition, full), at, { interaction: null, partial: true });
      await submit(token, full, Math.min(NOW, at + random.int(1, 10) * MINUTE));
      const [now] = await t.db
        .select({ counted: responses.counted })
        .from(responses)
        .where(eq(responses.id, r.responseId));
      tally(now?.counted ? 'fast click cleared by the form' : 'fast click still flagged');
      answered.push({ responseId: r.responseId, token, definition, firstAt: at });
    } else if (roll < 0.65) {
      // A change after the edit window is refused and changes nothing.
      const r = await submit(token, full, first);
      const late = first + 25 * HOUR;
      if (late <= NOW) {
        const refused = await submit(token, answersFor(definition, mood(random), random), late).then(
          () => null,
          (err: unknown) => err,
        );
        if (!(refused instanceof AppError) || refused.status !== 409)
          throw new Error(`a change after the edit window was not refused: ${String(refused)}`);
        tally('late edit refused');
      }
      answered.push({ responseId: r.responseId, token, definition, firstAt: first });
    } else {
      const r = await submit(token, full, first);
      answered.push({ responseId: r.responseId, token, definition, firstAt: first });
      tally('answered');
    }
  }

  // ---- surveys for some channels: statements (drivers), NPS, CES ----------------------------------
  const principles = await createSurvey('Service principles', 'service_principles', ['chat', 'web']);
  const npsSurvey = await createSurvey('Recommend', 'nps', ['phone']);
  const cesSurvey = await createSurvey('Effort', 'ces', ['social']);

  const staff = await t.db
    .select({ id: agents.id, email: agents.email, teamId: agents.teamId })
    .from(agents)
    .orderBy(asc(agents.email));
  if (staff.length < 4) throw new Error('seed the demo data first');

  // ---- the demo's invitations still waiting at the end of the seeded period go out now ----------
  const waiting = await t.db
    .select({ id: invitations.id, scheduledFor: invitations.scheduledFor })
    .from(invitations)
    .where(and(eq(invitations.status, 'scheduled'), lte(invitations.scheduledFor, options.now)))
    .orderBy(asc(invitations.scheduledFor), asc(invitations.id));
  for (const inv of waiting)
    await send(
      inv.id,
      second(Math.max(inv.scheduledFor.getTime(), options.seededUntil.getTime()) + random.int(1, 60) * 1000),
    );

  // ---- new tickets from the helpdesk, their emails and answers ------------------------------------
  const NEW_TICKETS = 110;
  for (let i = 0; i < NEW_TICKETS; i++) {
    if (i === NEW_TICKETS / 2) await publishSecondPrinciplesVersion(principles);
    const channel = random.pick([
      'chat',
      'chat',
      'chat',
      'chat',
      'chat',
      'web',
      'phone',
      'phone',
      'social',
      'email',
    ]);
    const agent = random.pick(staff);
    const opened = second(NOW - random.int(12, 20 * 24) * HOUR);
    const firstResponse = second(opened + random.tail(40, 3 * 24 * 60) * MINUTE);
    const resolved = second(firstResponse + random.tail(300, 6 * 24 * 60) * MINUTE);
    const done = resolved + 2 * HOUR < NOW;
    const occurredAt = done ? resolved : Math.min(firstResponse, NOW - HOUR);
    const event: TicketEvent = {
      id: `live-${i}`,
      type: done ? 'ticket.resolved' : 'ticket.updated',
      occurredAt: new Date(occurredAt),
      ticket: {
        externalId: `LIVE-${String(i).padStart(4, '0')}`,
        subject: `Live ticket ${i}`,
        channel,
        createdAt: new Date(opened),
        firstResponseAt: firstResponse < NOW ? new Date(firstResponse) : null,
        resolvedAt: done ? new Date(resolved) : null,
        customer: {
          email: `live${i}@customers.example`,
          name: `Live customer ${i}`,
          locale: random.pick(['en', 'sr', 'hr', 'sl', 'ru']),
        },
        agent: { email: agent.email },
      },
    };
    const result = await ingestTicketEvent(t.db, event, {
      secret: t.config.secret,
      queue,
      now: new Date(occurredAt + 1000),
    });
    tally(`new ticket ${result.decision}`);
    if (result.decision !== 'scheduled' || !result.invitation) continue;
    const sentAt = await send(
      result.invitation.id,
      Date.parse(result.invitation.scheduledFor) + random.int(2, 60) * 1000,
    );
    if (sentAt === null || !random.chance(0.8)) continue;
    await answerInvitation(
      invitationToken(t.config.secret, result.invitation.id),
      await versionDefinition(result.invitation.id),
      sentAt,
    );
  }

  // ---- answers to the demo's sent, unanswered invitations ----------------------------------------
  // The demo cannot know this instance's secret, so its invitations carry random token hashes: give
  // the chosen ones the hash of the token the email would hold, as sending would have.
  const open = await t.db
    .select({ id: invitations.id, sentAt: invitations.sentAt })
    .from(invitations)
    .innerJoin(surveys, eq(surveys.id, invitations.surveyId))
    .where(
      and(
        eq(surveys.isDefault, true),
        eq(invitations.status, 'sent'),
        isNull(invitations.respondedAt),
        gt(invitations.sentAt, new Date(NOW - 13 * DAY)),
        lt(invitations.sentAt, new Date(NOW - 2 * HOUR)),
      ),
    )
    .orderBy(asc(invitations.sentAt), asc(invitations.id));
  const chosen = open.filter(() => random.chance(0.3));
  for (const inv of chosen) {
    await t.db
      .update(invitations)
      .set({ tokenHash: hashToken(invitationToken(t.config.secret, inv.id)) })
      .where(eq(invitations.id, inv.id));
  }
  for (const inv of chosen) {
    if (!inv.sentAt) continue;
    await answerInvitation(
      invitationToken(t.config.secret, inv.id),
      await versionDefinition(inv.id),
      inv.sentAt.getTime(),
    );
  }

  // ---- staff decide about bots ---------------------------------------------------------------------
  // In a reproducible order: response ids are random, ticket numbers and answer times are not.
  const byTicket = [asc(responses.submittedAt), asc(tickets.externalId)] as const;
  const flagged = await t.db
    .select({ id: responses.id })
    .from(responses)
    .innerJoin(tickets, eq(tickets.id, responses.ticketId))
    .where(and(eq(responses.counted, false), isNull(responses.countedDecidedBy)))
    .orderBy(...byTicket);
  for (const r of flagged) {
    if (!random.chance(0.4)) continue;
    await api('PATCH', `/api/v1/responses/${r.id}`, { counted: true });
    tally('staff counted a flagged response');
  }
  const countedNow = await t.db
    .select({ id: responses.id })
    .from(responses)
    .innerJoin(tickets, eq(tickets.id, responses.ticketId))
    .where(and(eq(responses.counted, true), isNull(responses.countedDecidedBy)))
    .orderBy(...byTicket);
  const liveIds = new Set(answered.map((a) => a.responseId));
  for (const r of countedNow) {
    // The live answers (statements, reasons of every survey) more often, so drivers move too.
    if (!random.chance(liveIds.has(r.id) ? 0.08 : 0.02)) continue;
    await api('PATCH', `/api/v1/responses/${r.id}`, { counted: false });
    tally('staff marked a bot');
    if (random.chance(0.3)) {
      await api('PATCH', `/api/v1/responses/${r.id}`, { counted: true });
      tally('staff counted it again');
    }
  }
  // An answer changed after a staff decision: the answers move, the decision stays.
  let changedAfterDecision = 0;
  for (const a of answered) {
    if (changedAfterDecision >= 12) break;
    const [row] = await t.db
      .select({ decidedBy: responses.countedDecidedBy })
      .from(responses)
      .where(eq(responses.id, a.responseId));
    if (!row?.decidedBy) continue;
    const at = Math.min(NOW, a.firstAt + 23 * HOUR);
    const result = await submit(a.token, answersFor(a.definition, mood(random), random), at);
    if (result.edited) {
      changedAfterDecision += 1;
      tally('edited after a staff decision');
    }
  }

  // ---- some customers are erased: their free text goes, their ratings and statements stay -------
  for (const a of answered.filter((_, i) => i % 40 === 7)) {
    const [row] = await t.db
      .select({ customerId: responses.customerId })
      .from(responses)
      .where(eq(responses.id, a.responseId));
    if (!row) continue;
    await api('DELETE', `/api/v1/customers/${row.customerId}`, undefined, 'admin');
    tally('customer erased');
  }

  // ---- helpdesk events on demo tickets: times, teams, reopen, resolve again ----------------------
  const demoTickets = await t.db
    .select({
      externalId: tickets.externalId,
      channel: tickets.channel,
      status: tickets.status,
      openedAt: tickets.openedAt,
      firstResponseAt: tickets.firstResponseAt,
      resolvedAt: tickets.resolvedAt,
      teamId: tickets.teamId,
      customerEmail: customers.email,
      customerExternalId: customers.externalId,
      agentEmail: agents.email,
    })
    .from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId))
    .innerJoin(agents, eq(agents.id, tickets.agentId))
    .where(and(like(tickets.externalId, 'ticket-%'), gt(tickets.openedAt, new Date(NOW - 60 * DAY))))
    .orderBy(asc(tickets.externalId));
  let eventNumber = 0;
  for (const tk of demoTickets) {
    if (!tk.customerEmail || !random.chance(0.05)) continue;
    eventNumber += 1;
    const base = {
      externalId: tk.externalId,
      channel: tk.channel,
      createdAt: tk.openedAt,
      customer: { email: tk.customerEmail, externalId: tk.customerExternalId },
      agent: { email: tk.agentEmail },
    };
    const occurredAt = new Date(NOW - random.int(1, 48) * MINUTE);
    let event: TicketEvent;
    const kind = random.int(0, 5);
    if (kind === 0) {
      // The helpdesk corrects the first response time.
      const first = second(tk.openedAt.getTime() + random.tail(60, 2 * 24 * 60) * MINUTE);
      event = {
        type: 'ticket.updated',
        occurredAt,
        ticket: { ...base, firstResponseAt: new Date(Math.min(first, NOW)) },
      };
      tally('event: first response moved');
    } else if (kind === 1) {
      // Opened earlier than first recorded: both durations and the opening day move.
      const opened = new Date(tk.openedAt.getTime() - random.int(30, 3 * 24 * 60) * MINUTE);
      event = { type: 'ticket.updated', occurredAt, ticket: { ...base, createdAt: opened } };
      tally('event: opened earlier');
    } else if (kind === 2) {
      // Handed to an agent of another team: the ticket's team changes.
      const other = staff.filter((s) => s.teamId !== tk.teamId);
      event = {
        type: 'ticket.updated',
        occurredAt,
        ticket: { ...base, agent: { email: random.pick(other).email } },
      };
      tally('event: team changed');
    } else if (kind === 3 && tk.resolvedAt) {
      event = { type: 'ticket.reopened', occurredAt, ticket: { ...base, resolvedAt: null } };
      tally('event: reopened');
    } else {
      // Resolved (again) later: the resolution time and day move; a new invitation may follow.
      const from = Math.max(
        tk.resolvedAt?.getTime() ?? tk.openedAt.getTime(),
        tk.firstResponseAt?.getTime() ?? 0,
      );
      const resolved = new Date(second(Math.min(NOW - 3 * HOUR, from + random.int(1, 72) * HOUR)));
      if (resolved.getTime() <= tk.openedAt.getTime()) continue;
      event = { type: 'ticket.resolved', occurredAt: resolved, ticket: { ...base, resolvedAt: resolved } };
      tally('event: resolved again');
    }
    const result = await ingestTicketEvent(
      t.db,
      { ...event, id: `demo-event-${eventNumber}` },
      { secret: t.config.secret, queue, now: new Date(Math.max(event.occurredAt.getTime(), NOW - HOUR)) },
    );
    tally(`event decision ${result.decision}`);
    if (result.decision === 'scheduled' && result.invitation && random.chance(0.7)) {
      const at = Date.parse(result.invitation.scheduledFor) + 30_000;
      if (at <= NOW) await send(result.invitation.id, at);
    }
  }

  return { surveys: { principles, nps: npsSurvey, ces: cesSurvey }, counts };

  async function versionDefinition(invitationId: string): Promise<SurveyDefinition> {
    const [row] = await t.db
      .select({ versionId: invitations.surveyVersionId })
      .from(invitations)
      .where(eq(invitations.id, invitationId));
    if (!row) throw new Error('invitation vanished');
    const [version] = await t.db
      .select({ definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(eq(surveyVersions.id, row.versionId));
    if (!version) throw new Error('survey version vanished');
    return version.definition;
  }

  /** Version 2 of the principles survey: 'prevention' dropped, a statement about speed and the reasons question added. */
  async function publishSecondPrinciplesVersion(id: string): Promise<void> {
    const survey = await api<{ definition: SurveyDefinition }>('GET', `/api/v1/surveys/${id}`);
    const reasons = DEFAULT_SURVEY_DEFINITION.questions.find((q) => q.metric === 'reasons');
    if (!reasons) throw new Error('the default survey has no reasons question');
    const kept = survey.definition.questions.filter((q) => q.id !== 'prevention' && q.id !== 'comment');
    const comment = survey.definition.questions.filter((q) => q.id === 'comment');
    const speed = {
      id: 'speed',
      type: 'rating' as const,
      required: false,
      text: {
        en: 'The support team solved it quickly.',
        sr: 'Тим подршке је брзо решио проблем.',
        hr: 'Tim podrške brzo je riješio problem.',
        sl: 'Ekipa podpore je težavo hitro rešila.',
        ru: 'Сотрудники поддержки быстро решили проблему.',
      },
    };
    await api('PUT', `/api/v1/surveys/${id}/draft`, {
      definition: { ...survey.definition, questions: [...kept, speed, reasons, ...comment] },
    });
    await api('POST', `/api/v1/surveys/${id}/publish`);
    tally('principles version 2 published');
  }
}
