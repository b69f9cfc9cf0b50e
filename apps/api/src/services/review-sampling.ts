import type { AgentSampleView, CycleSamplesView } from '@rapport/contracts';
import {
  agents,
  auditCycles,
  audits,
  drawSample,
  reviews,
  reviewSamples,
  teams,
  tickets,
  users,
  type Executor,
} from '@rapport/db';
import { and, asc, eq, gte, inArray, isNotNull, lt, or } from 'drizzle-orm';
import { found } from '../errors';
import type { Actor } from './actor';
import type { AuditViewer } from './audit-access';
import { quarterBounds } from './audit-dates';
import { recordChange } from './audit-log';
import { getSettings } from './settings';

interface AgentDraw {
  agent: { id: string; name: string; email: string; active: boolean };
  team: { id: string; name: string } | null;
  reviewer: { id: string; name: string; email: string } | null;
  eligible: string[];
  excludedHandled: number;
  picks: string[];
}

type CycleRow = typeof auditCycles.$inferSelect;

/**
 * Each agent's draw for a cycle as it comes out today: the active agents of every audited team (plus
 * `alsoAgentIds`, agents drawn earlier who have since left), their tickets resolved in the quarter
 * (in the organisation's time zone), minus those the team's auditor handled — a ticket whose agent
 * has the auditor's email — and the seeded picks among the rest.
 */
async function agentDraws(tx: Executor, cycle: CycleRow, alsoAgentIds: string[] = []): Promise<AgentDraw[]> {
  const { timeZone } = await getSettings(tx);
  const bounds = quarterBounds(cycle.quarter, timeZone);
  const teamAudits = await tx
    .select({
      teamId: audits.teamId,
      teamName: teams.name,
      reviewerId: users.id,
      reviewerName: users.name,
      reviewerEmail: users.email,
    })
    .from(audits)
    .innerJoin(teams, eq(teams.id, audits.teamId))
    .leftJoin(users, eq(users.id, audits.auditorUserId))
    .where(eq(audits.cycleId, cycle.id));
  const byTeam = new Map(teamAudits.map((a) => [a.teamId, a]));
  if (byTeam.size === 0) return [];
  const inTeams = and(eq(agents.active, true), inArray(agents.teamId, [...byTeam.keys()]));
  const agentRows = await tx
    .select()
    .from(agents)
    .where(alsoAgentIds.length > 0 ? or(inTeams, inArray(agents.id, alsoAgentIds)) : inTeams)
    .orderBy(asc(agents.name), asc(agents.id));
  if (agentRows.length === 0) return [];
  const resolved = await tx
    .select({ id: tickets.id, agentId: tickets.agentId })
    .from(tickets)
    .where(
      and(
        inArray(
          tickets.agentId,
          agentRows.map((a) => a.id),
        ),
        isNotNull(tickets.resolvedAt),
        gte(tickets.resolvedAt, bounds.start),
        lt(tickets.resolvedAt, bounds.end),
      ),
    );
  const ticketsOf = new Map<string, string[]>();
  for (const t of resolved)
    if (t.agentId) ticketsOf.set(t.agentId, [...(ticketsOf.get(t.agentId) ?? []), t.id]);
  return agentRows.map((agent) => {
    const audit = agent.teamId ? byTeam.get(agent.teamId) : undefined;
    const reviewer =
      audit?.reviewerId && audit.reviewerEmail
        ? { id: audit.reviewerId, name: audit.reviewerName ?? '', email: audit.reviewerEmail }
        : null;
    const own = ticketsOf.get(agent.id) ?? [];
    // Tickets carry one agent, so "handled by the reviewer" means the agent is the reviewer.
    const handled = reviewer !== null && agent.email.toLowerCase() === reviewer.email.toLowerCase();
    const eligible = handled ? [] : own;
    return {
      agent: { id: agent.id, name: agent.name, email: agent.email, active: agent.active },
      team: audit ? { id: audit.teamId, name: audit.teamName } : null,
      reviewer,
      eligible,
      excludedHandled: handled ? own.length : 0,
      picks: drawSample(cycle.seed, eligible, cycle.samplePerAgent),
    };
  });
}

/**
 * Draws the review sample of a cycle that has a scorecard and a sample size: for each agent, the
 * seeded picks are recorded and each becomes a draft review assigned to the team's auditor. Runs in
 * the cycle-opening transaction; there is no redraw, so the sample cannot be picked by hand.
 */
