import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSignedEvent, signIn, type StaffClient } from '../support/api-client';
import { launchBrowser, PERSON_USER_AGENT } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

const WEBHOOK_SECRET = 'e2e-webhook-secret-outbox-42';

let server: RunningServer;
let admin: StaffClient;

beforeAll(async () => {
  // No SMTP_URL: mail goes to the outbox, as on a laptop.
  server = await startServer({ RAPPORT_WEBHOOK_SECRET: WEBHOOK_SECRET });
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const surveys = await admin.get<{ items: { id: string }[] }>('/api/v1/surveys');
  await admin.send('PATCH', `/api/v1/surveys/${surveys.body.items[0]?.id}/rules`, { delayMinutes: 0 });
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

interface OutboxItem {
  to: string;
  subject: string;
  text: string;
  transport: string;
}

describe('the survey loop without SMTP', () => {
  it('puts the email in the outbox, and its link records a one-click rating that the summary counts', async () => {
    const now = new Date();
    const posted = await postSignedEvent(server.url, WEBHOOK_SECRET, {
      id: `outbox-${now.getTime()}`,
      type: 'ticket.resolved',
      occurredAt: now.toISOString(),
      ticket: {
        externalId: `OUT-${now.getTime()}`,
        channel: 'chat',
        createdAt: new Date(now.getTime() - 600_000).toISOString(),
        resolvedAt: now.toISOString(),
        customer: { email: 'laptop@example.com', locale: 'sl' },
      },
    });
    expect(posted.status).toBe(202);

    let item: OutboxItem | undefined;
    await expect
      .poll(
        async () => {
          const res = await admin.get<{ items: OutboxItem[] }>('/api/v1/outbox');
          item = res.body.items[0];
          return item?.to;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe('laptop@example.com');
    expect(item?.transport).toBe('outbox');
    const link = item?.text.match(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]+\?score=4/)?.[0];
    expect(link, item?.text).toBeTruthy();

    const browser = await launchBrowser({ userAgent: PERSON_USER_AGENT });
    try {
      await browser.page.goto(link!);
      expect(await browser.page.locator('html').getAttribute('lang')).toBe('sl');
      const today = new Date().toISOString().slice(0, 10);
      await expect
        .poll(
          async () =>
            (await admin.get<{ csat: { n: number } }>(`/api/v1/reports/summary?from=${today}&to=${today}`))
              .body.csat.n,
          {
            timeout: 10_000,
          },
        )
        .toBe(1);
    } finally {
      await browser.close();
    }
    const summary = await admin.get<{ csat: { rate: number; satisfied: number } }>(
      `/api/v1/reports/summary?from=${new Date().toISOString().slice(0, 10)}&to=${new Date().toISOString().slice(0, 10)}`,
    );
    expect(summary.body.csat).toMatchObject({ rate: 1, satisfied: 1 });
  });
});
