import type { SurveyVersionSummary, SurveyVersionView } from '@rapport/contracts';
import { surveys, surveyVersions, users, type Executor } from '@rapport/db';
import { and, desc, eq } from 'drizzle-orm';
import { found } from '../errors';

const summaryColumns = {
  version: surveyVersions.version,
  publishedAt: surveyVersions.publishedAt,
  publishedById: users.id,
  publishedByName: users.name,
};

function toSummary(r: {
  version: number;
  publishedAt: Date;
  publishedById: string | null;
  publishedByName: string | null;
}): SurveyVersionSummary {
  return {
    version: r.version,
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedById ? { id: r.publishedById, name: r.publishedByName ?? '' } : null,
  };
}

async function assertSurvey(db: Executor, surveyId: string): Promise<void> {
  const [survey] = await db.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, surveyId));
  found(survey, 'Survey');
}

/** A survey's published versions, newest first (publishedBy is null for the system's and for deleted users). */
export async function listSurveyVersions(db: Executor, surveyId: string): Promise<SurveyVersionSummary[]> {
  await assertSurvey(db, surveyId);
  const rows = await db
    .select(summaryColumns)
    .from(surveyVersions)
    .leftJoin(users, eq(users.id, surveyVersions.publishedBy))
    .where(eq(surveyVersions.surveyId, surveyId))
    .orderBy(desc(surveyVersions.version));
  return rows.map(toSummary);
}

/** One published version with the definition its invitations were sent with. */
export async function getSurveyVersion(
  db: Executor,
  surveyId: string,
  version: number,
): Promise<SurveyVersionView> {
  await assertSurvey(db, surveyId);
  const [row] = await db
    .select({ ...summaryColumns, definition: surveyVersions.definition })
    .from(surveyVersions)
    .leftJoin(users, eq(users.id, surveyVersions.publishedBy))
    .where(and(eq(surveyVersions.surveyId, surveyId), eq(surveyVersions.version, version)));
  const published = found(row, `Version ${version} of this survey`);
  return { ...toSummary(published), definition: published.definition };
}
