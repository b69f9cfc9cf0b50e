import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REPO_ROOT, startServer, type RunningServer } from '../support/server';

const SCREENSHOTS = join(REPO_ROOT, 'test/screenshots');
const AREAS = ['Home', 'Surveys', 'Responses', 'Follow-ups', 'Audits', 'Reports', 'OKRs', 'Settings'];

let server: RunningServer;
let browser: TestBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  // Ctrl-C stops cleanly: the server finishes, closes the database and exits 0.
  const code = await server?.stop();
  expect(code).toBe(0);
});

/** The name of the element that has the keyboard focus. */
async function focusedName(): Promise<string | null> {
  return browser.page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);
}

describe('signing in to the admin', () => {
  it('signs in with the keyboard, shows the dashboard, creates a team, and signs out', async () => {
    const { page } = browser;
    // Errors of the app itself; the browser's own "Failed to load resource" lines for the 401 and
    // 409 replies this test provokes on purpose are not among them.
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        appErrors.push(message.text());
    });

    // Without a session the admin sends you to the login page.
    await page.goto(server.url);
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('Sign in · Rapport');
    await page.getByText('Customer feedback and service audits for support teams.').waitFor();

    // The email field has the focus; type, Tab to the password, Enter submits.
    expect(await focusedName()).toBe('email');
    await page.keyboard.type(ADMIN_EMAIL);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('password');
    await page.keyboard.type(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');

    // The dashboard shell: greeting by name, the user's name and role, the areas.
    await page.waitForURL(`${server.url}/`);
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await heading.textContent()).toMatch(/^Good (morning|afternoon|evening), Administrator$/);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const links = (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
    expect(links).toEqual(['Rapport', ...AREAS]);
    expect(await nav.textContent()).toContain('Administrator');
    expect(await nav.textContent()).toContain('Admin');
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-desktop.png'), fullPage: true });

    // At phone width the navigation folds into a Menu button.
    await page.setViewportSize({ width: 375, height: 812 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-phone.png'), fullPage: true });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await nav.getByRole('link', { name: 'Surveys' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'menu-phone.png') });
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    // Choosing an area from the menu goes there and closes the menu.
    await menu.click();
    await nav.getByRole('link', { name: 'Surveys' }).click();
    await page.waitForURL(/\/surveys$/);
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    expect(await nav.isVisible()).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, 'surveys-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });

    // Settings → Teams & agents: create a team through the dialog.
    await nav.getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Teams & agents' })
      .click();
    await page.waitForURL(/\/settings\/teams$/);
    // After navigating, the focus is on the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Teams & agents');
    await page.getByText('No teams yet').waitFor();

    await page.getByRole('button', { name: 'New team' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New team' });
    await dialog.waitFor();
    await page.keyboard.type('Billing support');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const teams = page.getByTestId('teams-table');
    await teams.getByRole('rowheader', { name: 'Billing support' }).waitFor();
    await page.getByRole('status').getByText('Team “Billing support” was created.').waitFor();

    // The same name again: the API's 409 shows in the dialog, and Escape closes it.
    await page.getByRole('button', { name: 'New team' }).first().click();
    await dialog.waitFor();
    await page.keyboard.type('Billing support');
    await page.keyboard.press('Enter');
    const conflict = dialog.getByRole('alert');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('A team named "Billing support" already exists.');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await teams.getByRole('rowheader').allTextContents()).toEqual(['Billing support']);

    // Deleting asks first: Cancel keeps the team, confirming removes it.
    const deleteButton = teams.getByRole('button', { name: 'Delete team Billing support' });
    await deleteButton.click();
    const confirm = page.getByRole('dialog', { name: 'Delete team “Billing support”?' });
    await confirm.waitFor();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await teams.getByRole('rowheader').allTextContents()).toEqual(['Billing support']);
    await deleteButton.click();
    await confirm.getByRole('button', { name: 'Delete team' }).click();
    await page.getByText('No teams yet').waitFor();

    await page.getByRole('button', { name: 'New team' }).first().click();
    await dialog.waitFor();
    await page.keyboard.type('Billing support');
    await page.keyboard.press('Enter');
    await teams.getByRole('rowheader', { name: 'Billing support' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'teams-desktop.png'), fullPage: true });

    // Signing out ends the session: the login page, and the admin asks to sign in again.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto(`${server.url}/settings/teams`);
    await page.waitForURL(/\/login\?next=%2Fsettings%2Fteams$/);
    expect(appErrors).toEqual([]);
  });

  it('says when the password is wrong, then signs in and goes where it was asked', async () => {
    const { page, context } = browser;
    await context.clearCookies();
    await page.goto(`${server.url}/settings/teams`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('login-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('Email or password is incorrect.');
    expect(await error.getAttribute('role')).toBe('alert');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.screenshot({ path: join(SCREENSHOTS, 'login-error.png') });

    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/settings/teams`);
    await page.getByRole('heading', { name: 'Teams & agents', level: 1 }).waitFor();
  });
});
