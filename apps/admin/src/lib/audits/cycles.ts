/**
 * Sums over a cycle's audits and actions for the cycle list. Plain TypeScript, unit-tested beside.
 */
import type { AuditCycleView, AuditSummary, CorrectiveActionView } from '@rapport/contracts';

export interface CycleProgress {
  teams: number;
  draft: number;
  submitted: number;
  signed: number;
  /** Signed audits that passed and failed. */
  passed: number;
  failed: number;
}

/** How far a cycle's audits have come. */
export function cycleProgress(audits: readonly AuditSummary[]): CycleProgress {
  const p: CycleProgress = { teams: audits.length, draft: 0, submitted: 0, signed: 0, passed: 0, failed: 0 };
  for (const a of audits) {
    p[a.status] += 1;
    if (a.status === 'signed' && a.passed !== null) p[a.passed ? 'passed' : 'failed'] += 1;
  }
  return p;
}

/** Actions not done yet, and of those the overdue ones, by cycle id. */
export function openActionsByCycle(
  actions: readonly CorrectiveActionView[],
): Map<string, { open: number; overdue: number }> {
  const out = new Map<string, { open: number; overdue: number }>();
  for (const a of actions) {
    if (a.status === 'done') continue;
    const entry = out.get(a.cycle.id) ?? { open: 0, overdue: 0 };
    entry.open += 1;
    if (a.overdue) entry.overdue += 1;
    out.set(a.cycle.id, entry);
  }
  return out;
}

/**
 * The audits assigned to a person across cycles: not signed first (by due date), then signed ones,
 * newest quarter first.
 */
export function auditsAssignedTo(cycles: readonly AuditCycleView[], userId: string): AuditSummary[] {
  const mine = cycles.flatMap((c) => c.audits.filter((a) => a.auditor?.id === userId));
  return mine.sort((a, b) => {
    const aDone = a.status === 'signed' ? 1 : 0;
    const bDone = b.status === 'signed' ? 1 : 0;
    if (aDone !== bDone) return aDone - bDone;
    if (aDone === 0 && a.dueOn !== b.dueOn) return a.dueOn < b.dueOn ? -1 : 1;
    if (a.cycle.quarter !== b.cycle.quarter) return a.cycle.quarter < b.cycle.quarter ? 1 : -1;
    return a.team.name.localeCompare(b.team.name);
  });
}
