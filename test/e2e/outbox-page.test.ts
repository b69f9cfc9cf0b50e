import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedEvent, signIn, type StaffClient } from '../support/api-client';
import { launchBrowser, PERSON_USER_AGENT, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REPO_ROOT, startServer, type RunningServer } from '../support/server';

const SCREENSHOTS = join(REPO_ROOT, 'test/screenshots');
const WEBHOOK_SECRET = 'e2e-webhook-secret-outbox-page-7';

let server: RunningServer;
let admin: StaffClient;
let browser: TestBrowser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // No SMTP_URL: mail goes to the outbox, as on a laptop.
  server = await startServer({ RAPPORT_WEBHOOK_SECRET: WEBHOOK_SECRET });
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const surveys = await admin.get<{ items: { id: string }[] }>('/api/v1/surveys');
  await admin.send('PATCH', `/api/v1/surveys/${surveys.body.items[0]?.id}/rules`, { delayMinutes: 0 });
  // A person's browser: the rating link opened from the Outbox page is a customer's click, not a scanner's.
  browser = await launchBrowser({ userAgent: PERSON_USER_AGENT });
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

describe('the Outbox page', () => {
  it('lists the survey email kept without SMTP, and its rating link answers as the customer', async () => {
    const { page, context } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        appErrors.push(message.text());
    });

    // Sign in as the admin and open Settings → Outbox: nothing there yet.
    await page.goto(`${server.url}/login`);
    await page.locator('input[name="email"]').fill(ADMIN_EMAIL);
    await page.locator('input[name="password"]').fill(ADMIN_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL(/\/settings$/);
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Outbox' }).click();
    await page.waitForURL(/\/settings\/outbox$/);
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page.getByText('No messages yet').waitFor();
    await page.getByText('Survey emails appear here after a resolved ticket’s delay.').waitFor();

    // A resolved ticket; with no delay the invitation is written to the outbox within moments.
    const now = new Date();
    const posted = await postSignedEvent(server.url, WEBHOOK_SECRET, {
      id: `outbox-page-${now.getTime()}`,
      type: 'ticket.resolved',
      occurredAt: now.toISOString(),
      ticket: {
        externalId: `OUTP-${now.getTime()}`,
        channel: 'email',
        createdAt: new Date(now.getTime() - 600_000).toISOString(),
        resolvedAt: now.toISOString(),
        customer: { email: 'laptop-customer@example.com', name: 'Ana Novak', locale: 'en' },
      },
    });
    expect(posted.status).toBe(202);

    // Refresh until it is listed, newest first, kept here rather than sent.
    const row = page.getByRole('row').filter({ hasText: 'laptop-customer@example.com' });
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          await page.getByRole('button', { name: 'Refresh' }).waitFor();
          return row.count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    expect(await row.getByText('Kept here').count()).toBe(1);
    expect(await row.getByText('Invitation').count()).toBe(1);
    await page
      .getByText('No SMTP server is set (SMTP_URL), so survey emails are kept here. Open a link to answer as')
      .waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'outbox-list.png'), fullPage: true });

    // Open it from the keyboard: the subject takes the focus.
    const subjectLink = row.getByRole('link');
    const subject = (await subjectLink.textContent())?.trim() ?? '';
    expect(subject).not.toBe('');
    await subjectLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/settings\/outbox\?message=/);
    const heading = page.getByRole('heading', { level: 2, name: subject });
    await heading.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message-subject');
    const article = page.getByRole('article');
    await article.getByText('laptop-customer@example.com').waitFor();
    expect(await page.locator('pre').textContent()).toContain('/s/');

    // Five rating links, each a real link to the survey that opens in a new tab.
    const ratings = page.getByRole('list', { name: 'Rating links' }).getByRole('link');
    expect(await ratings.count()).toBe(5);
    for (const [index, link] of (await ratings.all()).entries()) {
      expect(await link.getAttribute('href')).toMatch(
        new RegExp(`^${server.url}/s/[A-Za-z0-9_-]+\\?score=${index + 1}$`),
      );
      expect(await link.getAttribute('target')).toBe('_blank');
    }
    expect(
      await page.getByRole('link', { name: /Open the survey without an answer/ }).getAttribute('href'),
    ).toMatch(new RegExp(`^${server.url}/s/[A-Za-z0-9_-]+$`));

    // The HTML part is previewed in a sandbox that allows no scripts.
    const frame = page.locator('iframe.preview');
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    await page.frameLocator('iframe.preview').getByRole('link', { name: /4/ }).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'outbox-message.png'), fullPage: true });

    // Clicking "4" opens the survey page in a new tab and records the answer as the customer's.
    const [surveyPage] = await Promise.all([
      context.waitForEvent('page'),
      ratings.filter({ hasText: /^\s*4\b/ }).click(),
    ]);
    await surveyPage.waitForLoadState();
    expect(surveyPage.url()).toMatch(/\/s\/[A-Za-z0-9_-]+\?score=4$/);
    const today = new Date().toISOString().slice(0, 10);
    await expect
      .poll(
        async () =>
          (await admin.get<{ csat: { n: number } }>(`/api/v1/reports/summary?from=${today}&to=${today}`)).body
            .csat.n,
        { timeout: 10_000, interval: 250 },
      )
      .toBe(1);
    await surveyPage.close();

    // At phone width the message still reads top to bottom, nothing cut off.
    await page.setViewportSize({ width: 375, height: 812 });
    await heading.waitFor();
    await page.frameLocator('iframe.preview').getByRole('link', { name: /4/ }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Chromium leaves a sandboxed frame below the fold unpainted in a full-page picture: make the
    // window as tall as the page for it.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: 375, height });
    await page.frameLocator('iframe.preview').getByRole('link', { name: /4/ }).first().waitFor();
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SCREENSHOTS, 'outbox-message-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });

    // Back to the list: the message's link has the focus again.
    await page.getByRole('link', { name: '← All messages' }).click();
    await page.waitForURL(/\/settings\/outbox$/);
    await subjectLink.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(subject);

    expect(appErrors).toEqual([]);
  });
});
