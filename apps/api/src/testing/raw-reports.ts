import type { Answers, SurveyDefinition } from '@rapport/contracts';
import {
  ANY_REASON,
  invitations,
  responses,
  settings,
  surveyVersions,
  tickets,
  type Executor,
} from '@rapport/db';
import { isNotNull, sql } from 'drizzle-orm';

/**
 * What the report rollups and endpoints should say, worked out again from the raw rows — responses,
 * sent invitations, tickets and the survey versions answered — without any rollup, report service or
 * rollup-writing function. Tests compare the two: rollup tables as multisets of rows, endpoints figure
 * by figure. The organisation-local day of an instant is read in SQL (`at time zone`), not through the
 * API's helpers.
 */

/** One stored response, as the reports may see it. */
export interface RawResponse {
  id: string;
  /** The rollup day written with the response; checked separately against `submittedDay`. */
  day: string;
  /** The organisation-local date of the first answer, computed here. */
  submittedDay: string;
  surveyId: string;
  surveyVersionId: string;
  teamId: string | null;
  agentId: string | null;
  channel: string;
  counted: boolean;
  suspectedBot: boolean;
  /** Whether staff decided about counting it (a decision no later answer overrides). */
  decidedByStaff: boolean;
  csat: number | null;
  nps: number | null;
  ces: number | null;
  resolved: boolean | null;
  reasons: string[];
  answers: Answers;
}

/** One sent invitation, on the organisation-local day it left. */
export interface RawSend {
  day: string;
  surveyId: string;
  teamId: string | null;
  agentId: string | null;
  channel: string;
}

/** One ticket's durations in minutes, with the local days they count on. */
export interface RawTicket {
  id: string;
  teamId: string | null;
  openedDay: string;
  resolvedDay: string | null;
  /** Opened → first response; null without a first response. */
  firstResponseMinutes: number | null;
  /** Opened → resolved; null while unresolved. */
  resolutionMinutes: number | null;
}

export interface RawVersion {
  id: string;
  surveyId: string;
  version: number;
  publishedAt: Date;
  definition: SurveyDefinition;
}

export interface RawData {
  timeZone: string;
  responses: RawResponse[];
  sends: RawSend[];
  tickets: RawTicket[];
  versions: Map<string, RawVersion>;
}

/** Reads everything the expectations are computed from, in five plain queries. */
export async function loadRaw(db: Executor): Promise<RawData> {
  const [org] = await db.select({ timeZone: settings.timeZone }).from(settings);
  const timeZone = org?.timeZone ?? 'UTC';
  const localDate = (column: typeof responses.submittedAt | typeof invitations.sentAt) =>
    sql<string>`to_char((${column} at time zone ${timeZone})::date, 'YYYY-MM-DD')`;

  const responseRows = await db
    .select({
      id: responses.id,
      day: sql<string>`to_char(${responses.rollupDay}, 'YYYY-MM-DD')`,
      submittedDay: localDate(responses.submittedAt),
      surveyId: responses.surveyId,
      surveyVersionId: responses.surveyVersionId,
      teamId: responses.teamId,
      agentId: responses.agentId,
      channel: responses.channel,
      counted: responses.counted,
      suspectedBot: responses.suspectedBot,
      decidedByStaff: sql<boolean>`${responses.countedDecidedBy} is not null`,
      csat: responses.csat,
      nps: responses.nps,
      ces: responses.ces,
      resolved: responses.resolved,
      reasons: responses.reasons,
      answers: responses.answers,
    })
    .from(responses);

  const sends = await db
    .select({
      day: localDate(invitations.sentAt),
      surveyId: invitations.surveyId,
      teamId: invitations.teamId,
      agentId: invitations.agentId,
      channel: invitations.channel,
    })
    .from(invitations)
    .where(isNotNull(invitations.sentAt));

  const ticketRows = await db
    .select({
      id: tickets.id,
      teamId: tickets.teamId,
      openedDay: sql<string>`to_char((${tickets.openedAt} at time zone ${timeZone})::date, 'YYYY-MM-DD')`,
      resolvedDay: sql<
        string | null
      >`to_char((${tickets.resolvedAt} at time zone ${timeZone})::date, 'YYYY-MM-DD')`,
      firstResponseMinutes: sql<
        number | null
      >`extract(epoch from (${tickets.firstResponseAt} - ${tickets.openedAt}))::float8 / 60`,
      resolutionMinutes: sql<
        number | null
      >`extract(epoch from (${tickets.resolvedAt} - ${tickets.openedAt}))::float8 / 60`,
    })
    .from(tickets);

  const versionRows = await db.select().from(surveyVersions);
  const versions = new Map(
    versionRows.map((v) => [
      v.id,
      {
        id: v.id,
        surveyId: v.surveyId,
        version: v.version,
        publishedAt: v.publishedAt,
        definition: v.definition,
      },
    ]),
  );

  return {
    timeZone,
    responses: responseRows.map((r) => ({ ...r, reasons: r.reasons ?? [] })),
    sends,
    tickets: ticketRows.map((r) => ({
      ...r,
      firstResponseMinutes: r.firstResponseMinutes === null ? null : Number(r.firstResponseMinutes),
      resolutionMinutes: r.resolutionMinutes === null ? null : Number(r.resolutionMinutes),
    })),
    versions,
  };
}

