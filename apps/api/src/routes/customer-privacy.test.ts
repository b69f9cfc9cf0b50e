import { mailOutbox, responseHistory, responses } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitResponse } from '../services/answering';
import { answered } from '../testing/fixtures';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('customer export and erasure', () => {
  it('exports everything held about a customer, then erases the personal parts but keeps the counts', async () => {
    const r = await answered(
      t,
      { rating: 2, resolved: false, comment: 'My name is Petra and my phone is 555-0101' },
      { email: 'petra@example.com' },
    );
    await submitResponse(t.db, {
      token: r.token,
      answers: { rating: 3, resolved: false, comment: 'Petra again' },
      partial: false,
      interaction: 'js',
      userAgent: 'Firefox',
    });
    await t.db.insert(mailOutbox).values({
      kind: 'invitation',
      toAddress: 'petra@example.com',
      subject: 'How did we do, Petra?',
      html: '<p>Petra</p>',
      text: 'Petra',
      invitationId: r.invitationId,
      transport: 'outbox',
    });
    const [row] = await t.db.select().from(responses).where(eq(responses.id, r.responseId));
    const customerId = row!.customerId;

    const exported = await t.request('GET', `/api/v1/customers/${customerId}/export`, { as: 'admin' });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toBe(
      `attachment; filename="customer-${customerId}.json"`,
    );
    expect(exported.body.customer).toMatchObject({ email: 'petra@example.com', erasedAt: null });
    expect(exported.body.responses[0].answers.comment).toBe('Petra again');
    expect(exported.body.responses[0].earlierAnswers[0].answers.comment).toBe(
      'My name is Petra and my phone is 555-0101',
    );
    expect(exported.body.tickets).toHaveLength(1);

    const today = new Date().toISOString().slice(0, 10);
    const before = (
      await t.request('GET', `/api/v1/reports/summary?from=${today}&to=${today}`, { as: 'admin' })
    ).body;

    const erased = await t.request('DELETE', `/api/v1/customers/${customerId}`, { as: 'admin' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ email: null, name: null, erased: true });
    const [after] = await t.db.select().from(responses).where(eq(responses.id, r.responseId));
    expect(after).toMatchObject({ comment: null, csat: 3, resolved: false });
    expect(after!.answers).toEqual({ rating: 3, resolved: false });
    expect(
      await t.db.select().from(responseHistory).where(eq(responseHistory.responseId, r.responseId)),
    ).toEqual([]);
    const [mail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.invitationId, r.invitationId));
    expect(mail).toMatchObject({ toAddress: 'erased', html: '', text: '' });
    expect(
      JSON.stringify(
        (await t.request('GET', `/api/v1/customers/${customerId}/export`, { as: 'admin' })).body,
      ),
    ).not.toMatch(/Petra|petra|555-0101/);

    const summary = (
      await t.request('GET', `/api/v1/reports/summary?from=${today}&to=${today}`, { as: 'admin' })
    ).body;
    expect(summary.csat).toEqual(before.csat);
    const log = await t.request('GET', '/api/v1/audit-log?entityType=customer', { as: 'admin' });
    expect(log.body.items[0]).toMatchObject({ action: 'customer.erase', entityId: customerId });
  });

  it('is for admins only and answers 404 for unknown customers', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await t.request('GET', `/api/v1/customers/${missing}/export`, { as: 'manager' })).status).toBe(
      403,
    );
    expect((await t.request('DELETE', `/api/v1/customers/${missing}`, { as: 'manager' })).status).toBe(403);
    expect((await t.request('GET', `/api/v1/customers/${missing}/export`, { as: 'admin' })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/customers/${missing}`, { as: 'admin' })).status).toBe(404);
  });
});
