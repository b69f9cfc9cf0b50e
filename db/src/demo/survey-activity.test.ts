import { beforeAll, describe, expect, it } from 'vitest';
import { DAY } from './calendar';
import { generateDemo } from './generate';
import type { DemoOptions, DemoSummary } from './options';
import type {
  CustomerRow,
  DemoBatch,
  FollowUpRow,
  InvitationRow,
  ResponseRow,
  RollupRow,
  TicketRow,
} from './rows';

const NOW = new Date('2026-11-23T08:00:00Z');
const SURVEY = {
  id: '00000000-0000-4000-8000-000000000001',
  versionId: '00000000-0000-4000-8000-000000000002',
};

function collect(options: DemoOptions): { batches: DemoBatch[]; summary: DemoSummary } {
  const iterator = generateDemo(options);
  const batches: DemoBatch[] = [];
  for (let step = iterator.next(); ; step = iterator.next()) {
    if (step.done) return { batches, summary: step.value };
    batches.push(step.value);
  }
}

const share = <T>(items: T[], predicate: (item: T) => boolean): number =>
  items.filter(predicate).length / items.length;

/** Sums rollup rows by key, whatever batch they came in. */
function totalRollups(batches: DemoBatch[]): Map<string, RollupRow> {
  const totals = new Map<string, RollupRow>();
  for (const row of batches.flatMap((b) => b.rollups)) {
    const key = `${row.day}|${row.teamId}|${row.agentId}|${row.channel}`;
    const total = totals.get(key);
    if (!total) totals.set(key, { ...row });
    else
      for (const k of [
        'sent',
        'responses',
        'bots',
        'csat1',
        'csat2',
        'csat3',
        'csat4',
        'csat5',
        'resolvedYes',
        'resolvedNo',
      ] as const)
        total[k] += row[k];
  }
  return totals;
}

describe('generateDemo with a survey: determinism', () => {
  it('gives identical survey rows for the same seed and now, whatever the batch size', () => {
    const first = collect({ tickets: 3000, now: NOW, batchSize: 700, survey: SURVEY });
    const second = collect({ tickets: 3000, now: NOW, batchSize: 700, survey: SURVEY });
    expect(second.batches).toEqual(first.batches);
    expect(second.summary).toEqual(first.summary);
    const large = collect({ tickets: 3000, now: NOW, batchSize: 4000, survey: SURVEY });
    const rows = (batches: DemoBatch[]) =>
      batches.map((b) => [b.invitations, b.ticketEvents, b.responses, b.followUps]);
    const flat = (batches: DemoBatch[]) =>
      [0, 1, 2, 3].map((table) => rows(batches).flatMap((tables): unknown[] => tables[table] ?? []));
    expect(flat(large.batches)).toEqual(flat(first.batches));
    expect(totalRollups(large.batches)).toEqual(totalRollups(first.batches));
  });

  it('leaves the tickets and customers as they are without a survey', () => {
    const withSurvey = collect({ tickets: 1000, now: NOW, survey: SURVEY }).batches;
    const without = collect({ tickets: 1000, now: NOW }).batches;
    expect(withSurvey.flatMap((b) => b.tickets)).toEqual(without.flatMap((b) => b.tickets));
    expect(withSurvey.flatMap((b) => b.customers)).toEqual(without.flatMap((b) => b.customers));
    expect(without.flatMap((b) => [...b.invitations, ...b.responses, ...b.rollups])).toEqual([]);
  });
});

