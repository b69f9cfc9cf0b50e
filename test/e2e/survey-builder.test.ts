import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/api-client';
import { checkScreen, screenshot, signInThroughForm } from '../support/admin-ui';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let browser: TestBrowser;
let surveyUrl: string;

beforeAll(async () => {
  server = await startServer({});
  const admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const created = await admin.send('POST', '/api/v1/surveys', { name: 'Effort after chat', template: 'ces' });
  expect(created.status).toBe(201);
  surveyUrl = `${server.url}/surveys/${(created.body as { id: string }).id}`;
  browser = await launchBrowser();
  await signInThroughForm(browser.page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

/** The question headings' texts in order, as the cards show them ("Question 1", then the type). */
async function questionTexts(): Promise<string[]> {
  const fields = browser.page.getByRole('textbox', { name: 'Question text (English)' });
  return fields.evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value));
}

describe('the survey builder', () => {
  it('reorders from the keyboard, points at problems, and keeps unsaved work across a reload', async () => {
    const { page } = browser;
    await page.goto(surveyUrl);
    await page.getByRole('heading', { level: 1, name: 'Effort after chat' }).waitFor();
    const before = await questionTexts();
    expect(before.length).toBeGreaterThanOrEqual(2);

    // Move the first question down with the keyboard: focus its button, press Enter.
    await page.getByRole('button', { name: 'Move question 1 down' }).focus();
    await page.keyboard.press('Enter');
    expect(await questionTexts()).toEqual([before[1], before[0], ...before.slice(2)]);

    // Emptying the default language's text is a problem that names the question and leads to it.
    const first = page.getByRole('textbox', { name: 'Question text (English)' }).first();
    await first.fill('');
    const summary = page.getByRole('region', { name: /problem.* to fix before saving/ });
    const link = summary.getByRole('link', { name: /^Question 1/ });
    await link.waitFor();
    await checkScreen(page, 'builder-problem');
    await link.click();
    expect(await first.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByRole('button', { name: 'Save draft' }).isDisabled()).toBe(false);
    await first.fill('How easy was it to sort out your issue with us?');
    await summary.waitFor({ state: 'detached' });

    // Unsaved work survives a reload (a tab closed by mistake).
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByText(/Restored your unsaved changes/).waitFor();
    expect((await questionTexts())[0]).toBe('How easy was it to sort out your issue with us?');
    await screenshot(page, 'builder-restored');

    // Leaving with unsaved changes asks first; staying keeps them.
    await page.getByRole('link', { name: '← Surveys' }).click();
    const leave = page.getByRole('dialog', { name: 'Leave without saving?' });
    await leave.waitFor();
    await checkScreen(page, 'builder-leave');
    await leave.getByRole('button', { name: 'Cancel' }).click();
    expect(new URL(page.url()).pathname).toMatch(/^\/surveys\/[^/]+$/);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page
      .getByText(/Draft saved/)
      .first()
      .waitFor();
  });

  it('publishes version 1, then shows what a second version changes, and keeps both in the history', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page
      .getByRole('dialog', { name: 'Publish version 1?' })
      .getByRole('button', { name: 'Publish version 1' })
      .click();
    await page.getByText('Customers get version 1.').waitFor();

    // Editing a published survey starts a draft; customers keep version 1 until the next publish.
    await page
      .getByRole('textbox', { name: 'Question text (English)' })
      .first()
      .fill('How easy was it to get help?');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved, not published.').waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 2?' });
    await publish.getByRole('heading', { name: 'Changes since version 1' }).waitFor();
    const changes = await publish.innerText();
    expect(changes).toContain('How easy was it to get help?');
    await checkScreen(page, 'builder-publish-v2');
    await publish.getByRole('button', { name: 'Publish version 2' }).click();
    await page.getByText('Customers get version 2.').waitFor();

    await page.getByRole('tab', { name: 'History' }).click();
    const history = page.getByRole('tabpanel', { name: 'History' });
    await history
      .getByText(/Version 2/)
      .first()
      .waitFor();
    expect(await history.innerText()).toMatch(/Version 1/);
    await history.getByRole('button', { name: /Version 2/ }).click();
    await history
      .getByText(/How easy was it to get help\?/)
      .first()
      .waitFor();
    await checkScreen(page, 'builder-history');
  });
});
