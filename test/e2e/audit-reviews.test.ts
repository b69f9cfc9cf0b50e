import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkScreen, signInThroughForm } from '../support/admin-ui';
import { postSignedEvent, signIn, type StaffClient } from '../support/api-client';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from '../support/server';

const WEBHOOK_SECRET = 'e2e-reviews-webhook-secret-0123456789';
const MANAGER = { email: 'mila@support.example', password: 'mila-manager-password', name: 'Mila Novak' };
const AUDITOR = { email: 'ana@support.example', password: 'ana-auditor-password', name: 'Ana Kovač' };
const VIEWER = { email: 'vera@support.example', password: 'vera-viewer-password', name: 'Vera Lukić' };
const AGENT = { email: 'nikola@support.example', name: 'Nikola Ilić', team: 'Payments' };
const CALM = 'calm_respectful';
const FAIL_NOTE = 'Told the customer twice that the question was “obvious”; the tone was dismissive.';
const DISPUTE = 'The customer had already been rude for ten minutes; Nikola stayed factual.';
const REASON = 'Being provoked does not excuse calling a question obvious: the answer stands.';

let server: RunningServer;
let admin: StaffClient;
let browser: TestBrowser;
let cycleId = '';
let failedReviewId = '';

interface ReviewBody {
  id: string;
  status: string;
  score: number | null;
  passed: boolean | null;
  actionIds: string[];
  ticket: { externalId: string };
  disputes: { status: string; reason: string | null; comment: string }[];
}

/** A ticket resolved a few minutes ago (so in this quarter), as the helpdesk reports it. */
function resolvedTicket(n: number, agent: { email: string; name: string; team: string }) {
  const now = Date.now() - n * 60_000;
  return {
    id: `reviews-${n}-${now}`,
    type: 'ticket.resolved',
    occurredAt: new Date(now).toISOString(),
    ticket: {
      externalId: `PAY-${100 + n}`,
      subject: `Card payment refused (${n})`,
      channel: 'email',
      createdAt: new Date(now - 5 * 3_600_000).toISOString(),
      firstResponseAt: new Date(now - 4 * 3_600_000).toISOString(),
      resolvedAt: new Date(now).toISOString(),
      customer: { email: `customer${n}@example.com`, name: `Customer ${n}`, locale: 'en' },
      agent,
    },
  };
}

beforeAll(async () => {
  server = await startServer({ RAPPORT_WEBHOOK_SECRET: WEBHOOK_SECRET });
  admin = await signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  for (const [person, role] of [
    [MANAGER, 'manager'],
    [AUDITOR, 'auditor'],
    [VIEWER, 'viewer'],
  ] as const) {
    expect((await admin.send('POST', '/api/v1/users', { ...person, role })).status).toBe(201);
  }
  expect((await admin.send('POST', '/api/v1/teams', { name: 'Payments' })).status).toBe(201);
  // Three tickets of Nikola's, and one the auditor handled herself (left out of her sample).
  for (const n of [1, 2, 3]) {
    expect((await postSignedEvent(server.url, WEBHOOK_SECRET, resolvedTicket(n, AGENT))).status).toBe(202);
  }
  const own = resolvedTicket(4, { email: AUDITOR.email, name: AUDITOR.name, team: 'Payments' });
  expect((await postSignedEvent(server.url, WEBHOOK_SECRET, own)).status).toBe(202);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  expect(await server?.stop()).toBe(0);
});

async function signInAs(page: Page, who: { email: string; password: string }) {
  await browser.context.clearCookies();
  await signInThroughForm(page, server.url, who.email, who.password);
}

/** Answers, submits and signs off a team audit over the API, every item at its best. */
async function signOffAudit(auditId: string) {
  const audit = await admin.get<{
    template: {
      definition: { sections: { items: { id: string; scale: 'pass_fail' | { points: number } }[] }[] };
    };
  }>(`/api/v1/audits/${auditId}`);
  const answers = audit.body.template.definition.sections.flatMap((s) =>
    s.items.map((i) => ({ itemId: i.id, value: i.scale === 'pass_fail' ? 'pass' : String(i.scale.points) })),
  );
  expect((await admin.send('PUT', `/api/v1/audits/${auditId}/answers`, { answers })).status).toBe(200);
  expect((await admin.send('POST', `/api/v1/audits/${auditId}/submit`)).status).toBe(200);
  expect((await admin.send('POST', `/api/v1/audits/${auditId}/sign-off`)).status).toBe(200);
}