export async function drawReviewSamples(tx: Executor, actor: Actor, cycleId: string): Promise<number> {
  const [row] = await tx.select().from(auditCycles).where(eq(auditCycles.id, cycleId));
  const cycle = found(row, 'Audit cycle');
  if (!cycle.scorecardVersionId || cycle.samplePerAgent <= 0) return 0;
  const draws = await agentDraws(tx, cycle);
  const samples = draws.flatMap((d) =>
    d.picks.map((ticketId, position) => ({
      cycleId,
      agentId: d.agent.id,
      ticketId,
      reviewerUserId: d.reviewer?.id ?? null,
      seed: cycle.seed,
      position,
    })),
  );
  if (samples.length > 0) {
    await tx.insert(reviewSamples).values(samples);
    const scorecard = cycle.scorecardVersionId;
    await tx.insert(reviews).values(
      samples.map((s) => ({
        cycleId,
        ticketId: s.ticketId,
        agentId: s.agentId,
        reviewerUserId: s.reviewerUserId,
        templateVersionId: scorecard,
      })),
    );
  }
  await recordChange(tx, actor, {
    action: 'review_sample.draw',
    entityType: 'audit_cycle',
    entityId: cycleId,
    after: {
      seed: cycle.seed,
      samplePerAgent: cycle.samplePerAgent,
      agents: draws.map((d) => ({
        agentId: d.agent.id,
        reviewerUserId: d.reviewer?.id ?? null,
        eligible: d.eligible.length,
        excludedHandledByReviewer: d.excludedHandled,
        picked: d.picks,
      })),
    },
  });
  return samples.length;
}

/**
 * The sample of a cycle per agent: what was drawn and recorded, the counts behind it, and whether
 * drawing again with the seed gives the same tickets. Auditors see the agents they review.
 */
export async function getCycleSamples(
  db: Executor,
  viewer: AuditViewer,
  cycleId: string,
): Promise<CycleSamplesView> {
  const [row] = await db.select().from(auditCycles).where(eq(auditCycles.id, cycleId));
  const cycle = found(row, 'Audit cycle');
  const drawn = cycle.scorecardVersionId !== null && cycle.samplePerAgent > 0;
  const picked = await db
    .select({
      sample: reviewSamples,
      externalId: tickets.externalId,
      subject: tickets.subject,
      reviewId: reviews.id,
    })
    .from(reviewSamples)
    .innerJoin(tickets, eq(tickets.id, reviewSamples.ticketId))
    .leftJoin(
      reviews,
      and(
        eq(reviews.cycleId, reviewSamples.cycleId),
        eq(reviews.ticketId, reviewSamples.ticketId),
        eq(reviews.calibration, false),
      ),
    )
    .where(eq(reviewSamples.cycleId, cycleId))
    .orderBy(asc(reviewSamples.agentId), asc(reviewSamples.position));
  const draws = drawn ? await agentDraws(db, cycle, [...new Set(picked.map((p) => p.sample.agentId))]) : [];
  const agentsView: AgentSampleView[] = draws.map((d) => {
    const mine = picked.filter((p) => p.sample.agentId === d.agent.id);
    const recorded = mine.map((p) => p.sample.ticketId);
    return {
      agent: d.agent,
      team: d.team,
      reviewer: d.reviewer ? { id: d.reviewer.id, name: d.reviewer.name } : null,
      seed: mine[0]?.sample.seed ?? cycle.seed,
      requested: cycle.samplePerAgent,
      eligible: d.eligible.length,
      excludedHandledByReviewer: d.excludedHandled,
      picked: mine.map((p) => ({
        id: p.sample.ticketId,
        externalId: p.externalId,
        subject: p.subject,
        position: p.sample.position,
        reviewId: p.reviewId,
      })),
      short: recorded.length < cycle.samplePerAgent,
      matchesRedraw: JSON.stringify(recorded) === JSON.stringify(d.picks),
    };
  });
  return {
    cycleId,
    quarter: cycle.quarter,
    seed: cycle.seed,
    samplePerAgent: cycle.samplePerAgent,
    drawn,
    agents:
      viewer.role === 'auditor' ? agentsView.filter((a) => a.reviewer?.id === viewer.userId) : agentsView,
  };
}
