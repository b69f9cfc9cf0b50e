import { readFileSync } from 'node:fs';
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
    expect(cells.map((c) => c.trim())).toEqual([
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
    expect(lines[0]).toBe('"Period","From","To","CSAT %","Lower 95%","Upper 95%","n"');
    expect(lines).toHaveLength(trend.points.length + 1);
    expect(lines).toContain(
      [
        point!.key,
        point!.from,
        point!.to,
        ...[point!.value!, ...point!.ci95!].map((x) => Number(x.toFixed(1))),
        point!.n,
      ]
        .map((c) => `"${c}"`)
        .join(','),
    );

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
});
