import {
  defaultDirection,
  type CheckInView,
  type CreateKeyResult,
  type CreateObjective,
  type FieldIssue,
  type KeyResultDirection,
  type KeyResultView,
  type ListObjectivesQuery,
  type MetricKey,
  type ObjectiveView,
  type UpdateKeyResult,
  type UpdateObjective,
} from '@rapport/contracts';
import {
  keyResultCheckIns,
  keyResults,
  objectives,
  teams,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { periodKey, previousPeriodKey } from '@rapport/scoring';
import { and, asc, count, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import { ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import {
  currentValue,
  liveMetrics,
  objectiveProgress,
  progressOf,
  quarterWindow,
  statusOf,
  type OkrClock,
  type QuarterWindow,
} from './okr-progress';
import { getSettings } from './settings';

/** At most this many key results per objective: more is a to-do list, not a focus. */
export const MAX_KEY_RESULTS = 10;

type ObjectiveRow = typeof objectives.$inferSelect;
type KeyResultRow = typeof keyResults.$inferSelect;
type CheckInRow = typeof keyResultCheckIns.$inferSelect & { byName: string | null };

/** The clock and metric reader to use: the live ones unless a caller (a test) passes its own. */
export function clockOf(db: Executor, clock: Partial<OkrClock> = {}): OkrClock {
  const now = clock.now ?? new Date();
  return { now, measure: clock.measure ?? liveMetrics(db, now) };
}

function refuse(path: string, message: string): never {
  throw new ValidationError(message, [{ path, message }]);
}

function refuseAll(problems: FieldIssue[]): void {
  const first = problems[0];
  if (first) throw new ValidationError(first.message, problems);
}

const METRIC_NAMES: Record<MetricKey, string> = {
  csat: 'CSAT',
  nps: 'NPS',
  ces: 'CES',
  resolution_rate: 'The resolution rate',
  response_rate: 'The response rate',
  follow_ups_in_time: 'The share of follow-ups closed in time',
  audit_score: 'The audit score',
  quality_score: 'The review (quality) score',
  first_response_hours: 'First-response time',
  resolution_hours: 'Resolution time',
};

/**
 * The checks that make progress measurable: a target different from the baseline, on the side of
 * it the direction asks for. Returns the problems found, each on its field under `prefix`.
 */
function numberProblems(
  prefix: string,
  k: { baseline: number; target: number; direction: KeyResultDirection; metric: MetricKey | null },
): FieldIssue[] {
  const path = `${prefix}target`;
  if (k.target === k.baseline)
    return [
      {
        path,
        message: `The target equals the baseline (${k.baseline}), so progress cannot be measured. Set a target ${k.direction === 'increase' ? 'above' : 'below'} the baseline.`,
      },
    ];
  const wrongSide = k.direction === 'increase' ? k.target < k.baseline : k.target > k.baseline;
  if (!wrongSide) return [];
  const what = k.metric ? METRIC_NAMES[k.metric] : 'This key result';
  const side = k.direction === 'increase' ? 'above' : 'below';
  return [
    {
      path,
      message: `${what} should ${k.direction} here, so the target must be ${side} the baseline (${k.baseline}); or set direction to ${k.direction === 'increase' ? 'decrease' : 'increase'}.`,
    },
  ];
}

/**
 * A new key result's row, checked. A metric key result without a baseline takes the metric's value
 * over the whole quarter before, for the same scope.
 */
type NewKeyResult = Omit<typeof keyResults.$inferInsert, 'objectiveId' | 'position'>;

async function keyResultRow(
  input: CreateKeyResult,
  prefix: string,
  scope: { quarter: string; teamId: string | null },
  timeZone: string,
  clock: OkrClock,
): Promise<NewKeyResult> {
  if (input.kind === 'manual') {
    const direction = input.direction ?? (input.target < input.baseline ? 'decrease' : 'increase');
    refuseAll(numberProblems(prefix, { ...input, direction, metric: null }));
    return {
      title: input.title,
      kind: 'manual',
      metric: null,
      baseline: input.baseline,
      target: input.target,
      direction,
      manualValue: input.current ?? null,
    };
  }
  let baseline = input.baseline;
  if (baseline === undefined) {
    const previous = quarterWindow(previousPeriodKey(scope.quarter), timeZone, clock.now);
    const measured = await clock.measure(
      input.metric,
      { teamId: scope.teamId },
      { from: previous.from, to: previous.to },
    );
    if (measured.value === null)
      refuse(
        `${prefix}baseline`,
        `${METRIC_NAMES[input.metric]} has no data in ${previous.quarter} to take a baseline from. Give the baseline.`,
      );
    baseline = measured.value;
  }
  const direction = input.direction ?? defaultDirection(input.metric);
  refuseAll(numberProblems(prefix, { baseline, target: input.target, direction, metric: input.metric }));
  return {
    title: input.title,
    kind: 'metric',
    metric: input.metric,
    baseline,
    target: input.target,
    direction,
    manualValue: null,
  };
}

async function checkOwner(tx: Executor, ownerUserId: string): Promise<void> {
  const [owner] = await tx
    .select({ name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, ownerUserId));
  if (!owner) refuse('ownerUserId', 'No user has this id. Choose the objective’s owner.');
  if (owner.disabledAt) refuse('ownerUserId', `${owner.name} is deactivated. Choose an active owner.`);
}

async function checkTeam(tx: Executor, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team) refuse('teamId', 'No team has this id. Choose a team, or none for the whole organisation.');
}

function objectiveSummary(o: ObjectiveRow) {
  return {
    quarter: o.quarter,
    teamId: o.teamId,
    title: o.title,
    description: o.description,
    ownerUserId: o.ownerUserId,
  };
}

export function keyResultSummary(k: KeyResultRow) {
  return {
    objectiveId: k.objectiveId,
    title: k.title,
    kind: k.kind,
    metric: k.metric,
    baseline: k.baseline,
    target: k.target,
    direction: k.direction,
    manualValue: k.manualValue,
  };
}

// ---- reading ----------------------------------------------------------------------------------

export function checkInView(kr: KeyResultRow, c: CheckInRow): CheckInView {
  return {
    id: c.id,
    confidence: c.confidence,
    comment: c.comment,
    value: c.value,
    progress: progressOf(kr, c.value),
    by: c.byUserId ? { id: c.byUserId, name: c.byName ?? '' } : null,
    at: c.at.toISOString(),
  };
}

const checkInColumns = {
  id: keyResultCheckIns.id,
  seq: keyResultCheckIns.seq,
  keyResultId: keyResultCheckIns.keyResultId,
  confidence: keyResultCheckIns.confidence,
  comment: keyResultCheckIns.comment,
  value: keyResultCheckIns.value,
  n: keyResultCheckIns.n,
  byUserId: keyResultCheckIns.byUserId,
  at: keyResultCheckIns.at,
  byName: users.name,
};

/** A key result's check-ins, oldest first (insertion order breaks ties). */
export async function checkInsOf(db: Executor, keyResultId: string): Promise<CheckInRow[]> {
  return db
    .select(checkInColumns)
    .from(keyResultCheckIns)
    .leftJoin(users, eq(users.id, keyResultCheckIns.byUserId))
    .where(eq(keyResultCheckIns.keyResultId, keyResultId))
    .orderBy(asc(keyResultCheckIns.at), asc(keyResultCheckIns.seq));
}

async function latestCheckIns(db: Executor, keyResultIds: string[]): Promise<Map<string, CheckInRow>> {
  if (keyResultIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([keyResultCheckIns.keyResultId], checkInColumns)
    .from(keyResultCheckIns)
    .leftJoin(users, eq(users.id, keyResultCheckIns.byUserId))
    .where(inArray(keyResultCheckIns.keyResultId, keyResultIds))
    .orderBy(keyResultCheckIns.keyResultId, desc(keyResultCheckIns.at), desc(keyResultCheckIns.seq));
  return new Map(rows.map((r) => [r.keyResultId, r]));
}

/** A key result as shown: its current value computed now, progress and status from @rapport/scoring. */
export async function keyResultView(
  kr: KeyResultRow,
  teamId: string | null,
  window: QuarterWindow,
  latest: CheckInRow | undefined,
  clock: OkrClock,
): Promise<KeyResultView> {
  const current = await currentValue(kr, teamId, window, clock.measure);
  const progress = progressOf(kr, current.value);
  return {
    id: kr.id,
    objectiveId: kr.objectiveId,
    position: kr.position,
    title: kr.title,
    kind: kr.kind,
    metric: kr.metric as MetricKey | null,
    unit: current.unit,
    baseline: kr.baseline,
    target: kr.target,
    direction: kr.direction,
    current: { value: current.value, n: current.n },
    progress,
    status: statusOf(progress, window, clock.now),
    latestCheckIn: latest ? checkInView(kr, latest) : null,
  };
}

const objectiveColumns = {
  objective: objectives,
  teamName: teams.name,
  ownerName: users.name,
};

async function objectiveViews(
  db: Executor,
  where: SQL | undefined,
  clock: OkrClock,
): Promise<ObjectiveView[]> {
  const { timeZone } = await getSettings(db);
  const rows = await db
    .select(objectiveColumns)
    .from(objectives)
    .leftJoin(teams, eq(teams.id, objectives.teamId))
    .leftJoin(users, eq(users.id, objectives.ownerUserId))
    .where(where)
    // Organisation-wide objectives first (nulls first), then by team name, then oldest first.
    .orderBy(
      asc(objectives.quarter),
      sql`${teams.name} asc nulls first`,
      asc(objectives.createdAt),
      asc(objectives.id),
    );
  if (rows.length === 0) return [];
  const krRows = await db
    .select()
    .from(keyResults)
    .where(
      inArray(
        keyResults.objectiveId,
        rows.map((r) => r.objective.id),
      ),
    )
    .orderBy(asc(keyResults.position), asc(keyResults.createdAt));
  const latest = await latestCheckIns(
    db,
    krRows.map((k) => k.id),
  );
  const windows = new Map<string, QuarterWindow>();
  const windowOf = (quarter: string) => {
    const known = windows.get(quarter);
    if (known) return known;
    const made = quarterWindow(quarter, timeZone, clock.now);
    windows.set(quarter, made);
    return made;
  };
  const views: ObjectiveView[] = [];
  for (const { objective: o, teamName, ownerName } of rows) {
    const window = windowOf(o.quarter);
    const krs: KeyResultView[] = [];
    for (const kr of krRows.filter((k) => k.objectiveId === o.id))
      krs.push(await keyResultView(kr, o.teamId, window, latest.get(kr.id), clock));
    const progress = objectiveProgress(krs.map((k) => k.progress));
    views.push({
      id: o.id,
      quarter: o.quarter,
      teamId: o.teamId,
      teamName,
      title: o.title,
      description: o.description,
      owner: o.ownerUserId ? { id: o.ownerUserId, name: ownerName ?? '' } : null,
      period: { from: window.from, to: window.to, measuredTo: window.measuredTo },
      progress,
      status: statusOf(progress, window, clock.now),
      keyResults: krs,
      createdAt: o.createdAt.toISOString(),
      updatedAt: o.updatedAt.toISOString(),
    });
  }
  return views;
}

/**
 * The objectives of a quarter (the current one in the organisation's time zone by default), each
 * with its key results' current values, progress and status.
 */
export async function listObjectives(
  db: Executor,
  query: ListObjectivesQuery,
  clock: Partial<OkrClock> = {},
): Promise<{ quarter: string; items: ObjectiveView[] }> {
  const c = clockOf(db, clock);
  const { timeZone } = await getSettings(db);
  const quarter = query.quarter ?? periodKey(c.now, 'quarter', timeZone);
  quarterWindow(quarter, timeZone, c.now);
  const where = [eq(objectives.quarter, quarter)];
  if (query.teamId) where.push(eq(objectives.teamId, query.teamId));
  return { quarter, items: await objectiveViews(db, and(...where), c) };
}

export async function getObjective(
  db: Executor,
  id: string,
  clock: Partial<OkrClock> = {},
): Promise<ObjectiveView> {
  const [view] = await objectiveViews(db, eq(objectives.id, id), clockOf(db, clock));
  return found(view, 'Objective');
}

// ---- writing ----------------------------------------------------------------------------------

export async function createObjective(
  db: Database,
  actor: Actor,
  input: CreateObjective,
  clock: Partial<OkrClock> = {},
): Promise<ObjectiveView> {
  const c = clockOf(db, clock);
  const { timeZone } = await getSettings(db);
  quarterWindow(input.quarter, timeZone, c.now);
  const teamId = input.teamId ?? null;
  await checkTeam(db, teamId);
  // Baselines are measured before the transaction: the metric reader uses its own connection.
  const krRows: NewKeyResult[] = [];
  for (const [i, kr] of input.keyResults.entries())
    krRows.push(await keyResultRow(kr, `keyResults.${i}.`, { quarter: input.quarter, teamId }, timeZone, c));
  const id = await db.transaction(async (tx) => {
    await checkTeam(tx, teamId);
    await checkOwner(tx, input.ownerUserId);
    const [row] = await tx
      .insert(objectives)
      .values({
        quarter: input.quarter,
        teamId,
        title: input.title,
        description: input.description ?? null,
        ownerUserId: input.ownerUserId,
        createdBy: actor.userId,
      })
      .returning();
    const created = found(row, 'Objective');
    const inserted =
      krRows.length > 0
        ? await tx
            .insert(keyResults)
            .values(krRows.map((k, position) => ({ ...k, objectiveId: created.id, position })))
            .returning()
        : [];
    await recordChange(tx, actor, {
      action: 'objective.create',
      entityType: 'objective',
      entityId: created.id,
      after: { ...objectiveSummary(created), keyResults: inserted.map(keyResultSummary) },
    });
    return created.id;
  });
  return getObjective(db, id, c);
}

export async function updateObjective(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateObjective,
  clock: Partial<OkrClock> = {},
): Promise<ObjectiveView> {
  const c = clockOf(db, clock);
  const { timeZone } = await getSettings(db);
  if (input.quarter) quarterWindow(input.quarter, timeZone, c.now);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(objectives).where(eq(objectives.id, id)).for('update');
    const current = found(before, 'Objective');
    if (input.teamId !== undefined) await checkTeam(tx, input.teamId);
    if (input.ownerUserId !== undefined) await checkOwner(tx, input.ownerUserId);
    const [row] = await tx
      .update(objectives)
      .set({
        quarter: input.quarter ?? current.quarter,
        teamId: input.teamId === undefined ? current.teamId : input.teamId,
        title: input.title ?? current.title,
        description: input.description === undefined ? current.description : input.description,
        ownerUserId: input.ownerUserId ?? current.ownerUserId,
        updatedAt: c.now,
      })
      .where(eq(objectives.id, id))
      .returning();
    await recordChange(tx, actor, {
      action: 'objective.update',
      entityType: 'objective',
      entityId: id,
      before: objectiveSummary(current),
      after: objectiveSummary(found(row, 'Objective')),
    });
  });
  return getObjective(db, id, c);
}

/** Deletes an objective with its key results and their check-ins; the audit log keeps what it was. */
export async function deleteObjective(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(objectives).where(eq(objectives.id, id)).for('update');
    const current = found(before, 'Objective');
    const krs = await tx.select().from(keyResults).where(eq(keyResults.objectiveId, id));
    await tx.delete(objectives).where(eq(objectives.id, id));
    await recordChange(tx, actor, {
      action: 'objective.delete',
      entityType: 'objective',
      entityId: id,
      before: { ...objectiveSummary(current), keyResults: krs.map(keyResultSummary) },
    });
  });
}

