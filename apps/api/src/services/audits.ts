import type {
  AuditDetail,
  AuditSummary,
  AuditTemplateDefinition,
  ListAuditsQuery,
  PersonRef,
  SaveAuditAnswers,
} from '@rapport/contracts';
import {
  auditAnswers,
  auditCycles,
  auditReopens,
  auditTemplates,
  auditTemplateVersions,
  audits,
  teams,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, desc, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { ConflictError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { assertCanAnswer, assertCanSee, visibleAudits, type AuditViewer } from './audit-access';
import { quarterBounds } from './audit-dates';
import { auditEvidence } from './audit-evidence';
import { recordChange } from './audit-log';
import { answerProblems, scoreAnswers } from './audit-values';
import { actionsOfAudit, earlierOpenActions } from './corrective-actions';
import { getSettings } from './settings';

const nameOf = (id: AnyColumn) =>
  sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${id})`;

const summaryColumns = {
  audit: audits,
  quarter: auditCycles.quarter,
  cycleDueOn: auditCycles.dueOn,
  teamName: teams.name,
  auditorName: nameOf(audits.auditorUserId),
  signerName: nameOf(audits.signedBy),
  templateId: auditTemplateVersions.templateId,
  templateName: auditTemplates.name,
  version: auditTemplateVersions.version,
  definition: auditTemplateVersions.definition,
  answered:
    sql<number>`(select count(*) from ${auditAnswers} where ${auditAnswers.auditId} = ${audits.id})`.mapWith(
      Number,
    ),
};

function baseQuery(db: Executor) {
  return db
    .select(summaryColumns)
    .from(audits)
    .innerJoin(auditCycles, eq(auditCycles.id, audits.cycleId))
    .innerJoin(teams, eq(teams.id, audits.teamId))
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, audits.templateVersionId))
    .innerJoin(auditTemplates, eq(auditTemplates.id, auditTemplateVersions.templateId));
}

type AuditRow = Awaited<ReturnType<typeof baseQuery>>[number];

function itemCount(definition: AuditTemplateDefinition): number {
  return definition.sections.reduce((n, s) => n + s.items.length, 0);
}

const person = (id: string | null, name: string | null): PersonRef | null =>
  id ? { id, name: name ?? 'A former user' } : null;

function toSummary(r: AuditRow): AuditSummary {
  const a = r.audit;
  return {
    id: a.id,
    cycle: { id: a.cycleId, quarter: r.quarter },
    team: { id: a.teamId, name: r.teamName },
    auditor: person(a.auditorUserId, r.auditorName),
    dueOn: a.dueOn,
    status: a.status,
    score: a.score,
    passed: a.passed,
    progress: { answered: r.answered, total: itemCount(r.definition) },
    submittedAt: a.submittedAt?.toISOString() ?? null,
    signedAt: a.signedAt?.toISOString() ?? null,
    signedBy: person(a.signedBy, r.signerName),
  };
}

/** The audits the viewer may see, newest quarter first, then by team name. */
export async function listAudits(
  db: Executor,
  viewer: AuditViewer,
  query: ListAuditsQuery,
): Promise<{ items: AuditSummary[] }> {
  const where: (SQL | undefined)[] = [visibleAudits(viewer)];
  if (query.cycleId) where.push(eq(audits.cycleId, query.cycleId));
  if (query.teamId) where.push(eq(audits.teamId, query.teamId));
  if (query.status) where.push(eq(audits.status, query.status));
  const rows = await baseQuery(db)
    .where(and(...where))
    .orderBy(desc(auditCycles.quarter), asc(teams.name), asc(audits.id));
  return { items: rows.map(toSummary) };
}

/** One audit with what it asks, its answers, the live score from `auditScore` and the evidence figures. */
export async function getAudit(
  db: Executor,
  viewer: AuditViewer,
  id: string,
  now = new Date(),
): Promise<AuditDetail> {
  const [row] = await baseQuery(db).where(eq(audits.id, id));
  const r = found(row, 'Audit');
  assertCanSee(viewer, r.audit);
  const answers = await db
    .select({ answer: auditAnswers, byName: users.name })
    .from(auditAnswers)
    .leftJoin(users, eq(users.id, auditAnswers.answeredBy))
    .where(eq(auditAnswers.auditId, id));
  const order = new Map<string, number>();
  for (const section of r.definition.sections)
    for (const item of section.items) order.set(item.id, order.size);
  answers.sort((x, y) => (order.get(x.answer.itemId) ?? 0) - (order.get(y.answer.itemId) ?? 0));
  const reopens = await db
    .select({ reopen: auditReopens, byName: users.name })
    .from(auditReopens)
    .leftJoin(users, eq(users.id, auditReopens.reopenedBy))
    .where(eq(auditReopens.auditId, id))
    .orderBy(asc(auditReopens.reopenedAt), asc(auditReopens.id));
  const { timeZone } = await getSettings(db);
  const period = quarterBounds(r.quarter, timeZone);
  return {
    ...toSummary(r),
    template: {
      id: r.templateId,
      name: r.templateName,
      versionId: r.audit.templateVersionId,
      version: r.version,
      definition: r.definition,
    },
    answers: answers.map(({ answer, byName }) => ({
      itemId: answer.itemId,
      value: answer.value,
      note: answer.note,
      answeredAt: answer.answeredAt.toISOString(),
      answeredBy: person(answer.answeredBy, byName),
    })),
    result: scoreAnswers(
      r.definition,
      answers.map((a) => a.answer),
    ),
    evidence: await auditEvidence(db, r.definition, {
      teamId: r.audit.teamId,
      start: period.start,
      end: period.end,
      now,
    }),
    period: { start: period.start.toISOString(), end: period.end.toISOString(), timeZone },
    reopens: reopens.map(({ reopen, byName }) => ({
      fromStatus: reopen.fromStatus,
      reason: reopen.reason,
      at: reopen.reopenedAt.toISOString(),
      by: person(reopen.reopenedBy, byName),
    })),
    actions: await actionsOfAudit(db, id, now),
    earlierOpenActions: await earlierOpenActions(db, r.audit.teamId, r.audit.cycleId, now),
  };
}

/** The audit row locked for a change, with its checklist; refuses anything but a draft. */
export async function lockAudit(tx: Executor, id: string) {
  const [row] = await tx
    .select({ audit: audits, definition: auditTemplateVersions.definition, cycleDueOn: auditCycles.dueOn })
    .from(audits)
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, audits.templateVersionId))
    .innerJoin(auditCycles, eq(auditCycles.id, audits.cycleId))
    .where(eq(audits.id, id))
    .for('update', { of: audits });
  return found(row, 'Audit');
}

/** The 409 for changing an audit that is no longer a draft, saying what to do instead. */
export function notDraft(status: 'submitted' | 'signed'): ConflictError {
  return status === 'signed'
    ? new ConflictError(
        'This audit is signed off and can no longer be changed. A manager can reopen it, giving a reason.',
      )
    : new ConflictError(
        'This audit is submitted and waits for sign-off. A manager can reopen it to change answers.',
      );
}

/**
 * Saves answers as the auditor goes (each replaces that item's earlier answer and note). Only while
 * the audit is a draft; only by its auditor or a manager. Every problem in the batch is reported at
 * once and nothing is saved unless all are fine.
 */
export async function saveAuditAnswers(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  id: string,
  input: SaveAuditAnswers,
  now = new Date(),
): Promise<AuditDetail> {
  await db.transaction(async (tx) => {
    const { audit, definition } = await lockAudit(tx, id);
    assertCanAnswer(viewer, audit);
    if (audit.status !== 'draft') throw notDraft(audit.status);
    const problems = answerProblems(definition, input.answers);
    const first = problems[0];
    if (first) throw new ValidationError(first.message, problems);
    const itemIds = input.answers.map((a) => a.itemId);
    const before = await tx
      .select({ itemId: auditAnswers.itemId, value: auditAnswers.value, note: auditAnswers.note })
      .from(auditAnswers)
      .where(and(eq(auditAnswers.auditId, id), inArray(auditAnswers.itemId, itemIds)));
    await tx
      .insert(auditAnswers)
      .values(
        input.answers.map((a) => ({
          auditId: id,
          itemId: a.itemId,
          value: a.value,
          note: a.note || null,
          answeredBy: actor.userId,
          answeredAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: [auditAnswers.auditId, auditAnswers.itemId],
        set: {
          value: sql`excluded.value`,
          note: sql`excluded.note`,
          answeredBy: sql`excluded.answered_by`,
          answeredAt: sql`excluded.answered_at`,
        },
      });
    await tx.update(audits).set({ updatedAt: now }).where(eq(audits.id, id));
    await recordChange(tx, actor, {
      action: 'audit.answer',
      entityType: 'audit',
      entityId: id,
      before: { answers: before },
      after: {
        answers: input.answers.map((a) => ({ itemId: a.itemId, value: a.value, note: a.note || null })),
      },
    });
  });
  return getAudit(db, viewer, id, now);
}
