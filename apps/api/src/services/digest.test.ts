import {
  agents,
  auditCycles,
  auditTemplates,
  correctiveActions,
  followUps,
  surveys,
  teams,
  tickets,
} from '@rapport/db';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFormat } from '../mail/digest-format';
import { renderDigestEmail } from '../mail/digest-render';
import { escapeHtml } from '../mail/escape-html';
import { createChecklist } from '../testing/audit-fixtures';
import { answered } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';
import { listActions } from './corrective-actions';
import { biggestMovers, buildDigest } from './digest';
import { listObjectives } from './okrs';
import { getTiles } from './report-tiles';
import { addToRollup } from './rollups';

/**
 * The digest's figures for fixed dates, against getTiles, listObjectives and numbers worked out by
 * hand. The organisation is in Belgrade; the digest is built on Monday 4 March 2030 for the week
 * 25 February – 3 March, against 18–24 February.
 */
let t: TestContext;
const NOW = new Date('2030-03-04T09:00:00Z');
const WEEK = { from: '2030-02-25', to: '2030-03-03' };
const BEFORE = '2030-02-20';
const DURING = '2030-02-27';
let surveyId: string;

/** `satisfied` of `n` answers (5s and 1s). */
const csat = (satisfied: number, n: number) => ({ responses: n, csat5: satisfied, csat1: n - satisfied });

async function team(name: string): Promise<string> {
  const [row] = await t.db.insert(teams).values({ name }).returning({ id: teams.id });
  return row!.id;
}

async function agent(name: string, teamId: string): Promise<string> {
  const [row] = await t.db
    .insert(agents)
    .values({ name, email: `${name.toLowerCase()}@support.example`, teamId })
    .returning({ id: agents.id });
  return row!.id;
}

async function rollup(day: string, teamId: string | null, agentId: string | null, counts: object) {
  await addToRollup(t.db, { day, surveyId, teamId, agentId, channel: 'email' }, counts);
}

beforeAll(async () => {
  t = await createTestContext();
  const zone = await t.request('PATCH', '/api/v1/settings', {
    as: 'admin',
    json: { timeZone: 'Europe/Belgrade' },
  });
  expect(zone.status).toBe(200);
  const [survey] = await t.db.select({ id: surveys.id }).from(surveys);
  surveyId = survey!.id;

  const billing = await team('Billing');
  const care = await team('Care');
  const tiny = await team('Tiny');
  const fresh = await team('Fresh');
  const ana = await agent('Ana', billing);
  const bo = await agent('Bo', billing);
  const marko = await agent('Marko', care);
  const zed = await agent('Zed', care);
  // Billing: 90 of 100 → 70 of 100 (Ana 45/50 → 30/50, Bo 45/50 → 40/50).
  await rollup(BEFORE, billing, ana, csat(45, 50));
  await rollup(DURING, billing, ana, csat(30, 50));
  await rollup(BEFORE, billing, bo, csat(45, 50));
  await rollup(DURING, billing, bo, csat(40, 50));
  // Care: 90 of 110 → 84 of 110 (Marko 80/100 → 84/100; Zed 10/10 → 0/10, too few to list as an agent).
  await rollup(BEFORE, care, marko, csat(80, 100));
  await rollup(DURING, care, marko, csat(84, 100));
  await rollup(BEFORE, care, zed, csat(10, 10));
  await rollup(DURING, care, zed, csat(0, 10));
  // Tiny: 4 of 5 → 1 of 5: the biggest change, on a small sample, not significant.
  await rollup(BEFORE, tiny, null, csat(4, 5));
  await rollup(DURING, tiny, null, csat(1, 5));
  // Fresh: answers this week only, nothing to compare.
  await rollup(DURING, fresh, null, csat(5, 5));
  // Outside both weeks: counted nowhere.
  await rollup('2030-03-04', billing, ana, csat(0, 100));
  await rollup('2030-02-17', billing, ana, csat(0, 100));
});
afterAll(() => t.close());