export async function createKeyResult(
  db: Database,
  actor: Actor,
  objectiveId: string,
  input: CreateKeyResult,
  clock: Partial<OkrClock> = {},
): Promise<KeyResultView> {
  const c = clockOf(db, clock);
  const { timeZone } = await getSettings(db);
  const [read] = await db.select().from(objectives).where(eq(objectives.id, objectiveId));
  // Measured before the transaction: the metric reader uses its own connection.
  const values = await keyResultRow(input, '', found(read, 'Objective'), timeZone, c);
  const { id, objective } = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(objectives).where(eq(objectives.id, objectiveId)).for('update');
    const o = found(locked, 'Objective');
    const [existing] = await tx
      .select({ n: count(), last: max(keyResults.position) })
      .from(keyResults)
      .where(eq(keyResults.objectiveId, objectiveId));
    if ((existing?.n ?? 0) >= MAX_KEY_RESULTS)
      refuse('kind', `An objective has at most ${MAX_KEY_RESULTS} key results.`);
    const [row] = await tx
      .insert(keyResults)
      .values({ ...values, objectiveId, position: (existing?.last ?? -1) + 1 })
      .returning();
    const created = found(row, 'Key result');
    await recordChange(tx, actor, {
      action: 'key_result.create',
      entityType: 'key_result',
      entityId: created.id,
      after: keyResultSummary(created),
    });
    return { id: created.id, objective: o };
  });
  return getKeyResult(db, id, c, objective);
}

