import {
  type Locale,
  DEFAULT_RULES,
  DEFAULT_SURVEY_NAME,
  SURVEY_TEMPLATE_DEFINITIONS,
  type CreateSurvey,
  type SurveyDefinition,
  type SurveyDetail,
  type SurveyStats,
  type UpdateSurveyRules,
} from '@rapport/contracts';
import { insertDefaultSurvey, surveys, surveyVersions, type Database, type Executor } from '@rapport/db';
import { asc, eq } from 'drizzle-orm';
import { found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { getSettings } from './settings';
import { statsOf, surveyStats } from './survey-stats';

type SurveyRow = typeof surveys.$inferSelect;

const surveyColumns = {
  survey: surveys,
  version: surveyVersions.version,
  definition: surveyVersions.definition,
};

function toDetail(
  r: { survey: SurveyRow; version: number | null; definition: SurveyDefinition | null },
  stats: SurveyStats,
): SurveyDetail {
  return {
    id: r.survey.id,
    name: r.survey.name,
    status: r.survey.status,
    isDefault: r.survey.isDefault,
    rules: r.survey.rules,
    version: r.version,
    definition: r.definition,
    draft: r.survey.draft,
    stats,
    createdAt: r.survey.createdAt.toISOString(),
    updatedAt: r.survey.updatedAt.toISOString(),
  };
}

/** Every survey, oldest first, with its published definition, draft and stats. */
export async function listSurveys(db: Executor, now = new Date()): Promise<SurveyDetail[]> {
  const rows = await db
    .select(surveyColumns)
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .orderBy(asc(surveys.createdAt), asc(surveys.id));
  const stats = await surveyStats(db, undefined, now);
  return rows.map((r) => toDetail(r, statsOf(stats, r.survey.id)));
}

export async function getSurvey(db: Executor, id: string, now = new Date()): Promise<SurveyDetail> {
  const [row] = await db
    .select(surveyColumns)
    .from(surveys)
    .leftJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
    .where(eq(surveys.id, id));
  const survey = found(row, 'Survey');
  return toDetail(survey, statsOf(await surveyStats(db, id, now), id));
}

/**
 * A new survey in status draft: no published version yet, its draft a copy of the template's
 * definition, the default sending rules.
 */
export async function createSurvey(db: Database, actor: Actor, input: CreateSurvey): Promise<SurveyDetail> {
  const id = await db.transaction(async (tx) => {
    // A new survey is offered in the organisation's languages; the templates' other texts stay,
    // so adding a language later needs no translating.
    const org = await getSettings(tx);
    const draft = {
      ...structuredClone(SURVEY_TEMPLATE_DEFINITIONS[input.template]),
      locales: org.locales as Locale[],
      defaultLocale: org.defaultLocale as Locale,
    };
    const [row] = await tx
      .insert(surveys)
      .values({ name: input.name, status: 'draft', rules: DEFAULT_RULES, draft })
      .returning({ id: surveys.id });
    const created = found(row, 'Survey');
    await recordChange(tx, actor, {
      action: 'survey.create',
      entityType: 'survey',
      entityId: created.id,
      after: { name: input.name, template: input.template, status: 'draft' },
    });
    return created.id;
  });
  return getSurvey(db, id);
}

export async function updateSurveyRules(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateSurveyRules,
): Promise<SurveyDetail> {
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
