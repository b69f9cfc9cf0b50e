import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, signInThroughForm } from '../support/admin-ui';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

/** The parts of the reports API's replies this test reads (the test talks HTTP, like a BI tool). */
interface Figure {
  value: number | null;
  n: number;
  ci95: [number, number] | null;
}
interface Tiles {
  tiles: (Figure & { metric: string })[];
}
interface Trend {
  points: (Figure & { key: string; from: string; to: string })[];
}
interface Objectives {
  items: {
    title: string;
    teamId: string | null;
    quarter: string;
    period: { from: string; to: string };
    keyResults: { id: string; title: string; kind: string; metric: string | null; target: number }[];
  }[];
}
interface Reasons {
  total: number;
  rows: {
    reason: string;
    label: string;
    count: number;
    share: number | null;
    cumulativeShare: number | null;
  }[];
}
interface Drivers {
  rows: {
    questionId: string;
    label: string;
    r: number | null;
    ci95: [number, number] | null;
    n: number;
    mean: number | null;
    smallSample: boolean;
  }[];
}
interface Quality {
  quarters: string[];
  teams: {
    name: string;
    cells: { quarter: string; auditScore: number | null; qualityScore: number | null; reviews: number }[];
  }[];
}
interface ReviewCsat {
  points: {
    name: string;
    teamId: string | null;
    reviewScore: number;
    reviews: number;
    csat: number | null;
    csatN: number;
  }[];
  r: number | null;
  ci95: [number, number] | null;
  n: number;
}

let server: RunningServer;
let browser: TestBrowser;