describe('ticket reviews of a quarter', () => {
  it('a manager opens the quarter with a scorecard and a sample of 2; the cycle page shows the draw and its seed', async () => {
    const { page } = browser;
    await signInAs(page, MANAGER);
    await page.goto(`${server.url}/audits`);
    await page.getByRole('button', { name: 'Open a quarter' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Open a quarter' });
    await dialog.getByLabel('Quarter').waitFor();
    expect(
      await dialog.getByLabel('Ticket review scorecard').locator('option:checked').innerText(),
    ).toContain('Ticket review scorecard');
    await dialog.getByLabel('Sample per agent').fill('2');
    await dialog.getByRole('radio', { name: 'An auditor per team' }).check();
    await dialog.getByLabel('Payments').selectOption({ label: `${AUDITOR.name} (auditor)` });
    await dialog.getByRole('button', { name: 'Open the quarter' }).click();
    await page.waitForURL(/\/audits\/cycles\/[^/]+$/);
    cycleId = page.url().split('/').pop() ?? '';

    const samples = await admin.get<{
      seed: string;
      agents: {
        agent: { name: string };
        requested: number;
        eligible: number;
        excludedHandledByReviewer: number;
        picked: { externalId: string; reviewId: string | null }[];
        short: boolean;
      }[];
    }>(`/api/v1/audit-cycles/${cycleId}/samples`);
    const nikola = samples.body.agents.find((a) => a.agent.name === AGENT.name);
    expect(nikola).toMatchObject({ requested: 2, eligible: 3, excludedHandledByReviewer: 0, short: false });
    expect(nikola?.picked).toHaveLength(2);
    const ana = samples.body.agents.find((a) => a.agent.name === AUDITOR.name);
    expect(ana).toMatchObject({ eligible: 0, excludedHandledByReviewer: 1, picked: [], short: true });

    const sample = page.getByRole('region', { name: 'Review sample' });
    await sample.getByText(samples.body.seed).waitFor();
    await sample.getByText(/cannot be redrawn/).waitFor();
    const row = sample.getByRole('row').filter({ hasText: AGENT.name });
    for (const t of nikola?.picked ?? []) await row.getByRole('link', { name: t.externalId }).waitFor();
    await sample.getByRole('row').filter({ hasText: AUDITOR.name }).getByText('Short').waitFor();
    await page
      .getByRole('region', { name: 'Calibration' })
      .getByText('No calibration this quarter yet.')
      .waitFor();
    await checkScreen(page, 'reviews-cycle-sample');
  });

  it('the auditor fails the critical “calm and respectful” item with a note and submits: score 0, an action opens', async () => {
    const { page } = browser;
    await signInAs(page, AUDITOR);
    await page.goto(`${server.url}/audits`);
    const mine = page.getByRole('region', { name: 'My reviews' });
    await mine.getByRole('link').first().waitFor();
    expect(await mine.getByRole('link', { name: /^PAY-/ }).count()).toBe(2);
    await mine.getByRole('link', { name: /^PAY-/ }).first().click();
    await page.waitForURL(/\/audits\/reviews\/[0-9a-f-]{36}$/);
    failedReviewId = page.url().split('/').pop() ?? '';
    const ticket = page.getByRole('complementary', { name: 'The ticket' });
    await ticket.getByText(/Card payment refused/).waitFor();
    await ticket.getByText(AGENT.name).waitFor();
    await ticket.getByText('Payments').waitFor();
    await ticket.getByText(/did not answer a survey/).waitFor();

    // Submitting early lists what is missing.
    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByRole('alert').filter({ hasText: 'Not ready to submit' }).waitFor();

    const calm = page.locator(`#item-${CALM}`);
    await calm.getByRole('radio', { name: 'Fail' }).check();
    await calm.getByText('required: say what was found').waitFor();
    await checkScreen(page, 'review-workspace-note-needed');
    await calm.getByLabel(/Note/).fill(FAIL_NOTE);
    const items = page.locator('article[id^="item-"]');
    const count = await items.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      const item = items.nth(i);
      if ((await item.getAttribute('id')) === `item-${CALM}`) continue;
      await item.getByRole('radio', { name: '5', exact: true }).check();
    }
    await page.getByText(/All answers saved at/).waitFor();
    await page.getByText(`${count} of ${count} answered`).waitFor();
    await checkScreen(page, 'review-workspace');

    await page.getByRole('button', { name: 'Submit review' }).click();
    await page.getByText(/The answers are locked/).waitFor();
    await page.getByText('1 corrective action was opened').waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
    const saved = await admin.get<ReviewBody>(`/api/v1/reviews/${failedReviewId}`);
    expect(saved.body).toMatchObject({ status: 'submitted', score: 0, passed: false });
    expect(saved.body.actionIds).toHaveLength(1);
    const actions = await admin.get<{ items: { reviewId: string | null; itemId: string }[] }>(
      `/api/v1/actions?cycleId=${cycleId}`,
    );
    expect(actions.body.items).toMatchObject([{ reviewId: failedReviewId, itemId: CALM }]);
    // The reviewer cannot dispute her own review.
    expect(await page.getByRole('button', { name: /^Dispute/ }).count()).toBe(0);
  });

  it('a manager disputes the item on the agent’s behalf, and the reviewer rejects it with a reason', async () => {
    const { page } = browser;
    await signInAs(page, MANAGER);
    await page.goto(`${server.url}/audits/reviews/${failedReviewId}`);
    await page.getByRole('button', { name: /^Dispute .*Stayed calm and respectful/ }).click();
    const raise = page.getByRole('dialog', { name: 'Dispute an item' });
    await raise.getByLabel('Why is the answer wrong?').fill(DISPUTE);
    await raise.getByRole('button', { name: 'Record the dispute' }).click();
    const list = page.getByRole('region', { name: 'Disputes' });
    await list.getByText(DISPUTE).waitFor();
    await list.getByText('Waiting for a decision').waitFor();
    await page.getByText('A dispute of this item waits for a decision.').waitFor();
    await checkScreen(page, 'review-disputed');

    await signInAs(page, AUDITOR);
    await page.goto(`${server.url}/audits/reviews/${failedReviewId}`);
    await list.getByRole('button', { name: 'Decide…' }).click();
    const decide = page.getByRole('dialog', { name: 'Decide the dispute' });
    await decide.getByRole('button', { name: 'Reject the dispute' }).click();
    await decide.getByText('Give the reason for the decision: the agent reads it.').waitFor();
    await decide.getByLabel('Reason').fill(REASON);
    await decide.getByRole('button', { name: 'Reject the dispute' }).click();
    await list.getByText(REASON).waitFor();
    await list.getByText(/Rejected by Ana Kovač/).waitFor();
    const decided = await admin.get<ReviewBody>(`/api/v1/reviews/${failedReviewId}`);
    expect(decided.body.score).toBe(0);
    expect(decided.body.disputes).toMatchObject([{ status: 'rejected', reason: REASON, comment: DISPUTE }]);
    await checkScreen(page, 'review-dispute-rejected');

    await page
      .getByRole('navigation', { name: 'Audits' })
      .getByRole('link', { name: 'Ticket reviews' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'My reviews' }).waitFor();
    await page.getByRole('table', { name: 'Ticket reviews' }).getByRole('row').nth(2).waitFor();
    await page.getByLabel('Status').selectOption('submitted');
    await page.waitForURL(/status=submitted/);
    await page.getByText('1 review', { exact: false }).first().waitFor();
    expect(await page.getByRole('table', { name: 'Ticket reviews' }).getByRole('row').count()).toBe(2);
    await checkScreen(page, 'reviews-list');
  });

  it('results show the agent’s review score with its n, marked as a small sample', async () => {
    const { page } = browser;
    const audits = await admin.get<{ items: { id: string }[] }>(`/api/v1/audits?cycleId=${cycleId}`);
    await signOffAudit(audits.body.items[0]?.id ?? '');
    await signInAs(page, MANAGER);
    await page.goto(`${server.url}/audits/cycles/${cycleId}`);
    const results = page.getByRole('region', { name: 'Results' });
    const row = results
      .getByRole('table', { name: /Review scores/ })
      .getByRole('row')
      .filter({ hasText: AGENT.name });
    await row.getByRole('cell', { name: '0', exact: true }).waitFor();
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();
    await row.getByText('Small sample').waitFor();
    await row.getByText('1 still in progress').waitFor();
    await results.getByText('no earlier quarter').first().waitFor();
    await checkScreen(page, 'reviews-cycle-results');
  });

  it('a viewer reads the results and the signed report, with nothing to change', async () => {
    const { page } = browser;
    await signInAs(page, VIEWER);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audits' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audits' }).waitFor();
    const main = page.locator('main');
    await main.getByRole('link', { name: /^\d{4}-Q[1-4]$/ }).click();
    await page.waitForURL(/\/audits\/cycles\//);
    const results = page.getByRole('region', { name: 'Results' });
    const row = results
      .getByRole('table', { name: /Review scores/ })
      .getByRole('row')
      .filter({ hasText: AGENT.name });
    await row.getByText('Small sample').waitFor();
    expect(await main.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Review sample' }).count()).toBe(0);
    expect(
      await page
        .getByRole('navigation', { name: 'Audits' })
        .getByRole('link', { name: 'Ticket reviews' })
        .count(),
    ).toBe(0);
    await checkScreen(page, 'reviews-viewer-results');

    await results.getByRole('link', { name: 'Report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
    await page.getByText('Signed off by').waitFor();
    await checkScreen(page, 'reviews-viewer-report');
  });
});

describe('calibration', () => {
  it('a manager starts one with two reviewers; each item shows their answers, spread and kappa or why not', async () => {
    const { page } = browser;
    // Finish the auditor's other sampled review too, so whichever ticket the seeded draw picks for
    // calibration, her answer to it is already submitted.
    const open = await admin.get<{ items: { id: string; status: string; calibration: boolean }[] }>(
      `/api/v1/reviews?cycleId=${cycleId}&status=draft`,
    );
    for (const review of open.body.items.filter((r) => !r.calibration)) {
      const detail = await admin.get<{
        template: {
          definition: { sections: { items: { id: string; scale: 'pass_fail' | { points: number } }[] }[] };
        };
      }>(`/api/v1/reviews/${review.id}`);
      const best = detail.body.template.definition.sections
        .flatMap((section) => section.items)
        .map((item) => ({
          itemId: item.id,
          value: item.scale === 'pass_fail' ? 'pass' : String(item.scale.points),
        }));
      expect(
        (await admin.send('PUT', `/api/v1/reviews/${review.id}/answers`, { answers: best })).status,
      ).toBe(200);
      expect((await admin.send('POST', `/api/v1/reviews/${review.id}/submit`)).status).toBe(200);
    }
    await signInAs(page, MANAGER);
    await page.goto(`${server.url}/audits/cycles/${cycleId}`);
    const calibration = page.getByRole('region', { name: 'Calibration' });
    await calibration.getByRole('button', { name: 'Start a calibration…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a calibration' });
    await dialog.getByRole('checkbox', { name: new RegExp(AUDITOR.name) }).check();
    await dialog.getByRole('button', { name: 'Start calibration' }).click();
    await dialog.getByText('Choose at least two reviewers: calibration compares them.').waitFor();
    await dialog.getByRole('checkbox', { name: new RegExp(MANAGER.name) }).check();
    await dialog.getByLabel('Tickets').fill('1');
    await dialog.getByRole('button', { name: 'Start calibration' }).click();
    await calibration.getByText(/1 ticket, reviewed by/).waitFor();

    // The ticket's sampled review counts as its reviewer's calibration answer; the other reviewer
    // scores it alike over the API, and the page reads the agreement.
    const view = await admin.get<{ reviews: { id: string; status: string }[] }>(
      `/api/v1/audit-cycles/${cycleId}/calibration`,
    );
    expect(view.body.reviews.map((r) => r.status).sort()).toEqual(['draft', 'submitted']);
    const done = view.body.reviews.find((r) => r.status === 'submitted');
    const draft = view.body.reviews.find((r) => r.status === 'draft');
    const scored = await admin.get<{ answers: { itemId: string; value: string; note: string | null }[] }>(
      `/api/v1/reviews/${done?.id ?? ''}`,
    );
    const answers = scored.body.answers.map(({ itemId, value, note }) => ({ itemId, value, note }));
    expect((await admin.send('PUT', `/api/v1/reviews/${draft?.id ?? ''}/answers`, { answers })).status).toBe(
      200,
    );
    expect((await admin.send('POST', `/api/v1/reviews/${draft?.id ?? ''}/submit`)).status).toBe(200);
    await page.reload();
    const calm = calibration.getByRole('article', { name: /Stayed calm and respectful/ });
    await calm
      .getByRole('row')
      .filter({ hasText: /PAY-/ })
      .getByText(/^(0|100) \(sd 0, n = 2\)$/)
      .waitFor();
    await calm
      .getByText(new RegExp(`${AUDITOR.name} and ${MANAGER.name}|${MANAGER.name} and ${AUDITOR.name}`))
      .waitFor();
    await calm
      .getByText(/kappa not computed \(n = 1\): 1 of the same tickets/)
      .first()
      .waitFor();
    await checkScreen(page, 'reviews-calibration');
  });
});
