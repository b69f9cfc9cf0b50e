import {
  auditText,
  type AuditTemplateDefinition,
  type BuiltInAuditTemplate,
  type Locale,
} from '@rapport/contracts';
import { periodKey, periodRange, previousPeriodKey } from '@rapport/scoring';
import { asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database, Executor } from '../client';
import {
  auditAnswers,
  auditCycles,
  audits,
  auditTemplates,
  auditTemplateVersions,
  correctiveActions,
  reviewAnswers,
  reviews,
  reviewSamples,
} from '../schema/audits';
import { settings } from '../schema/settings';
import { agents, teams } from '../schema/teams';
import { tickets } from '../schema/tickets';
import { users } from '../schema/users';
import { answerTemplate, itemScore, type DemoAnswer } from './audit-answers';
import { CHECKLIST_NOTES, GENERIC_CLOSING, SCORECARD_NOTES } from './audit-notes';
import { DAY, HOUR } from './calendar';
import { installBuiltInAuditTemplates } from '../built-in-audit-templates';
import { drawSample } from '../review-sample';
import { insertRowsQuery } from './insert-rows';
import { agentName } from './names';
import type { ResolvedDemoOptions } from './options';
import { createRandom, type Random } from './random';
import { TEAM_PROFILES } from './teams';
import { asciiName } from './transliterate';

/**
 * The demo's audit history: the four full quarters before the current one (in the organisation's
 * time zone), each a closed cycle with one signed checklist audit per team, a review sample of each
 * agent's resolved tickets with submitted scorecards, and the corrective actions the fails opened,
 * in every state. The current quarter has no cycle: opening it is the first thing a manager does.
 */

/** Tickets reviewed per agent and quarter. */
export const DEMO_SAMPLE_PER_AGENT = 3;
/** How many past quarters the demo audits. */
export const DEMO_AUDIT_QUARTERS = 4;

// The random stream label (customers use 1, survey activity 2, chat survey answers 4, its ids 5): audits
// draw without shifting the rest.
const AUDIT_STREAM = 3;
// As the API (apps/api/src/services/corrective-actions.ts): a team has 30 days after the cycle's due date.
const ACTION_DAYS_AFTER_CYCLE_DUE = 30;
// A cycle's work, in days after the quarter ends: opened on day 1, audits due on day 21, closed by day 23.
const CYCLE_DUE_DAYS = 21;
const CYCLE_SPAN_DAYS = 24;
// Actions due longer ago than this are mostly done by now.
const LONG_OVERDUE_DAYS = 45;
// N/A is an honest answer for some items some quarters.
const CHECKLIST_NA_RATES: Readonly<Record<string, number>> = {
  product_training: 0.1,
  callbacks_made: 0.15,
  social_media: 0.2,
  okrs_reviewed: 0.05,
};
const SCORECARD_NA_RATES: Readonly<Record<string, number>> = { above_beyond: 0.2 };

type UserRow = typeof users.$inferInsert;
type CycleRow = typeof auditCycles.$inferInsert;
type AuditRow = typeof audits.$inferInsert;
type AuditAnswerRow = typeof auditAnswers.$inferInsert;
type SampleRow = typeof reviewSamples.$inferInsert;
type ReviewRow = typeof reviews.$inferInsert;
type ReviewAnswerRow = typeof reviewAnswers.$inferInsert;
type ActionRow = typeof correctiveActions.$inferInsert;

/** A template version the demo answers: its id and its (stored) definition. */
export interface DemoTemplateVersion {
  id: string;
  definition: AuditTemplateDefinition;
}

export interface DemoAuditInput {
  seed: number;
  /** Epoch ms: the demo's `now`. */
  now: number;
  timeZone: string;
  defaultLocale: string;
  /** In the order the API lists them (by name). */
  teams: readonly { id: string; name: string }[];
  agents: readonly { id: string; teamId: string | null; email: string; createdAt: Date }[];
  /** Per quarter key, each agent's tickets resolved in that quarter. */
  resolved: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  checklist: DemoTemplateVersion;
  scorecard: DemoTemplateVersion;
  /** Emails already taken (lower case), by agents or users: the demo's staff users avoid them. */
  takenEmails: ReadonlySet<string>;
}

