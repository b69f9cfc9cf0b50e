import type { Database } from '../client';
import { customers } from '../schema/customers';
import { agents, teams } from '../schema/teams';
import { tickets } from '../schema/tickets';
import { generateDemo } from './generate';
import { insertRowsQuery } from './insert-rows';
import type { DemoOptions, DemoSummary } from './options';

/**
 * Writes the demo data set into a migrated database: teams and agents first, then tickets with their
 * customers, one transaction and one multi-row insert per table (see insertRowsQuery) for each batch of a
 * thousand tickets. A failure leaves the batches before it in place. It writes no users and no audit log:
 * demo data is not a change made by staff.
 *
 * The caller makes sure the database holds no demo data yet: ids, team names and external ids would
 * collide (the server seeds only an empty database; `pnpm seed` refuses one with tickets).
 *
 * @example
 * const handle = await openDatabase({});
 * await handle.migrate();
 * const summary = await seedDemoData(handle.db, { tickets: 500, now: new Date('2026-11-23T08:00:00Z') });
 * // { teams: 4, agents: 24, customers: ~200, tickets: 500 }
 */
export async function seedDemoData(db: Database, options: DemoOptions = {}): Promise<DemoSummary> {
  const written: DemoSummary = { teams: 0, agents: 0, customers: 0, tickets: 0 };
  for (const batch of generateDemo(options)) {
    await db.transaction(async (tx) => {
      if (batch.teams.length > 0) await tx.execute(insertRowsQuery(teams, batch.teams));
      if (batch.agents.length > 0) await tx.execute(insertRowsQuery(agents, batch.agents));
      if (batch.customers.length > 0) await tx.execute(insertRowsQuery(customers, batch.customers));
      if (batch.tickets.length > 0) await tx.execute(insertRowsQuery(tickets, batch.tickets));
    });
    written.teams += batch.teams.length;
    written.agents += batch.agents.length;
    written.customers += batch.customers.length;
    written.tickets += batch.tickets.length;
    options.onProgress?.({ ...written });
  }
  return written;
}
