import { checkAnswers, DEFAULT_SURVEY_DEFINITION, type Answers } from '@rapport/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { DAY } from './calendar';
import { CHAT_QUESTIONS, chatSurveyDefinition } from './chat-survey';
import { generateDemo } from './generate';
import type { DemoOptions, DemoSummary } from './options';
import { ROLLUP_COUNTS } from './rollups';
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
const CHAT = {
  id: '00000000-0000-4000-8000-000000000003',
  versionId: '00000000-0000-4000-8000-000000000004',
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
    const key = `${row.day}|${row.surveyId}|${row.teamId}|${row.agentId}|${row.channel}`;
    const total = totals.get(key);
    if (!total) totals.set(key, { ...row });
    else for (const k of ROLLUP_COUNTS) total[k] += row[k];
  }
  return totals;
}

/** Pearson's correlation of the pairs. */
function correlation(pairs: [number, number][]): number {
  const n = pairs.length;
  const mean = (i: 0 | 1) => pairs.reduce((sum, p) => sum + p[i], 0) / n;
  const [mx, my] = [mean(0), mean(1)];
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('generateDemo with a survey: determinism', () => {
  it('gives identical survey rows for the same seed and now, whatever the batch size', () => {
    const options = { tickets: 3000, now: NOW, survey: SURVEY, chatSurvey: CHAT };
    const first = collect({ ...options, batchSize: 700 });
    const second = collect({ ...options, batchSize: 700 });
    expect(second.batches).toEqual(first.batches);
    expect(second.summary).toEqual(first.summary);
    const large = collect({ ...options, batchSize: 4000 });
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
    const chatOnly = collect({ tickets: 1000, now: NOW, chatSurvey: CHAT });
    expect(chatOnly.batches).toEqual(without);
    expect(chatOnly.summary.chatSurveyId).toBeNull();
  });

  it('sends every ticket the one survey without a chat survey, as before there was one', () => {
    const { batches, summary } = collect({ tickets: 1500, now: NOW, survey: SURVEY });
    const invitations = batches.flatMap((b) => b.invitations);
    expect(summary.chatSurveyId).toBeNull();
    expect(invitations.some((i) => i.channel === 'chat')).toBe(true);
    expect(invitations.filter((i) => i.surveyId !== SURVEY.id)).toEqual([]);
    expect(batches.flatMap((b) => b.responses).filter((r) => r.nps !== null)).toEqual([]);
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
    ({ batches, summary } = collect({ now: NOW, survey: SURVEY, chatSurvey: CHAT }));
    tickets = new Map(batches.flatMap((b) => b.tickets).map((t) => [t.id, t]));
    customers = new Map(batches.flatMap((b) => b.customers).map((c) => [c.id, c]));
    invitations = batches.flatMap((b) => b.invitations);
    responses = batches.flatMap((b) => b.responses);
    counted = responses.filter((r) => r.counted);
    followUps = batches.flatMap((b) => b.followUps);
  });

  it('reports the rows it yields', () => {
    expect(summary.surveyId).toBe(SURVEY.id);
    expect(summary.chatSurveyId).toBe(CHAT.id);
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

  it('sends chat tickets the chat survey and every other ticket the default survey', () => {
    const wrong = invitations.filter((i) => {
      const chat = tickets.get(i.ticketId)?.channel === 'chat';
      const survey = chat ? CHAT : SURVEY;
      return (
        i.channel !== tickets.get(i.ticketId)?.channel ||
        i.surveyId !== survey.id ||
        i.surveyVersionId !== survey.versionId
      );
    });
    expect(wrong).toEqual([]);
    const byId = new Map(invitations.map((i) => [i.id, i]));
    expect(
      responses.filter((r) => {
        const inv = byId.get(r.invitationId);
        return r.surveyId !== inv?.surveyId || r.surveyVersionId !== inv.surveyVersionId;
      }),
    ).toEqual([]);
    const chatShare = share(counted, (r) => r.surveyId === CHAT.id);
    expect(chatShare).toBeGreaterThan(0.25);
    expect(chatShare).toBeLessThan(0.35);
  });

  it('gives answers that fit the survey version answered, metric columns equal to the answers', () => {
    const definitions = new Map([
      [SURVEY.versionId, DEFAULT_SURVEY_DEFINITION],
      [CHAT.versionId, chatSurveyDefinition()],
    ]);
    const misfits = responses.flatMap((r): { id: string; answers: Answers; problems: unknown[] }[] => {
      const definition = definitions.get(r.surveyVersionId);
      if (!definition) return [{ id: r.id, answers: r.answers, problems: ['unknown version'] }];
      // A one-click answer (a rating, maybe a comment) is a partial submission: nothing else required.
      const checked = checkAnswers(definition, r.answers, { requireAll: 'resolved' in r.answers });
      return checked.problems.length > 0 || JSON.stringify(checked.answers) !== JSON.stringify(r.answers)
        ? [{ id: r.id, answers: r.answers, problems: checked.problems }]
        : [];
    });
    expect(misfits).toEqual([]);
    for (const r of responses) {
      expect(r.csat).toBe(r.answers.rating);
      expect(r.nps).toBe(r.answers[CHAT_QUESTIONS.nps] ?? null);
      expect(r.resolved).toBe(r.answers.resolved ?? null);
      expect(r.comment).toBe(r.answers.comment ?? null);
    }
    expect(responses.filter((r) => r.surveyId === SURVEY.id && r.nps !== null)).toEqual([]);
  });

  it('has most of those past the chat rating answer each statement and the NPS question', () => {
    const full = counted.filter((r) => r.surveyId === CHAT.id && r.resolved !== null);
    expect(full.length).toBeGreaterThan(400);
    for (const { id } of CHAT_QUESTIONS.statements) {
      expect(Math.abs(share(full, (r) => typeof r.answers[id] === 'number') - 0.8)).toBeLessThan(0.05);
    }
    expect(Math.abs(share(full, (r) => r.nps !== null) - 0.85)).toBeLessThan(0.05);
    const oneClick = counted.filter((r) => r.surveyId === CHAT.id && r.resolved === null);
    expect(oneClick.length).toBeGreaterThan(0);
    for (const r of oneClick)
      expect(Object.keys(r.answers).filter((k) => k !== 'comment')).toEqual(['rating']);
    for (const r of counted.filter((x) => x.surveyId === CHAT.id)) {
      expect(r.reasons).toEqual([]);
      expect(r.callback).toBeNull();
    }
  });

  it('makes the statements follow the rating in the intended order: solved most, courteous least', () => {
    const chat = counted.filter((r) => r.surveyId === CHAT.id);
    const r = new Map(
      CHAT_QUESTIONS.statements.map(({ id }) => {
        const pairs = chat.flatMap((x): [number, number][] => {
          const value = x.answers[id];
          return typeof value === 'number' && x.csat !== null ? [[value, x.csat]] : [];
        });
        return [id, correlation(pairs)];
      }),
    );
    const order = [...r].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    expect(order[0]).toBe('solved');
    expect(order.slice(-2).sort()).toEqual(['courteous', 'prevention']);
    expect(r.get('solved')).toBeGreaterThan(0.7);
    expect(r.get('listened')).toBeGreaterThan(r.get('courteous')! + 0.2);
    expect(r.get('courteous')).toBeGreaterThan(0.1);
    expect(r.get('courteous')).toBeLessThan(0.5);
    for (const { id } of CHAT_QUESTIONS.statements) {
      // The whole scale in use, not a few points (checkAnswers above keeps them in 1–5).
      const values = new Set(chat.map((x) => x.answers[id]).filter((v) => v !== undefined));
      expect(values.size).toBeGreaterThanOrEqual(4);
    }
  });

  it('answers NPS in line with the rating: 5 mostly 9–10, 4 mostly 7–9, 3 5–8, 1–2 0–6', () => {
    const scores = (ratings: number[]) =>
      counted.filter((r) => r.nps !== null && ratings.includes(r.csat!)).map((r) => r.nps!);
    const within = (values: number[], min: number, max: number) => share(values, (v) => v >= min && v <= max);
    expect(within(scores([5]), 9, 10)).toBeGreaterThan(0.7);
    expect(within(scores([4]), 7, 9)).toBeGreaterThan(0.7);
    expect(within(scores([3]), 5, 8)).toBeGreaterThan(0.7);
    expect(within(scores([1, 2]), 0, 6)).toBeGreaterThan(0.85);
    const all = counted.filter((r) => r.nps !== null).map((r) => r.nps!);
    expect(Math.min(...all)).toBe(0);
    expect(Math.max(...all)).toBe(10);
    // Promoters outnumber detractors, as the ratings lean to 5.
    expect(within(all, 9, 10)).toBeGreaterThan(within(all, 0, 6));
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
    // About 0.15–0.2 in expectation; this seed's draw gives less (the teams' samples are a few hundred).
    expect(top(byTeam('Onboarding')) - top(byTeam('Technical support'))).toBeGreaterThan(0.03);
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
    // Only the default survey asks what went wrong.
    expect(
      share(
        counted.filter((r) => r.surveyId === SURVEY.id && r.csat! <= 3),
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
      r: { surveyId: string; teamId: string | null; agentId: string | null; channel: string },
      k: keyof RollupRow,
    ) => {
      const day = at.toISOString().slice(0, 10);
      const key = `${day}|${r.surveyId}|${r.teamId}|${r.agentId}|${r.channel}`;
      let row = expected.get(key);
      if (!row) {
        row = {
          day,
          surveyId: r.surveyId,
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
          npsPromoters: 0,
          npsPassives: 0,
          npsDetractors: 0,
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
        if (r.nps !== null) {
          bump(r.submittedAt, r, r.nps >= 9 ? 'npsPromoters' : r.nps >= 7 ? 'npsPassives' : 'npsDetractors');
        }
      }
    }
    const totals = totalRollups(batches);
    expect(totals).toEqual(expected);
    // Both surveys counted, NPS only on the chat survey's rows.
    const sum = (surveyId: string, k: (typeof ROLLUP_COUNTS)[number]) =>
      [...totals.values()].filter((row) => row.surveyId === surveyId).reduce((a, row) => a + row[k], 0);
    for (const k of ['npsPromoters', 'npsPassives', 'npsDetractors'] as const) {
      expect(sum(CHAT.id, k)).toBeGreaterThan(0);
      expect(sum(SURVEY.id, k)).toBe(0);
    }
    expect(sum(SURVEY.id, 'responses')).toBeGreaterThan(sum(CHAT.id, 'responses'));
  });
});