// ---- the rollup tables, recomputed -------------------------------------------------------------------

export const COUNT_COLUMNS = [
  'sent',
  'responses',
  'bots',
  'csat1',
  'csat2',
  'csat3',
  'csat4',
  'csat5',
  'npsPromoters',
  'npsPassives',
  'npsDetractors',
  'ces1',
  'ces2',
  'ces3',
  'ces4',
  'ces5',
  'ces6',
  'ces7',
  'resolvedYes',
  'resolvedNo',
] as const;
export type CountColumn = (typeof COUNT_COLUMNS)[number];
export type Counts = Record<CountColumn, number>;

export const zeroCounts = (): Counts => Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Counts;

/** Adds one response to a set of counts: a bot only as a bot; a counted answer in every metric it answers. */
export function countResponse(c: Counts, r: RawResponse): void {
  if (!r.counted) {
    c.bots += 1;
    return;
  }
  c.responses += 1;
  if (r.csat !== null) c[`csat${r.csat}` as CountColumn] += 1;
  if (r.nps !== null) {
    if (r.nps >= 9) c.npsPromoters += 1;
    else if (r.nps >= 7) c.npsPassives += 1;
    else c.npsDetractors += 1;
  }
  if (r.ces !== null) c[`ces${r.ces}` as CountColumn] += 1;
  if (r.resolved !== null) {
    if (r.resolved) c.resolvedYes += 1;
    else c.resolvedNo += 1;
  }
}

export interface DailyRow extends Counts {
  day: string;
  surveyId: string;
  teamId: string | null;
  agentId: string | null;
  channel: string;
}

export type TeamRow = Omit<DailyRow, 'agentId'>;

function groupCounts<K extends object>(raw: RawData, keyOf: (x: RawResponse | RawSend) => K): (K & Counts)[] {
  const rows = new Map<string, K & Counts>();
  const rowFor = (x: RawResponse | RawSend) => {
    const key = keyOf(x);
    const id = JSON.stringify(key);
    let row = rows.get(id);
    if (!row) {
      row = { ...key, ...zeroCounts() };
      rows.set(id, row);
    }
    return row;
  };
  for (const s of raw.sends) rowFor(s).sent += 1;
  for (const r of raw.responses) countResponse(rowFor(r), r);
  return [...rows.values()];
}

/** daily_rollups as the raw rows say: responses on their rollup day, sends on their local sending day. */
export function expectedDailyRollups(raw: RawData): DailyRow[] {
  return groupCounts(raw, (x) => ({
    day: x.day,
    surveyId: x.surveyId,
    teamId: x.teamId,
    agentId: x.agentId,
    channel: x.channel,
  }));
}

/** daily_team_rollups as the raw rows say (not derived from daily_rollups: straight from the rows). */
export function expectedTeamRollups(raw: RawData): TeamRow[] {
  return groupCounts(raw, (x) => ({
    day: x.day,
    surveyId: x.surveyId,
    teamId: x.teamId,
    channel: x.channel,
  }));
}

export interface ReasonRollupRow {
  day: string;
  surveyId: string;
  teamId: string | null;
  agentId: string | null;
  channel: string;
  reason: string;
  responses: number;
}

/**
 * daily_reason_rollups: counted responses per reason code they gave (each response once per code),
 * and once under `ANY_REASON` for each counted response that gave any.
 */
export function expectedReasonRollups(raw: RawData): ReasonRollupRow[] {
  const rows = new Map<string, ReasonRollupRow>();
  for (const r of raw.responses) {
    if (!r.counted || r.reasons.length === 0) continue;
    for (const reason of [...new Set(r.reasons), ANY_REASON]) {
      const key = {
        day: r.day,
        surveyId: r.surveyId,
        teamId: r.teamId,
        agentId: r.agentId,
        channel: r.channel,
        reason,
      };
      const id = JSON.stringify(key);
      const row = rows.get(id) ?? { ...key, responses: 0 };
      row.responses += 1;
      rows.set(id, row);
    }
  }
  return [...rows.values()];
}

/** The driver questions of a survey version: 1–5 rating questions that feed no metric. */
export function driverQuestions(definition: SurveyDefinition): string[] {
  return definition.questions.filter((q) => q.type === 'rating' && !q.metric).map((q) => q.id);
}

/** A counted response's (driver, x, y) pairs: each driver question it answered, with its overall rating. */
export function driverPairs(raw: RawData, r: RawResponse): { questionId: string; x: number; y: number }[] {
  if (!r.counted || r.csat === null) return [];
  const version = raw.versions.get(r.surveyVersionId);
  if (!version) throw new Error(`response ${r.id} answers an unknown survey version`);
  const pairs: { questionId: string; x: number; y: number }[] = [];
  for (const questionId of driverQuestions(version.definition)) {
    const x = r.answers[questionId];
    if (typeof x === 'number') pairs.push({ questionId, x, y: r.csat });
  }
  return pairs;
}

