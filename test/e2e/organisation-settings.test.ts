import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, screenshot, signInThroughForm } from '../support/admin-ui';
import { postSignedEvent, signIn, type StaffClient } from '../support/api-client';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

let server: RunningServer;
let admin: StaffClient;
let browser: TestBrowser;

beforeAll(async () => {
  // No RAPPORT_WEBHOOK_SECRET: the secret is the stored one, shown and rotated in the admin.
  server = await startServer();
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

function resolvedEvent(n: number) {
  const now = new Date();
  return {
    id: `org-settings-${n}-${now.getTime()}`,
    type: 'ticket.updated',
    occurredAt: now.toISOString(),
    ticket: {
      externalId: `ORG-${n}-${now.getTime()}`,
      channel: 'email',
      createdAt: new Date(now.getTime() - 600_000).toISOString(),
      customer: { email: `org${n}@example.com`, name: 'Ivana', locale: 'hr' },
    },
  };
}

describe('Settings → Organisation', () => {
  it('names the organisation, changes hours, holidays and languages, and shows and rotates the webhook secret', async () => {
    const { page } = browser;
    const appErrors: string[] = [];
    page.on('pageerror', (error) => appErrors.push(error.message));
    expect(server.output()).toContain('sign with the webhook secret from Settings → Organisation');

    await signInThroughForm(page, server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page
      .getByRole('navigation', { name: 'Settings' })
      .getByRole('link', { name: 'Organisation' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await page.getByText('Mon–Fri, 09:00–17:00 (UTC)').waitFor();
    // A new installation has no name yet; the field at the top of the form asks for it.
    const nameField = page.getByLabel('Organisation name', { exact: true });
    expect(await nameField.inputValue()).toBe('');
    await checkScreen(page, 'settings-organisation');

    // A slip first: closing before opening is refused at the field, and nothing is saved.
    await nameField.fill('  Acme   Support ');
    await page.getByLabel('Time zone', { exact: true }).fill('Europe/Belgrade');
    await page.getByLabel('Opens at').fill('18:00');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The working day must end after it starts.').waitFor();
    const unsaved = await admin.get<{ timeZone: string; organisationName: string | null }>(
      '/api/v1/settings',
    );
    expect(unsaved.body).toMatchObject({ timeZone: 'UTC', organisationName: null });

    await page.getByLabel('Opens at').fill('08:00');
    await page.getByRole('checkbox', { name: 'Friday' }).uncheck();
    await page.getByLabel('Add a holiday').fill('2026-12-25');
    await page.getByRole('button', { name: 'Add holiday' }).click();
    await page.getByRole('checkbox', { name: /Русский/ }).uncheck();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Organisation settings saved.').waitFor();
    await page.getByText('Mon–Thu, 08:00–17:00 (Europe/Belgrade)').waitFor();
    const saved = await admin.get<Record<string, unknown>>('/api/v1/settings');
    expect(saved.body).toMatchObject({
      organisationName: 'Acme Support',
      timeZone: 'Europe/Belgrade',
      businessHours: { days: [1, 2, 3, 4], start: '08:00', end: '17:00' },
      holidays: ['2026-12-25'],
      locales: ['en', 'sr', 'hr', 'sl'],
    });
    // The field shows the name as it was kept (one line, trimmed), and still does on coming back.
    expect(await nameField.inputValue()).toBe('Acme Support');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Organisation' }).waitFor();
    await page.getByText('Mon–Thu, 08:00–17:00 (Europe/Belgrade)').waitFor();
    expect(await nameField.inputValue()).toBe('Acme Support');
    expect(await page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await screenshot(page, 'settings-organisation-named');

    // The secret signs events; after a rotation the new one does too, and the old one still works for a day.
    await page.getByRole('button', { name: 'Show secret' }).click();
    const shown = await page.getByLabel('Webhook secret').inputValue();
    expect(shown).toMatch(/^whsec_/);
    expect((await postSignedEvent(server.url, shown, resolvedEvent(1))).status).toBe(202);
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate secret' }).click();
    await page.getByText(/The previous secret is still accepted until/).waitFor();
    const rotated = await page.getByLabel('Webhook secret').inputValue();
    expect(rotated).not.toBe(shown);
    expect((await postSignedEvent(server.url, rotated, resolvedEvent(2))).status).toBe(202);
    expect((await postSignedEvent(server.url, shown, resolvedEvent(3))).status).toBe(202);
    expect((await postSignedEvent(server.url, 'whsec_guess', resolvedEvent(4))).status).toBe(401);
    await checkScreen(page, 'settings-organisation-rotated');
    expect(appErrors).toEqual([]);
  });
});
