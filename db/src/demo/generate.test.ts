import { beforeAll, describe, expect, it } from 'vitest';
import { DAY, hourOf, startOfHour, subtractMonths, weekdayOf } from './calendar';
import { generateDemo } from './generate';
import type { DemoOptions, DemoSummary } from './options';
import type { CustomerRow, DemoBatch, TicketRow } from './rows';

const NOW = new Date('2026-11-23T08:00:00Z');
const START = subtractMonths(NOW.getTime(), 12);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function collect(options: DemoOptions): { batches: DemoBatch[]; summary: DemoSummary } {
  const iterator = generateDemo(options);
  const batches: DemoBatch[] = [];
  for (let step = iterator.next(); ; step = iterator.next()) {
    if (step.done) return { batches, summary: step.value };
    batches.push(step.value);
  }
}

const ms = (date: Date | null): number => date?.getTime() ?? Number.NaN;
const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const share = <T>(items: T[], predicate: (item: T) => boolean): number =>
  items.filter(predicate).length / items.length;

describe('generateDemo: determinism', () => {
  it('gives identical batches, row for row, for the same seed and now', () => {
    const first = collect({ tickets: 3000, now: NOW, batchSize: 700 });
    const second = collect({ tickets: 3000, now: NOW, batchSize: 700 });
    expect(second.batches).toEqual(first.batches);
    expect(second.summary).toEqual(first.summary);
    expect(first.batches.length).toBe(1 + Math.ceil(3000 / 700));
  });

  it('does not depend on the batch size', () => {
    const small = collect({ tickets: 1500, now: NOW, batchSize: 100 }).batches;
    const large = collect({ tickets: 1500, now: NOW, batchSize: 4000 }).batches;
    expect(large.flatMap((b) => b.tickets)).toEqual(small.flatMap((b) => b.tickets));
    expect(large.flatMap((b) => b.customers)).toEqual(small.flatMap((b) => b.customers));
  });

  it('gives different data for a different seed', () => {
    const a = collect({ tickets: 500, now: NOW, seed: 1 }).batches;
    const b = collect({ tickets: 500, now: NOW, seed: 2 }).batches;
    const ticketsA = a.flatMap((batch) => batch.tickets);
    const ticketsB = b.flatMap((batch) => batch.tickets);
    expect(ticketsB).not.toEqual(ticketsA);
    const sameOpening = ticketsA.filter((t, i) => ms(t.openedAt) === ms(ticketsB[i]?.openedAt ?? null));
    expect(sameOpening.length).toBeLessThan(5);
    expect(b[0]?.agents.map((agent) => agent.name)).not.toEqual(a[0]?.agents.map((agent) => agent.name));
  });

  it('checks options when called, not at the first batch', () => {
    expect(() => generateDemo({ tickets: -1 })).toThrow('tickets must be a whole number from 0');
    expect(() => generateDemo({ teams: 7 })).toThrow('teams must be a whole number from 1 to 6');
    expect(() => generateDemo({ months: 0 })).toThrow(RangeError);
    expect(() => generateDemo({ seed: 1.5 })).toThrow('seed must be a whole number');
    expect(() => generateDemo({ now: new Date('nonsense') })).toThrow('now must be a valid date');
  });

  it('writes only staff when asked for no tickets', () => {
    const { batches, summary } = collect({ tickets: 0, now: NOW, teams: 2, agentsPerTeam: 2 });
    expect(batches).toHaveLength(1);
    expect(summary).toEqual({
      teams: 2,
      agents: 4,
      customers: 0,
      tickets: 0,
      invitations: 0,
      responses: 0,
      followUps: 0,
      surveyId: null,
      chatSurveyId: null,
    });
  });
});

