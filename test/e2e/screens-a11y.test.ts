import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, signInThroughForm } from '../support/admin-ui';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let browser: TestBrowser;

beforeAll(async () => {
  // With the demo data, so every screen shows what a team in use sees, not only empty states.
  server = await startServer({ RAPPORT_DEMO: 'on' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

/** The link names of a navigation landmark, in order. */
async function linksOf(name: string): Promise<string[]> {
  const links = browser.page.getByRole('navigation', { name }).getByRole('link');
  return (await links.allInnerTexts()).map((text) => text.trim().split('\n')[0]!.trim());
}

describe('every admin screen', () => {
  it('has no serious or critical accessibility violations, at desktop and phone width', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    await signInThroughForm(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await checkScreen(page, 'screen-home');

    // Every area in the main navigation, then every section of Settings, found the way a person finds them.
    const areas = await linksOf('Main');
    expect(areas).toEqual(expect.arrayContaining(['Surveys', 'Responses', 'Follow-ups', 'Settings']));
    for (const area of areas.filter((a) => a !== 'Home' && a !== 'Rapport')) {
      const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: area }).first();
      const href = (await link.getAttribute('href')) ?? '';
      await link.click();
      // Wait for the new page itself: the previous page's heading is still there until it arrives.
      await page.waitForURL((url) => url.pathname === href);
      await page.waitForLoadState('networkidle');
      await page.getByRole('heading', { level: 1 }).waitFor();
      await checkScreen(page, `screen-${area.toLowerCase().replace(/\W+/g, '-')}`);
    }
    const sections = await linksOf('Settings');
    expect(sections.length).toBeGreaterThanOrEqual(7);
    for (const section of sections) {
      await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: section }).click();
      await page.getByRole('heading', { level: 1, name: section }).waitFor();
      await page.waitForLoadState('networkidle');
      await checkScreen(page, `screen-settings-${section.toLowerCase().replace(/\W+/g, '-')}`);
    }
    expect(appErrors).toEqual([]);
  });
});
