import { randomBytes } from 'node:crypto';
import type { AuditCycleView, AuditTemplateKind, CreateAuditCycle, FieldIssue } from '@rapport/contracts';
import {
  auditCycles,
  auditTemplates,
  auditTemplateVersions,
  audits,
  teams,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { ConflictError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import type { AuditViewer } from './audit-access';
import { quarterBounds } from './audit-dates';
import { recordChange } from './audit-log';
import { listAudits } from './audits';
import { isUniqueViolation } from './db-errors';
import { drawReviewSamples } from './review-sampling';
import { getSettings } from './settings';

const CYCLE_QUARTER_KEY = 'audit_cycles_quarter_key';

function refuse(path: string, message: string): never {
  throw new ValidationError(message, [{ path, message }]);
}

/** The current version of a template of the right kind that is not archived, or a 400 on `path`. */
async function usableVersion(
  tx: Executor,
  templateId: string,
  kind: AuditTemplateKind,
  path: string,
): Promise<{ id: string; version: number }> {
  const [row] = await tx
    .select({
      kind: auditTemplates.kind,
      archived: auditTemplates.archived,
      name: auditTemplates.name,
      versionId: auditTemplateVersions.id,
      version: auditTemplateVersions.version,
    })
    .from(auditTemplates)
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, auditTemplates.currentVersionId))
    .where(eq(auditTemplates.id, templateId));
  const what = kind === 'checklist' ? 'checklist' : 'review scorecard';
  if (!row) return refuse(path, `No audit template has this id. Choose a ${what}.`);
  if (row.kind !== kind) return refuse(path, `"${row.name}" is not a ${what}.`);
  if (row.archived) return refuse(path, `"${row.name}" is archived. Restore it or choose another ${what}.`);
  return { id: row.versionId, version: row.version };
}

/** Each team's auditor: its entry in `auditors`, else the default; every one an active non-viewer. */
async function auditorsFor(
  tx: Executor,
  input: CreateAuditCycle,
  teamIds: string[],
): Promise<Map<string, string>> {
  const problems: FieldIssue[] = [];
  const known = new Set(teamIds);
  for (const teamId of Object.keys(input.auditors))
    if (!known.has(teamId)) problems.push({ path: `auditors.${teamId}`, message: 'No team has this id.' });
  const assigned = new Map<string, string>();
  for (const teamId of teamIds) {
    const userId = input.auditors[teamId] ?? input.defaultAuditorUserId;
    if (userId) assigned.set(teamId, userId);
    else problems.push({ path: `auditors.${teamId}`, message: 'This team has no auditor.' });
  }
  const people = await tx
    .select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(inArray(users.id, [...new Set(assigned.values())]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const reported = new Set<string>();
  for (const [teamId, userId] of assigned) {
    const path = input.auditors[teamId] ? `auditors.${teamId}` : 'defaultAuditorUserId';
    const p = byId.get(userId);
    const message = !p
      ? 'No user has this id.'
      : p.disabledAt
        ? `${p.name} is deactivated.`
        : p.role === 'viewer'
          ? `${p.name} is a viewer: choose an auditor, manager or admin.`
          : null;
    if (message && !reported.has(path)) problems.push({ path, message });
    reported.add(path);
  }
  const first = problems[0];
  if (first) throw new ValidationError(`${first.path}: ${first.message}`, problems);
  return assigned;
}

/**
 * Opens a quarter's audit cycle: one draft audit per team on the checklist's current version, each
 * assigned and due on `dueOn`, and a random seed stored for the review sample. 409 if the quarter
 * has a cycle already.
 */
export async function openAuditCycle(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  input: CreateAuditCycle,
  now = new Date(),
): Promise<AuditCycleView> {
  const { timeZone } = await getSettings(db);
  const bounds = quarterBounds(input.quarter, timeZone);
  if (input.dueOn < bounds.firstDay)
    refuse('dueOn', `The due date is before ${input.quarter} starts (${bounds.firstDay}).`);
  const conflict = () => new ConflictError(`${input.quarter} already has an audit cycle.`);
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: auditCycles.id })
        .from(auditCycles)
        .where(eq(auditCycles.quarter, input.quarter));
      if (existing) throw conflict();
      const checklist = await usableVersion(
        tx,
        input.checklistTemplateId,
        'checklist',
        'checklistTemplateId',
      );
      const scorecard = input.scorecardTemplateId
        ? await usableVersion(tx, input.scorecardTemplateId, 'scorecard', 'scorecardTemplateId')
        : null;
      const teamRows = await tx.select({ id: teams.id }).from(teams).orderBy(asc(teams.name));
      if (teamRows.length === 0) refuse('quarter', 'There are no teams to audit yet. Add a team first.');
      const auditors = await auditorsFor(
        tx,
        input,
        teamRows.map((t) => t.id),
      );
      const seed = randomBytes(16).toString('hex');
      const [cycle] = await tx
        .insert(auditCycles)
        .values({
          quarter: input.quarter,
          dueOn: input.dueOn,
          checklistVersionId: checklist.id,
          scorecardVersionId: scorecard?.id ?? null,
          samplePerAgent: input.samplePerAgent,
          seed,
          openedBy: actor.userId,
          openedAt: now,
        })
        .returning({ id: auditCycles.id });
      if (!cycle) throw new Error('audit cycle insert returned nothing');
      await tx.insert(audits).values(
        teamRows.map((t) => ({
          cycleId: cycle.id,
          teamId: t.id,
          templateVersionId: checklist.id,
          auditorUserId: auditors.get(t.id) ?? null,
          dueOn: input.dueOn,
        })),
      );
      await recordChange(tx, actor, {
        action: 'audit_cycle.open',
        entityType: 'audit_cycle',
        entityId: cycle.id,
        after: {
          quarter: input.quarter,
          dueOn: input.dueOn,
          checklistVersionId: checklist.id,
          scorecardVersionId: scorecard?.id ?? null,
          samplePerAgent: input.samplePerAgent,
          seed,
          auditors: Object.fromEntries(auditors),
        },
      });
      await drawReviewSamples(tx, actor, cycle.id);
      return cycle.id;
    });
  } catch (err) {
    // Two managers opening the same quarter at once: the unique quarter lets one through.
    if (isUniqueViolation(err, CYCLE_QUARTER_KEY)) throw conflict();
    throw err;
  }
  return getAuditCycle(db, viewer, id);
}