export interface DemoAuditRows {
  users: UserRow[];
  cycles: CycleRow[];
  audits: AuditRow[];
  auditAnswers: AuditAnswerRow[];
  reviewSamples: SampleRow[];
  reviews: ReviewRow[];
  reviewAnswers: ReviewAnswerRow[];
  correctiveActions: ActionRow[];
}

export interface DemoAuditSummary {
  users: number;
  cycles: number;
  audits: number;
  reviews: number;
  actions: number;
}

/**
 * The four quarter keys before the one `now` falls in, oldest first, in `timeZone`.
 *
 * @example
 * demoQuarters(Date.UTC(2026, 10, 23, 8), 'UTC'); // ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']
 */
export function demoQuarters(now: number, timeZone: string): string[] {
  const keys: string[] = [];
  let key = periodKey(new Date(now), 'quarter', timeZone);
  for (let i = 0; i < DEMO_AUDIT_QUARTERS; i++) {
    key = previousPeriodKey(key);
    keys.unshift(key);
  }
  return keys;
}

/**
 * A hash in the API's scrypt format that no password matches (the derived key is all zeros), so
 * the demo's staff exist, are named and can be assigned, but nobody can sign in as them until an
 * admin sets a password. A known demo password would open accounts on a server run with RAPPORT_DEMO.
 */
function unusablePasswordHash(random: Random): string {
  const salt = Buffer.from(random.hex(4), 'hex').toString('base64');
  return `scrypt$32768$8$1$${salt}$${Buffer.alloc(64).toString('base64')}`;
}

function staffUser(
  random: Random,
  role: 'manager' | 'auditor',
  taken: Set<string>,
  surnames: Set<string>,
  createdAt: Date,
): UserRow & { id: string; email: string } {
  let name = agentName(random);
  // Two staff with one surname read as a family business: draw again.
  while (surnames.has(name.last)) name = agentName(random);
  surnames.add(name.last);
  const local = `${asciiName(name.first, 'hr')}.${asciiName(name.last, 'hr')}`;
  let email = '';
  for (let n = 1; email === '' || taken.has(email.toLowerCase()); n++)
    email = `${local}${n === 1 ? '' : n}@support.example.com`;
  taken.add(email.toLowerCase());
  return {
    id: random.uuid(),
    email,
    name: name.full,
    role,
    locale: 'en',
    passwordHash: unusablePasswordHash(random),
    createdAt,
    updatedAt: createdAt,
  };
}

