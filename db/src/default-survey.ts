import { DEFAULT_RULES, DEFAULT_SURVEY_DEFINITION, DEFAULT_SURVEY_NAME } from '@rapport/contracts';
import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { surveys, surveyVersions } from './schema/index';

/**
 * Creates the default post-ticket survey — active, published as version 1 — unless a default
 * survey exists already. Shared by the server's first start and `pnpm seed`, so demo data seeded
 * from the command line has a survey to answer too. Returns the new survey's id, or null.
 *
 * @example
 * const created = await insertDefaultSurvey(db); // "3f0c…" on an empty database, then null
 */
export async function insertDefaultSurvey(db: Database): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: surveys.id })
      .from(surveys)
      .where(eq(surveys.isDefault, true))
      .limit(1);
    if (existing) return null;
    const [survey] = await tx
      .insert(surveys)
      .values({ name: DEFAULT_SURVEY_NAME, status: 'active', rules: DEFAULT_RULES, isDefault: true })
      .returning({ id: surveys.id });
    if (!survey) throw new Error('the default survey was not created');
    const [version] = await tx
      .insert(surveyVersions)
      .values({ surveyId: survey.id, version: 1, definition: DEFAULT_SURVEY_DEFINITION })
      .returning({ id: surveyVersions.id });
    if (!version) throw new Error('the default survey version was not created');
    await tx.update(surveys).set({ currentVersionId: version.id }).where(eq(surveys.id, survey.id));
    return survey.id;
  });
}
