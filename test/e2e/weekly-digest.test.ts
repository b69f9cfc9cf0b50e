import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, screenshot, signInThroughForm } from '../support/admin-ui';
import { signIn, type StaffClient } from '../support/api-client';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

let smtp: SmtpSink;
let server: RunningServer;
let admin: StaffClient;
let browser: TestBrowser;

const MILICA = { email: 'milica@example.com', name: 'Милица Јовановић', role: 'viewer', locale: 'sr' };
const IVAN = { email: 'ivan@example.com', name: 'Ivan Horvat', role: 'manager', locale: 'hr' };
const OTHER_VIEWER = { email: 'vera@example.com', name: 'Vera Viewer', role: 'viewer', locale: 'en' };

interface DigestSettings {
  recipients: string;
  userIds: string[];
  currentRecipients: { email: string }[];
  nextSendAt: string | null;
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url });
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  for (const person of [MILICA, IVAN, OTHER_VIEWER]) {
    const created = await admin.send('POST', '/api/v1/users', { ...person, password: 'a-long-password-1' });
    expect(created.status).toBe(201);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
  await smtp?.close();
});

describe('Settings → Weekly digest', () => {
  it('chooses specific people, saves, sends now, and the digests arrive in each person’s language', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));

    await signInThroughForm(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Weekly digest' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Weekly digest' }).waitFor();

    // The default: on, Mondays at 08:00, to every viewer — and when the next one goes out.
    const before = await admin.get<DigestSettings>('/api/v1/settings/digest');
    expect(before.body.recipients).toBe('viewers');
    await page.getByText(/Mondays at 08:00/).waitFor();
    expect(await page.getByTestId('next-send').textContent()).toMatch(/Monday/);
    await page.getByRole('heading', { name: 'Receiving it now' }).waitFor();
    expect(await page.getByText('vera@example.com').count()).toBe(1);
    await checkScreen(page, 'settings-digest');

    // Specific people instead: a viewer who reads Serbian and a manager who reads Croatian.
    await page.getByRole('radio', { name: /Specific people/ }).check();
    await page.getByRole('checkbox', { name: /Милица Јовановић/ }).check();
    await page.getByRole('checkbox', { name: /Ivan Horvat/ }).check();
    await page.getByLabel('Day').selectOption({ label: 'Friday' });
    await page.getByLabel('Time').selectOption({ label: '16:00' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Weekly digest settings saved.').waitFor();
    await page.getByText(/Fridays at 16:00/).waitFor();
    const saved = await admin.get<DigestSettings>('/api/v1/settings/digest');
    expect(saved.body.recipients).toBe('chosen');
    expect(saved.body.userIds).toHaveLength(2);
    expect(saved.body.currentRecipients.map((p) => p.email).sort()).toEqual([IVAN.email, MILICA.email]);
    expect(new Date(saved.body.nextSendAt ?? '').getUTCDay()).toBe(5);
    await checkScreen(page, 'settings-digest-chosen');

    // Send now, confirmed in the dialog.
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send now' }).click();
    await page
      .getByText(/Digest queued for/)
      .first()
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'Queued for:' }).waitFor();

    // The workers' tick gives each its job within a minute; then a real SMTP server has both.
    const to = (address: string) => smtp.messages.find((m) => m.envelope.to.includes(address));
    await expect
      .poll(() => Boolean(to(MILICA.email) && to(IVAN.email)), { timeout: 110_000, interval: 500 })
      .toBe(true);
    const serbian = to(MILICA.email);
    const croatian = to(IVAN.email);
    expect(serbian?.parsed.subject).toMatch(/^Rapport – недељни преглед/);
    expect(croatian?.parsed.subject).toMatch(/^Rapport – tjedni pregled/);
    for (const mail of [serbian, croatian]) {
      expect(mail?.parsed.html).toBeTruthy();
      expect(mail?.parsed.text).toBeTruthy();
      expect(String(mail?.parsed.html)).not.toMatch(/<script/i);
      expect(mail?.parsed.text).toContain(`${server.url}/reports?period=custom`);
    }
    expect(serbian?.parsed.text).toContain('Добар дан, Милица Јовановић,');
    expect(croatian?.parsed.text).toContain('Dobar dan, Ivan Horvat,');
    // Nobody else: the other viewer was not chosen.
    expect(to(OTHER_VIEWER.email)).toBeUndefined();

    // Settings → Outbox keeps the record of both, sent by SMTP.
    await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: MILICA.email });
    await row.waitFor();
    expect(await row.getByText('Sent by SMTP').count()).toBe(1);
    expect(await row.getByText('digest').count()).toBe(1);
    await page.getByRole('row').filter({ hasText: IVAN.email }).waitFor();
    await row.getByRole('link').click();
    await page.waitForURL(/\/settings\/outbox\?message=/);
    await page.frameLocator('iframe.preview').getByText('Главни показатељи').waitFor();
    await screenshot(page, 'settings-digest-outbox-message');
    expect(appErrors).toEqual([]);
  }, 240_000);
});
