import type { AuditDetail, ReopenAudit } from '@rapport/contracts';
import { auditAnswers, auditReopens, audits, type Database, type Executor } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { ConflictError, ValidationError } from '../errors';
import type { Actor } from './actor';
import { assertCanAnswer, type AuditViewer } from './audit-access';
import { recordChange } from './audit-log';
import { scoreAnswers } from './audit-values';
import { getAudit, lockAudit, notDraft } from './audits';
import { openActionsForSignedAudit } from './corrective-actions';

function savedAnswers(tx: Executor, id: string) {
  return tx
    .select({ itemId: auditAnswers.itemId, value: auditAnswers.value })
    .from(auditAnswers)
    .where(eq(auditAnswers.auditId, id));
}

/**
 * Hands a draft in for sign-off once every item is answered (N/A counts as an answer). The score and
 * pass/fail from `auditScore` are kept on the audit from here on.
 */
export async function submitAudit(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  id: string,
  now = new Date(),
): Promise<AuditDetail> {
  await db.transaction(async (tx) => {
    const { audit, definition } = await lockAudit(tx, id);
    assertCanAnswer(viewer, audit);
    if (audit.status !== 'draft') throw notDraft(audit.status);
    const result = scoreAnswers(definition, await savedAnswers(tx, id));
    if (result.unanswered.length > 0) {
      const texts = new Map(
        definition.sections.flatMap((s) =>
          s.items.map((i) => [i.id, i.text[definition.defaultLocale] ?? i.id]),
        ),
      );
      const n = result.unanswered.length;
      throw new ValidationError(
        `Answer every item before submitting: ${n} ${n === 1 ? 'item is' : 'items are'} not answered.`,
        result.unanswered.map((itemId) => ({
          path: `answers.${itemId}`,
          message: `"${texts.get(itemId) ?? itemId}" is not answered.`,
        })),
      );
    }
    await tx
      .update(audits)
      .set({
        status: 'submitted',
        score: result.score,
        passed: result.passed,
        submittedAt: now,
        submittedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(audits.id, id));
    await recordChange(tx, actor, {
      action: 'audit.submit',
      entityType: 'audit',
      entityId: id,
      before: { status: audit.status },
      after: { status: 'submitted', score: result.score, passed: result.passed },
    });
  });
  return getAudit(db, viewer, id, now);
}

/**
 * A manager's sign-off of a submitted audit: it becomes immutable (until a recorded reopen), and each
 * failed item becomes a corrective action — once, however often the audit is signed.
 */
export async function signOffAudit(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  id: string,
  now = new Date(),
): Promise<AuditDetail> {
  await db.transaction(async (tx) => {
    const { audit, definition, cycleDueOn } = await lockAudit(tx, id);
    if (audit.status === 'draft') throw new ConflictError('Submit the audit before signing it off.');
    if (audit.status === 'signed') throw new ConflictError('This audit is already signed off.');
    const answers = await savedAnswers(tx, id);
    const result = scoreAnswers(definition, answers);
    await tx
      .update(audits)
      .set({
        status: 'signed',
        score: result.score,
        passed: result.passed,
        signedAt: now,
        signedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(audits.id, id));
    await recordChange(tx, actor, {
      action: 'audit.sign',
      entityType: 'audit',
      entityId: id,
      before: { status: audit.status },
      after: { status: 'signed', score: result.score, passed: result.passed },
    });
    await openActionsForSignedAudit(
      tx,
      actor,
      { id, cycleId: audit.cycleId, teamId: audit.teamId, cycleDueOn },
      definition,
      answers,
    );
  });
  return getAudit(db, viewer, id, now);
}

/** Sends a submitted or signed audit back to draft, recording who did it and why. */
export async function reopenAudit(
  db: Database,
  actor: Actor,
  viewer: AuditViewer,
  id: string,
  input: ReopenAudit,
  now = new Date(),
): Promise<AuditDetail> {
  await db.transaction(async (tx) => {
    const { audit } = await lockAudit(tx, id);
    if (audit.status === 'draft')
      throw new ConflictError('This audit is a draft already: there is nothing to reopen.');
    await tx.insert(auditReopens).values({
      auditId: id,
      fromStatus: audit.status,
      reason: input.reason,
      reopenedBy: actor.userId,
      reopenedAt: now,
    });
    await tx
      .update(audits)
      .set({
        status: 'draft',
        score: null,
        passed: null,
        submittedAt: null,
        submittedBy: null,
        signedAt: null,
        signedBy: null,
        updatedAt: now,
      })
      .where(eq(audits.id, id));
    await recordChange(tx, actor, {
      action: 'audit.reopen',
      entityType: 'audit',
      entityId: id,
      before: { status: audit.status, score: audit.score, passed: audit.passed, signedBy: audit.signedBy },
      after: { status: 'draft', reason: input.reason },
    });
  });
  return getAudit(db, viewer, id, now);
}
