import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, SCREENSHOTS, screenshot, signInThroughForm } from '../support/admin-ui';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

/** The parts of the API's replies this test reads (the test talks HTTP, like a BI tool). */
interface Tile {
  metric: string;
  value: number | null;
  n: number;
  unit: 'percent' | 'points' | 'score' | 'hours';
  ci95: [number, number] | null;
  previous: { from: string; to: string; value: number | null; n: number };
}
interface Trend {
  points: { key: string; value: number | null; n: number }[];
}
interface Breakdown {
  rows: { name: string | null; rank: number | null; n: number }[];
}
interface AuditCycle {
  id: string;
  quarter: string;
}
interface CycleResults {
  teams: { team: { id: string; name: string }; audit: { score: number | null } }[];
}
interface Objective {
  title: string;
  progress: number | null;
}

let server: RunningServer;
let browser: TestBrowser;

beforeAll(async () => {
  // The demo data: a year of answers across teams and agents, four closed audit cycles before the
  // current quarter and this quarter's objectives.
  server = await startServer({ RAPPORT_DEMO: 'on' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

/** The quarter a moment falls in, in a time zone (the organisation's), as `2026-Q4`. */
function quarterIn(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

function shift(quarter: string, steps: number): string {
  const index = Number(quarter.slice(0, 4)) * 4 + Number(quarter.slice(-1)) - 1 + steps;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** The first and last days of a quarter. */
function datesOf(quarter: string): { from: string; to: string } {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(-1));
  const last = new Date(Date.UTC(year, q * 3, 0)).toISOString().slice(0, 10);
  return { from: `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`, to: last };
}

/** A tile's value as the page writes it. */
function shown(tile: Tile): string {
  if (tile.value === null) return '—';
  const decimals = tile.unit === 'score' ? 2 : 1;
  const text = tile.value.toFixed(decimals);
  return tile.unit === 'percent' ? `${text}%` : tile.unit === 'hours' ? `${text} h` : text;
}

/** The digits of a shown count ("1,234" → 1234). */
const digitsOf = (text: string) => Number(text.replace(/\D/g, ''));

describe('the quarterly report', () => {
  it('shows a quarter’s figures as the API gives them, as images and tables, and prints to a PDF', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    await signInThroughForm(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const api = async <T>(path: string): Promise<T> => {
      const reply = await page.request.get(`${server.url}/api/v1${path}`);
      expect(reply.status(), path).toBe(200);
      return (await reply.json()) as T;
    };
    const { timeZone } = await api<{ timeZone: string }>('/settings');
    const current = quarterIn(new Date(), timeZone);
    const lastComplete = shift(current, -1);

    // Reports → Quarterly report, from the Reports page's header.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();
    await page.getByRole('link', { name: 'Quarterly report' }).click();
    await page.waitForURL((url) => url.pathname === '/reports/quarterly');
    const report = page.locator('article.quarterly');
    const ready = report.and(page.locator('[data-ready="true"]'));
    await ready.waitFor();

    // The demo start named the organisation: the cover says so, and asks nobody for a name.
    expect(await page.getByTestId('cover-organisation').innerText()).toBe('Rapport Demo Support');
    expect(await page.getByTestId('organisation-name-prompt').count()).toBe(0);

    // The default is the last complete quarter in the organisation's time zone.
    const quarterPicker = page.getByLabel('Quarter', { exact: true });
    expect(await quarterPicker.inputValue()).toBe(lastComplete);
    expect(await page.getByTestId('cover-from').getAttribute('datetime')).toBe(datesOf(lastComplete).from);
    expect(await page.getByTestId('cover-to').getAttribute('datetime')).toBe(datesOf(lastComplete).to);
    expect(await page.getByTestId('cover-generated').innerText()).toContain(`(${timeZone})`);

    // Choose the quarter before: the demo's year of answers covers it and the quarter before it.
    const quarter = shift(lastComplete, -1);
    const { from, to } = datesOf(quarter);
    await quarterPicker.selectOption(quarter);
    await page.waitForURL((url) => url.searchParams.get('quarter') === quarter);
    await expect.poll(() => page.getByTestId('cover-from').getAttribute('datetime')).toBe(from);
    await ready.waitFor();
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`^Q${quarter.slice(-1)} ${quarter.slice(0, 4)}`) })
      .waitFor();

    // "Are customers happier?": every tile is the API's figure for exactly this quarter.
    const { tiles } = await api<{ tiles: Tile[] }>(`/reports/tiles?from=${from}&to=${to}`);
    const csat = tiles.find((t) => t.metric === 'csat');
    expect(csat?.n, 'answers in the chosen quarter').toBeGreaterThan(100);
    expect(csat?.previous.n, 'answers in the period before').toBeGreaterThan(100);
    for (const tile of tiles) {
      const card = report.locator(`article[data-metric="${tile.metric}"]`);
      expect(await card.locator('.tile__value').innerText(), tile.metric).toBe(shown(tile));
      expect(digitsOf(await card.locator('.tile__n').innerText()), tile.metric).toBe(tile.n);
    }
    const comparison = page.getByTestId('comparison');
    const csatRow = comparison
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'CSAT' }) });
    const cells = (await csatRow.locator('th, td').allInnerTexts()).map((c) => c.trim());
    expect(cells.slice(0, 4)).toEqual([
      'CSAT',
      shown(csat!),
      new Intl.NumberFormat('en-GB').format(csat!.n),
      `${csat!.ci95![0].toFixed(1)}–${csat!.ci95![1].toFixed(1)}%`,
    ]);
    expect(cells[4]).toBe(shown({ ...csat!, value: csat!.previous.value }));
    expect(cells[7]).toMatch(/^(Significant at 95%|Not significant: within chance)$/);
    expect(await page.getByTestId('happier-answer').innerText()).toMatch(/^(Yes|No|No clear change):/);

    // Every chart became an image drawn at three pixels per CSS pixel, with its table beside it.
    const trend = (metric: string) =>
      api<Trend>(`/reports/trend?metric=${metric}&unit=week&from=${from}&to=${to}`);
    const [weekly, npsWeekly] = await Promise.all([trend('csat'), trend('nps')]);
    const reasons = await api<{ rows: { label: string; count: number }[] }>(
      `/reports/reasons?from=${from}&to=${to}`,
    );
    const drivers = await api<{ rows: { label: string }[] }>(`/reports/drivers?from=${from}&to=${to}`);
    const npsPlotted = npsWeekly.points.some((p) => p.value !== null);
    // CSAT by week, CSAT by team and the audit always have data in the demo; the others when answered.
    const charts = 3 + [npsPlotted, reasons.rows.length > 0, drivers.rows.length > 0].filter(Boolean).length;
    const images = report.locator('img[data-testid="chart-image"]');
    expect(await images.count()).toBe(charts);
    expect(await report.locator('canvas').count()).toBe(0);
    for (const image of await images.all()) {
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(2640);
      expect((await image.getAttribute('alt'))?.length).toBeGreaterThan(20);
    }
    const csatFigure = report.locator('figure[data-figure="csat-trend"]');
    expect(await csatFigure.locator('tbody tr').count()).toBe(weekly.points.length);
    const busiest = weekly.points.reduce((a, b) => (b.n > a.n ? b : a));
    const weekRow = csatFigure
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: busiest.key }) });
    expect(await weekRow.locator('td').last().innerText()).toBe(String(busiest.n));
    expect(await weekRow.locator('td').nth(2).innerText()).toBe(busiest.value!.toFixed(1));
    if (npsPlotted) expect(await report.locator('figure[data-figure="nps-trend"] img').count()).toBe(1);
    else await page.getByText('No survey asked the likelihood to recommend this quarter.').waitFor();

    // "Where are we failing them?": teams ranked by the lower bound, as the API ranks them.
    const byTeam = await api<Breakdown>(`/reports/breakdown?by=team&metric=csat&from=${from}&to=${to}`);
    const top = byTeam.rows.find((r) => r.rank === 1);
    const teamRows = report.getByRole('region', { name: 'Teams ranked', exact: true }).locator('tbody tr');
    expect(await teamRows.count()).toBe(byTeam.rows.length);
    expect(await teamRows.first().locator('th').innerText()).toContain(top!.name!);
    if (reasons.rows.length > 0) {
      const figure = report.locator('figure[data-figure="reasons"]');
      expect(await figure.locator('tbody tr').count()).toBe(reasons.rows.length);
      expect(await figure.locator('tbody tr').first().locator('th').innerText()).toBe(reasons.rows[0]!.label);
    } else {
      await page.getByText('No answer gave a reason this quarter.').waitFor();
    }
    if (drivers.rows.length > 0) {
      expect(await report.locator('figure[data-figure="drivers"] tbody tr').count()).toBe(
        drivers.rows.length,
      );
    } else {
      await page.getByText('No survey asked the service statements this quarter.').waitFor();
    }

    // "Are we on track?": the quarter's audit cycle, each team's score as the API has it.
    const cycles = await api<{ items: AuditCycle[] }>('/audit-cycles');
    const cycle = cycles.items.find((c) => c.quarter === quarter);
    expect(cycle, `the demo's audit cycle of ${quarter}`).toBeDefined();
    const results = await api<CycleResults>(`/audit-cycles/${cycle!.id}/results`);
    const auditRows = report.locator('figure[data-figure="audit"] tbody tr');
    expect(await auditRows.count()).toBe(results.teams.length);
    for (const team of results.teams) {
      const row = auditRows.filter({
        has: page.getByRole('rowheader', { name: team.team.name, exact: true }),
      });
      expect(await row.locator('td').first().innerText()).toBe(
        team.audit.score === null ? '—' : Number(team.audit.score.toFixed(1)).toFixed(1),
      );
    }
    await page.getByText(`No objectives for Q${quarter.slice(-1)} ${quarter.slice(0, 4)}`).waitFor();

    await checkScreen(page, 'quarterly-report');

    // The button hands the page to the browser's print dialog (where "Save as PDF" is).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // On paper: no navigation or controls, each part on a new page, figures kept whole.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await quarterPicker.isVisible()).toBe(false);
    expect(
      await page
        .getByRole('button', { name: /Download CSV/ })
        .first()
        .isVisible(),
    ).toBe(false);
    const breaks = await report
      .locator('section.part')
      .evaluateAll((parts) => parts.map((p) => getComputedStyle(p).breakBefore));
    expect(breaks).toEqual(['page', 'page', 'page']);
    expect(await csatFigure.evaluate((f) => getComputedStyle(f).breakInside)).toBe('avoid');
    expect(await csatFigure.locator('table').isVisible()).toBe(true);
    await screenshot(page, 'quarterly-report-print');
    mkdirSync(SCREENSHOTS, { recursive: true });
    const pdfPath = join(SCREENSHOTS, 'quarterly-report.pdf');
    await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
    expect(existsSync(pdfPath)).toBe(true);
    const pdf = readFileSync(pdfPath);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The cover and three parts, each starting a page.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(4);
    await page.emulateMedia({ media: 'screen' });

    // One team: the address keeps it, and the figures are that team's.
    const team = results.teams[0]!.team;
    await page.getByLabel('Team', { exact: true }).selectOption(team.id);
    await page.waitForURL((url) => url.searchParams.get('team') === team.id);
    await ready.waitFor();
    const teamTiles = await api<{ tiles: Tile[] }>(`/reports/tiles?from=${from}&to=${to}&teamId=${team.id}`);
    const teamCsat = teamTiles.tiles.find((t) => t.metric === 'csat')!;
    const csatCard = report.locator('article[data-metric="csat"]');
    await expect.poll(() => csatCard.locator('.tile__n').innerText().then(digitsOf)).toBe(teamCsat.n);
    expect(teamCsat.n).toBeLessThan(csat!.n);
    expect(await report.locator('figure[data-figure="csat-by-team"]').count()).toBe(0);
    expect(await report.locator('figure[data-figure="audit"] tbody tr').count()).toBe(1);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await report.locator('.cover__scope').innerText()).toBe(team.name);

    // The quarter in progress: dates to today, and this quarter's objectives with the API's progress.
    await page.getByLabel('Team', { exact: true }).selectOption('');
    await quarterPicker.selectOption(current);
    await page.waitForURL(
      (url) => url.searchParams.get('quarter') === current && !url.searchParams.has('team'),
    );
    await ready.waitFor();
    await page.getByText('(quarter in progress: to date)').waitFor();
    const { items } = await api<{ items: Objective[] }>(`/okrs?quarter=${current}`);
    expect(items.length, 'the demo’s objectives of this quarter').toBeGreaterThan(0);
    for (const objective of items) {
      const block = report.locator('li.objective').filter({
        has: page.getByRole('heading', { name: objective.title, exact: true }),
      });
      const progress = objective.progress === null ? null : Math.round(objective.progress * 100);
      if (progress !== null)
        expect(await block.getByTestId('progress').first().innerText()).toBe(`${progress}%`);
    }
    await screenshot(page, 'quarterly-report-current-quarter');
    expect(appErrors).toEqual([]);
  });

  it('shows the site’s address until the organisation has a name, and asks an admin to set it', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    // Signed in by the test above; clear the name the demo start gave, as an admin could.
    const cleared = await page.request.patch(`${server.url}/api/v1/settings`, {
      data: { organisationName: null },
    });
    expect(cleared.status()).toBe(200);

    await page.goto(`${server.url}/reports/quarterly`);
    const ready = page.locator('article.quarterly[data-ready="true"]');
    await ready.waitFor();
    const cover = page.getByTestId('cover-organisation');
    expect(await cover.innerText()).toBe(new URL(server.url).host);
    const prompt = page.getByTestId('organisation-name-prompt');
    expect(await prompt.innerText()).toContain('No organisation name is set yet');
    await screenshot(page, 'quarterly-report-unnamed');

    // Not on paper: the printed cover shows the address alone.
    await page.emulateMedia({ media: 'print' });
    expect(await prompt.isVisible()).toBe(false);
    expect(await cover.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The prompt leads to the setting; once named, the cover says the name and asks no more.
    await prompt.getByRole('link', { name: 'Settings → Organisation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    const nameField = page.getByLabel('Organisation name', { exact: true });
    await nameField.fill('Acme Support');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Organisation settings saved.').waitFor();
    await page.goBack();
    await ready.waitFor();
    await expect.poll(() => cover.innerText()).toBe('Acme Support');
    expect(await prompt.count()).toBe(0);
    await screenshot(page, 'quarterly-report-named');
    expect(appErrors).toEqual([]);
  });
});
