import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type StaffClient } from '../support/api-client';
import { checkScreen, screenshot, signInThroughForm } from '../support/admin-ui';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

interface TemplateView {
  id: string;
  name: string;
  version: number;
  inUse: boolean;
  definition: { sections: { items: { id: string; weight: number }[] }[] };
}

let server: RunningServer;
let browser: TestBrowser;
let admin: StaffClient;
let quarterly: TemplateView;

beforeAll(async () => {
  server = await startServer({});
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const list = await admin.get<{ items: TemplateView[] }>('/api/v1/audit-templates');
  expect(list.status).toBe(200);
  const found = list.body.items.find((t) => t.name === 'Quarterly customer-service audit');
  expect(found).toBeDefined();
  quarterly = found!;
  browser = await launchBrowser();
  await signInThroughForm(browser.page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

/** The first section's item texts in order, as their headings show them. */
async function firstSectionItems(): Promise<string[]> {
  return browser.page
    .getByRole('list', { name: 'Items of section 1' })
    .locator('.item__text')
    .evaluateAll((els) => els.map((el) => el.textContent?.trim() ?? ''));
}

async function exampleScore(): Promise<string> {
  return (await browser.page.locator('#example-score').innerText()).trim();
}

describe('the audit template builder', () => {
  it('lists the shipped templates and opens the quarterly audit', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/audits/templates`);
    const table = page.getByRole('table', { name: 'Audit templates' });
    await table.getByRole('link', { name: 'Ticket review scorecard' }).waitFor();
    const row = table.getByRole('row', { name: /Quarterly customer-service audit/ });
    expect(await row.innerText()).toMatch(/Checklist/);
    await checkScreen(page, 'audit-templates-list');
    await row.getByRole('link', { name: 'Quarterly customer-service audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quarterly customer-service audit' }).waitFor();
    expect(await page.getByText(/No audit uses it yet: saving changes this version/).count()).toBe(1);
  });

  it('shows a weight change in the worked example, and saves it', async () => {
    const { page } = browser;
    // Shipped answers in the example: pass/fail items pass, rated items 4 of 5. Reachability is
    // (1 + 1 + 2·0.75 + 1)/5 = 90, recovery (2·0.75 + 2 + 1 + 1)/6 = 91.67, the others 100: 95.4.
    await page.getByRole('tab', { name: 'Scoring' }).click();
    expect(await exampleScore()).toBe('95.4');
    const responseRow = page.getByRole('row', { name: /Response-time targets are defined per channel/ });
    expect(await responseRow.innerText()).toMatch(/40% of the section\s+10% of the audit/);
    await checkScreen(page, 'audit-template-scoring');

    // Response-time targets weigh 6 instead of 2: reachability (3 + 6·0.75)/9 = 83.33, audit 93.75.
    await page.getByRole('tab', { name: 'Items' }).click();
    await page.locator('#s0-i2-heading').click();
    const weight = page.locator('#s0-i2-weight');
    await weight.fill('6');
    expect(await page.locator('#s0-i2-weight-share').innerText()).toBe('66.67% of the section');
    await page.getByRole('tab', { name: 'Scoring' }).click();
    expect(await exampleScore()).toBe('93.8');
    expect(await responseRow.innerText()).toMatch(/66\.67% of the section\s+16\.67% of the audit/);

    // A critical fail under this template's policy ("flag"): the score stays, the audit fails.
    await page.getByRole('button', { name: 'Fail a critical item' }).click();
    const verdict = page.locator('.result__box');
    await verdict.getByText('Fails', { exact: true }).waitFor();
    expect(await verdict.innerText()).toMatch(/the score stays\s+87\.5, but the audit fails/);
    await checkScreen(page, 'audit-template-critical');

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Template saved.').waitFor();
    const saved = await admin.get<TemplateView>(`/api/v1/audit-templates/${quarterly.id}`);
    expect(saved.body.version).toBe(1);
    expect(saved.body.definition.sections[0]!.items[2]!.weight).toBe(6);
  });

  it('reorders an item from the keyboard and keeps the focus on it', async () => {
    const { page } = browser;
    await page.getByRole('tab', { name: 'Items' }).click();
    const before = await firstSectionItems();
    expect(before[0]).toBe('Contact channels are easy to find');
    await page.getByRole('button', { name: 'Move item 1 of section 1 down' }).focus();
    await page.keyboard.press('Enter');
    expect(await firstSectionItems()).toEqual([before[1], before[0], ...before.slice(2)]);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBe('Move item 2 of section 1 down');
    // Once more from where the focus stayed: it keeps going down.
    await page.keyboard.press('Enter');
    expect((await firstSectionItems())[2]).toBe(before[0]);
    await page.getByText(/Unsaved changes/).waitFor();
  });

  it('points a problem at its field, and saves once it is fixed', async () => {
    const { page } = browser;
    // Response-time targets is now the second item; its English text emptied is a problem.
    const text = page.locator('#s0-i1-text-en');
    await text.fill('');
    const summary = page.getByRole('region', { name: /problem.* to fix before saving/ });
    const link = summary.getByRole('link', {
      name: /^Item 2 of section 1 has no text in the default language/,
    });
    await link.waitFor();
    await checkScreen(page, 'audit-template-problem');
    // From another tab, with the item folded, the link still leads to the field.
    await page.locator('#s0-i1-heading').click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await link.click();
    expect(await text.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(false);
    await text.fill('Response-time targets are defined per channel and met this quarter');
    await summary.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Template saved.').waitFor();
    const saved = await admin.get<TemplateView>(`/api/v1/audit-templates/${quarterly.id}`);
    expect(saved.body.definition.sections[0]!.items.map((i) => i.id).slice(0, 3)).toEqual([
      'hours_published',
      'response_targets',
      'contact_channels',
    ]);
  });

  it('says when saving makes a new version because an audit uses the current one', async () => {
    const { page } = browser;
    const me = await admin.get<{ user: { id: string } }>('/api/v1/auth/me');
    expect((await admin.send('POST', '/api/v1/teams', { name: 'Billing' })).status).toBe(201);
    const cycle = await admin.send('POST', '/api/v1/audit-cycles', {
      quarter: '2026-Q4',
      dueOn: '2026-12-20',
      checklistTemplateId: quarterly.id,
      defaultAuditorUserId: me.body.user.id,
    });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(201);
    const inUse = await admin.get<TemplateView>(`/api/v1/audit-templates/${quarterly.id}`);
    expect(inUse.body.inUse, JSON.stringify(cycle.body)).toBe(true);

    await page.reload();
    const status = page.locator('.status__text');
    await status.getByText(/Audits/).waitFor();
    expect(await status.innerText()).toMatch(
      /Audits use this version, so saving changes to its items makes version 2; they keep version 1\./,
    );
    await page.locator('#s0-weight').fill('2');
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as version 2?' });
    await dialog.getByText(/Those audits keep version 1/).waitFor();
    await checkScreen(page, 'audit-template-new-version');
    await dialog.getByRole('button', { name: 'Save version 2' }).click();
    await page.getByText(/Saved as version 2\. Audits already opened keep version 1\./).waitFor();
    const saved = await admin.get<TemplateView>(`/api/v1/audit-templates/${quarterly.id}`);
    expect(saved.body.version).toBe(2);
    expect(saved.body.inUse).toBe(false);
    await screenshot(page, 'audit-template-version-2');
  });
});