/** A key result with its objective (for scope and quarter), or a 404. */
export async function findKeyResult(
  db: Executor,
  id: string,
): Promise<{ kr: KeyResultRow; objective: ObjectiveRow }> {
  const [row] = await db
    .select({ kr: keyResults, objective: objectives })
    .from(keyResults)
    .innerJoin(objectives, eq(objectives.id, keyResults.objectiveId))
    .where(eq(keyResults.id, id));
  return found(row, 'Key result');
}

export async function getKeyResult(
  db: Executor,
  id: string,
  clock: OkrClock,
  objective?: ObjectiveRow,
): Promise<KeyResultView> {
  const { kr, objective: o } = objective
    ? {
        kr: found((await db.select().from(keyResults).where(eq(keyResults.id, id)))[0], 'Key result'),
        objective,
      }
    : await findKeyResult(db, id);
  const { timeZone } = await getSettings(db);
  const latest = await latestCheckIns(db, [kr.id]);
  return keyResultView(kr, o.teamId, quarterWindow(o.quarter, timeZone, clock.now), latest.get(kr.id), clock);
}

export async function updateKeyResult(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateKeyResult,
  clock: Partial<OkrClock> = {},
): Promise<KeyResultView> {
  const c = clockOf(db, clock);
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(keyResults).where(eq(keyResults.id, id)).for('update');
    const current = found(locked, 'Key result');
    if (input.current !== undefined && current.kind === 'metric')
      refuse(
        'current',
        'A metric key result’s current value is computed from the data; only a manual key result takes one.',
      );
    const next = {
      baseline: input.baseline ?? current.baseline,
      target: input.target ?? current.target,
      direction: input.direction ?? current.direction,
    };
    refuseAll(numberProblems('', { ...next, metric: current.metric as MetricKey | null }));
    const [row] = await tx
      .update(keyResults)
      .set({
        ...next,
        title: input.title ?? current.title,
        manualValue: input.current === undefined ? current.manualValue : input.current,
        updatedAt: c.now,
      })
      .where(eq(keyResults.id, id))
      .returning();
    await recordChange(tx, actor, {
      action: 'key_result.update',
      entityType: 'key_result',
      entityId: id,
      before: keyResultSummary(current),
      after: keyResultSummary(found(row, 'Key result')),
    });
  });
  return getKeyResult(db, id, c);
}

/** Deletes a key result and its check-ins; the audit log keeps what it was. */
export async function deleteKeyResult(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(keyResults).where(eq(keyResults.id, id)).for('update');
    const current = found(locked, 'Key result');
    await tx.delete(keyResults).where(eq(keyResults.id, id));
    await recordChange(tx, actor, {
      action: 'key_result.delete',
      entityType: 'key_result',
      entityId: id,
      before: keyResultSummary(current),
    });
  });
}
