import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

/** A support team. The helpdesk names teams, so names are unique regardless of case. */
export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The manager who owns this team's follow-ups. */
    leadUserId: uuid('lead_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('teams_name_lower_key').on(sql`lower(${t.name})`)],
);

/** Support staff as the helpdesk knows them (not necessarily Rapport users). */
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id'),
    email: text('email').notNull(),
    name: text('name').notNull(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agents_external_id_key').on(t.externalId),
    uniqueIndex('agents_email_lower_key').on(sql`lower(${t.email})`),
    index('agents_team_id_idx').on(t.teamId),
  ],
);