describe('buildDigest', () => {
  it('has exactly the dashboard’s headline tiles for the same seven days', async () => {
    const content = await buildDigest(t.db, WEEK, NOW);
    const tiles = await getTiles(t.db, WEEK, NOW);
    expect(content.tiles).toEqual(tiles.tiles);
    expect(content.period).toEqual({ ...WEEK, timeZone: 'Europe/Belgrade' });
    expect(content.previous).toEqual({ from: '2030-02-18', to: '2030-02-24' });
    // By hand: 30 + 40 + 84 + 0 + 1 + 5 = 160 of 220 this week; 45 + 45 + 80 + 10 + 4 = 184 of 215 before.
    const csatTile = content.tiles.find((x) => x.metric === 'csat')!;
    expect(csatTile.n).toBe(220);
    expect(csatTile.value).toBeCloseTo((100 * 160) / 220, 10);
    expect(csatTile.previous).toMatchObject({ n: 215 });
    expect(csatTile.previous.value).toBeCloseTo((100 * 184) / 215, 10);
    expect(csatTile.significant).toBe(true);
  });

  it('shows the same figures in the email as getTiles gives', async () => {
    const content = await buildDigest(t.db, WEEK, NOW);
    const { tiles } = await getTiles(t.db, WEEK, NOW);
    for (const locale of ['en', 'sr'] as const) {
      const mail = renderDigestEmail({
        content,
        locale,
        recipientName: 'Ana',
        publicUrl: 'https://r.example',
      });
      const f = digestFormat(locale === 'en' ? 'en-GB' : 'sr-Cyrl-RS');
      for (const tile of tiles) {
        expect(mail.html).toContain(escapeHtml(f.value(tile.value, tile.unit)));
        expect(mail.html).toContain(`n = ${f.count(tile.n)}`);
        if (tile.ci95) expect(mail.html).toContain(escapeHtml(f.interval(tile.ci95, tile.unit)));
      }
      expect(mail.subject).toContain(f.value((100 * 160) / 220, 'percent'));
    }
  });
});

describe('the organisation’s name', () => {
  it('is in the digest once an admin sets it, and gone again when cleared', async () => {
    const unnamed = await buildDigest(t.db, WEEK, NOW);
    expect(unnamed.organisationName).toBeNull();
    const plain = renderDigestEmail({
      content: unnamed,
      locale: 'hr',
      recipientName: 'Ana',
      publicUrl: 'https://r.example',
    });
    expect(plain.subject.startsWith('Rapport – tjedni pregled: CSAT ')).toBe(true);

    const set = await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: { organisationName: 'Podrška Jadran' },
    });
    expect(set.status).toBe(200);
    const named = await buildDigest(t.db, WEEK, NOW);
    expect(named.organisationName).toBe('Podrška Jadran');
    expect({ ...named, organisationName: null }).toEqual(unnamed);
    const mail = renderDigestEmail({
      content: named,
      locale: 'hr',
      recipientName: 'Ana',
      publicUrl: 'https://r.example',
    });
    expect(mail.subject.startsWith('Rapport – tjedni pregled za Podrška Jadran: CSAT ')).toBe(true);
    expect(mail.text.split('\n')[0]).toBe('Rapport – tjedni pregled za Podrška Jadran');

    const cleared = await t.request('PATCH', '/api/v1/settings', {
      as: 'admin',
      json: { organisationName: null },
    });
    expect(cleared.status).toBe(200);
    expect((await buildDigest(t.db, WEEK, NOW)).organisationName).toBeNull();
  });
});

describe('biggestMovers', () => {
  it('lists significant changes first, then the largest; agents only with 30 answers in both weeks', async () => {
    const movers = await biggestMovers(t.db, WEEK);
    expect(movers.map((m) => `${m.kind} ${m.name}`)).toEqual([
      'agent Ana', // −30, significant
      'team Billing', // −20, significant
      'team Tiny', // −60, not significant (5 answers)
      'agent Bo', // −10
      'team Care', // −5.45
      // Marko (+4) is sixth; Zed has 10 answers; Fresh has nothing to compare.
    ]);
    expect(movers[0]).toMatchObject({
      value: 60,
      previousValue: 90,
      change: -30,
      n: 50,
      previousN: 50,
      significant: true,
    });
    expect(movers[1]).toMatchObject({
      value: 70,
      previousValue: 90,
      change: -20,
      significant: true,
      smallSample: false,
    });
    expect(movers[2]).toMatchObject({ change: -60, significant: false, smallSample: true });
    expect(movers[4]!.change).toBeCloseTo(-600 / 110, 10);
    expect(await biggestMovers(t.db, WEEK, 6)).toHaveLength(6);
  });
});

