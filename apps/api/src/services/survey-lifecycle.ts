import {
  definitionProblems,
  SurveyDefinition,
  type FieldIssue,
  type SaveSurveyDraft,
  type SurveyDetail,
} from '@rapport/contracts';
import { surveys, surveyVersions, type Database, type Transaction } from '@rapport/db';
import { eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { ConflictError, found, ValidationError } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { getSurvey } from './surveys';

type SurveyRow = typeof surveys.$inferSelect;

/**
 * Everything wrong with a definition — its shape first, then `definitionProblems` — as field issues
 * under `definition.` (`definition.questions.2.options`), the way `validate()` reports a body.
 */
function definitionIssues(definition: unknown): FieldIssue[] {
  const parsed = v.safeParse(SurveyDefinition, definition);
  if (!parsed.success) {
    return parsed.issues.map((issue) => {
      const path = v.getDotPath(issue);
      return { path: path ? `definition.${path}` : 'definition', message: issue.message };
    });
  }
  return definitionProblems(parsed.output).map((p) => ({
    path: `definition.${p.path}`,
    message: p.message,
  }));
}

/** Throws 400 VALIDATION, first problem as the message, every problem in `details`. */
function assertDefinition(definition: unknown): void {
  const issues = definitionIssues(definition);
  const first = issues[0];
  if (first) throw new ValidationError(`${first.path}: ${first.message}`, issues);
}

async function lockSurvey(tx: Transaction, id: string): Promise<SurveyRow> {
  const [row] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update');
  return found(row, 'Survey');
}

function assertNotArchived(survey: SurveyRow, doing: string): void {
  if (survey.status === 'archived') {
    throw new ConflictError(`“${survey.name}” is archived: restore it before ${doing}.`);
  }
}

/**
 * Saves unpublished edits (and the name, which is not versioned and changes at once). Invitations
 * keep using the published version until the draft is published. Nothing is stored when the
 * definition has a problem.
 */
export async function saveSurveyDraft(
  db: Database,
  actor: Actor,
  id: string,
  input: SaveSurveyDraft,
): Promise<SurveyDetail> {
  assertDefinition(input.definition);
  await db.transaction(async (tx) => {
    const current = await lockSurvey(tx, id);
    assertNotArchived(current, 'editing it');
    const name = input.name ?? current.name;
    await tx
      .update(surveys)
      .set({ name, draft: input.definition, updatedAt: new Date() })
      .where(eq(surveys.id, id));
    await recordChange(tx, actor, {
      action: 'survey.draft',
      entityType: 'survey',
      entityId: id,
      before: { name: current.name, draft: current.draft },
      after: { name, draft: input.definition },
    });
  });
  return getSurvey(db, id);
}

/**
 * Throws the draft away, back to the published version. A survey never published has nothing to go
 * back to, so its draft stays. Discarding when there is no draft changes nothing.
 */
export async function discardSurveyDraft(db: Database, actor: Actor, id: string): Promise<SurveyDetail> {
  await db.transaction(async (tx) => {
    const current = await lockSurvey(tx, id);
    assertNotArchived(current, 'changing it');
    if (current.currentVersionId === null) {
      throw new ConflictError(
        `“${current.name}” has never been published, so discarding its draft would leave no questions at all. Edit the draft instead, or archive the survey.`,
      );
    }
    if (current.draft === null) return;
    await tx.update(surveys).set({ draft: null, updatedAt: new Date() }).where(eq(surveys.id, id));
    await recordChange(tx, actor, {
      action: 'survey.discard_draft',
      entityType: 'survey',
      entityId: id,
      before: { draft: current.draft },
      after: { draft: null },
    });
  });
  return getSurvey(db, id);
}

/**
 * Publishes the draft as the next immutable version (max + 1) and makes it the one new invitations
 * use; the survey becomes active. Invitations and responses made with earlier versions keep them:
 * they store the version's id, and versions are never updated.
 */
export async function publishSurvey(db: Database, actor: Actor, id: string): Promise<SurveyDetail> {
  await db.transaction(async (tx) => {
    const current = await lockSurvey(tx, id);
    assertNotArchived(current, 'publishing it');
    if (current.draft === null) {
      throw new ConflictError(
        `“${current.name}” has no unpublished changes: edit and save a draft, then publish it.`,
      );
    }
    assertDefinition(current.draft);
    const [last] = await tx
      .select({ version: sql<number | null>`max(${surveyVersions.version})` })
      .from(surveyVersions)
      .where(eq(surveyVersions.surveyId, id));
    const previous = last?.version === null || last?.version === undefined ? 0 : Number(last.version);
    const [created] = await tx
      .insert(surveyVersions)
      .values({
        surveyId: id,
        version: previous + 1,
        definition: current.draft,
        publishedBy: actor.userId,
      })
      .returning({ id: surveyVersions.id, version: surveyVersions.version });
    const version = found(created, 'Survey version');
    await tx
      .update(surveys)
      .set({ currentVersionId: version.id, draft: null, status: 'active', updatedAt: new Date() })
      .where(eq(surveys.id, id));
    await recordChange(tx, actor, {
      action: 'survey.publish',
      entityType: 'survey',
      entityId: id,
      before: { status: current.status, version: previous || null },
      after: { status: 'active', version: version.version },
    });
  });
  return getSurvey(db, id);
}

/** Stops choosing the survey for new tickets; invitations already made still work. */
export async function archiveSurvey(db: Database, actor: Actor, id: string): Promise<SurveyDetail> {
  await db.transaction(async (tx) => {
    const current = await lockSurvey(tx, id);
    if (current.status === 'archived') throw new ConflictError(`“${current.name}” is already archived.`);
    await setStatus(tx, actor, current, 'archived', 'survey.archive');
  });
  return getSurvey(db, id);
}

/** Brings an archived survey back: active when it has a published version, else a draft again. */
export async function restoreSurvey(db: Database, actor: Actor, id: string): Promise<SurveyDetail> {
  await db.transaction(async (tx) => {
    const current = await lockSurvey(tx, id);
    if (current.status !== 'archived') {
      throw new ConflictError(`“${current.name}” is not archived, so there is nothing to restore.`);
    }
    const status = current.currentVersionId === null ? 'draft' : 'active';
    await setStatus(tx, actor, current, status, 'survey.restore');
  });
  return getSurvey(db, id);
}

async function setStatus(
  tx: Transaction,
  actor: Actor,
  current: SurveyRow,
  status: SurveyRow['status'],
  action: string,
): Promise<void> {
  await tx.update(surveys).set({ status, updatedAt: new Date() }).where(eq(surveys.id, current.id));
  await recordChange(tx, actor, {
    action,
    entityType: 'survey',
    entityId: current.id,
    before: { status: current.status },
    after: { status },
  });
}
