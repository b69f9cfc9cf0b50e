import type { Locator } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedEvent, signIn, type StaffClient } from '../support/api-client';
import { checkScreen, screenshot, signInThroughForm } from '../support/admin-ui';
import { launchBrowser, PERSON_USER_AGENT, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const WEBHOOK_SECRET = 'e2e-journey-webhook-secret-0123456789';
const CUSTOMER = {
  email: 'jelena.petrovic@example.rs',
  name: 'Јелена Петровић',
  answer: 'Да ми је неко одмах рекао да треба да сачекам дан.',
};
const CLOSING_NOTE =
  'Called Jelena back: the card issuer blocked the payment; she paid by bank transfer and is happy.';
const MANAGER = { email: 'mila@support.example', password: 'mila-manager-password', name: 'Mila Novak' };

let server: RunningServer;
let admin: StaffClient;
let browser: TestBrowser;
let smtp: SmtpSink;

/** A chat ticket resolved just now, from a customer who reads Serbian, as the helpdesk reports it. */
function resolvedChat() {
  const now = new Date();
  return {
    id: `journey-${now.getTime()}`,
    type: 'ticket.resolved',
    occurredAt: now.toISOString(),
    ticket: {
      externalId: `CHAT-${now.getTime()}`,
      subject: 'Картица је одбијена при плаћању',
      channel: 'chat',
      createdAt: new Date(now.getTime() - 3_600_000).toISOString(),
      firstResponseAt: new Date(now.getTime() - 3_000_000).toISOString(),
      resolvedAt: now.toISOString(),
      customer: { email: CUSTOMER.email, name: CUSTOMER.name, locale: 'sr' },
      agent: { email: 'nikola@support.example', name: 'Никола Илић', team: 'Payments' },
    },
  };
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  server = await startServer({ SMTP_URL: smtp.url, RAPPORT_WEBHOOK_SECRET: WEBHOOK_SECRET });
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const created = await admin.send('POST', '/api/v1/users', { ...MANAGER, role: 'manager' });
  expect(created.status).toBe(201);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
  await smtp?.close();
});

/** The visible label of the first option of a select that matches, as a person reads the list. */
async function optionLabel(select: Locator, pattern: RegExp): Promise<{ label: string }> {
  const labels = await select.locator('option').allInnerTexts();
  const label = labels.map((l) => l.trim()).find((l) => pattern.test(l));
  if (!label) throw new Error(`No option matching ${pattern} among ${JSON.stringify(labels)}`);
  return { label };
}

