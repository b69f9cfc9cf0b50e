import type { SurveyDefinition } from '@rapport/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { surveys, surveyVersions } from '../schema/surveys';
import {
  CHAT_CHANNEL,
  CHAT_SURVEY_NAME,
  CHAT_SURVEY_RULES,
  chatSurveyDefinition,
  chatSurveyIds,
} from './chat-survey';
import type { DemoSurvey } from './options';

/** The default survey at its current version, or null when there is none (or it was never published). */
export async function findDefaultSurvey(db: Database): Promise<DemoSurvey | null> {
  const [row] = await db
    .select({ id: surveys.id, versionId: surveys.currentVersionId })
    .from(surveys)
    .where(eq(surveys.isDefault, true))
    .limit(1);
  return row?.versionId ? { id: row.id, versionId: row.versionId } : null;
}

/**
 * The survey the demo's chat tickets answer: the chat survey (see chat-survey.ts), created active and
 * published as version 1 with ids derived from `seed`, dated `createdAt` (the start of the demo period,
 * which its answers go back to).
 *
 * The server seeds only a database without teams or tickets, but staff may have made surveys in it
 * before, and a seed that failed keeps the chat survey it created. So when an active survey already
 * names the chat channel — the one the API would route chat tickets to — that one is answered if its
 * current version asks the chat survey's questions (a seed's earlier attempt), and otherwise none is
 * made and chat tickets answer the default survey, as they did before (null).
 *
 * @example
 * const chat = await ensureDemoChatSurvey(db, 20261123, new Date('2025-11-23T08:00:00Z'));
 * // { id, versionId } — the same on a second call
 */
export async function ensureDemoChatSurvey(
  db: Database,
  seed: number,
  createdAt: Date,
): Promise<DemoSurvey | null> {
  const definition = chatSurveyDefinition();
  return db.transaction(async (tx) => {
    // As the API chooses (apps/api ticket-events): the oldest active survey naming the channel.
    const [named] = await tx
      .select({ id: surveys.id, versionId: surveyVersions.id, definition: surveyVersions.definition })
      .from(surveys)
      .innerJoin(surveyVersions, eq(surveyVersions.id, surveys.currentVersionId))
      .where(
        and(
          eq(surveys.status, 'active'),
          sql`${surveys.rules} -> 'channels' @> ${JSON.stringify([CHAT_CHANNEL])}::jsonb`,
        ),
      )
      .orderBy(asc(surveys.createdAt), asc(surveys.id))
      .limit(1);
    if (named) {
      return sameQuestions(named.definition, definition)
        ? { id: named.id, versionId: named.versionId }
        : null;
    }
    const ids = chatSurveyIds(seed);
    // Its id taken by a survey that no longer takes chat (archived, say): staff decided; leave it.
    const [taken] = await tx.select({ id: surveys.id }).from(surveys).where(eq(surveys.id, ids.id));
    if (taken) return null;
    await tx.insert(surveys).values({
      id: ids.id,
      name: CHAT_SURVEY_NAME,
      status: 'active',
      rules: CHAT_SURVEY_RULES,
      isDefault: false,
      createdAt,
      updatedAt: createdAt,
    });
    await tx.insert(surveyVersions).values({
      id: ids.versionId,
      surveyId: ids.id,
      version: 1,
      definition,
      publishedAt: createdAt,
    });
    await tx.update(surveys).set({ currentVersionId: ids.versionId }).where(eq(surveys.id, ids.id));
    return ids;
  });
}

/** Same question ids, types and metrics in the same order: the generator's answers fit both. */
function sameQuestions(a: SurveyDefinition, b: SurveyDefinition): boolean {
  const shape = (d: SurveyDefinition) => d.questions.map((q) => `${q.id}:${q.type}:${q.metric ?? ''}`).join();
  return shape(a) === shape(b);
}