/** Whole seconds: the product shows and compares times to the second. */
function second(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

function itemText(definition: AuditTemplateDefinition, itemId: string, locale: string): string {
  const item = definition.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  return auditText(item?.text, locale as Locale, definition.defaultLocale) || itemId;
}

function failedItemIds(definition: AuditTemplateDefinition, answers: readonly DemoAnswer[]): string[] {
  const byId = new Map(answers.map((a) => [a.itemId, a.value]));
  return definition.sections
    .flatMap((s) => s.items)
    .filter((item) => {
      const value = byId.get(item.id);
      const score = value === undefined ? null : itemScore(item, value);
      return score !== null && score < 0.5;
    })
    .map((item) => item.id);
}

/** An action before its state is decided: when it was opened, what for, and its closing notes. */
interface PendingAction {
  row: ActionRow & { createdAt: Date; dueOn: string };
  closing: readonly string[];
}

/**
 * Moves each action along as a team would have by `now`: most of those past due are done, the rest
 * overdue; newer ones are open, in progress or already done. Then makes sure every state (and an
 * overdue one) is there, changing only an action whose state another action also shows.
 */
function settleActions(
  pending: readonly PendingAction[],
  today: string,
  now: number,
  closer: string,
  random: Random,
): ActionRow[] {
  type State = 'open' | 'in_progress' | 'done';
  const longAgo = addDays(today, -LONG_OVERDUE_DAYS);
  const states: State[] = pending.map(({ row }) => {
    const draw = random.next();
    // Old actions are mostly closed; a few linger, and show on the dashboard and in the next audit.
    if (row.dueOn < longAgo) return draw < 0.85 ? 'done' : draw < 0.93 ? 'in_progress' : 'open';
    if (row.dueOn < today) return draw < 0.5 ? 'done' : draw < 0.8 ? 'in_progress' : 'open';
    return draw < 0.2 ? 'done' : draw < 0.6 ? 'in_progress' : 'open';
  });
  const overdue = (i: number) => states[i] !== 'done' && (pending[i]?.row.dueOn ?? '') < today;
  const ensure = (holds: (i: number) => boolean, state: State, candidates: number[]) => {
    if (states.some((_, i) => holds(i))) return;
    for (const i of candidates) {
      const current = states[i];
      const shared = states.filter((s, j) => s === current && j !== i).length > 0;
      const keepsOverdue = !overdue(i) || states.some((_, j) => j !== i && overdue(j));
      if (shared && keepsOverdue) {
        states[i] = state;
        return;
      }
    }
  };
  const oldestFirst = pending.map((_, i) => i);
  const newestFirst = [...oldestFirst].reverse();
  ensure((i) => states[i] === 'done', 'done', oldestFirst);
  ensure(
    overdue,
    'open',
    newestFirst.filter((i) => (pending[i]?.row.dueOn ?? '') < today),
  );
  ensure((i) => states[i] === 'open', 'open', newestFirst);
  ensure((i) => states[i] === 'in_progress', 'in_progress', newestFirst);

  return pending.map(({ row, closing }, i) => {
    const created = row.createdAt.getTime();
    const later = (minDays: number, maxDays: number) =>
      second(
        Math.max(created, Math.min(now, created + (minDays + random.next() * (maxDays - minDays)) * DAY)),
      );
    const state = states[i] ?? 'open';
    if (state === 'done') {
      const closedAt = later(4, 40);
      return {
        ...row,
        status: state,
        closingNote: random.pick(closing),
        closedAt,
        closedBy: closer,
        updatedAt: closedAt,
      };
    }
    return {
      ...row,
      status: state,
      closingNote: null,
      closedAt: null,
      closedBy: null,
      updatedAt: state === 'in_progress' ? later(1, 10) : row.createdAt,
    };
  });
}

/**
 * Plans the audit history without touching a database; every value comes from `input` and the
 * seeded stream, so the same input gives the same rows. Checklist scores sit mostly between 80 and
 * 90 and rise a little each quarter (teams differ as their profiles do); one or two audits fail the
 * critical follow-up item. Reviews score mostly 80–95, a few fail a critical item (scored 0). Scores
 * and pass/fail are `auditScore` over the answers, as the API stores them at submission and sign-off.
 *
 * @example
 * const rows = planDemoAudits({ seed: 1, now, timeZone: 'UTC', defaultLocale: 'en', teams, agents, … });
 * rows.cycles.map((c) => c.quarter); // ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']
 */
export function planDemoAudits(input: DemoAuditInput): DemoAuditRows {
  const random = createRandom(input.seed, AUDIT_STREAM);
  const { now, timeZone, checklist, scorecard } = input;
  const quarters = demoQuarters(now, timeZone);
  const firstStart = periodRange(quarters[0] ?? '', timeZone).start.getTime();
  const taken = new Set(input.takenEmails);
  const hired = new Date(firstStart - 60 * DAY);
  const surnames = new Set<string>();
  const manager = staffUser(random, 'manager', taken, surnames, hired);
  const auditors = [
    staffUser(random, 'auditor', taken, surnames, hired),
    staffUser(random, 'auditor', taken, surnames, hired),
  ];
  const rows: DemoAuditRows = {
    users: [manager, ...auditors],
    cycles: [],
    audits: [],
    auditAnswers: [],
    reviewSamples: [],
    reviews: [],
    reviewAnswers: [],
    correctiveActions: [],
  };
  const auditorOf = new Map(
    input.teams.map((team, i) => [team.id, auditors[i % auditors.length] ?? manager]),
  );
  const lean = new Map(TEAM_PROFILES.map((p) => [p.name, p.satisfaction * 6]));
  const skill = new Map(input.agents.map((a) => [a.id, random.normal(0, 3)]));

  // One or two audits in the year fail the critical follow-up item.
  const criticalAudits = new Set<string>();
  const auditSlots = quarters.flatMap((_, k) => input.teams.map((_t, t) => `${k}:${t}`));
  for (let n = random.int(1, 2); n > 0 && auditSlots.length > 0; n--)
    criticalAudits.add(auditSlots.splice(random.int(0, auditSlots.length - 1), 1)[0] ?? '');

  // Cycle seeds and samples first, so the few critical review fails can be spread over the year.
  const cycles = quarters.map((quarter) => {
    const seed = random.hex(4);
    const picks = input.agents.flatMap((agent) => {
      const reviewer = agent.teamId ? auditorOf.get(agent.teamId) : undefined;
      if (!reviewer || !agent.teamId) return [];
      // A reviewer never reviews their own tickets (a ticket's agent with the reviewer's email).
      const own = agent.email.toLowerCase() === reviewer.email.toLowerCase();
      const eligible = own ? [] : (input.resolved.get(quarter)?.get(agent.id) ?? []);
      return drawSample(seed, eligible, DEMO_SAMPLE_PER_AGENT).map((ticketId, position) => ({
        agent,
        teamId: agent.teamId ?? '',
        reviewer,
        ticketId,
        position,
      }));
    });
    return { quarter, seed, picks };
  });
  const totalReviews = cycles.reduce((sum, c) => sum + c.picks.length, 0);
  const criticalReviews = new Set<number>();
  for (let n = random.int(2, 4); n > 0 && criticalReviews.size < totalReviews; n--)
    criticalReviews.add(random.int(0, totalReviews - 1));

  const pending: PendingAction[] = [];
  let reviewIndex = 0;
  cycles.forEach(({ quarter, seed, picks }, k) => {
    const end = periodRange(quarter, timeZone).end.getTime();
    // The cycle's work happens in the weeks after the quarter; squeezed when `now` is only days later.
    const squeeze = Math.max(0, Math.min(1, (now - end) / (CYCLE_SPAN_DAYS * DAY)));
    const at = (days: number) => second(end + days * DAY * squeeze);
    const dueOn = periodKey(new Date(end + CYCLE_DUE_DAYS * DAY + 12 * HOUR), 'day', timeZone);
    const actionDue = addDays(dueOn, ACTION_DAYS_AFTER_CYCLE_DUE);
    const cycleId = random.uuid();
    const openedAt = at(1 + 9 / 24);
    rows.cycles.push({
      id: cycleId,
      quarter,
      status: 'closed',
      dueOn,
      checklistVersionId: checklist.id,
      scorecardVersionId: scorecard.id,
      samplePerAgent: DEMO_SAMPLE_PER_AGENT,
      seed,
      openedBy: manager.id,
      openedAt,
      closedAt: at(CYCLE_SPAN_DAYS - 1),
    });

    input.teams.forEach((team, t) => {
      const auditor = auditorOf.get(team.id) ?? manager;
      const target = Math.min(
        95,
        Math.max(74, 82.5 + 2 * k + (lean.get(team.name) ?? 0) + random.normal(0, 1.5)),
      );
      const critical = criticalAudits.has(`${k}:${t}`);
      const { answers, result } = answerTemplate(
        checklist.definition,
        {
          target,
          failCritical: critical ? 'negative_follow_up' : undefined,
          naRates: CHECKLIST_NA_RATES,
          notes: CHECKLIST_NOTES,
        },
        random,
      );
      const answeredDays = answers.map(() => 3 + random.next() * 9);
      const submittedDays = Math.max(...answeredDays) + 0.2 + random.next() * 0.8;
      const signedDays = submittedDays + 1 + random.next() * 4;
      const auditId = random.uuid();
      const signedAt = at(signedDays);
      rows.audits.push({
        id: auditId,
        cycleId,
        teamId: team.id,
        templateVersionId: checklist.id,
        auditorUserId: auditor.id,
        dueOn,
        status: 'signed',
        score: result.score,
        passed: result.passed,
        submittedAt: at(submittedDays),
        submittedBy: auditor.id,
        signedAt,
        signedBy: manager.id,
        createdAt: openedAt,
        updatedAt: signedAt,
      });
      answers.forEach((answer, i) => {
        rows.auditAnswers.push({
          id: random.uuid(),
          auditId,
          ...answer,
          answeredBy: auditor.id,
          answeredAt: at(answeredDays[i] ?? submittedDays),
        });
      });
      for (const itemId of failedItemIds(checklist.definition, answers))
        pending.push({
          row: {
            id: random.uuid(),
            cycleId,
            teamId: team.id,
            auditId,
            reviewId: null,
            itemId,
            title: itemText(checklist.definition, itemId, input.defaultLocale),
            ownerUserId: manager.id,
            dueOn: actionDue,
            createdAt: signedAt,
          },
          closing: CHECKLIST_NOTES[itemId]?.closing ?? GENERIC_CLOSING,
        });
    });

    for (const pick of picks) {
      const critical = criticalReviews.has(reviewIndex++);
      const newcomer = pick.agent.createdAt.getTime() > firstStart ? 3 : 0;
      const target = Math.min(
        99,
        Math.max(65, 86 + 1.5 * k + (skill.get(pick.agent.id) ?? 0) - newcomer + random.normal(0, 3)),
      );
      const { answers, result } = answerTemplate(
        scorecard.definition,
        {
          target,
          failCritical: critical ? random.pick(['accurate_info', 'calm_respectful']) : undefined,
          naRates: SCORECARD_NA_RATES,
          notes: SCORECARD_NOTES,
        },
        random,
      );
      const reviewId = random.uuid();
      const submittedDays = 2 + random.next() * 10;
      const submittedAt = at(submittedDays);
      rows.reviewSamples.push({
        id: random.uuid(),
        cycleId,
        agentId: pick.agent.id,
        ticketId: pick.ticketId,
        reviewerUserId: pick.reviewer.id,
        seed,
        position: pick.position,
        createdAt: openedAt,
      });
      rows.reviews.push({
        id: reviewId,
        cycleId,
        ticketId: pick.ticketId,
        agentId: pick.agent.id,
        reviewerUserId: pick.reviewer.id,
        templateVersionId: scorecard.id,
        status: 'submitted',
        score: result.score,
        passed: result.passed,
        calibration: false,
        submittedAt,
        createdAt: openedAt,
        updatedAt: submittedAt,
      });
      for (const answer of answers)
        rows.reviewAnswers.push({
          id: random.uuid(),
          reviewId,
          ...answer,
          answeredBy: pick.reviewer.id,
          answeredAt: at(submittedDays - random.next() * 0.02),
        });
      for (const itemId of result.failedCritical)
        pending.push({
          row: {
            id: random.uuid(),
            cycleId,
            teamId: pick.teamId,
            auditId: null,
            reviewId,
            itemId,
            title: itemText(scorecard.definition, itemId, input.defaultLocale),
            ownerUserId: manager.id,
            dueOn: actionDue,
            createdAt: submittedAt,
          },
          closing: GENERIC_CLOSING,
        });
    }
  });
  const today = periodKey(new Date(now), 'day', timeZone);
  rows.correctiveActions = settleActions(pending, today, now, manager.id, random);
  return rows;
}

/**
 * The shipped templates' current versions, installing any that are missing first (the server does
 * the same at start: `pnpm seed` may run before any server start). Returns each key's version.
 */
export async function ensureBuiltInTemplateVersions(
  tx: Executor,
  defaultLocale: string,
): Promise<Map<BuiltInAuditTemplate['key'], DemoTemplateVersion>> {
  await installBuiltInAuditTemplates(tx, defaultLocale);
  const rows = await tx
    .select({
      key: auditTemplates.builtIn,
      id: auditTemplateVersions.id,
      definition: auditTemplateVersions.definition,
    })
    .from(auditTemplates)
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, auditTemplates.currentVersionId))
    .where(isNotNull(auditTemplates.builtIn));
  return new Map(
    rows.map((r) => [r.key as BuiltInAuditTemplate['key'], { id: r.id, definition: r.definition }]),
  );
}

