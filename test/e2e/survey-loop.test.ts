import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedEvent, signIn, type StaffClient } from '../support/api-client';
import { launchBrowser, PERSON_USER_AGENT } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, REPO_ROOT, startServer, type RunningServer } from '../support/server';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const SCREENSHOTS = join(REPO_ROOT, 'test/screenshots');
const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789';

let smtp: SmtpSink;
let server: RunningServer;
let admin: StaffClient;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  smtp = await startSmtpSink();
  server = await startServer({
    SMTP_URL: smtp.url,
    RAPPORT_WEBHOOK_SECRET: WEBHOOK_SECRET,
    MAIL_FROM: 'Support <support@shop.example>',
  });
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  // Send at once (the default waits an hour after resolution), and no reminders during the test.
  const surveys = await admin.get<{ items: { id: string }[] }>('/api/v1/surveys');
  const id = surveys.body.items[0]?.id;
  const patched = await admin.send('PATCH', `/api/v1/surveys/${id}/rules`, {
    delayMinutes: 0,
    reminderAfterDays: null,
    throttleDays: 0,
  });
  expect(patched.status).toBe(200);
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
  await smtp?.close();
});

let seq = 0;
function resolvedEvent(email: string, locale = 'en') {
  seq += 1;
  const now = new Date();
  return {
    id: `e2e-${seq}-${now.getTime()}`,
    type: 'ticket.resolved',
    occurredAt: now.toISOString(),
    ticket: {
      externalId: `E2E-${seq}-${now.getTime()}`,
      subject: 'Refund for a duplicate charge',
      channel: 'email',
      createdAt: new Date(now.getTime() - 3_600_000).toISOString(),
      firstResponseAt: new Date(now.getTime() - 3_000_000).toISOString(),
      resolvedAt: now.toISOString(),
      customer: { email, name: 'Ivana Horvat', locale },
      agent: { email: 'marko@support.example', name: 'Marko', team: 'Billing' },
    },
  };
}

/** Posts a signed event and waits for the survey email it leads to; returns the one-click links. */
async function inviteAndReceive(email: string, locale = 'en') {
  const before = smtp.messages.length;
  const posted = await postSignedEvent(server.url, WEBHOOK_SECRET, resolvedEvent(email, locale));
  expect(posted.status).toBe(202);
  expect(posted.body?.decision).toBe('scheduled');
  const messages = await smtp.waitFor(before + 1);
  const mail = messages[before]!;
  expect(mail.envelope.to).toEqual([email]);
  const text = mail.parsed.text ?? '';
  const links = [...text.matchAll(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\?score=[1-5]/g)].map((m) => m[0]);
  expect(links).toHaveLength(5);
  return { mail, links, linkFor: (score: number) => links.find((l) => l.endsWith(`score=${score}`))! };
}

async function responsesCount() {
  const res = await admin.get<{ items: unknown[] }>('/api/v1/responses?limit=200');
  return res.body.items.length;
}

describe('the survey loop on a running server with a real SMTP server', () => {
  it('emails a signed resolved ticket, records a one-click rating in the browser, then a comment, and opens a follow-up', async () => {
    const { mail, linkFor } = await inviteAndReceive('ivana@example.com', 'hr');
    expect(mail.parsed.subject).toBeTruthy();
    // Raw header lines, unfolded (long headers are folded onto a second line).
    const header = (name: string) =>
      (mail.parsed.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <http:\/\/127\.0\.0\.1:\d+\/u\/[A-Za-z0-9_-]+>$/,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.parsed.html).toContain('Koliko ste zadovoljni pomoći koju ste dobili?');

    const browser = await launchBrowser({ userAgent: PERSON_USER_AGENT });
    try {
      const { page } = browser;
      await page.goto(linkFor(2));
      expect(await page.locator('html').getAttribute('lang')).toBe('hr');
      // The page's script records the clicked rating at once: one click counts.
      await expect.poll(responsesCount, { timeout: 10_000 }).toBe(1);
      // Rating 2 shows the follow-up questions; answer them and add a comment.
      await page.locator('input[name="resolved"][value="no"]').check();
      await page.locator('input[name="reasons"][value="took_too_long"]').check();
      await page.locator('input[name="callback"][value="yes"]').check();
      await page.locator('textarea[name="comment"]').fill('Čekala sam tri dana na odgovor.');
      await page.screenshot({ path: join(SCREENSHOTS, 'survey-answered.png'), fullPage: true });
      await Promise.all([page.waitForURL(/\/thanks/), page.locator('button[type="submit"]').click()]);
      await page.screenshot({ path: join(SCREENSHOTS, 'survey-thanks.png'), fullPage: true });
    } finally {
      await browser.close();
    }

    const list = await admin.get<{ items: Record<string, unknown>[] }>('/api/v1/responses');
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      csat: 2,
      resolved: false,
      callback: true,
      reasons: ['took_too_long'],
      comment: 'Čekala sam tri dana na odgovor.',
      locale: 'hr',
      counted: true,
      suspectedBot: false,
    });
    const followUps = await admin.get<{ items: { reasons: string[]; status: string }[] }>(
      '/api/v1/follow-ups?status=open',
    );
    expect(followUps.body.items).toHaveLength(1);
    expect(followUps.body.items[0]).toMatchObject({
      status: 'open',
      reasons: ['low_rating', 'unresolved', 'callback'],
    });
    const today = new Date().toISOString().slice(0, 10);
    const summary = await admin.get<{
      csat: { n: number; rate: number };
      responseRate: { responses: number; sent: number };
    }>(`/api/v1/reports/summary?from=${today}&to=${today}`);
    expect(summary.body.csat).toMatchObject({ n: 1, rate: 0 });
    expect(summary.body.responseRate).toMatchObject({ responses: 1, sent: 1 });
  });

  it('records nothing for a GET alone, as when a mail scanner opens every link', async () => {
    const { links } = await inviteAndReceive('scanned@example.com');
    const before = await responsesCount();
    for (const link of links) {
      const res = await fetch(link);
      expect(res.status).toBe(200);
    }
    expect(await responsesCount()).toBe(before);
  });

  it('works without JavaScript: the Send button records the answers', async () => {
    const { linkFor } = await inviteAndReceive('nojs@example.com', 'sr');
    const before = await responsesCount();
    const browser = await launchBrowser({ javaScriptEnabled: false, userAgent: PERSON_USER_AGENT });
    try {
      const { page } = browser;
      await page.goto(linkFor(5));
      expect(await responsesCount()).toBe(before);
      await page.locator('input[name="resolved"][value="yes"]').check();
      await Promise.all([page.waitForURL(/\/thanks/), page.locator('button[type="submit"]').click()]);
      await page.screenshot({ path: join(SCREENSHOTS, 'survey-no-js-thanks.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    const list = await admin.get<{ items: Record<string, unknown>[] }>('/api/v1/responses?locale=sr');
    expect(list.body.items).toEqual([
      expect.objectContaining({ csat: 5, resolved: true, counted: true, suspectedBot: false }),
    ]);
  });

  it('refuses a tampered link with a 404 page', async () => {
    const { linkFor } = await inviteAndReceive('tamper@example.com');
    const tampered = linkFor(4).replace(
      /\/s\/([A-Za-z0-9_-])/,
      (_m, c: string) => `/s/${c === 'A' ? 'B' : 'A'}`,
    );
    const res = await fetch(tampered);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Link not found');
  });
});
