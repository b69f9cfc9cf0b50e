import type { AuditCycleView, AuditSummary, CorrectiveActionView } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { auditsAssignedTo, cycleProgress, openActionsByCycle } from './cycles';

function audit(over: Partial<AuditSummary>): AuditSummary {
  return {
    id: 'a',
    cycle: { id: 'c1', quarter: '2026-Q4' },
    team: { id: 't', name: 'Team' },
    auditor: null,
    dueOn: '2026-12-15',
    status: 'draft',
    score: null,
    passed: null,
    progress: { answered: 0, total: 10 },
    submittedAt: null,
    signedAt: null,
    signedBy: null,
    ...over,
  };
}

describe('cycle sums', () => {
  it('count audits by status and signed ones by result', () => {
    expect(
      cycleProgress([
        audit({ status: 'draft' }),
        audit({ status: 'submitted', score: 70, passed: false }),
        audit({ status: 'signed', score: 90, passed: true }),
        audit({ status: 'signed', score: 60, passed: false }),
      ]),
    ).toEqual({ teams: 4, draft: 1, submitted: 1, signed: 2, passed: 1, failed: 1 });
  });

  it('count open and overdue actions per cycle, leaving done ones out', () => {
    const action = (cycleId: string, status: CorrectiveActionView['status'], overdue: boolean) =>
      ({ cycle: { id: cycleId, quarter: 'q' }, status, overdue }) as CorrectiveActionView;
    const counts = openActionsByCycle([
      action('c1', 'open', true),
      action('c1', 'in_progress', false),
      action('c1', 'done', false),
      action('c2', 'done', false),
    ]);
    expect(counts.get('c1')).toEqual({ open: 2, overdue: 1 });
    expect(counts.get('c2')).toBeUndefined();
  });

  it('list my audits: unsigned by due date first, then signed by newest quarter', () => {
    const me = { id: 'me', name: 'Me' };
    const cycles = [
      {
        id: 'c2',
        audits: [
          audit({
            id: 'new-late',
            auditor: me,
            dueOn: '2027-03-20',
            cycle: { id: 'c2', quarter: '2027-Q1' },
          }),
          audit({ id: 'other', auditor: { id: 'x', name: 'X' } }),
        ],
      },
      {
        id: 'c1',
        audits: [
          audit({ id: 'old-signed', auditor: me, status: 'signed' }),
          audit({ id: 'old-open', auditor: me, dueOn: '2026-12-15' }),
        ],
      },
    ] as AuditCycleView[];
    expect(auditsAssignedTo(cycles, 'me').map((a) => a.id)).toEqual(['old-open', 'new-late', 'old-signed']);
  });
});
