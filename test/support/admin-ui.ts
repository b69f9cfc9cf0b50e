import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousA11yViolations } from './a11y';
import { REPO_ROOT } from './server';

/** Where browser tests keep their screenshots (CI keeps the folder as an artifact). */
export const SCREENSHOTS = join(REPO_ROOT, 'test/screenshots');

/** Signs in through the login form, as a person does, and waits for the home page. */
export async function signInThroughForm(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`${baseUrl}/`);
}

/** Saves a full-page screenshot as test/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Checks the screen as it is now: no serious or critical accessibility violations (axe-core), and
 * a screenshot at desktop width and at phone width (390 px) for people to look at.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  expect(await seriousA11yViolations(page), `accessibility of ${name}`).toEqual([]);
  await screenshot(page, name);
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  // Let layout-dependent attributes (resize observers) settle before looking.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(await seriousA11yViolations(page), `accessibility of ${name} at phone width`).toEqual([]);
  await screenshot(page, `${name}-phone`);
  if (desktop) await page.setViewportSize(desktop);
}