beforeAll(async () => {
  // The demo data: months of answers across teams and agents, so every figure has something to show.
  server = await startServer({ RAPPORT_DEMO: 'on' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

/** The digits of a shown count ("1,234" → 1234). */
const digitsOf = (text: string) => Number(text.replace(/\D/g, ''));

/** A number as a table view shows it: rounded for the table, then written to that many decimals; '—' for none. */
const fixed = (value: number | null | undefined, decimals: number) =>
  value === null || value === undefined ? '—' : Number(value.toFixed(decimals)).toFixed(decimals);
/** A count as the table view shows it (the browser's locale is en-GB). */
const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);
/** A share 0..1 as the tables' percent. */
const percent = (share: number | null) => (share === null ? '—' : fixed(100 * share, 1));

/** Every body row of the table in a figure, as the trimmed texts of its cells. */
async function tableRows(figure: Locator): Promise<string[][]> {
  const rows = figure.locator('tbody tr');
  const out: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++)
    out.push((await rows.nth(i).locator('th, td').allInnerTexts()).map((c) => c.trim()));
  return out;
}

/** Opens a figure's table view (the pressed "Table" button) and waits for its rows. */
async function openTable(figure: Locator) {
  const toggle = figure.getByRole('button', { name: 'Table', exact: true });
  await toggle.click();
  expect(await toggle.getAttribute('aria-pressed')).toBe('true');
  await figure.getByRole('table').waitFor();
}

/** The period the page shows, from its machine-readable dates. */
async function shownPeriod(page: Page) {
  return {
    from: (await page.getByTestId('period-from').getAttribute('datetime')) ?? '',
    to: (await page.getByTestId('period-to').getAttribute('datetime')) ?? '',
  };
}

/** The quarter keys local dates from..to touch. */
function quartersOf(from: string, to: string): string[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const keys: string[] = [];
  for (let i = index(from); i <= index(to); i++) keys.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return keys;
}

describe('the executive dashboard', () => {
  it('shows the API’s figures, keeps the period in the address, and exports what a chart shows', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    await signInThroughForm(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    const csatTile = page.locator('article[data-metric="csat"]');
    await csatTile.waitFor();

    /** The period the page shows, from its machine-readable dates. */
    const period = async () => ({
      from: (await page.getByTestId('period-from').getAttribute('datetime')) ?? '',
      to: (await page.getByTestId('period-to').getAttribute('datetime')) ?? '',
    });

    /** The CSAT tile as the API gives it for the period on screen, fetched with the page's session. */
    const apiCsat = async () => {
      const { from, to } = await period();
      const reply = await page.request.get(`${server.url}/api/v1/reports/tiles?from=${from}&to=${to}`);
      expect(reply.status()).toBe(200);
      const csat = ((await reply.json()) as Tiles).tiles.find((t) => t.metric === 'csat');
      expect(csat).toBeDefined();
      return csat!;
    };

    // The default: the last 90 days, ending today.
    const first = await period();
    expect(Date.parse(first.to) - Date.parse(first.from)).toBe(89 * 86_400_000);
    let expected = await apiCsat();
    expect(expected.n).toBeGreaterThan(0);
    expect(await csatTile.locator('.tile__value').innerText()).toBe(`${expected.value!.toFixed(1)}%`);
    expect(digitsOf(await csatTile.locator('.tile__n').innerText())).toBe(expected.n);
    expect(await csatTile.innerText()).toContain(
      `${expected.ci95![0].toFixed(1)}–${expected.ci95![1].toFixed(1)}%`,
    );
    await checkScreen(page, 'dashboard');

    // Switching the period through the picker puts it in the address, and the figures follow.
    await page.getByLabel('Period', { exact: true }).selectOption('last-30-days');
    await page.waitForURL((url) => url.searchParams.get('period') === 'last-30-days');
    await expect
      .poll(async () => {
        const { from, to } = await period();
        return Date.parse(to) - Date.parse(from);
      })
      .toBe(29 * 86_400_000);
    expected = await apiCsat();
    await expect.poll(() => csatTile.locator('.tile__n').innerText().then(digitsOf)).toBe(expected.n);
    expect(await csatTile.locator('.tile__value').innerText()).toBe(
      expected.value === null ? '—' : `${expected.value.toFixed(1)}%`,
    );

    // The CSAT trend's table shows the plotted numbers: each row as the API's trend has it.
    const csatPanel = page.getByRole('region', { name: 'CSAT trend', exact: true });
    const canvas = csatPanel.getByRole('img');
    expect(await canvas.getAttribute('aria-label')).toMatch(/^CSAT by day, 30 days/);
    await csatPanel.getByRole('button', { name: 'Table' }).click();
    expect(await csatPanel.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe('true');
    const { from, to } = await period();
    const trendReply = await page.request.get(
      `${server.url}/api/v1/reports/trend?metric=csat&unit=day&from=${from}&to=${to}`,
    );
    const trend = (await trendReply.json()) as Trend;
    expect(trend.points).toHaveLength(30);
    const bodyRows = csatPanel.locator('tbody tr');
    expect(await bodyRows.count()).toBe(trend.points.length);
    const point = trend.points.find((p) => p.value !== null && p.ci95 !== null);
    expect(point, 'a day with answers in the last 30 days').toBeDefined();
    const row = bodyRows.filter({ has: page.getByRole('rowheader', { name: point!.key, exact: true }) });
    const cells = await row.locator('th, td').allInnerTexts();
    // The trend's seven columns; the OKR target columns after them are checked in the next test.
    expect(cells.map((c) => c.trim()).slice(0, 7)).toEqual([
      point!.key,
      point!.from,
      point!.to,
      point!.value!.toFixed(1),
      point!.ci95![0].toFixed(1),
      point!.ci95![1].toFixed(1),
      String(point!.n),
    ]);
    await checkScreen(page, 'dashboard-trend-table');
    // At phone width nothing holds the page open sideways: wide tables scroll in their own box.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 860 });

    // The CSV holds exactly the table: its header and one line per period.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      csatPanel.getByRole('button', { name: 'Download CSV of CSAT trend' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`csat-trend-${from}-${to}.csv`);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trimEnd().split('\r\n');
    const header = (await csatPanel.locator('thead th').allTextContents())
      .map((h) => `"${h.trim()}"`)
      .join(',');
    expect(lines[0]).toBe(header);
    expect(lines[0]?.startsWith('"Period","From","To","CSAT %","Lower 95%","Upper 95%","n"')).toBe(true);
    expect(lines).toHaveLength(trend.points.length + 1);
    const line = [
      point!.key,
      point!.from,
      point!.to,
      ...[point!.value!, ...point!.ci95!].map((x) => Number(x.toFixed(1))),
      point!.n,
    ]
      .map((c) => `"${c}"`)
      .join(',');
    expect(lines.some((l) => l === line || l.startsWith(`${line},`))).toBe(true);

    // The breakdowns: ranked rows first, small samples after them, marked and unranked.
    const agents = page.getByRole('region', { name: 'CSAT by agent', exact: true });
    const ranks = (await agents.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
    expect(ranks.length).toBeGreaterThan(0);
    const firstUnranked = ranks.indexOf('—');
    if (firstUnranked >= 0) expect(ranks.slice(firstUnranked).every((r) => r === '—')).toBe(true);
    expect(ranks.filter((r) => r !== '—')).toEqual(
      ranks.filter((r) => r !== '—').map((_, i) => String(i + 1)),
    );

    // The address alone brings the same view back.
    await page.goto(page.url());
    await csatTile.waitFor();
    expect(await page.getByLabel('Period', { exact: true }).inputValue()).toBe('last-30-days');
    expect(appErrors).toEqual([]);
  });

  it('adds the NPS trend and OKR targets, the reasons, key drivers, and audit and quality figures, each table equal to the API', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    // Still signed in from the test before; the default view: the last 90 days, by week.
    await page.goto(`${server.url}/reports`);
    await page.locator('article[data-metric="csat"]').waitFor();
    const { from, to } = await shownPeriod(page);
    const api = async <T>(path: string): Promise<T> => {
      const reply = await page.request.get(`${server.url}/api/v1/${path}`);
      expect(reply.status(), path).toBe(200);
      return (await reply.json()) as T;
    };
    const figure = (title: string) => page.getByRole('region', { name: title, exact: true });
    // The demo's chat survey asks eight service-principle statements: they are the key drivers.
    const drivers = await api<Drivers>(`reports/drivers?from=${from}&to=${to}`);
    expect(drivers.rows.length, 'the demo answers the service principles').toBe(8);
    const panels = [
      'CSAT trend',
      'NPS trend',
      'Reasons for dissatisfaction',
      'Key drivers',
      'Audit and quality by team and quarter',
      'Do review scores predict CSAT?',
    ];
    for (const title of panels) {
      await figure(title).getByRole('img').waitFor();
      // Drawn: a canvas with pixels, named by a sentence.
      expect(
        await figure(title)
          .locator('canvas')
          .evaluate((c: HTMLCanvasElement) => c.width),
      ).toBeGreaterThan(0);
      expect((await figure(title).getByRole('img').getAttribute('aria-label'))?.length).toBeGreaterThan(20);
    }
    await checkScreen(page, 'dashboard-figures');

    // The OKR targets: the metric key results of this period's organisation-wide objectives.
    const objectives = (
      await Promise.all(quartersOf(from, to).map((q) => api<Objectives>(`okrs?quarter=${q}`)))
    ).flatMap((list) => list.items.filter((o) => o.teamId === null));
    const targetsOf = (metric: string) =>
      objectives.flatMap((o) =>
        o.keyResults
          .filter((k) => k.kind === 'metric' && k.metric === metric)
          .map((k) => ({ ...k, objective: o })),
      );
    const csatTargets = targetsOf('csat');
    expect(csatTargets.length, 'the demo’s objective has a CSAT key result').toBeGreaterThan(0);
    const listed = await page.getByTestId('csat-targets').getByRole('listitem').allInnerTexts();
    expect(listed).toHaveLength(csatTargets.length);
    for (const kr of csatTargets)
      expect(
        listed.some((text) => text.includes(`“${kr.title}”`) && text.includes(`${kr.target.toFixed(1)}%`)),
      ).toBe(true);
    expect(await figure('CSAT trend').getByRole('img').getAttribute('aria-label')).toContain(
      'Targets: Target ≥',
    );
    // The CSAT table carries each target in the periods of its quarter.
    const csatPanel = figure('CSAT trend');
    await openTable(csatPanel);
    const csatHeader = (await csatPanel.locator('thead th').allTextContents()).map((h) => h.trim());
    const first = csatTargets[0]!;
    const column = csatHeader.indexOf(`Target ${first.objective.quarter}: ${first.objective.title}`);
    expect(column).toBeGreaterThan(6);
    const csatTrend = await api<Trend>(`reports/trend?metric=csat&unit=week&from=${from}&to=${to}`);
    const csatRows = await tableRows(csatPanel);
    expect(csatRows.map((r) => r[column])).toEqual(
      csatTrend.points.map((p) =>
        p.from <= first.objective.period.to && p.to >= first.objective.period.from
          ? first.target.toFixed(1)
          : '—',
      ),
    );

    // NPS: each period's row as the API's trend has it.
    // (The demo's chat survey asks the NPS question, so most weeks have a score.)
    const nps = await api<Trend>(`reports/trend?metric=nps&unit=week&from=${from}&to=${to}`);
    expect(nps.points.filter((p) => p.value !== null).length).toBeGreaterThan(nps.points.length / 2);
    const npsPanel = figure('NPS trend');
    await openTable(npsPanel);
    expect((await tableRows(npsPanel)).map((r) => r.slice(0, 7))).toEqual(
      nps.points.map((p) => [
        p.key,
        p.from,
        p.to,
        fixed(p.value, 1),
        fixed(p.ci95?.[0], 1),
        fixed(p.ci95?.[1], 1),
        count(p.n),
      ]),
    );

    // The Pareto: most frequent reason first, with its count, share and running share.
    const reasons = await api<Reasons>(`reports/reasons?from=${from}&to=${to}`);
    expect(reasons.total, 'the demo gives reasons').toBeGreaterThan(0);
    const pareto = figure('Reasons for dissatisfaction');
    await openTable(pareto);
    expect(await tableRows(pareto)).toEqual(
      reasons.rows.map((r) => [
        r.label,
        r.reason,
        count(r.count),
        percent(r.share),
        percent(r.cumulativeShare),
      ]),
    );
    // Its CSV holds exactly that table.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      pareto.getByRole('button', { name: 'Download CSV of Reasons for dissatisfaction' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`reasons-for-dissatisfaction-${from}-${to}.csv`);
    const lines = readFileSync((await download.path())!)
      .toString('utf8')
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('"Reason","Code","Count","Share %","Cumulative %"');
    expect(lines).toHaveLength(reasons.rows.length + 1);

    // Key drivers in the API's order, r and its interval to two decimals.
    const driversPanel = figure('Key drivers');
    expect(await driversPanel.innerText()).toContain('correlation, not causation');
    await openTable(driversPanel);
    expect(await tableRows(driversPanel)).toEqual(
      drivers.rows.map((d) => [
        d.label,
        d.questionId,
        fixed(d.r, 2),
        fixed(d.ci95?.[0], 2),
        fixed(d.ci95?.[1], 2),
        count(d.n),
        fixed(d.mean, 2),
        d.r === null ? 'Too few answers for r' : d.smallSample ? 'Small sample (n < 30)' : '—',
      ]),
    );
    // The strongest driver reads as one: solving the problem moves satisfaction more than courtesy does.
    const r = (id: string) => Math.abs(drivers.rows.find((d) => d.questionId === id)?.r ?? 0);
    expect(r('solved')).toBeGreaterThan(r('courteous'));

    // Audit and quality: one row per team and quarter.
    const quality = await api<Quality>(`reports/quality?from=${from}&to=${to}`);
    expect(quality.teams.length, 'the demo has signed audits and reviews').toBeGreaterThan(0);
    const qualityPanel = figure('Audit and quality by team and quarter');
    await openTable(qualityPanel);
    expect(await tableRows(qualityPanel)).toEqual(
      quality.teams.flatMap((team) =>
        team.cells.map((c) => [
          team.name,
          c.quarter,
          fixed(c.auditScore, 1),
          fixed(c.qualityScore, 1),
          count(c.reviews),
        ]),
      ),
    );

    // Review score against CSAT: every reviewed agent, and r with its interval and n in words.
    const reviewCsat = await api<ReviewCsat>(`reports/review-csat?from=${from}&to=${to}`);
    expect(reviewCsat.points.length).toBeGreaterThan(0);
    const teamNames = new Map(
      (await api<{ items: { id: string; name: string }[] }>('teams')).items.map((t) => [t.id, t.name]),
    );
    const scatter = figure('Do review scores predict CSAT?');
    await openTable(scatter);
    expect(await tableRows(scatter)).toEqual(
      reviewCsat.points.map((p) => [
        p.name,
        p.teamId === null ? 'No team' : (teamNames.get(p.teamId) ?? '—'),
        fixed(p.reviewScore, 1),
        count(p.reviews),
        fixed(p.csat, 1),
        count(p.csatN),
        p.csat === null
          ? 'No CSAT answers: not plotted'
          : p.csatN < 30
            ? 'CSAT from fewer than 30 answers'
            : '—',
      ]),
    );
    const correlation = await page.getByTestId('review-csat-r').innerText();
    expect(correlation).toContain(`n = ${reviewCsat.n} agents`);
    if (reviewCsat.r !== null) expect(correlation).toContain(`r = ${reviewCsat.r.toFixed(2)}`);
    await checkScreen(page, 'dashboard-figure-tables');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 860 });

    // With an agent filter, the figures kept per team say the filter does not apply to them.
    const agents = (await api<{ items: { id: string }[] }>('agents')).items;
    await page.goto(`${server.url}/reports?agentId=${agents[0]!.id}`);
    await page.getByTestId('drivers-ignored').waitFor();
    expect(await page.getByTestId('drivers-ignored').innerText()).toContain('agent filter does not apply');
    await page.getByTestId('quality-ignored').waitFor();
    expect(appErrors).toEqual([]);
  });

  it('opens a CSAT key result’s trend over its quarter with the target line, on the OKR page', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    await page.goto(`${server.url}/okrs`);
    const okrs = (await (await page.request.get(`${server.url}/api/v1/okrs`)).json()) as Objectives;
    const objective = okrs.items.find((o) => o.keyResults.some((k) => k.metric === 'csat'));
    expect(objective, 'the demo has a CSAT key result this quarter').toBeDefined();
    const kr = objective!.keyResults.find((k) => k.metric === 'csat')!;
    const item = page.locator(`article[data-key-result="${kr.id}"]`);
    await item.getByRole('button', { name: `History of ${kr.title}` }).click();
    const chart = item.getByRole('region', { name: 'CSAT by week this quarter', exact: true });
    await chart.getByRole('img').waitFor();
    expect(await chart.getByRole('img').getAttribute('aria-label')).toContain(
      `Target ≥ ${kr.target.toFixed(1)}% (${objective!.quarter}): ${objective!.title}`,
    );
    const teamQuery = objective!.teamId ? `&teamId=${objective!.teamId}` : '';
    const reply = await page.request.get(
      `${server.url}/api/v1/reports/trend?metric=csat&unit=week&from=${objective!.period.from}&to=${objective!.period.to}${teamQuery}`,
    );
    const trend = (await reply.json()) as Trend;
    await openTable(chart);
    // Each week of the quarter as the API has it, and the target in every week (the line spans the quarter).
    expect(await tableRows(chart)).toEqual(
      trend.points.map((p) => [
        p.key,
        p.from,
        p.to,
        fixed(p.value, 1),
        fixed(p.ci95?.[0], 1),
        fixed(p.ci95?.[1], 1),
        count(p.n),
        kr.target.toFixed(1),
      ]),
    );
    await checkScreen(page, 'okrs-key-result-trend');
    expect(appErrors).toEqual([]);
  });
});