/**
 * Writes the demo's audit history (see {@link planDemoAudits}) into a database that holds the
 * demo's teams, agents and tickets, in one transaction: the demo's three staff users (a support
 * manager who opens cycles, signs off and owns the actions, and two quality auditors), the shipped
 * templates if the server has not installed them yet, four closed cycles with signed audits,
 * submitted reviews of each agent's sample and the corrective actions. Like the rest of the demo it
 * writes no audit log: it is history, not a change made by staff.
 *
 * @example
 * await seedDemoAudits(db, resolveDemoOptions({ now: new Date('2026-11-23T08:00:00Z') }));
 * // { users: 3, cycles: 4, audits: 16, reviews: ~288, actions: ~35 }
 */
export async function seedDemoAudits(db: Database, options: ResolvedDemoOptions): Promise<DemoAuditSummary> {
  return db.transaction(async (tx) => {
    const [org] = await tx
      .select({ timeZone: settings.timeZone, defaultLocale: settings.defaultLocale })
      .from(settings)
      .where(eq(settings.id, 1));
    const timeZone = org?.timeZone ?? 'UTC';
    const defaultLocale = org?.defaultLocale ?? 'en';
    const versions = await ensureBuiltInTemplateVersions(tx, defaultLocale);
    const checklist = versions.get('quarterly_service');
    const scorecard = versions.get('ticket_review');
    if (!checklist || !scorecard) throw new Error('the shipped audit templates are missing');

    const teamRows = await tx.select({ id: teams.id, name: teams.name }).from(teams).orderBy(asc(teams.name));
    const agentRows = await tx
      .select({ id: agents.id, teamId: agents.teamId, email: agents.email, createdAt: agents.createdAt })
      .from(agents)
      .orderBy(asc(agents.externalId), asc(agents.id));
    const userEmails = await tx.select({ email: users.email }).from(users);
    const takenEmails = new Set([...agentRows, ...userEmails].map((r) => r.email.toLowerCase()));

    const plan = (resolved: DemoAuditInput['resolved']) =>
      planDemoAudits({
        seed: options.seed,
        now: options.end,
        timeZone,
        defaultLocale,
        teams: teamRows,
        agents: agentRows,
        resolved,
        checklist,
        scorecard,
        takenEmails,
      });
    // The cycles' seeds come from the plan's stream before any sample is drawn, so a plan without
    // tickets has the same seeds. With them the database ranks each agent's resolved tickets as
    // drawSample does and returns only the winners: a quarter of ten million tickets stays on the
    // server instead of passing through memory. drawSample over the winners alone picks the same
    // tickets in the same order, so the plan comes out exactly as with every ticket.
    const resolved = new Map<string, Map<string, string[]>>();
    for (const cycle of plan(new Map()).cycles) {
      resolved.set(
        cycle.quarter,
        await sampleResolvedTickets(tx, {
          seed: cycle.seed,
          agentIds: agentRows.map((a) => a.id),
          ...periodRange(cycle.quarter, timeZone),
          n: DEMO_SAMPLE_PER_AGENT,
        }),
      );
    }

    const rows = plan(resolved);
    const write = async <T extends Parameters<typeof insertRowsQuery>[0]>(
      table: T,
      list: T['$inferInsert'][],
    ) => {
      if (list.length > 0) await tx.execute(insertRowsQuery(table, list));
    };
    await write(users, rows.users);
    await write(auditCycles, rows.cycles);
    await write(audits, rows.audits);
    await write(auditAnswers, rows.auditAnswers);
    await write(reviewSamples, rows.reviewSamples);
    await write(reviews, rows.reviews);
    await write(reviewAnswers, rows.reviewAnswers);
    await write(correctiveActions, rows.correctiveActions);
    return {
      users: rows.users.length,
      cycles: rows.cycles.length,
      audits: rows.audits.length,
      reviews: rows.reviews.length,
      actions: rows.correctiveActions.length,
    };
  });
}