describe('generateDemo with a survey: the default data set (12,000 tickets)', () => {
  let batches: DemoBatch[];
  let summary: DemoSummary;
  let tickets: Map<string, TicketRow>;
  let customers: Map<string, CustomerRow>;
  let invitations: InvitationRow[];
  let responses: ResponseRow[];
  let counted: ResponseRow[];
  let followUps: FollowUpRow[];

  beforeAll(() => {
    ({ batches, summary } = collect({ now: NOW, survey: SURVEY }));
    tickets = new Map(batches.flatMap((b) => b.tickets).map((t) => [t.id, t]));
    customers = new Map(batches.flatMap((b) => b.customers).map((c) => [c.id, c]));
    invitations = batches.flatMap((b) => b.invitations);
    responses = batches.flatMap((b) => b.responses);
    counted = responses.filter((r) => r.counted);
    followUps = batches.flatMap((b) => b.followUps);
  });

  it('reports the rows it yields', () => {
    expect(summary.surveyId).toBe(SURVEY.id);
    expect(summary.invitations).toBe(invitations.length);
    expect(summary.responses).toBe(responses.length);
    expect(summary.followUps).toBe(followUps.length);
  });

  it('invites most resolved tickets an hour after resolution, in the customer’s language', () => {
    const resolved = [...tickets.values()].filter((t) => t.resolvedAt !== null);
    expect(invitations.length / resolved.length).toBeGreaterThan(0.9);
    expect(invitations.length / resolved.length).toBeLessThan(1);
    expect(new Set(invitations.map((i) => i.ticketId)).size).toBe(invitations.length);
    expect(new Set(invitations.map((i) => i.tokenHash)).size).toBe(invitations.length);
    expect(batches.flatMap((b) => b.ticketEvents)).toHaveLength(resolved.length);
    for (const inv of invitations) {
      const ticket = tickets.get(inv.ticketId);
      expect(inv.ticketResolvedAt).toEqual(ticket?.resolvedAt);
      expect(inv.locale).toBe(customers.get(inv.customerId)?.locale);
      expect(inv.scheduledFor.getTime() - inv.ticketResolvedAt.getTime()).toBe(60 * 60_000);
      if (inv.status === 'sent') {
        expect(inv.sentAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(inv.expiresAt!.getTime() - inv.sentAt!.getTime()).toBe(14 * DAY);
      } else {
        expect(inv.status).toBe('scheduled');
        expect(inv.sentAt).toBeNull();
        expect(inv.scheduledFor.getTime()).toBeGreaterThan(NOW.getTime());
      }
    }
  });

  it('gets answers to about a fifth of the sent invitations, minutes to two days after sending', () => {
    const sent = invitations.filter((i) => i.status === 'sent');
    expect(counted.length / sent.length).toBeGreaterThan(0.18);
    expect(counted.length / sent.length).toBeLessThan(0.22);
    const byId = new Map(invitations.map((i) => [i.id, i]));
    for (const r of responses) {
      const inv = byId.get(r.invitationId);
      expect(inv?.respondedAt).toEqual(r.submittedAt);
      const after = r.submittedAt.getTime() - inv!.sentAt!.getTime();
      expect(after).toBeGreaterThan(0);
      expect(after).toBeLessThanOrEqual(2 * DAY + 1000);
      expect(r.submittedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(r.rollupDay).toBe(r.submittedAt.toISOString().slice(0, 10));
    }
  });

  it('rates 65/20/6/3/6% for 5…1, within a few points', () => {
    const expected = [0.06, 0.03, 0.06, 0.2, 0.65];
    expected.forEach((want, i) => {
      expect(Math.abs(share(counted, (r) => r.csat === i + 1) - want)).toBeLessThan(i >= 3 ? 0.035 : 0.02);
    });
  });

  it('rates teams differently and improves mildly over the year', () => {
    const top = (rows: ResponseRow[]) => share(rows, (r) => r.csat === 5);
    const byTeam = (name: string) => {
      const teamId = batches[0]?.teams.find((t) => t.name === name)?.id;
      return counted.filter((r) => r.teamId === teamId);
    };
    expect(top(byTeam('Onboarding')) - top(byTeam('Technical support'))).toBeGreaterThan(0.05);
    const half = NOW.getTime() - 182 * DAY;
    const early = top(counted.filter((r) => r.submittedAt.getTime() < half));
    const late = top(counted.filter((r) => r.submittedAt.getTime() >= half));
    expect(late - early).toBeGreaterThan(0.01);
    expect(late - early).toBeLessThan(0.12);
  });

  it('says unresolved more often with low ratings, and gives reasons only when unhappy', () => {
    const unresolved = (rows: ResponseRow[]) => share(rows, (r) => r.resolved === false);
    expect(unresolved(counted.filter((r) => r.csat! <= 2))).toBeGreaterThan(
      unresolved(counted.filter((r) => r.csat! >= 4)) + 0.3,
    );
    for (const r of counted) {
      const unhappy = r.csat! <= 3 || r.resolved === false;
      if (!unhappy) {
        expect(r.reasons).toEqual([]);
        expect(r.callback).toBeNull();
      }
      expect(r.answers.rating).toBe(r.csat);
    }
    expect(
      share(
        counted.filter((r) => r.csat! <= 3),
        (r) => r.reasons.length > 0,
      ),
    ).toBeGreaterThan(0.7);
    expect(counted.some((r) => r.callback === true)).toBe(true);
  });

  it('has comments on about 30% of answers, in all five languages, in the customer’s script', () => {
    expect(Math.abs(share(counted, (r) => r.comment !== null) - 0.3)).toBeLessThan(0.05);
    const languages = new Set(counted.filter((r) => r.comment !== null).map((r) => r.locale));
    expect([...languages].sort()).toEqual(['en', 'hr', 'ru', 'sl', 'sr']);
    for (const r of counted.filter((x) => x.comment !== null && (x.locale === 'sr' || x.locale === 'ru'))) {
      expect(r.comment).toMatch(/[\u0400-\u04ff]/);
    }
    for (const r of counted.filter((x) => x.comment !== null && x.locale === 'hr')) {
      expect(r.comment).not.toMatch(/[\u0400-\u04ff]/);
    }
  });

  it('flags about 5% of answers as bots, with evidence, and does not count them', () => {
    const bots = responses.filter((r) => r.suspectedBot);
    expect(Math.abs(bots.length / responses.length - 0.05)).toBeLessThan(0.02);
    for (const r of bots) {
      expect(r.counted).toBe(false);
      expect(r.botEvidence.length).toBeGreaterThan(0);
      const scanner = r.botEvidence.includes('scanner_user_agent');
      expect(scanner || r.botEvidence.includes('answered_within_seconds')).toBe(true);
    }
    expect(bots.some((r) => /Safelinks/.test(r.userAgent ?? ''))).toBe(true);
    for (const r of counted) expect(r.botEvidence).toEqual([]);
  });

  it('opens follow-ups exactly for counted low, unresolved or callback answers, due a business day later', () => {
    const needing = counted.filter((r) => r.csat! <= 2 || r.resolved === false || r.callback === true);
    expect(followUps.map((f) => f.responseId).sort()).toEqual(needing.map((r) => r.id).sort());
    const byId = new Map(responses.map((r) => [r.id, r]));
    for (const f of followUps) {
      const r = byId.get(f.responseId)!;
      expect(f.reasons.includes('low_rating')).toBe(r.csat! <= 2);
      expect(f.reasons.includes('unresolved')).toBe(r.resolved === false);
      expect(f.reasons.includes('callback')).toBe(r.callback === true);
      expect(f.ownerUserId).toBeNull();
      expect(f.dueAt.getTime()).toBeGreaterThan(f.createdAt.getTime());
      expect(f.dueAt.getTime() - f.createdAt.getTime()).toBeLessThanOrEqual(4 * DAY);
      if (f.status === 'closed') {
        expect(f.note).toBeTruthy();
        expect(f.closedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      } else expect(f.closedAt).toBeNull();
    }
    const closed = followUps.filter((f) => f.status === 'closed');
    expect(share(closed, (f) => f.closedAt! <= f.dueAt)).toBeGreaterThan(0.7);
    expect(closed.some((f) => f.closedAt! > f.dueAt)).toBe(true);
    const overdue = followUps.filter((f) => f.status === 'open' && f.dueAt < NOW);
    expect(overdue.length).toBeGreaterThan(0);
    expect(
      followUps.some((f) => f.status === 'open' && f.createdAt.getTime() > NOW.getTime() - 7 * DAY),
    ).toBe(true);
  });

  it('rolls up exactly what the rows say', () => {
    const expected = new Map<string, RollupRow>();
    const bump = (
      at: Date,
      r: { teamId: string | null; agentId: string | null; channel: string },
      k: keyof RollupRow,
    ) => {
      const day = at.toISOString().slice(0, 10);
      const key = `${day}|${r.teamId}|${r.agentId}|${r.channel}`;
      let row = expected.get(key);
      if (!row) {
        row = {
          day,
          surveyId: SURVEY.id,
          teamId: r.teamId,
          agentId: r.agentId,
          channel: r.channel,
          sent: 0,
          responses: 0,
          bots: 0,
          csat1: 0,
          csat2: 0,
          csat3: 0,
          csat4: 0,
          csat5: 0,
          resolvedYes: 0,
          resolvedNo: 0,
        };
        expected.set(key, row);
      }
      (row[k] as number) += 1;
    };
    for (const i of invitations) if (i.sentAt) bump(i.sentAt, i, 'sent');
    for (const r of responses) {
      if (!r.counted) bump(r.submittedAt, r, 'bots');
      else {
        bump(r.submittedAt, r, 'responses');
        bump(r.submittedAt, r, `csat${r.csat}` as keyof RollupRow);
        if (r.resolved !== null) bump(r.submittedAt, r, r.resolved ? 'resolvedYes' : 'resolvedNo');
      }
    }
    expect(totalRollups(batches)).toEqual(expected);
  });
});
