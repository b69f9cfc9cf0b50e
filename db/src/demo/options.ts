import { startOfHour, subtractMonths } from './calendar';
import { MAX_TEAMS } from './teams';

/** What to generate. Every field is optional; the defaults make the data set the first start shows. */
export interface DemoOptions {
  /** Seed of the random stream: the same seed and `now` give exactly the same data. Default 20261123. */
  seed?: number;
  /** Number of tickets, exact. Default 12,000 (seeds in a few seconds on embedded PGlite). */
  tickets?: number;
  /** Number of teams, 1–6. Default 4. */
  teams?: number;
  /** Agents in each team, 1–100. Default 6. */
  agentsPerTeam?: number;
  /** Length of the period in calendar months, 1–60. Default 12. */
  months?: number;
  /**
   * End of the period. Default: the start of the current UTC hour — the only impure input, so runs
   * within the same hour agree.
   */
  now?: Date;
  /** Tickets per batch (one transaction, one multi-row insert per table), 1–4,000. Default 1,000. */
  batchSize?: number;
  /**
   * The survey whose invitations, responses and follow-ups to generate (its id and current version),
   * for every resolved ticket but the chat tickets that `chatSurvey` takes. Without one, only staff,
   * customers and tickets are generated. seedDemoData fills it in with the
   * database's default survey.
   */
  survey?: DemoSurvey | null;
  /**
   * The survey chat tickets answer instead of `survey`: the chat survey of chat-survey.ts (its
   * service-principle statements and NPS question), whose question ids the generator answers. Only
   * with `survey`; without it chat tickets answer `survey` like the rest. seedDemoData creates it.
   */
  chatSurvey?: DemoSurvey | null;
  /** Called after each batch is written, with the running totals (for progress output). */
  onProgress?: (written: DemoSummary) => void;
}

/** The survey the demo answers: its id and the version its invitations use. */
export interface DemoSurvey {
  id: string;
  versionId: string;
}

/** Rows written, per table (ticket events, one per invitation, and rollups are not counted). */
export interface DemoSummary {
  teams: number;
  agents: number;
  customers: number;
  tickets: number;
  invitations: number;
  responses: number;
  followUps: number;
  /** The survey answered, or null when there was none (no default survey yet): no survey data then. */
  surveyId: string | null;
  /** The survey chat tickets answered, or null when they answered `surveyId` (or nothing). */
  chatSurveyId: string | null;
}

/** Options with every default applied and every value checked. */
export interface ResolvedDemoOptions {
  seed: number;
  tickets: number;
  teams: number;
  agentsPerTeam: number;
  months: number;
  batchSize: number;
  survey: DemoSurvey | null;
  /** Null whenever `survey` is. */
  chatSurvey: DemoSurvey | null;
  /** The period, epoch ms: [start, end). */
  start: number;
  end: number;
}

export const DEFAULT_SEED = 20261123;
export const DEFAULT_TICKETS = 12_000;

// Ticket rows have 14 columns; 4,000 rows stay well inside Postgres' 65,535 bind parameters.
const MAX_BATCH = 4000;

function integerIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a whole number from ${min} to ${max} (got ${value}).`);
  }
  return value;
}

/**
 * Applies the defaults and validates: a value out of range throws a `RangeError` whose message
 * names the option, fit to show a user as is.
 *
 * @example
 * resolveDemoOptions({ tickets: 500, now: new Date('2026-11-23T08:00:00Z') }).start;
 * // Date.UTC(2025, 10, 23, 8): twelve months earlier
 */
export function resolveDemoOptions(options: DemoOptions = {}): ResolvedDemoOptions {
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number (got ${seed}).`);
  const now = options.now ?? startOfHour(new Date());
  const end = now.getTime();
  if (!Number.isFinite(end)) throw new RangeError('now must be a valid date.');
  const months = integerIn('months', options.months ?? 12, 1, 60);
  return {
    seed,
    tickets: integerIn('tickets', options.tickets ?? DEFAULT_TICKETS, 0, 50_000_000),
    teams: integerIn('teams', options.teams ?? 4, 1, MAX_TEAMS),
    agentsPerTeam: integerIn('agentsPerTeam', options.agentsPerTeam ?? 6, 1, 100),
    months,
    batchSize: integerIn('batchSize', options.batchSize ?? 1000, 1, MAX_BATCH),
    survey: options.survey ?? null,
    chatSurvey: options.survey ? (options.chatSurvey ?? null) : null,
    start: subtractMonths(end, months),
    end,
  };
}