/**
 * Each agent's sample of tickets resolved in [start, end) as `drawSample(seed, ids, n)` draws it —
 * ranked by SHA-256 of `seed:ticketId` in hex, ties by id, both compared byte by byte as JavaScript
 * compares these ASCII strings — computed by the database, which returns only the `n` winners per
 * agent, in draw order.
 */
async function sampleResolvedTickets(
  tx: Executor,
  query: { seed: string; agentIds: string[]; start: Date; end: Date; n: number },
): Promise<Map<string, string[]>> {
  const byAgent = new Map<string, string[]>();
  if (query.agentIds.length === 0) return byAgent;
  const ranked = sql`
    select ${tickets.agentId} as agent_id, ${tickets.id}::text as id,
      row_number() over (
        partition by ${tickets.agentId}
        order by encode(sha256(convert_to(${query.seed} || ':' || ${tickets.id}::text, 'UTF8')), 'hex') collate "C",
          ${tickets.id}::text collate "C"
      ) as position
    from ${tickets}
    where ${inArray(tickets.agentId, query.agentIds)}
      and ${tickets.resolvedAt} >= ${query.start.toISOString()}::timestamptz
      and ${tickets.resolvedAt} < ${query.end.toISOString()}::timestamptz`;
  const result = await tx.execute<{ agent_id: string; id: string }>(sql`
    select agent_id, id from (${ranked}) ranked
    where position <= ${query.n}
    order by agent_id, position`);
  const rows = Array.isArray(result)
    ? result
    : (result as unknown as { rows: { agent_id: string; id: string }[] }).rows;
  for (const row of rows) {
    const list = byAgent.get(row.agent_id);
    if (list) list.push(row.id);
    else byAgent.set(row.agent_id, [row.id]);
  }
  return byAgent;
}
