import { seedDemoData, teams, tickets, type Database } from '@rapport/db';
import { ensureBuiltInAuditTemplates } from './audit-templates';
import { nameUnnamedOrganisation } from './settings';
import { ensureDefaultSurvey } from './surveys';
import { ensureFirstAdmin, type FirstAdmin } from './users';

/** The demo data's organisation, on report covers and in the digest. */
export const DEMO_ORGANISATION_NAME = 'Rapport Demo Support';

export interface BootstrapResult {
  admin: FirstAdmin;
  /** Tickets the demo generator wrote; 0 when the database already had data or demo is off. */
  demoTickets: number;
}

/**
 * Prepares a migrated database for use: the first admin, the default survey, the shipped audit templates, and
 * demo data when asked for and the database holds no teams or tickets yet (so a second start never seeds twice),
 * with the demo organisation's name unless one is set already.
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
    if (!anyTeam && !anyTicket) {
      demoTickets = (await seedDemoData(db)).tickets;
      await nameUnnamedOrganisation(db, DEMO_ORGANISATION_NAME);
    }
  }
  return { admin, demoTickets };
}