export interface DriverRollupRow {
  day: string;
  surveyId: string;
  teamId: string | null;
  questionId: string;
  n: number;
  sumX: number;
  sumY: number;
  sumXx: number;
  sumYy: number;
  sumXy: number;
}

/** daily_driver_rollups: per day, survey, team and driver question, n and the sums of x, y, x², y², xy. */
export function expectedDriverRollups(raw: RawData): DriverRollupRow[] {
  const rows = new Map<string, DriverRollupRow>();
  for (const r of raw.responses) {
    for (const { questionId, x, y } of driverPairs(raw, r)) {
      const key = { day: r.day, surveyId: r.surveyId, teamId: r.teamId, questionId };
      const id = JSON.stringify(key);
      const row = rows.get(id) ?? { ...key, n: 0, sumX: 0, sumY: 0, sumXx: 0, sumYy: 0, sumXy: 0 };
      row.n += 1;
      row.sumX += x;
      row.sumY += y;
      row.sumXx += x * x;
      row.sumYy += y * y;
      row.sumXy += x * y;
      rows.set(id, row);
    }
  }
  return [...rows.values()];
}

export interface DurationRollupRow {
  measure: 'first_response' | 'resolution';
  day: string;
  teamId: string | null;
  bucket: number;
  tickets: number;
}

/**
 * ticket_duration_rollups: first responses by the local day the ticket opened, resolutions by the
 * local day it was resolved, each in the bucket `bucketOf` gives its duration in minutes.
 */
export function expectedDurationRollups(
  raw: RawData,
  bucketOf: (minutes: number) => number,
): DurationRollupRow[] {
  const rows = new Map<string, DurationRollupRow>();
  const add = (
    measure: DurationRollupRow['measure'],
    day: string,
    teamId: string | null,
    minutes: number,
  ) => {
    const key = { measure, day, teamId, bucket: bucketOf(minutes) };
    const id = JSON.stringify(key);
    const row = rows.get(id) ?? { ...key, tickets: 0 };
    row.tickets += 1;
    rows.set(id, row);
  };
  for (const t of raw.tickets) {
    if (t.firstResponseMinutes !== null) add('first_response', t.openedDay, t.teamId, t.firstResponseMinutes);
    if (t.resolutionMinutes !== null && t.resolvedDay !== null)
      add('resolution', t.resolvedDay, t.teamId, t.resolutionMinutes);
  }
  return [...rows.values()];
}

// ---- comparing tables ----------------------------------------------------------------------------------

export interface RowDifference<T> {
  key: string;
  expected: T | null;
  actual: T | null;
}

/**
 * The rows on which two multisets differ, keyed by `keyFields`: missing, unexpected, or with other
 * counts. Rows whose every other field is 0 are ignored on both sides (a rollup row emptied by an
 * edit may stay behind). Empty means equal. A key present twice on one side is reported too.
 */
export function rowDifferences<T extends object>(
  expected: readonly T[],
  actual: readonly T[],
  keyFields: readonly (keyof T)[],
): RowDifference<T>[] {
  const keyOf = (row: T) => JSON.stringify(keyFields.map((k) => row[k] ?? null));
  const nonZero = (row: T) =>
    Object.entries(row).some(([k, v]) => !keyFields.includes(k as keyof T) && Number(v) !== 0);
  const index = (rows: readonly T[], side: string) => {
    const map = new Map<string, T>();
    for (const row of rows) {
      if (!nonZero(row)) continue;
      const key = keyOf(row);
      if (map.has(key)) throw new Error(`${side} holds the key ${key} twice`);
      map.set(key, normalise(row));
    }
    return map;
  };
  const want = index(expected, 'the expectation');
  const got = index(actual, 'the table');
  const differences: RowDifference<T>[] = [];
  for (const key of new Set([...want.keys(), ...got.keys()])) {
    const a = want.get(key) ?? null;
    const b = got.get(key) ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) differences.push({ key, expected: a, actual: b });
  }
  return differences.sort((x, y) => (x.key < y.key ? -1 : 1));
}

/** Same fields in a fixed order, numbers as numbers (bigint sums may arrive as strings). */
function normalise<T extends object>(row: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row).sort()) {
    const value = (row as Record<string, unknown>)[key];
    out[key] = typeof value === 'string' && /^-?\d+$/.test(value) && key !== 'day' ? Number(value) : value;
  }
  return out as T;
}

/** The survey versions' English labels: for each reason code and driver question, from the latest version that has it. */
export function latestLabels(raw: RawData): { reasons: Map<string, string>; questions: Map<string, string> } {
  const reasons = new Map<string, string>();
  const questions = new Map<string, string>();
  const newestFirst = [...raw.versions.values()].sort(
    (a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || b.version - a.version,
  );
  for (const v of newestFirst) {
    for (const q of v.definition.questions) {
      if (!questions.has(q.id) && q.text.en) questions.set(q.id, q.text.en);
      if (q.metric === 'reasons')
        for (const o of q.options ?? [])
          if (!reasons.has(o.code) && o.label.en) reasons.set(o.code, o.label.en);
    }
  }
  return { reasons, questions };
}
