import type { customers } from '../schema/customers';
import type { followUps } from '../schema/follow-ups';
import type { invitations, ticketEvents } from '../schema/invitations';
import type { dailyRollups, responses } from '../schema/responses';
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

export type InvitationRow = Filled<
  typeof invitations.$inferInsert,
  | 'id'
  | 'surveyId'
  | 'surveyVersionId'
  | 'ticketId'
  | 'customerId'
  | 'teamId'
  | 'agentId'
  | 'channel'
  | 'locale'
  | 'ticketResolvedAt'
  | 'status'
  | 'scheduledFor'
  | 'tokenHash'
  | 'sentAt'
  | 'expiresAt'
  | 'respondedAt'
  | 'attempts'
  | 'createdAt'
>;

export type TicketEventRow = Filled<
  typeof ticketEvents.$inferInsert,
  'id' | 'ticketId' | 'type' | 'occurredAt' | 'receivedAt' | 'decision' | 'invitationId'
>;

export type ResponseRow = Filled<
  typeof responses.$inferInsert,
  | 'id'
  | 'invitationId'
  | 'surveyId'
  | 'surveyVersionId'
  | 'ticketId'
  | 'customerId'
  | 'teamId'
  | 'agentId'
  | 'channel'
  | 'locale'
  | 'answers'
  | 'csat'
  | 'nps'
  | 'resolved'
  | 'callback'
  | 'reasons'
  | 'comment'
  | 'suspectedBot'
  | 'botEvidence'
  | 'counted'
  | 'rollupDay'
  | 'userAgent'
  | 'submittedAt'
  | 'updatedAt'
>;

export type FollowUpRow = Filled<
  typeof followUps.$inferInsert,
  | 'id'
  | 'responseId'
  | 'ticketId'
  | 'customerId'
  | 'teamId'
  | 'ownerUserId'
  | 'reasons'
  | 'status'
  | 'dueAt'
  | 'createdAt'
  | 'closedAt'
  | 'note'
>;

/** A daily_rollups row as the demo fills it: CES counts are left at their default 0 (no demo survey asks CES). */
export type RollupRow = Filled<
  typeof dailyRollups.$inferInsert,
  | 'day'
  | 'surveyId'
  | 'teamId'
  | 'agentId'
  | 'channel'
  | 'sent'
  | 'responses'
  | 'bots'
  | 'csat1'
  | 'csat2'
  | 'csat3'
  | 'csat4'
  | 'csat5'
  | 'npsPromoters'
  | 'npsPassives'
  | 'npsDetractors'
  | 'resolvedYes'
  | 'resolvedNo'
>;

/**
 * One unit of work for the writer: rows for one transaction. The first batch holds the teams and
 * agents; every later one holds up to `batchSize` tickets and the customers they introduce, so a
 * ticket's customer is always written in its batch or an earlier one, plus the survey activity of
 * those tickets and the rollup counts it adds (to be added to existing rollup rows, not to replace them).
 */
export interface DemoBatch {
  teams: TeamRow[];
  agents: AgentRow[];
  customers: CustomerRow[];
  tickets: TicketRow[];
  invitations: InvitationRow[];
  ticketEvents: TicketEventRow[];
  responses: ResponseRow[];
  followUps: FollowUpRow[];
  rollups: RollupRow[];
}

/** A batch with no rows. */
export function emptyBatch(): DemoBatch {
  return {
    teams: [],
    agents: [],
    customers: [],
    tickets: [],
    invitations: [],
    ticketEvents: [],
    responses: [],
    followUps: [],
    rollups: [],
  };
}
