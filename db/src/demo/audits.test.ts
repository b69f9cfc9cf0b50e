import { AUDIT_TEMPLATE_LIBRARY, scoringTemplateOf, type AuditTemplateDefinition } from '@rapport/contracts';
import { auditItemScore, auditScore, periodKey, periodRange } from '@rapport/scoring';
import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../client';
import { freshDatabase } from '../testing/fresh-database';
import {
  agents,
  auditAnswers,
  auditCycles,
  audits,
  auditTemplates,
  auditTemplateVersions,
  correctiveActions,
  reviewAnswers,
  reviews,
  reviewSamples,
  teams,
  tickets,
  users,
} from '../schema/index';
import { drawSample } from '../review-sample';
import { toAuditValue } from './audit-answers';
import { demoQuarters, ensureBuiltInTemplateVersions, planDemoAudits, type DemoAuditInput } from './audits';
import type { DemoOptions } from './options';
import { seedDemoData } from './seed';

const NOW = new Date('2026-11-23T08:00:00Z');
const OPTIONS: DemoOptions = { tickets: 1500, seed: 4242, now: NOW, survey: null };
const TODAY = '2026-11-23';

/** In-memory PGlite, or a database of its own on the server in DATABASE_URL, dropped afterwards. */
let handle: DatabaseHandle;
let drop: () => Promise<void>;
let definitions: Map<string, AuditTemplateDefinition>;

beforeAll(async () => {
  ({ handle, drop } = await freshDatabase('demo_audits'));
  await handle.migrate();
  await seedDemoData(handle.db, OPTIONS);
  const versions = await handle.db
    .select({ id: auditTemplateVersions.id, definition: auditTemplateVersions.definition })
    .from(auditTemplateVersions);
  definitions = new Map(versions.map((v) => [v.id, v.definition]));
});

afterAll(() => drop());

/** auditScore over stored answers, computed here from the stored definition, independently of the seeder. */
function rescore(definitionId: string, answers: { itemId: string; value: string }[]) {
  const definition = definitions.get(definitionId);
  if (!definition) throw new Error(`no template version ${definitionId}`);
  return auditScore(
    scoringTemplateOf(definition),
    answers.map((a) => ({ itemId: a.itemId, value: toAuditValue(a.value) })),
  );
}

