import type { CreateTeam, TeamView, UpdateTeam } from '@rapport/contracts';
import { agents, audits, teams, tickets, users, type Database, type Executor } from '@rapport/db';
import { asc, count, eq, sql } from 'drizzle-orm';
import { ConflictError, ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { isUniqueViolation } from './db-errors';

type TeamRow = typeof teams.$inferSelect;

const teamColumns = {
  id: teams.id,
  name: teams.name,
  leadUserId: teams.leadUserId,
  leadName: users.name,
  createdAt: teams.createdAt,
  // Spelled out so the subquery's column names cannot be left unqualified.
  agentCount: sql<number>`(select count(*)::int from agents where agents.team_id = teams.id)`,
};

function toView(r: {
  id: string;
  name: string;
  leadUserId: string | null;
  leadName: string | null;
  createdAt: Date;
  agentCount: number;
}): TeamView {
  return { ...r, agentCount: Number(r.agentCount), createdAt: r.createdAt.toISOString() };
}

export async function listTeams(db: Executor): Promise<TeamView[]> {
  const rows = await db
    .select(teamColumns)
    .from(teams)
    .leftJoin(users, eq(users.id, teams.leadUserId))
    .orderBy(asc(teams.name));
  return rows.map(toView);
}

export async function getTeam(db: Executor, id: string): Promise<TeamView> {
  const [row] = await db
    .select(teamColumns)
    .from(teams)
    .leftJoin(users, eq(users.id, teams.leadUserId))
    .where(eq(teams.id, id));
  return toView(found(row, 'Team'));
}

/** A team lead owns follow-ups, so only managers and admins can lead a team. */
async function checkLead(tx: Executor, leadUserId: string | null | undefined): Promise<void> {
  if (!leadUserId) return;
  const [lead] = await tx
    .select({ role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, leadUserId));
  if (!lead)
    throw new ValidationError('The team lead was not found.', [
      { path: 'leadUserId', message: 'No such user.' },
    ]);
  if ((lead.role !== 'manager' && lead.role !== 'admin') || lead.disabledAt) {
    throw new ValidationError('A team lead must be an active manager or admin.', [
      { path: 'leadUserId', message: 'Choose an active manager or admin.' },
    ]);
  }
}

function nameTaken(name: string) {
  return new ConflictError(`A team named "${name}" already exists.`);
}

function summary(t: TeamRow) {
  return { name: t.name, leadUserId: t.leadUserId };
}

export async function createTeam(db: Database, actor: Actor, input: CreateTeam): Promise<TeamView> {
  try {
    const id = await db.transaction(async (tx) => {
      await checkLead(tx, input.leadUserId);
      const [row] = await tx
        .insert(teams)
        .values({ name: input.name, leadUserId: input.leadUserId ?? null })
        .returning();
      const created = found(row, 'Team');
      await recordChange(tx, actor, {
        action: 'team.create',
        entityType: 'team',
        entityId: created.id,
        after: summary(created),
      });
      return created.id;
    });
    return await getTeam(db, id);
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
}

export async function updateTeam(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateTeam,
): Promise<TeamView> {
  try {
    await db.transaction(async (tx) => {
      const [before] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
      const current = found(before, 'Team');
      await checkLead(tx, input.leadUserId);
      const [row] = await tx
        .update(teams)
        .set({
          name: input.name ?? current.name,
          leadUserId: input.leadUserId === undefined ? current.leadUserId : input.leadUserId,
          updatedAt: new Date(),
        })
        .where(eq(teams.id, id))
        .returning();
      await recordChange(tx, actor, {
        action: 'team.update',
        entityType: 'team',
        entityId: id,
        before: summary(current),
        after: summary(found(row, 'Team')),
      });
    });
    return await getTeam(db, id);
  } catch (err) {
    if (isUniqueViolation(err) && input.name) throw nameTaken(input.name);
    throw err;
  }
}

/**
 * Deletes a team that has no history. A team with tickets keeps its place in past reports,
 * so it can be renamed but not deleted.
 */
export async function deleteTeam(db: Database, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(teams).where(eq(teams.id, id)).for('update');
    const current = found(before, 'Team');
    const [used] = await tx.select({ n: count() }).from(tickets).where(eq(tickets.teamId, id));
    if (used && used.n > 0) {
      throw new ConflictError(
        `The team has ${used.n} tickets in its history, so it cannot be deleted. Rename it instead.`,
      );
    }
    const [audited] = await tx.select({ n: count() }).from(audits).where(eq(audits.teamId, id));
    if (audited && audited.n > 0) {
      throw new ConflictError(
        `The team has ${audited.n} ${audited.n === 1 ? 'audit' : 'audits'} on record, so it cannot be deleted. Rename it instead.`,
      );
    }
    await tx.update(agents).set({ teamId: null, updatedAt: new Date() }).where(eq(agents.teamId, id));
    await tx.delete(teams).where(eq(teams.id, id));
    await recordChange(tx, actor, {
      action: 'team.delete',
      entityType: 'team',
      entityId: id,
      before: summary(current),
    });
  });
}
