import {
  DEFAULT_SURVEY_NAME,
  type SurveyDefinition,
  type SurveyView,
  type UpdateSurveyRules,
} from '@rapport/contracts';
import { insertDefaultSurvey, surveys, surveyVersions, type Database, type Executor } from '@rapport/db';
import { asc, eq } from 'drizzle-orm';
import { found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';

type SurveyRow = typeof surveys.$inferSelect;

const surveyColumns = {
  survey: surveys,
  version: surveyVersions.version,
  definition: surveyVersions.definition,
};

function toView(r: {
  survey: SurveyRow;
  version: number | null;
  definition: SurveyDefinition | null;
}): SurveyView {
  return {
    id: r.survey.id,
    name: r.survey.name,
    status: r.survey.status,
    rules: r.survey.rules,
    version: r.version,
    definition: r.definition,
    createdAt: r.survey.createdAt.toISOString(),
    updatedAt: r.survey.updatedAt.toISOString(),
  };
}

export async function listSurveys(db: Executor): Promise<SurveyView[]> {
  const rows = await db
    .select(surveyColumns)
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .orderBy(asc(surveys.createdAt));
  return rows.map(toView);
}

export async function getSurvey(db: Executor, id: string): Promise<SurveyView> {
  const [row] = await db
    .select(surveyColumns)
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(eq(surveys.id, id));
  return toView(found(row, 'Survey'));
}

export async function updateSurveyRules(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateSurveyRules,
): Promise<SurveyView> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(surveys).where(eq(surveys.id, id)).for('update');
    const current = found(before, 'Survey');
    const rules = { ...current.rules, ...input };
    await tx.update(surveys).set({ rules, updatedAt: new Date() }).where(eq(surveys.id, id));
    await recordChange(tx, actor, {
      action: 'survey.rules',
      entityType: 'survey',
      entityId: id,
      before: current.rules,
      after: rules,
    });
  });
  return getSurvey(db, id);
}

/**
 * Creates the default post-ticket survey, active and published as version 1, unless a default
 * survey exists already, and logs its creation. Runs at every start; only the first one writes.
 */
export async function ensureDefaultSurvey(db: Database): Promise<boolean> {
  const id = await insertDefaultSurvey(db);
  if (id) {
    await recordChange(
      db,
      { userId: null, apiKeyId: null, label: 'system', requestId: null },
      {
        action: 'survey.create',
        entityType: 'survey',
        entityId: id,
        after: { name: DEFAULT_SURVEY_NAME, status: 'active', version: 1 },
      },
    );
  }
  return id !== null;
}
