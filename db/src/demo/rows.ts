import type { customers } from '../schema/customers';
import type { agents, teams } from '../schema/teams';
import type { tickets } from '../schema/tickets';

/** The named columns of an insert, all present: demo rows never lean on database defaults such as now(). */
type Filled<T, K extends keyof T> = { [P in K]-?: Exclude<T[P], undefined> };

export type TeamRow = Filled<typeof teams.$inferInsert, 'id' | 'name' | 'createdAt' | 'updatedAt'>;

export type AgentRow = Filled<
  typeof agents.$inferInsert,
  'id' | 'externalId' | 'email' | 'name' | 'teamId' | 'active' | 'createdAt' | 'updatedAt'
>;

export type CustomerRow = Filled<
  typeof customers.$inferInsert,
  'id' | 'externalId' | 'email' | 'name' | 'locale' | 'createdAt' | 'updatedAt'
>;

export type TicketRow = Filled<
  typeof tickets.$inferInsert,
  | 'id'
  | 'externalId'
  | 'subject'
  | 'channel'
  | 'customerId'
  | 'agentId'
  | 'teamId'
  | 'status'
  | 'openedAt'
  | 'firstResponseAt'
  | 'resolvedAt'
  | 'reopenedCount'
  | 'createdAt'
  | 'updatedAt'
>;

/**
 * One unit of work for the writer: rows for one transaction. The first batch holds the teams and
 * agents; every later one holds up to `batchSize` tickets and the customers they introduce, so a
 * ticket's customer is always written in its batch or an earlier one.
 */
export interface DemoBatch {
  teams: TeamRow[];
  agents: AgentRow[];
  customers: CustomerRow[];
  tickets: TicketRow[];
}