describe('objectives, follow-ups and actions', () => {
  it('lists this quarter’s objectives with their computed progress and status', async () => {
    const created = await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: {
        quarter: '2030-Q1',
        title: 'Every resolved ticket leaves a happy customer',
        ownerUserId: t.users.manager.id,
        keyResults: [
          { kind: 'metric', title: 'CSAT at least 92%', metric: 'csat', baseline: 88, target: 92 },
          { kind: 'manual', title: 'Publish 40 FAQ answers', baseline: 10, target: 40, current: 25 },
        ],
      },
    });
    expect(created.status).toBe(201);
    await t.request('POST', '/api/v1/okrs', {
      as: 'manager',
      json: { quarter: '2030-Q2', title: 'Next quarter', ownerUserId: t.users.manager.id, keyResults: [] },
    });
    const content = await buildDigest(t.db, WEEK, NOW);
    const listed = await listObjectives(t.db, {}, { now: NOW });
    expect(content.objectives.quarter).toBe('2030-Q1');
    expect(content.objectives.items).toEqual(
      listed.items.map((o) => ({
        title: o.title,
        teamName: o.teamName,
        progress: o.progress,
        status: o.status,
      })),
    );
    expect(content.objectives.items).toHaveLength(1);
    expect(content.objectives.items[0]!.progress).not.toBeNull();
  });

  it('counts overdue follow-ups and lists the five longest overdue', async () => {
    const opened: string[] = [];
    for (let i = 0; i < 8; i += 1) {
      const answer = await answered(t, { rating: 1, resolved: false }, { team: 'Desk' });
      opened.push(answer.ticketId);
    }
    const rows = await t.db.select().from(followUps).where(inArray(followUps.ticketId, opened));
    expect(rows).toHaveLength(8);
    const byTicket = new Map(rows.map((r) => [r.ticketId, r]));
    // Six overdue at NOW, due on 1..6 January 2030 in reverse order of opening; one due later; one closed.
    for (let i = 0; i < 6; i += 1)
      await t.db
        .update(followUps)
        .set({ dueAt: new Date(`2030-01-0${6 - i}T10:00:00Z`) })
        .where(eq(followUps.id, byTicket.get(opened[i]!)!.id));
    await t.db
      .update(followUps)
      .set({ dueAt: new Date('2030-03-10T10:00:00Z') })
      .where(eq(followUps.id, byTicket.get(opened[6]!)!.id));
    await t.db
      .update(followUps)
      .set({ status: 'closed', closedAt: new Date('2026-12-01T10:00:00Z'), note: 'Called back' })
      .where(eq(followUps.id, byTicket.get(opened[7]!)!.id));
    const numbers = await t.db
      .select({ id: tickets.id, externalId: tickets.externalId })
      .from(tickets)
      .where(inArray(tickets.id, opened));
    const numberOf = new Map(numbers.map((n) => [n.id, n.externalId]));

    const content = await buildDigest(t.db, WEEK, NOW);
    expect(content.followUps.overdue).toBe(6);
    expect(content.followUps.oldest.map((f) => f.ticket)).toEqual(
      [5, 4, 3, 2, 1].map((i) => numberOf.get(opened[i]!)),
    );
    expect(content.followUps.oldest[0]).toMatchObject({
      teamName: 'Desk',
      dueAt: '2030-01-01T10:00:00.000Z',
    });
  });

  it('counts overdue corrective actions as the action board does, oldest first', async () => {
    const templateId = await createChecklist(t);
    const [template] = await t.db
      .select({ versionId: auditTemplates.currentVersionId })
      .from(auditTemplates)
      .where(eq(auditTemplates.id, templateId));
    const [cycle] = await t.db
      .insert(auditCycles)
      .values({
        quarter: '2029-Q4',
        dueOn: '2029-12-31',
        checklistVersionId: template!.versionId!,
        samplePerAgent: 3,
        seed: 's',
      })
      .returning({ id: auditCycles.id });
    const [billing] = await t.db.select({ id: teams.id }).from(teams).where(eq(teams.name, 'Billing'));
    const action = (itemId: string, dueOn: string, status: 'open' | 'in_progress' | 'done' = 'open') => ({
      cycleId: cycle!.id,
      teamId: billing!.id,
      itemId,
      title: `Fix ${itemId}`,
      ownerUserId: itemId === 'a' ? t.users.manager.id : null,
      dueOn,
      status,
    });
    await t.db.insert(correctiveActions).values([
      action('a', '2030-02-01'),
      action('b', '2030-01-15', 'in_progress'),
      action('c', '2030-03-03'),
      action('d', '2030-01-01', 'done'),
      // Due today (4 March, local): not overdue yet.
      action('e', '2030-03-04'),
      action('f', '2030-02-20'),
    ]);
    const content = await buildDigest(t.db, WEEK, NOW);
    expect(content.actions.overdue).toBe(4);
    expect(content.actions.oldest).toEqual([
      { title: 'Fix b', teamName: 'Billing', ownerName: null, dueOn: '2030-01-15' },
      { title: 'Fix a', teamName: 'Billing', ownerName: 'The manager', dueOn: '2030-02-01' },
      { title: 'Fix f', teamName: 'Billing', ownerName: null, dueOn: '2030-02-20' },
      { title: 'Fix c', teamName: 'Billing', ownerName: null, dueOn: '2030-03-03' },
    ]);
    // The action board's own reading at the same moment agrees.
    const board = await listActions(
      t.db,
      { userId: t.users.admin.id, role: 'admin' },
      { overdue: true },
      NOW,
    );
    expect(board.items.map((a) => a.title)).toEqual(content.actions.oldest.map((a) => a.title));
  });
});
