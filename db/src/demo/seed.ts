import { eq } from 'drizzle-orm';
import type { Database } from '../client';
import { customers } from '../schema/customers';
import { followUps } from '../schema/follow-ups';
import { invitations, ticketEvents } from '../schema/invitations';
import { responses } from '../schema/responses';
import { surveys } from '../schema/surveys';
import { agents, teams } from '../schema/teams';
import { tickets } from '../schema/tickets';
import { seedDemoAudits } from './audits';
import { seedDemoOkrs } from './okrs';
import { generateDemo } from './generate';
import { addRollupsQuery, insertRowsQuery } from './insert-rows';
import { resolveDemoOptions, type DemoOptions, type DemoSummary, type DemoSurvey } from './options';

/**
 * Writes the demo data set into a migrated database: teams and agents first, then tickets with their
 * customers and survey activity (invitations, ticket events, responses, follow-ups, and the counts
 * they add to daily_rollups), one transaction and one multi-row insert per table (see insertRowsQuery)
 * for each batch of a thousand tickets. A failure leaves the batches before it in place, rollups
 * consistent with them. Then, in one more transaction, four past quarters of audits, reviews and
 * corrective actions with the three staff users they need (see seedDemoAudits). It writes no audit
 * log: demo data is not a change made by staff.
 *
 * The survey answered is the default survey (`is_default`, at its current version), which the server
 * creates at start before seeding. Without one there is no survey activity, and the summary's
 * `surveyId` is null.
 *
 * The caller makes sure the database holds no demo data yet: ids, team names and external ids would
 * collide (the server seeds only an empty database; `pnpm seed` refuses one with tickets).
 *
 * @example
 * const handle = await openDatabase({});
 * await handle.migrate();
 * const summary = await seedDemoData(handle.db, { tickets: 500, now: new Date('2026-11-23T08:00:00Z') });
 * // { teams: 4, agents: 24, customers: ~200, tickets: 500, invitations: ~450, responses: ~90, … }
 */
export async function seedDemoData(db: Database, options: DemoOptions = {}): Promise<DemoSummary> {
  const survey = options.survey === undefined ? await findDefaultSurvey(db) : options.survey;
  // Resolved once, so the tickets and the audit history agree on `now` even across an hour's turn.
  const resolved = resolveDemoOptions({ ...options, survey });
  const written: DemoSummary = {
    teams: 0,
    agents: 0,
    customers: 0,
    tickets: 0,
    invitations: 0,
    responses: 0,
    followUps: 0,
    surveyId: survey?.id ?? null,
  };
  for (const batch of generateDemo({ ...options, survey, now: new Date(resolved.end) })) {
    await db.transaction(async (tx) => {
      if (batch.teams.length > 0) await tx.execute(insertRowsQuery(teams, batch.teams));
      if (batch.agents.length > 0) await tx.execute(insertRowsQuery(agents, batch.agents));
      if (batch.customers.length > 0) await tx.execute(insertRowsQuery(customers, batch.customers));
      if (batch.tickets.length > 0) await tx.execute(insertRowsQuery(tickets, batch.tickets));
      if (batch.invitations.length > 0) await tx.execute(insertRowsQuery(invitations, batch.invitations));
      if (batch.ticketEvents.length > 0) await tx.execute(insertRowsQuery(ticketEvents, batch.ticketEvents));
      if (batch.responses.length > 0) await tx.execute(insertRowsQuery(responses, batch.responses));
      if (batch.followUps.length > 0) await tx.execute(insertRowsQuery(followUps, batch.followUps));
      if (batch.rollups.length > 0) await tx.execute(addRollupsQuery(batch.rollups));
    });
    written.teams += batch.teams.length;
    written.agents += batch.agents.length;
    written.customers += batch.customers.length;
    written.tickets += batch.tickets.length;
    written.invitations += batch.invitations.length;
    written.responses += batch.responses.length;
    written.followUps += batch.followUps.length;
    options.onProgress?.({ ...written });
  }
  await seedDemoAudits(db, resolved);
  // After the audits: the objectives take last quarter's audit score as a baseline.
  await seedDemoOkrs(db, resolved);
  return written;
}

/** The default survey at its current version, or null when there is none (or it was never published). */
async function findDefaultSurvey(db: Database): Promise<DemoSurvey | null> {
  const [row] = await db
    .select({ id: surveys.id, versionId: surveys.currentVersionId })
    .from(surveys)
    .where(eq(surveys.isDefault, true))
    .limit(1);
  return row?.versionId ? { id: row.id, versionId: row.versionId } : null;
}