function itemsOf(definitionId: string) {
  return (definitions.get(definitionId)?.sections ?? []).flatMap((s) => s.items);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe(`demo audits in ${process.env.DATABASE_URL ? 'a fresh Postgres database' : 'in-memory PGlite'}`, () => {
  it('closes four cycles, the quarters before the current one, each with a signed audit per team', async () => {
    const cycles = await handle.db.select().from(auditCycles).orderBy(asc(auditCycles.quarter));
    expect(cycles.map((c) => c.quarter)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(cycles.every((c) => c.status === 'closed' && c.closedAt !== null && c.closedAt <= NOW)).toBe(true);
    expect(cycles.every((c) => /^[0-9a-f]{32}$/.test(c.seed) && c.samplePerAgent === 3)).toBe(true);
    const teamCount = (await handle.db.select({ n: count() }).from(teams))[0]?.n;
    const staff = new Map((await handle.db.select().from(users)).map((u) => [u.id, u]));
    for (const cycle of cycles) {
      const rows = await handle.db.select().from(audits).where(eq(audits.cycleId, cycle.id));
      expect(rows).toHaveLength(teamCount ?? -1);
      const { end } = periodRange(cycle.quarter, 'UTC');
      for (const audit of rows) {
        expect(audit.status).toBe('signed');
        expect(staff.get(audit.auditorUserId ?? '')?.role).toBe('auditor');
        expect(audit.submittedBy).toBe(audit.auditorUserId);
        expect(staff.get(audit.signedBy ?? '')?.role).toBe('manager');
        expect(audit.submittedAt!.getTime()).toBeGreaterThan(end.getTime());
        expect(audit.signedAt!.getTime()).toBeGreaterThan(audit.submittedAt!.getTime());
        expect(audit.signedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
      }
    }
  });

  it('stores, on every audit and review, exactly what auditScore gives for its stored answers', async () => {
    const auditRows = await handle.db.select().from(audits);
    for (const audit of auditRows) {
      const answers = await handle.db.select().from(auditAnswers).where(eq(auditAnswers.auditId, audit.id));
      const result = rescore(audit.templateVersionId, answers);
      expect(result.unanswered).toEqual([]);
      expect(answers).toHaveLength(itemsOf(audit.templateVersionId).length);
      expect({ score: audit.score, passed: audit.passed }).toEqual({
        score: result.score,
        passed: result.passed,
      });
    }
    const reviewRows = await handle.db.select().from(reviews);
    const answersByReview = new Map<string, { itemId: string; value: string }[]>();
    for (const a of await handle.db.select().from(reviewAnswers))
      answersByReview.set(a.reviewId, [...(answersByReview.get(a.reviewId) ?? []), a]);
    expect(reviewRows.length).toBeGreaterThan(200);
    for (const review of reviewRows) {
      const result = rescore(review.templateVersionId, answersByReview.get(review.id) ?? []);
      expect(result.unanswered).toEqual([]);
      expect(review.status).toBe('submitted');
      expect({ score: review.score, passed: review.passed }).toEqual({
        score: result.score,
        passed: result.passed,
      });
    }
  });

  it('writes a note on every fail and low rating, as the product requires', async () => {
    const rows = [
      ...(await handle.db
        .select({
          versionId: audits.templateVersionId,
          itemId: auditAnswers.itemId,
          value: auditAnswers.value,
          note: auditAnswers.note,
        })
        .from(auditAnswers)
        .innerJoin(audits, eq(audits.id, auditAnswers.auditId))),
      ...(await handle.db
        .select({
          versionId: reviews.templateVersionId,
          itemId: reviewAnswers.itemId,
          value: reviewAnswers.value,
          note: reviewAnswers.note,
        })
        .from(reviewAnswers)
        .innerJoin(reviews, eq(reviews.id, reviewAnswers.reviewId))),
    ];
    let low = 0;
    for (const row of rows) {
      const item = itemsOf(row.versionId).find((i) => i.id === row.itemId);
      if (!item) throw new Error(`unknown item ${row.itemId}`);
      const score = auditItemScore(item, toAuditValue(row.value));
      if (score === null) expect(item.naAllowed).toBe(true);
      if (score !== null && score < 0.5) {
        low += 1;
        expect(row.note).toMatch(/\w{3}/);
      }
    }
    expect(low).toBeGreaterThan(10);
  });

  it('scores audits mostly 80–90, rising over the year, with a critical fail', async () => {
    const rows = await handle.db
      .select({ quarter: auditCycles.quarter, audit: audits })
      .from(audits)
      .innerJoin(auditCycles, eq(auditCycles.id, audits.cycleId));
    const scores = rows.map((r) => r.audit.score ?? -1);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(70);
    expect(Math.max(...scores)).toBeLessThanOrEqual(97);
    expect(mean(scores)).toBeGreaterThan(80);
    expect(mean(scores)).toBeLessThan(90);
    expect(scores.filter((s) => s >= 78 && s <= 92).length).toBeGreaterThanOrEqual(rows.length * 0.75);
    const byQuarter = (q: string) => mean(rows.filter((r) => r.quarter === q).map((r) => r.audit.score ?? 0));
    expect(byQuarter('2026-Q3')).toBeGreaterThan(byQuarter('2025-Q4'));
    // The checklist flags a critical fail: the score stays, the audit fails.
    const criticalFails = [];
    for (const { audit } of rows) {
      const answers = await handle.db.select().from(auditAnswers).where(eq(auditAnswers.auditId, audit.id));
      if (rescore(audit.templateVersionId, answers).failedCritical.length > 0) criticalFails.push(audit);
    }
    expect(criticalFails.length).toBeGreaterThanOrEqual(1);
    expect(criticalFails.length).toBeLessThanOrEqual(2);
    expect(criticalFails.every((a) => a.passed === false && (a.score ?? 0) > 0)).toBe(true);
  });

  it('scores reviews mostly 80–95, with a few critical fails scored 0', async () => {
    const scores = (await handle.db.select({ score: reviews.score }).from(reviews)).map((r) => r.score ?? -1);
    const zeros = scores.filter((s) => s === 0).length;
    expect(zeros).toBeGreaterThanOrEqual(1);
    expect(zeros).toBeLessThanOrEqual(4);
    const rest = scores.filter((s) => s > 0);
    expect(Math.min(...rest)).toBeGreaterThanOrEqual(55);
    expect(rest.filter((s) => s >= 80 && s <= 95).length).toBeGreaterThanOrEqual(rest.length * 0.7);
    expect(mean(rest)).toBeGreaterThan(84);
    expect(mean(rest)).toBeLessThan(93);
  });

  it('samples each agent’s resolved tickets of the quarter with the cycle’s seed, as the API redraws them', async () => {
    const cycles = await handle.db.select().from(auditCycles);
    const auditorOf = new Map(
      (await handle.db.select().from(audits)).map((a) => [`${a.cycleId}:${a.teamId}`, a.auditorUserId]),
    );
    const staffEmail = new Map(
      (await handle.db.select().from(users)).map((u) => [u.id, u.email.toLowerCase()]),
    );
    let sampled = 0;
    for (const cycle of cycles) {
      const { start, end } = periodRange(cycle.quarter, 'UTC');
      for (const agent of await handle.db.select().from(agents)) {
        const resolved = (
          await handle.db
            .select({ id: tickets.id, resolvedAt: tickets.resolvedAt })
            .from(tickets)
            .where(eq(tickets.agentId, agent.id))
        )
          .filter((t) => t.resolvedAt && t.resolvedAt >= start && t.resolvedAt < end)
          .map((t) => t.id);
        const picks = await handle.db
          .select()
          .from(reviewSamples)
          .where(eq(reviewSamples.cycleId, cycle.id))
          .orderBy(asc(reviewSamples.position))
          .then((rows) => rows.filter((r) => r.agentId === agent.id));
        expect(picks.map((p) => p.ticketId)).toEqual(drawSample(cycle.seed, resolved, cycle.samplePerAgent));
        expect(picks.map((p) => p.position)).toEqual(picks.map((_, i) => i));
        const reviewer = auditorOf.get(`${cycle.id}:${agent.teamId}`);
        for (const pick of picks) {
          expect(pick.seed).toBe(cycle.seed);
          expect(pick.reviewerUserId).toBe(reviewer);
          expect(staffEmail.get(pick.reviewerUserId ?? '')).not.toBe(agent.email.toLowerCase());
          const [review] = await handle.db.select().from(reviews).where(eq(reviews.ticketId, pick.ticketId));
          expect(review).toMatchObject({
            cycleId: cycle.id,
            agentId: agent.id,
            reviewerUserId: reviewer,
            calibration: false,
          });
        }
        sampled += picks.length;
      }
    }
    expect(sampled).toBe((await handle.db.select({ n: count() }).from(reviews))[0]?.n);
  });

  it('opens an action for every failed audit item and critical review fail, in every state, some overdue', async () => {
    const actions = await handle.db.select().from(correctiveActions);
    const states = new Set(actions.map((a) => a.status));
    expect([...states].sort()).toEqual(['done', 'in_progress', 'open']);
    expect(actions.filter((a) => a.status !== 'done' && a.dueOn < TODAY).length).toBeGreaterThanOrEqual(1);
    for (const a of actions) {
      if (a.status === 'done') {
        expect(a.closingNote).toMatch(/\w{3}/);
        expect(a.closedAt!.getTime()).toBeGreaterThanOrEqual(a.createdAt.getTime());
        expect(a.closedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
        expect(a.closedBy).not.toBeNull();
      } else expect([a.closingNote, a.closedAt, a.closedBy]).toEqual([null, null, null]);
      expect(a.ownerUserId).not.toBeNull();
      expect(a.title.length).toBeGreaterThan(10);
    }
    const expected: string[] = [];
    for (const audit of await handle.db.select().from(audits)) {
      const answers = await handle.db.select().from(auditAnswers).where(eq(auditAnswers.auditId, audit.id));
      const items = new Map(itemsOf(audit.templateVersionId).map((i) => [i.id, i]));
      for (const a of answers) {
        const score = auditItemScore(items.get(a.itemId)!, toAuditValue(a.value));
        if (score !== null && score < 0.5) expected.push(`audit:${audit.id}:${a.itemId}`);
      }
    }
    for (const review of await handle.db.select().from(reviews)) {
      const answers = await handle.db
        .select()
        .from(reviewAnswers)
        .where(eq(reviewAnswers.reviewId, review.id));
      for (const itemId of rescore(review.templateVersionId, answers).failedCritical)
        expected.push(`review:${review.id}:${itemId}`);
    }
    const stored = actions.map((a) =>
      a.auditId ? `audit:${a.auditId}:${a.itemId}` : `review:${a.reviewId}:${a.itemId}`,
    );
    expect(stored.sort()).toEqual(expected.sort());
  });

  it('adds a manager and two auditors nobody can sign in as, and installs each shipped template once', async () => {
    const staff = await handle.db.select().from(users).orderBy(asc(users.role));
    expect(staff.map((u) => u.role)).toEqual(['manager', 'auditor', 'auditor']);
    for (const u of staff)
      expect(u.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$(A{86}==)$/);
    expect(await ensureBuiltInTemplateVersions(handle.db, 'en')).toHaveProperty('size', 2);
    const installed = await handle.db.select({ builtIn: auditTemplates.builtIn }).from(auditTemplates);
    expect(installed.map((t) => t.builtIn).sort()).toEqual(['quarterly_service', 'ticket_review']);
  });

  it('gives the same scores for the same seed, whether or not the server installed the templates first', async () => {
    const other = await freshDatabase('demo_audits');
    try {
      await other.handle.migrate();
      // As a server start does: templates first, then demo data.
      await ensureBuiltInTemplateVersions(other.handle.db, 'en');
      await seedDemoData(other.handle.db, OPTIONS);
      const scores = async (db: DatabaseHandle['db']) => ({
        audits: await db.select({ id: audits.id, score: audits.score }).from(audits).orderBy(asc(audits.id)),
        reviews: await db
          .select({ id: reviews.id, t: reviews.ticketId, score: reviews.score })
          .from(reviews)
          .orderBy(asc(reviews.id)),
        actions: await db
          .select({ id: correctiveActions.id, s: correctiveActions.status })
          .from(correctiveActions)
          .orderBy(asc(correctiveActions.id)),
      });
      const mine = await scores(handle.db);
      expect(await scores(other.handle.db)).toEqual(mine);
      const [templates] = await other.handle.db.select({ n: count() }).from(auditTemplates);
      expect(templates?.n).toBe(2);
    } finally {
      await other.drop();
    }
  });
});

describe('planDemoAudits', () => {
  const checklist = { id: 'c', definition: definitionOf('quarterly_service') };
  const scorecard = { id: 's', definition: definitionOf('ticket_review') };
  const now = Date.UTC(2026, 1, 3, 10);
  const quarters = demoQuarters(now, 'UTC');
  const agentList = Array.from({ length: 6 }, (_, i) => ({
    id: `agent-${i}`,
    teamId: i < 3 ? 'team-a' : 'team-b',
    email: `agent${i}@example.com`,
    createdAt: new Date(Date.UTC(2024, 0, 1)),
  }));
  const input = (seed: number, extra: Partial<DemoAuditInput> = {}): DemoAuditInput => ({
    seed,
    now,
    timeZone: 'UTC',
    defaultLocale: 'en',
    teams: [
      { id: 'team-a', name: 'Billing' },
      { id: 'team-b', name: 'Onboarding' },
    ],
    agents: agentList,
    resolved: new Map(
      quarters.map((q) => [
        q,
        new Map(agentList.map((a) => [a.id, Array.from({ length: 20 }, (_, n) => `${q}-${a.id}-${n}`)])),
      ]),
    ),
    checklist,
    scorecard,
    takenEmails: new Set(),
    ...extra,
  });

  it('plans the quarters before the current one in the organisation’s time zone', () => {
    expect(quarters).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    // 23:30 UTC on 31 March is already April (Q2) in Belgrade.
    expect(demoQuarters(Date.UTC(2026, 2, 31, 23, 30), 'Europe/Belgrade').at(-1)).toBe('2026-Q1');
    expect(demoQuarters(Date.UTC(2026, 2, 31, 23, 30), 'UTC').at(-1)).toBe('2025-Q4');
    expect(periodKey(new Date(now), 'quarter', 'UTC')).toBe('2026-Q1');
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = planDemoAudits(input(1));
    expect(planDemoAudits(input(1))).toEqual(a);
    const b = planDemoAudits(input(2));
    expect(b.audits.map((x) => x.score)).not.toEqual(a.audits.map((x) => x.score));
    expect(a.reviews).toHaveLength(4 * 6 * 3);
  });

  it('keeps every time at or before now, even a few days into the quarter', () => {
    const early = Date.UTC(2026, 0, 2, 9);
    const rows = planDemoAudits(input(3, { now: early, resolved: new Map() }));
    const times = [
      ...rows.audits.flatMap((a) => [a.submittedAt, a.signedAt]),
      ...rows.cycles.flatMap((c) => [c.openedAt, c.closedAt]),
      ...rows.correctiveActions.flatMap((a) => [a.createdAt, a.closedAt, a.updatedAt]),
    ].filter((t): t is Date => t instanceof Date);
    expect(Math.max(...times.map((t) => t.getTime()))).toBeLessThanOrEqual(early);
    expect(rows.reviews).toEqual([]);
  });

  it('never samples a reviewer’s own tickets', () => {
    const plan = planDemoAudits(input(5));
    const auditor = plan.audits[0];
    const email = plan.users.find((u) => u.id === auditor?.auditorUserId)?.email ?? '';
    // The first agent of team-a turns out to have the email of team-a's auditor.
    const twin = { ...agentList[0]!, email: email.toUpperCase() };
    const rows = planDemoAudits(input(5, { agents: [twin, ...agentList.slice(1)] }));
    expect(rows.users.find((u) => u.id === auditor?.auditorUserId)?.email).toBe(email);
    expect(rows.reviewSamples.filter((s) => s.agentId === twin.id)).toEqual([]);
    expect(rows.reviewSamples.filter((s) => s.agentId === agentList[1]!.id)).toHaveLength(12);
  });
});

function definitionOf(key: string): AuditTemplateDefinition {
  const found = AUDIT_TEMPLATE_LIBRARY.find((t) => t.key === key);
  if (!found) throw new Error(key);
  return found.definition;
}
