import { reviews, reviewSamples } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample } from '@rapport/db';
import { createChecklist, createStaff, createTeam } from '../testing/audit-fixtures';
import { createTestContext, type TestContext } from '../testing/harness';
import { createScorecard, insertAgent, insertTicket } from '../testing/review-fixtures';

let t: TestContext;
let otherAuditor: { id: string; cookie: string };
let alpha: string;
let bravo: string;
let cycle: { id: string; seed: string };
const agent: Record<'busy' | 'quiet' | 'auditorSelf' | 'inactive' | 'bravo', string> = {
  busy: '',
  quiet: '',
  auditorSelf: '',
  inactive: '',
  bravo: '',
};
/** The busy agent's tickets resolved in 2026-Q4 in Belgrade time. */
const busyInQuarter: string[] = [];
const busyOutside: string[] = [];

const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  t = await createTestContext();
  // Quarters are read in the organisation's time zone: Belgrade is UTC+1/+2 around the bounds used below.
  const tz = await t.request('PATCH', '/api/v1/settings', {
    as: 'admin',
    json: { timeZone: 'Europe/Belgrade' },
  });
  expect(tz.status).toBe(200);
  otherAuditor = await createStaff(t, 'bravo.auditor@test.example', 'auditor');
  alpha = await createTeam(t, 'Alpha');
  bravo = await createTeam(t, 'Bravo');
  agent.busy = await insertAgent(t, { email: 'busy@support.example', teamId: alpha });
  agent.quiet = await insertAgent(t, { email: 'quiet@support.example', teamId: alpha });
  // The Alpha auditor also answers tickets as an agent: none of those may be drawn for their review.
  agent.auditorSelf = await insertAgent(t, { email: 'AUDITOR@test.example', teamId: alpha });
  agent.inactive = await insertAgent(t, { email: 'gone@support.example', teamId: alpha, active: false });
  agent.bravo = await insertAgent(t, { email: 'bravo.agent@support.example', teamId: bravo });

  for (let i = 0; i < 30; i++)
    busyInQuarter.push(
      await insertTicket(t, {
        agentId: agent.busy,
        teamId: alpha,
        resolvedAt: at(
          `2026-${10 + (i % 3)}-${String(1 + i).padStart(2, '0')}T10:00:00Z`.replace('-11-31', '-11-30'),
        ),
      }),
    );
  // 23:30 UTC on 30 September is 01:30 on 1 October in Belgrade: inside Q4 there.
  busyInQuarter.push(
    await insertTicket(t, { agentId: agent.busy, teamId: alpha, resolvedAt: at('2026-09-30T23:30:00Z') }),
  );
  // 23:30 UTC on 31 December is already 2027 in Belgrade; the others are Q3 or not resolved.
  busyOutside.push(
    await insertTicket(t, { agentId: agent.busy, teamId: alpha, resolvedAt: at('2026-12-31T23:30:00Z') }),
  );
  busyOutside.push(
    await insertTicket(t, { agentId: agent.busy, teamId: alpha, resolvedAt: at('2026-09-15T10:00:00Z') }),
  );
  busyOutside.push(
    await insertTicket(t, { agentId: agent.busy, teamId: alpha, resolvedAt: at('2026-09-30T21:30:00Z') }),
  );
  busyOutside.push(await insertTicket(t, { agentId: agent.busy, teamId: alpha, resolvedAt: null }));
  for (let i = 0; i < 2; i++)
    await insertTicket(t, {
      agentId: agent.quiet,
      teamId: alpha,
      resolvedAt: at(`2026-11-0${i + 1}T10:00:00Z`),
    });
  for (let i = 0; i < 4; i++)
    await insertTicket(t, {
      agentId: agent.auditorSelf,
      teamId: alpha,
      resolvedAt: at(`2026-11-1${i}T10:00:00Z`),
    });
  for (let i = 0; i < 4; i++)
    await insertTicket(t, {
      agentId: agent.inactive,
      teamId: alpha,
      resolvedAt: at(`2026-11-1${i}T10:00:00Z`),
    });
  for (let i = 0; i < 6; i++)
    await insertTicket(t, {
      agentId: agent.bravo,
      teamId: bravo,
      resolvedAt: at(`2026-12-0${i + 1}T10:00:00Z`),
    });

  const res = await t.request('POST', '/api/v1/audit-cycles', {
    as: 'manager',
    json: {
      quarter: '2026-Q4',
      dueOn: '2027-01-20',
      checklistTemplateId: await createChecklist(t),
      scorecardTemplateId: await createScorecard(t),
      auditors: { [bravo]: otherAuditor.id },
      defaultAuditorUserId: t.users.auditor.id,
      samplePerAgent: 5,
    },
  });
  expect(res.status).toBe(201);
  cycle = { id: res.body.id, seed: res.body.seed };
});
afterAll(() => t.close());

type AgentView = {
  agent: { id: string };
  reviewer: { id: string } | null;
  seed: string;
  requested: number;
  eligible: number;
  excludedHandledByReviewer: number;
  picked: { id: string; position: number; reviewId: string | null }[];
  short: boolean;
  matchesRedraw: boolean;
};

