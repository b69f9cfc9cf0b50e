import { seedDemoData, teams, tickets, type Database } from '@rapport/db';
import { ensureBuiltInAuditTemplates } from './audit-templates';
import { ensureDefaultSurvey } from './surveys';
import { ensureFirstAdmin, type FirstAdmin } from './users';

export interface BootstrapResult {
  admin: FirstAdmin;
  /** Tickets the demo generator wrote; 0 when the database already had data or demo is off. */
  demoTickets: number;
}

/**
 * Prepares a migrated database for use: the first admin, the default survey, the shipped audit templates, and
 * demo data when asked for and the database holds no teams or tickets yet (so a second start never seeds twice).
 */
export async function bootstrap(
  db: Database,
  options: { adminEmail: string; adminPassword: string | undefined; demo: boolean },
): Promise<BootstrapResult> {
  const admin = await ensureFirstAdmin(db, { email: options.adminEmail, password: options.adminPassword });
  await ensureDefaultSurvey(db);
  await ensureBuiltInAuditTemplates(db);
  let demoTickets = 0;
  if (options.demo) {
    const [anyTeam] = await db.select({ id: teams.id }).from(teams).limit(1);
    const [anyTicket] = await db.select({ id: tickets.id }).from(tickets).limit(1);
    if (!anyTeam && !anyTicket) demoTickets = (await seedDemoData(db)).tickets;
  }
  return { admin, demoTickets };
}
