import type { AgentResult, CycleResultsView, TeamResult } from '@rapport/contracts';
import {
  agents,
  auditAnswers,
  auditCycles,
  auditTemplateVersions,
  audits,
  reviews,
  teams,
  tickets,
  type Executor,
} from '@rapport/db';
import { previousPeriodKey } from '@rapport/scoring';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { found } from '../errors';
import { visibleAudits, type AuditViewer } from './audit-access';
import { scoreAnswers } from './audit-values';

async function answersOf(db: Executor, auditIds: string[]) {
  const byAudit = new Map<string, { itemId: string; value: string }[]>();
  if (auditIds.length === 0) return byAudit;
  const rows = await db
    .select({ auditId: auditAnswers.auditId, itemId: auditAnswers.itemId, value: auditAnswers.value })
    .from(auditAnswers)
    .where(inArray(auditAnswers.auditId, auditIds));
  for (const r of rows) byAudit.set(r.auditId, [...(byAudit.get(r.auditId) ?? []), r]);
  return byAudit;
}

/** Each team's section scores (from `auditScore`) in the previous quarter's cycle, by team and section. */
async function previousSections(
  db: Executor,
  quarter: string,
): Promise<Map<string, Map<string, number | null>>> {
  const result = new Map<string, Map<string, number | null>>();
  const [previous] = await db
    .select({ id: auditCycles.id })
    .from(auditCycles)
    .where(eq(auditCycles.quarter, quarter));
  if (!previous) return result;
  const rows = await db
    .select({ id: audits.id, teamId: audits.teamId, definition: auditTemplateVersions.definition })
    .from(audits)
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, audits.templateVersionId))
    .where(eq(audits.cycleId, previous.id));
  const answers = await answersOf(
    db,
    rows.map((r) => r.id),
  );
  for (const r of rows) {
    const scored = scoreAnswers(r.definition, answers.get(r.id) ?? []);
    result.set(r.teamId, new Map(scored.sections.map((s) => [s.id, s.score])));
  }
  return result;
}

/**
 * A cycle's results for the teams whose audits the viewer may see (viewers: signed ones): the audit's
 * score and pass/fail, each checklist section against the previous quarter's, and each agent's review
 * score — the mean of their submitted, non-calibration reviews' scores (each from `auditScore`) with n
 * and the share that passed.
 */
export async function getCycleResults(
  db: Executor,
  viewer: AuditViewer,
  cycleId: string,
): Promise<CycleResultsView> {
  const [row] = await db.select().from(auditCycles).where(eq(auditCycles.id, cycleId));
  const cycle = found(row, 'Audit cycle');
  const teamAudits = await db
    .select({ audit: audits, teamName: teams.name, definition: auditTemplateVersions.definition })
    .from(audits)
    .innerJoin(teams, eq(teams.id, audits.teamId))
    .innerJoin(auditTemplateVersions, eq(auditTemplateVersions.id, audits.templateVersionId))
    .where(and(eq(audits.cycleId, cycleId), visibleAudits(viewer)))
    .orderBy(asc(teams.name), asc(teams.id));
  const previousQuarter = previousPeriodKey(cycle.quarter);
  const previous = await previousSections(db, previousQuarter);
  const answers = await answersOf(
    db,
    teamAudits.map((a) => a.audit.id),
  );
  const teamIds = teamAudits.map((a) => a.audit.teamId);
  const reviewRows = teamIds.length
    ? await db
        .select({
          agentId: reviews.agentId,
          agentName: agents.name,
          teamId: tickets.teamId,
          status: reviews.status,
          score: reviews.score,
          passed: reviews.passed,
        })
        .from(reviews)
        .innerJoin(tickets, eq(tickets.id, reviews.ticketId))
        .leftJoin(agents, eq(agents.id, reviews.agentId))
        .where(
          and(eq(reviews.cycleId, cycleId), eq(reviews.calibration, false), inArray(tickets.teamId, teamIds)),
        )
        .orderBy(asc(agents.name), asc(reviews.agentId))
    : [];
  const teamsView: TeamResult[] = teamAudits.map(({ audit, teamName, definition }) => {
    const scored = scoreAnswers(definition, answers.get(audit.id) ?? []);
    const before = previous.get(audit.teamId);
    const sections = definition.sections.map((s) => {
      const score = scored.sections.find((x) => x.id === s.id)?.score ?? null;
      const prev = before?.get(s.id) ?? null;
      return {
        id: s.id,
        title: s.title[definition.defaultLocale] ?? s.id,
        score,
        previous: prev,
        change: score !== null && prev !== null ? score - prev : null,
      };
    });
    const byAgent = new Map<string, AgentResult & { sum: number; passedCount: number }>();
    for (const r of reviewRows) {
      if (r.teamId !== audit.teamId || !r.agentId) continue;
      const agent = byAgent.get(r.agentId) ?? {
        agent: { id: r.agentId, name: r.agentName ?? '' },
        reviewScore: null,
        n: 0,
        passShare: null,
        pendingReviews: 0,
        sum: 0,
        passedCount: 0,
      };
      if (r.status === 'draft') agent.pendingReviews++;
      else if (r.score !== null) {
        agent.n++;
        agent.sum += r.score;
        if (r.passed) agent.passedCount++;
      }
      byAgent.set(r.agentId, agent);
    }
    return {
      team: { id: audit.teamId, name: teamName },
      audit: { id: audit.id, status: audit.status, score: audit.score, passed: audit.passed },
      sections,
      previousQuarter,
      agents: [...byAgent.values()].map(({ sum, passedCount, ...a }) => ({
        ...a,
        reviewScore: a.n > 0 ? sum / a.n : null,
        passShare: a.n > 0 ? passedCount / a.n : null,
      })),
    };
  });
  return { cycleId, quarter: cycle.quarter, teams: teamsView };
}