describe('a manager', () => {
  it('builds a survey from the service-principles template, with a condition and a translation, previews and publishes it', async () => {
    const { page } = browser;
    await signInThroughForm(page, server.url, MANAGER.email, MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Surveys' }).click();
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    await page.getByRole('button', { name: 'New survey' }).click();
    const dialog = page.getByRole('dialog', { name: 'New survey' });
    await dialog.getByLabel('Name').fill('Chat service principles');
    await dialog.getByRole('radio', { name: 'Service principles' }).check();
    await screenshot(page, 'journey-new-survey');
    await dialog.getByRole('button', { name: 'Create survey' }).click();
    await page.waitForURL(/\/surveys\/[^/]+$/);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'journey-editor');

    // A free-text question for unhappy customers only, in English and Serbian.
    await page.getByRole('button', { name: 'Add question' }).click();
    await page
      .getByRole('group', { name: 'Question types' })
      .getByRole('button', { name: /Free text/ })
      .click();
    const card = page.getByRole('article', { name: /Question 12/ });
    await card
      .getByRole('textbox', { name: 'Question text (English)' })
      .fill('What should we have done differently?');
    await screenshot(page, 'journey-added');
    await card
      .getByRole('textbox', { name: 'Question text (Serbian)' })
      .fill('Шта је требало да урадимо другачије?');
    await card.getByRole('radio', { name: 'Only when earlier answers match' }).check();
    await card
      .getByRole('combobox', { name: 'Condition 1: question' })
      .selectOption(await optionLabel(card.getByRole('combobox', { name: 'Condition 1: question' }), /^Q1 /));
    await card
      .getByRole('combobox', { name: 'Condition 1: comparison' })
      .selectOption({ label: 'is at most (≤)' });
    await card
      .getByRole('combobox', { name: 'Condition 1: value' })
      .selectOption(await optionLabel(card.getByRole('combobox', { name: 'Condition 1: value' }), /^3/));
    expect(await card.getByText(/is shown when/).innerText()).toContain('shown when Q1 ≤ 3');
    await checkScreen(page, 'journey-condition');

    // The preview is rendered by the API from the unsaved draft, in the language chosen.
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Serbian' });
    await preview.getByRole('checkbox', { name: 'Show follow-up questions' }).check();
    const surveyPage = page.frameLocator('iframe[title="Preview of the survey page in Serbian"]');
    await surveyPage.getByText('Шта је требало да урадимо другачије?').waitFor();
    await checkScreen(page, 'journey-preview-page');
    await preview.getByRole('button', { name: 'Email' }).click();
    const email = page.frameLocator('iframe[title="Preview of the invitation email in Serbian"]');
    await email.locator('body').waitFor();
    await screenshot(page, 'journey-preview-email');

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved').first().waitFor();
    await screenshot(page, 'journey-saved');

    // Rules: chat tickets only, asked at once, no reminder.
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByRole('textbox', { name: 'Delay after resolution (minutes)' }).fill('0');
    await page.getByRole('textbox', { name: /^Channels/ }).fill('chat');
    const reminder = page.getByRole('checkbox', { name: 'Send one reminder' });
    if (await reminder.isChecked()) await reminder.uncheck();
    await page.getByRole('button', { name: 'Save rules' }).click();
    await page
      .getByText(/Rules saved/)
      .first()
      .waitFor();
    await checkScreen(page, 'journey-rules');

    // Publish: the dialog lists what this first version asks.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = page.getByRole('dialog', { name: 'Publish version 1?' });
    await publish.getByText('What should we have done differently?').first().waitFor();
    await checkScreen(page, 'journey-publish');
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await page.getByText('Active', { exact: true }).first().waitFor();
    await screenshot(page, 'journey-published');
  });

  it('sees a chat customer answer the published survey through its emailed link', async () => {
    const before = smtp.messages.length;
    const posted = await postSignedEvent(server.url, WEBHOOK_SECRET, resolvedChat());
    expect(posted.status).toBe(202);
    expect(posted.body?.decision).toBe('scheduled');
    const mail = (await smtp.waitFor(before + 1))[before]!;
    expect(mail.envelope.to).toEqual([CUSTOMER.email]);
    const link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\?score=2/.exec(mail.parsed.text ?? '')?.[0];
    expect(link).toBeTruthy();

    const customer = await launchBrowser({ userAgent: PERSON_USER_AGENT });
    try {
      const { page } = customer;
      await page.goto(link!);
      expect(await page.locator('html').getAttribute('lang')).toBe('sr');
      // Q1 was answered 2 by the click, so the question shown only when Q1 ≤ 3 is there.
      await page.getByLabel('Шта је требало да урадимо другачије?').fill(CUSTOMER.answer);
      await page.locator('input[name="resolved"][value="no"]').check();
      await screenshot(page, 'journey-customer-page');
      await Promise.all([page.waitForURL(/\/thanks/), page.locator('button[type="submit"]').click()]);
    } finally {
      await customer.close();
    }
  });

  it('finds the answer in the inbox by filter, reads it, exports it, and closes the follow-up it opened', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Responses' }).click();
    await page.waitForURL((url) => url.pathname === '/responses');
    const filters = page.getByRole('search', { name: 'Filter responses' });
    const toggle = filters.getByRole('button', { name: /Show filters/ });
    if (await toggle.isVisible()) await toggle.click();
    await filters.getByLabel('Survey').selectOption({ label: 'Chat service principles' });
    await page.waitForURL(/[?&]surveyId=/);
    await filters.getByLabel('Language').selectOption({ label: 'Serbian' });
    await page.waitForURL(/[?&]locale=sr/);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(CUSTOMER.name);
    await checkScreen(page, 'journey-inbox-filtered');

    // The filters live in the address: opening it again shows the same view.
    const shared = page.url();
    await page.goto(shared);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await filters.getByLabel('Survey').locator('option:checked').innerText()).toBe(
      'Chat service principles',
    );

    // The CSV of the filtered set: UTF-8 with a BOM, so Excel reads the Cyrillic.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8');
    const lines = text.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(CUSTOMER.email);
    expect(text).toContain(CUSTOMER.answer);
    expect(text).toContain('Chat service principles');

    // The detail: the answers in the survey's wording, the ticket, the follow-up.
    await rows.first().getByRole('link').click();
    await page.getByRole('heading', { name: 'Answers', exact: true }).waitFor();
    const detail = page.getByRole('article');
    expect(await detail.innerText()).toContain('What should we have done differently?');
    expect(await detail.innerText()).toContain(CUSTOMER.answer);
    // The response keeps the version it answered.
    expect(await detail.innerText()).toContain('Chat service principles (version 1)');
    await checkScreen(page, 'journey-response-detail');
    await detail.getByRole('link', { name: 'See it on the follow-up board' }).click();
    await page.waitForURL((url) => url.pathname === '/follow-ups');

    // The follow-up went to the only manager; hand it to the admin (it moves to their group), then close it.
    const owned = page
      .getByRole('region', { name: /^Mila Novak/ })
      .getByRole('article', { name: CUSTOMER.name });
    await owned.getByLabel('Owner').selectOption({ label: 'Administrator' });
    await owned.getByRole('button', { name: 'Assign' }).click();
    const card = page
      .getByRole('region', { name: /^Administrator/ })
      .getByRole('article', { name: CUSTOMER.name });
    await card.waitFor();
    await card.getByRole('button', { name: 'Close follow-up' }).click();
    const close = page.getByRole('dialog', { name: 'Close follow-up' });
    await close.getByRole('button', { name: 'Close follow-up' }).click();
    await close.getByText('Write what was done before closing').waitFor();
    await checkScreen(page, 'journey-close-needs-note');
    await close.getByLabel('What was done?').fill(CLOSING_NOTE);
    await close.getByRole('button', { name: 'Close follow-up' }).click();
    await close.waitFor({ state: 'hidden' });
    await page
      .getByRole('navigation', { name: 'Follow-up status' })
      .getByRole('link', { name: /Closed/ })
      .click();
    await page.waitForURL(/status=closed/);
    const closed = page.getByRole('article', { name: CUSTOMER.name });
    await closed.waitFor();
    expect(await closed.innerText()).toContain(CLOSING_NOTE);
    await checkScreen(page, 'journey-follow-up-closed');

    const stored = await admin.get<{
      items: { status: string; note: string | null; owner: { name: string } | null }[];
    }>('/api/v1/follow-ups?status=closed');
    expect(stored.body.items).toEqual([
      expect.objectContaining({
        status: 'closed',
        note: CLOSING_NOTE,
        owner: expect.objectContaining({ name: 'Administrator' }),
      }),
    ]);
  });
});
