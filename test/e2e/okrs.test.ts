import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/api-client';
import { checkScreen, screenshot, signInThroughForm } from '../support/admin-ui';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

const DEMO_OBJECTIVE = 'Every resolved ticket leaves a happy customer';
const MANAGER = { email: 'vesna@support.example', password: 'vesna-manager-password', name: 'Vesna Kralj' };
const VIEWER = { email: 'boris@support.example', password: 'boris-viewer-password', name: 'Boris Horvat' };
const STATUS_WORDS: Record<Status, string> = {
  achieved: 'Achieved',
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};

/** The parts of GET /api/v1/okrs this test reads (the test talks to the system over HTTP only). */
type Status = 'achieved' | 'on_track' | 'at_risk' | 'off_track';
interface KeyResultView {
  id: string;
  title: string;
  kind: 'metric' | 'manual';
  metric: string | null;
  baseline: number;
  target: number;
  current: { value: number | null; n: number | null };
  progress: number | null;
  status: Status | null;
}
interface ObjectiveView {
  title: string;
  teamId: string | null;
  period: { from: string; to: string };
  progress: number | null;
  keyResults: KeyResultView[];
}

let server: RunningServer;
let browser: TestBrowser;

beforeAll(async () => {
  server = await startServer({ RAPPORT_DEMO: 'on' });
  const admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  for (const [person, role] of [
    [MANAGER, 'manager'],
    [VIEWER, 'viewer'],
  ] as const)
    expect((await admin.send('POST', '/api/v1/users', { ...person, role })).status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

async function signInAs(page: Page, email: string, password: string) {
  await browser.context.clearCookies();
  await signInThroughForm(page, server.url, email, password);
}

async function openOkrs(page: Page) {
  await page.goto(`${server.url}/okrs`);
  await page.getByRole('heading', { level: 1, name: 'OKRs' }).waitFor();
  await page.getByRole('heading', { level: 2, name: DEMO_OBJECTIVE }).waitFor();
}

/** The number a figure on screen reads, as a person reads it ("91.2%", "−4 points", "1.5 h"). */
function numberIn(text: string): number {
  const match = /[−-]?\d+(?:\.\d+)?/.exec(text);
  if (!match) throw new Error(`No number in “${text}”`);
  return Number(match[0].replace('−', '-'));
}

/** The objectives as the API gives them to the signed-in page (its cookies). */
async function objectivesOf(page: Page): Promise<ObjectiveView[]> {
  const reply = await page.request.get(`${server.url}/api/v1/okrs`);
  expect(reply.status()).toBe(200);
  return ((await reply.json()) as { items: ObjectiveView[] }).items;
}

function keyResultOn(page: Page, kr: Pick<KeyResultView, 'id'>): Locator {
  return page.locator(`article[data-key-result="${kr.id}"]`);
}

describe('the OKR page', () => {
  it('shows the demo objective with its key results, with the figures the API gives', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    await signInAs(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await openOkrs(page);

    const objective = (await objectivesOf(page)).find((o) => o.title === DEMO_OBJECTIVE);
    expect(objective, 'the demo objective').toBeDefined();
    if (!objective) return;
    expect(objective.teamId).toBeNull();
    expect(objective.keyResults.length).toBeGreaterThanOrEqual(2);

    const card = page.getByRole('region', { name: DEMO_OBJECTIVE });
    if (objective.progress !== null)
      expect(numberIn(await card.getByTestId('progress').first().innerText())).toBe(
        Math.round(objective.progress * 100),
      );

    for (const kr of objective.keyResults) {
      const item = keyResultOn(page, kr);
      await expect.poll(() => item.getByRole('heading', { level: 3 }).innerText()).toBe(kr.title);
      const current = await item.getByTestId('current').innerText();
      if (kr.current.value === null) expect(current).toBe('—');
      else expect(Math.abs(numberIn(current) - kr.current.value)).toBeLessThanOrEqual(0.05);
      if (kr.current.n !== null) expect(await item.getByTestId('n').innerText()).toBe(`n = ${kr.current.n}`);
      expect(
        Math.abs(numberIn(await item.getByTestId('target').innerText()) - kr.target),
      ).toBeLessThanOrEqual(0.05);
      if (kr.progress === null) await item.getByText('No progress measured yet').waitFor();
      else {
        expect(numberIn(await item.getByTestId('progress').innerText())).toBe(Math.round(kr.progress * 100));
        expect(await item.getByRole('progressbar').getAttribute('value')).toBe(
          String(Math.round(kr.progress * 100)),
        );
      }
      await item.getByText(kr.status ? STATUS_WORDS[kr.status] : 'No data yet', { exact: true }).waitFor();
    }

    // The CSAT key result's history links to the dashboard's trend for the quarter.
    const csat = objective.keyResults.find((k) => k.metric === 'csat');
    if (csat) {
      await keyResultOn(page, csat)
        .getByRole('button', { name: `History of ${csat.title}` })
        .click();
      const link = keyResultOn(page, csat).getByRole('link', { name: /CSAT trend/ });
      expect(await link.getAttribute('href')).toBe(
        `/reports?period=custom&from=${objective.period.from}&to=${objective.period.to}`,
      );
    }
    await checkScreen(page, 'okrs');
    expect(appErrors).toEqual([]);
  });

  it('lets a manager add a manual key result, refusing a target equal to the baseline, and check in', async () => {
    const { page } = browser;
    await signInAs(page, MANAGER.email, MANAGER.password);
    await openOkrs(page);
    const title = 'Publish answers to the ten most frequent questions';

    await page.getByRole('button', { name: `Add a key result to ${DEMO_OBJECTIVE}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a key result' });
    await dialog.getByRole('radio', { name: /Manual/ }).check();
    await dialog.getByLabel('Title', { exact: true }).fill(title);
    await dialog.getByLabel('Baseline', { exact: true }).fill('2');
    await dialog.getByLabel('Target', { exact: true }).fill('2');
    await dialog.getByRole('button', { name: 'Add key result' }).click();

    // The API's message, at the field it concerns.
    const target = dialog.getByLabel('Target', { exact: true });
    await expect.poll(() => target.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await target.getAttribute('aria-describedby')) ?? '';
    const message = await dialog.locator(`[id="${describedBy.split(' ').at(-1)}"]`).innerText();
    expect(message).toContain('The target equals the baseline (2), so progress cannot be measured.');
    await screenshot(page, 'okrs-target-refused');

    await target.fill('10');
    await dialog.getByLabel('Current value').fill('4');
    await dialog.getByRole('button', { name: 'Add key result' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const added = (await objectivesOf(page))
      .find((o) => o.title === DEMO_OBJECTIVE)
      ?.keyResults.find((k) => k.title === title);
    expect(added).toMatchObject({ kind: 'manual', baseline: 2, target: 10, current: { value: 4, n: null } });
    if (!added) return;
    const item = keyResultOn(page, added);
    await item.getByRole('heading', { level: 3, name: title }).waitFor();

    await item.getByRole('button', { name: `Check in on ${title}` }).click();
    const checkIn = page.getByRole('dialog', { name: 'Check in' });
    await checkIn.getByLabel('Confidence').selectOption('7');
    await checkIn.getByLabel('Value now').fill('6');
    await checkIn
      .getByLabel('Comment')
      .fill('Six of ten answers are published; the billing ones wait for legal.');
    await checkIn.getByRole('button', { name: 'Save check-in' }).click();
    await checkIn.waitFor({ state: 'hidden' });

    await item.getByText('confidence 7/10').waitFor();
    expect(numberIn(await item.getByTestId('current').innerText())).toBe(6);
    // (6 − 2) / (10 − 2) = 50%.
    expect(await item.getByTestId('progress').innerText()).toBe('50%');

    await item.getByRole('button', { name: `History of ${title}` }).click();
    const history = item.getByRole('listitem').filter({ hasText: 'Confidence 7/10' });
    await history.getByText('the billing ones wait for legal').waitFor();
    // The progress line: one check-in, at 50%, drawn and named.
    expect(await item.getByRole('img').getAttribute('aria-label')).toContain('from 50% to 50%');
    expect(await item.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width)).toBeGreaterThan(0);
    await screenshot(page, 'okrs-progress-line');
    await item.getByRole('button', { name: 'Show as table' }).click();
    const rows = item.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).getByRole('cell').nth(1).innerText()).toBe('50%');
    await checkScreen(page, 'okrs-manager-history');
  });

  it('lets a manager set a team objective with a CSAT key result whose baseline is last quarter’s', async () => {
    const { page } = browser;
    await signInAs(page, MANAGER.email, MANAGER.password);
    await openOkrs(page);
    const title = 'Billing customers never have to ask twice';

    await page.getByRole('button', { name: 'New objective' }).click();
    const dialog = page.getByRole('dialog', { name: 'New objective' });
    await dialog.getByLabel('For').selectOption({ label: 'Billing' });
    await dialog.getByLabel('Title', { exact: true }).fill(title);
    await dialog.getByLabel('Owner').selectOption({ label: `${MANAGER.name} (manager)` });
    await dialog.getByRole('button', { name: 'Create objective' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.getByRole('region', { name: title });
    await card.getByText(`Owner: ${MANAGER.name}`).waitFor();
    await card.getByText('Billing', { exact: true }).waitFor();

    await card.getByRole('button', { name: `Add a key result to ${title}` }).click();
    const kr = page.getByRole('dialog', { name: 'Add a key result' });
    await kr.getByLabel('Metric', { exact: true }).selectOption({ label: 'CSAT' });
    await kr.getByText('Leave empty and it is taken from last quarter’s value of the metric.').waitFor();
    await kr.getByLabel('Title', { exact: true }).fill('Billing CSAT at least 95%');
    await kr.getByLabel('Target', { exact: true }).fill('95');
    await kr.getByRole('button', { name: 'Add key result' }).click();
    await kr.waitFor({ state: 'hidden' });

    const created = (await objectivesOf(page)).find((o) => o.title === title);
    const csat = created?.keyResults[0];
    expect(created?.teamId).not.toBeNull();
    expect(csat).toMatchObject({ kind: 'metric', metric: 'csat', target: 95 });
    if (!csat) return;
    // The baseline shown is the one the API took from last quarter's data.
    expect(
      Math.abs(numberIn(await keyResultOn(page, csat).getByTestId('baseline').innerText()) - csat.baseline),
    ).toBeLessThanOrEqual(0.05);
  });

  it('lets a viewer read the objectives, with no way to change them', async () => {
    const { page } = browser;
    await signInAs(page, VIEWER.email, VIEWER.password);
    await openOkrs(page);
    expect(await page.getByRole('button', { name: 'New objective' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Check in/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Add a key result/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^History/ }).count()).toBeGreaterThan(0);
  });
});