async function samples(as: 'manager' | 'auditor' = 'manager'): Promise<Map<string, AgentView>> {
  const res = await t.request('GET', `/api/v1/audit-cycles/${cycle.id}/samples`, { as });
  expect(res.status).toBe(200);
  expect(res.body.seed).toBe(cycle.seed);
  expect(res.body.drawn).toBe(true);
  return new Map((res.body.agents as AgentView[]).map((a) => [a.agent.id, a]));
}

describe('drawing the review sample when a cycle opens', () => {
  it('draws from the quarter in the organisation time zone, reproducibly from the recorded seed', async () => {
    const busy = (await samples()).get(agent.busy);
    expect(busy).toBeDefined();
    // 30 plus the one resolved at 01:30 Belgrade time on 1 October; not Q3, not 2027, not the open one.
    expect(busy?.eligible).toBe(31);
    expect(busy?.requested).toBe(5);
    expect(busy?.seed).toBe(cycle.seed);
    const picked = busy?.picked.map((p) => p.id) ?? [];
    expect(picked).toHaveLength(5);
    expect(busy?.picked.map((p) => p.position)).toEqual([0, 1, 2, 3, 4]);
    for (const id of picked) {
      expect(busyInQuarter).toContain(id);
      expect(busyOutside).not.toContain(id);
    }
    // Anyone can draw it again: the same seed over the same tickets gives the same picks, in order.
    expect(picked).toEqual(drawSample(cycle.seed, busyInQuarter, 5));
    expect(drawSample('another seed', busyInQuarter, 5)).not.toEqual(picked);
    expect(busy?.matchesRedraw).toBe(true);
    expect(busy?.short).toBe(false);
  });

  it('takes every ticket of an agent with fewer than N, and says so', async () => {
    const quiet = (await samples()).get(agent.quiet);
    expect(quiet?.eligible).toBe(2);
    expect(quiet?.picked).toHaveLength(2);
    expect(quiet?.short).toBe(true);
  });

  it('excludes the tickets the reviewer handled, and leaves inactive agents out', async () => {
    const all = await samples();
    const self = all.get(agent.auditorSelf);
    expect(self?.excludedHandledByReviewer).toBe(4);
    expect(self?.eligible).toBe(0);
    expect(self?.picked).toEqual([]);
    expect(all.has(agent.inactive)).toBe(false);
    const stored = await t.db
      .select()
      .from(reviewSamples)
      .where(eq(reviewSamples.agentId, agent.auditorSelf));
    expect(stored).toEqual([]);
  });

  it('records each pick and opens a draft review of it for the team auditor', async () => {
    const rows = await t.db.select().from(reviews).where(eq(reviews.cycleId, cycle.id));
    expect(rows).toHaveLength(5 + 2 + 5);
    for (const r of rows) {
      expect(r.status).toBe('draft');
      expect(r.calibration).toBe(false);
      expect(r.reviewerUserId).toBe(r.agentId === agent.bravo ? otherAuditor.id : t.users.auditor.id);
    }
    const all = await samples();
    const bravoPicks = all.get(agent.bravo)?.picked ?? [];
    expect(bravoPicks).toHaveLength(5);
    for (const p of bravoPicks) expect(rows.find((r) => r.id === p.reviewId)?.ticketId).toBe(p.id);
    const stored = await t.db.select().from(reviewSamples).where(eq(reviewSamples.cycleId, cycle.id));
    expect(stored.every((s) => s.seed === cycle.seed)).toBe(true);
  });

  it('shows an auditor only the agents they review, and refuses viewers', async () => {
    const mine = await samples('auditor');
    expect([...mine.keys()].sort()).toEqual([agent.auditorSelf, agent.busy, agent.quiet].sort());
    const viewer = await t.request('GET', `/api/v1/audit-cycles/${cycle.id}/samples`, { as: 'viewer' });
    expect(viewer.status).toBe(403);
    const missing = await t.request(
      'GET',
      '/api/v1/audit-cycles/00000000-0000-4000-8000-000000000000/samples',
      {
        as: 'manager',
      },
    );
    expect(missing.status).toBe(404);
    const bad = await t.request('GET', '/api/v1/audit-cycles/not-an-id/samples', { as: 'manager' });
    expect(bad.status).toBe(400);
  });

  it('draws nothing for a cycle without a scorecard', async () => {
    const res = await t.request('POST', '/api/v1/audit-cycles', {
      as: 'manager',
      json: {
        quarter: '2026-Q3',
        dueOn: '2026-10-20',
        checklistTemplateId: await createChecklist(t, 'Second checklist'),
        defaultAuditorUserId: t.users.auditor.id,
      },
    });
    expect(res.status).toBe(201);
    const view = await t.request('GET', `/api/v1/audit-cycles/${res.body.id}/samples`, { as: 'manager' });
    expect(view.body.drawn).toBe(false);
    expect(view.body.agents).toEqual([]);
    const rows = await t.db.select().from(reviews).where(eq(reviews.cycleId, res.body.id));
    expect(rows).toEqual([]);
  });
});
