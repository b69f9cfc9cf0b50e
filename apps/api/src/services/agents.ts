import type { AgentView, CreateAgent, ListAgentsQuery, UpdateAgent } from '@rapport/contracts';
import { agents, teams, type Database, type Executor } from '@rapport/db';
import { asc, eq } from 'drizzle-orm';
import { ConflictError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { isUniqueViolation } from './db-errors';

type AgentRow = typeof agents.$inferSelect;

const agentColumns = {
  id: agents.id,
  name: agents.name,
  email: agents.email,
  externalId: agents.externalId,
  teamId: agents.teamId,
  teamName: teams.name,
  active: agents.active,
  createdAt: agents.createdAt,
};

function toView(r: Omit<AgentView, 'createdAt'> & { createdAt: Date }): AgentView {
  return { ...r, createdAt: r.createdAt.toISOString() };
}

export async function listAgents(db: Executor, query: ListAgentsQuery): Promise<AgentView[]> {
  const rows = await db
    .select(agentColumns)
    .from(agents)
    .leftJoin(teams, eq(teams.id, agents.teamId))
    .where(query.teamId ? eq(agents.teamId, query.teamId) : undefined)
    .orderBy(asc(agents.name), asc(agents.email));
  return rows.map(toView);
}

export async function getAgent(db: Executor, id: string): Promise<AgentView> {
  const [row] = await db
    .select(agentColumns)
    .from(agents)
    .leftJoin(teams, eq(teams.id, agents.teamId))
    .where(eq(agents.id, id));
  return toView(found(row, 'Agent'));
}

async function checkTeam(tx: Executor, teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.id, teamId));
  if (!team)
    throw new ValidationError('The team was not found.', [{ path: 'teamId', message: 'No such team.' }]);
}

function duplicate(err: unknown): ConflictError | null {
  if (isUniqueViolation(err, 'agents_email_lower_key'))
    return new ConflictError('An agent with this email already exists.');
  if (isUniqueViolation(err, 'agents_external_id_key'))
    return new ConflictError('An agent with this external id already exists.');
  if (isUniqueViolation(err))
    return new ConflictError('An agent with this email or external id already exists.');
  return null;
}

function summary(a: AgentRow) {
  return { name: a.name, email: a.email, externalId: a.externalId, teamId: a.teamId, active: a.active };
}

export async function createAgent(db: Database, actor: Actor, input: CreateAgent): Promise<AgentView> {
  try {
    const id = await db.transaction(async (tx) => {
      await checkTeam(tx, input.teamId);
      const [row] = await tx
        .insert(agents)
        .values({
          name: input.name,
          email: input.email,
          externalId: input.externalId ?? null,
          teamId: input.teamId ?? null,
        })
        .returning();
      const created = found(row, 'Agent');
      await recordChange(tx, actor, {
        action: 'agent.create',
        entityType: 'agent',
        entityId: created.id,
        after: summary(created),
      });
      return created.id;
    });
    return await getAgent(db, id);
  } catch (err) {
    throw duplicate(err) ?? err;
  }
}

export async function updateAgent(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateAgent,
): Promise<AgentView> {
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(agents).where(eq(agents.id, id)).for('update');
      const current = found(before, 'Agent');
      await checkTeam(tx, input.teamId);
      const [row] = await tx
        .update(agents)
        .set({
          name: input.name ?? current.name,
          email: input.email ?? current.email,
          externalId: input.externalId === undefined ? current.externalId : input.externalId,
          teamId: input.teamId === undefined ? current.teamId : input.teamId,
          active: input.active ?? current.active,
          updatedAt: new Date(),
        })
        .where(eq(agents.id, id))
        .returning();
      await recordChange(tx, actor, {
        action: 'agent.update',
        entityType: 'agent',
        entityId: id,
        before: summary(current),
        after: summary(found(row, 'Agent')),
      });
    });
    return await getAgent(db, id);
  } catch (err) {
    throw duplicate(err) ?? err;
  }
}