describe('generateDemo: the default data set (20,000 tickets)', () => {
  let batches: DemoBatch[];
  let summary: DemoSummary;
  let tickets: TicketRow[];
  let customers: CustomerRow[];
  let teamNames: Map<string, string>;

  beforeAll(() => {
    ({ batches, summary } = collect({ tickets: 20_000, now: NOW }));
    tickets = batches.flatMap((batch) => batch.tickets);
    customers = batches.flatMap((batch) => batch.customers);
    teamNames = new Map(batches.flatMap((batch) => batch.teams).map((team) => [team.id, team.name]));
  });

  it('matches the counts asked for', () => {
    expect(tickets).toHaveLength(20_000);
    expect(summary).toEqual({
      teams: 4,
      agents: 24,
      customers: customers.length,
      tickets: 20_000,
      invitations: 0,
      responses: 0,
      followUps: 0,
      surveyId: null,
      chatSurveyId: null,
    });
    expect([...teamNames.values()]).toEqual(['Billing', 'Technical support', 'Onboarding', 'Enterprise']);
    const agents = batches.flatMap((batch) => batch.agents);
    for (const teamId of teamNames.keys()) expect(agents.filter((a) => a.teamId === teamId)).toHaveLength(6);
  });

  it('gives agents unique lower-case emails and external ids agent-001…', () => {
    const agents = batches.flatMap((batch) => batch.agents);
    expect(agents.map((a) => a.externalId)).toEqual(
      Array.from({ length: 24 }, (_, i) => `agent-${String(i + 1).padStart(3, '0')}`),
    );
    expect(new Set(agents.map((a) => a.email)).size).toBe(24);
    for (const agent of agents) expect(agent.email).toMatch(/^[a-z0-9.]+@support\.example\.com$/);
    expect(agents.filter((a) => !a.active).length).toBeGreaterThan(0);
  });

  it('uses version-4 uuids, unique across every table', () => {
    const ids: string[] = [
      ...batches.flatMap((b) => b.teams.map((t) => t.id)),
      ...batches.flatMap((b) => b.agents.map((a) => a.id)),
      ...customers.map((c) => c.id),
      ...tickets.map((t) => t.id),
    ];
    expect(ids.filter((id) => !UUID_V4.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(tickets.map((t) => t.externalId)).size).toBe(tickets.length);
  });

  it('keeps every time in order and inside [now − 12 months, now]', () => {
    const now = NOW.getTime();
    // Collect the offenders rather than asserting row by row: fast, and a failure shows the rows.
    const outOfOrder = tickets.filter((t) => {
      const opened = ms(t.openedAt);
      const responded = t.firstResponseAt ? ms(t.firstResponseAt) : null;
      const resolved = t.resolvedAt ? ms(t.resolvedAt) : null;
      return (
        opened < START ||
        opened > now ||
        (responded !== null && (responded < opened || responded > now)) ||
        (resolved !== null && (responded === null || resolved < responded || resolved > now)) ||
        ms(t.updatedAt) < opened ||
        ms(t.updatedAt) > now ||
        ms(t.createdAt) !== opened
      );
    });
    expect(outOfOrder).toEqual([]);
    // Opening order: the stream is chronological.
    expect(tickets.filter((t, i) => i > 0 && ms(t.openedAt) < ms(tickets[i - 1]!.openedAt))).toEqual([]);
    expect(ms(tickets[0]!.openedAt) - START).toBeLessThan(DAY);
    expect(now - ms(tickets.at(-1)!.openedAt)).toBeLessThan(DAY);
  });

  it('resolves old tickets and leaves a few recent ones open or pending', () => {
    const unresolved = tickets.filter((t) => t.status === 'open' || t.status === 'pending');
    expect(
      tickets.filter((t) => (t.resolvedAt === null) !== (t.status === 'open' || t.status === 'pending')),
    ).toEqual([]);
    expect(unresolved.length).toBeGreaterThan(10);
    expect(unresolved.length / tickets.length).toBeLessThan(0.03);
    expect(share(unresolved, (t) => NOW.getTime() - ms(t.openedAt) < 14 * DAY)).toBeGreaterThan(0.95);
    expect(unresolved.some((t) => t.status === 'pending')).toBe(true);
    const old = tickets.filter((t) => NOW.getTime() - ms(t.openedAt) > 60 * DAY);
    expect(share(old, (t) => t.status === 'closed')).toBeGreaterThan(0.85);
    expect(old.every((t) => t.status === 'closed' || t.status === 'resolved')).toBe(true);
  });

  it('reopens about 4% of tickets, rarely twice', () => {
    const counts = tickets.map((t) => t.reopenedCount);
    expect(counts.every((n) => n >= 0 && n <= 2)).toBe(true);
    expect(share(counts, (n) => n >= 1)).toBeGreaterThan(0.03);
    expect(share(counts, (n) => n >= 1)).toBeLessThan(0.055);
    expect(share(counts, (n) => n === 2)).toBeGreaterThan(0);
    expect(share(counts, (n) => n === 2)).toBeLessThan(0.01);
  });

  it('splits channels close to email 45%, chat 30%, phone 12%, web 10%, social 3%', () => {
    const expected = { email: 0.45, chat: 0.3, phone: 0.12, web: 0.1, social: 0.03 };
    for (const [channel, target] of Object.entries(expected)) {
      expect(share(tickets, (t) => t.channel === channel)).toBeCloseTo(target, 1);
      expect(Math.abs(share(tickets, (t) => t.channel === channel) - target)).toBeLessThan(0.02);
    }
  });

  it('answers chat in minutes and email in hours', () => {
    const delay = (channel: string) =>
      tickets
        .filter((t) => t.channel === channel && t.firstResponseAt)
        .map((t) => (ms(t.firstResponseAt) - ms(t.openedAt)) / 60_000);
    expect(median(delay('chat'))).toBeLessThan(15);
    expect(median(delay('phone'))).toBeLessThan(5);
    expect(median(delay('email'))).toBeGreaterThan(60);
    // The long tail: some emails wait more than a day.
    expect(Math.max(...delay('email'))).toBeGreaterThan(24 * 60);
  });

  it('makes the teams differ: Enterprise answers later, and its tickets reopen least', () => {
    const byTeam = (name: string) => tickets.filter((t) => teamNames.get(t.teamId ?? '') === name);
    const emailDelay = (name: string) =>
      median(
        byTeam(name)
          .filter((t) => t.channel === 'email' && t.firstResponseAt)
          .map((t) => ms(t.firstResponseAt) - ms(t.openedAt)),
      );
    const reopenRate = (name: string) => share(byTeam(name), (t) => t.reopenedCount > 0);
    expect(emailDelay('Enterprise')).toBeGreaterThan(emailDelay('Onboarding'));
    expect(reopenRate('Enterprise')).toBeLessThan(reopenRate('Technical support'));
    expect(reopenRate('Enterprise')).toBeLessThan(reopenRate('Billing'));
  });

  it('peaks on weekdays in business hours and grows over the year', () => {
    const weekday = tickets.filter((t) => {
      const day = weekdayOf(ms(t.openedAt));
      return day >= 1 && day <= 5;
    });
    // Per day: five weekdays against two weekend days.
    expect(weekday.length / 5).toBeGreaterThan(2 * ((tickets.length - weekday.length) / 2));
    expect(share(weekday, (t) => hourOf(ms(t.openedAt)) >= 9 && hourOf(ms(t.openedAt)) < 17)).toBeGreaterThan(
      0.6,
    );
    const quarter = (NOW.getTime() - START) / 4;
    const firstQuarter = tickets.filter((t) => ms(t.openedAt) < START + quarter).length;
    const lastQuarter = tickets.filter((t) => ms(t.openedAt) >= NOW.getTime() - quarter).length;
    expect(lastQuarter).toBeGreaterThan(firstQuarter * 1.1);
    expect(lastQuarter).toBeLessThan(firstQuarter * 1.6);
  });

  it('has about one customer per 2–3 tickets, some of them returning', () => {
    expect(customers.length).toBeGreaterThan(tickets.length / 3);
    expect(customers.length).toBeLessThan(tickets.length / 2);
    const perCustomer = new Map<string, number>();
    for (const t of tickets) perCustomer.set(t.customerId, (perCustomer.get(t.customerId) ?? 0) + 1);
    expect(perCustomer.size).toBe(customers.length);
    expect([...perCustomer.values()].filter((n) => n >= 3).length).toBeGreaterThan(customers.length / 20);
  });

  it('writes every customer in or before the batch of their first ticket, first seen then', () => {
    const seen = new Map<string, number>();
    const orphans: TicketRow[] = [];
    for (const batch of batches) {
      for (const customer of batch.customers) seen.set(customer.id, ms(customer.createdAt));
      for (const t of batch.tickets) {
        if (!((seen.get(t.customerId) ?? Infinity) <= ms(t.openedAt))) orphans.push(t);
      }
    }
    expect(orphans).toEqual([]);
  });

  it('gives customers the five locales in the intended shares, with names that fit', () => {
    const expected = { en: 0.4, sr: 0.15, hr: 0.15, sl: 0.15, ru: 0.15 };
    for (const [locale, target] of Object.entries(expected)) {
      expect(Math.abs(share(customers, (c) => c.locale === locale) - target)).toBeLessThan(0.03);
    }
    const cyrillic = /^\p{Script=Cyrillic}+ \p{Script=Cyrillic}+$/u;
    const latin = /^[\p{Script=Latin}']+ [\p{Script=Latin}']+$/u;
    const misfits = customers.filter((c) =>
      c.locale === 'sr' || c.locale === 'ru' ? !cyrillic.test(c.name ?? '') : !latin.test(c.name ?? ''),
    );
    expect(misfits).toEqual([]);
    expect(customers.some((c) => c.locale === 'hr' && /[čćšžđ]/iu.test(c.name ?? ''))).toBe(true);
    expect(customers.some((c) => c.locale === 'sr' && /[јљњђћџ]/iu.test(c.name ?? ''))).toBe(true);
  });

  it('gives customers unique lower-case addresses on example domains only', () => {
    const emails = customers.map((c) => c.email ?? '');
    const exampleOnly = /^[a-z0-9._]+@((mail|post|inbox)\.)?example\.(com|org|net)$/;
    expect(emails.filter((email) => !exampleOnly.test(email))).toEqual([]);
    expect(new Set(emails).size).toBe(emails.length);
    expect(customers.map((c) => c.externalId)).toEqual(
      customers.map((_, i) => `customer-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('gives each ticket an agent of its own team who was on the team then', () => {
    const agents = new Map(batches.flatMap((b) => b.agents).map((agent) => [agent.id, agent]));
    const misassigned = tickets.filter((t) => {
      const agent = agents.get(t.agentId ?? '');
      if (!agent || agent.teamId !== t.teamId || ms(agent.createdAt) > ms(t.openedAt)) return true;
      return !agent.active && ms(t.openedAt) >= ms(agent.updatedAt);
    });
    expect(misassigned).toEqual([]);
    expect(new Set(tickets.map((t) => t.subject)).size).toBeGreaterThan(30);
  });

  it('defaults the period to end at the start of the current hour', () => {
    const hourBefore = startOfHour(new Date());
    const implicit = collect({ tickets: 50 }).batches;
    const hourAfter = startOfHour(new Date());
    // Only if the clock crossed an hour mid-test can the two differ; then there is nothing to compare.
    const now = hourBefore.getTime() === hourAfter.getTime() ? hourBefore : hourAfter;
    expect(implicit).toEqual(collect({ tickets: 50, now }).batches);
  });
});