async function templateRef(db: Executor, versionId: string | null) {
  if (!versionId) return null;
  const [row] = await db
    .select({
      templateId: auditTemplateVersions.templateId,
      versionId: auditTemplateVersions.id,
      version: auditTemplateVersions.version,
      name: auditTemplates.name,
    })
    .from(auditTemplateVersions)
    .innerJoin(auditTemplates, eq(auditTemplates.id, auditTemplateVersions.templateId))
    .where(eq(auditTemplateVersions.id, versionId));
  return row ?? null;
}

async function toView(
  db: Executor,
  viewer: AuditViewer,
  cycle: typeof auditCycles.$inferSelect,
  timeZone: string,
): Promise<AuditCycleView> {
  const bounds = quarterBounds(cycle.quarter, timeZone);
  const [opener] = cycle.openedBy
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, cycle.openedBy))
    : [];
  return {
    id: cycle.id,
    quarter: cycle.quarter,
    status: cycle.status,
    period: { start: bounds.start.toISOString(), end: bounds.end.toISOString(), timeZone },
    dueOn: cycle.dueOn,
    checklist: found(await templateRef(db, cycle.checklistVersionId), 'Checklist'),
    scorecard: await templateRef(db, cycle.scorecardVersionId),
    samplePerAgent: cycle.samplePerAgent,
    seed: cycle.seed,
    openedAt: cycle.openedAt.toISOString(),
    openedBy: opener ?? null,
    audits: (await listAudits(db, viewer, { cycleId: cycle.id })).items,
  };
}

export async function getAuditCycle(db: Executor, viewer: AuditViewer, id: string): Promise<AuditCycleView> {
  const [row] = await db.select().from(auditCycles).where(eq(auditCycles.id, id));
  const { timeZone } = await getSettings(db);
  return toView(db, viewer, found(row, 'Audit cycle'), timeZone);
}

/** Every cycle, newest quarter first, each with the audits the viewer may see. */
export async function listAuditCycles(
  db: Executor,
  viewer: AuditViewer,
): Promise<{ items: AuditCycleView[] }> {
  const rows = await db.select().from(auditCycles).orderBy(desc(auditCycles.quarter));
  const { timeZone } = await getSettings(db);
  const items: AuditCycleView[] = [];
  for (const row of rows) items.push(await toView(db, viewer, row, timeZone));
  return { items };
}
