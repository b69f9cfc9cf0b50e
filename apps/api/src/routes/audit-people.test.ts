import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

interface Person {
  id: string;
  name: string;
  role: string;
}

describe('GET /audits/people', () => {
  it('lists the active admins, managers and auditors, never viewers or deactivated users', async () => {
    const second = await t.request<{ id: string }>('POST', '/api/v1/users', {
      as: 'admin',
      json: {
        email: 'gone@example.com',
        name: 'Gone Auditor',
        role: 'auditor',
        password: 'gone-password-123',
      },
    });
    expect(second.status).toBe(201);
    const disabled = await t.request('PATCH', `/api/v1/users/${second.body.id}`, {
      as: 'admin',
      json: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    const res = await t.request<{ items: Person[] }>('GET', '/api/v1/audits/people', { as: 'manager' });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p) => p.id).sort();
    expect(ids).toEqual([t.users.admin.id, t.users.manager.id, t.users.auditor.id].sort());
    expect(res.body.items.find((p) => p.id === t.users.auditor.id)?.role).toBe('auditor');
  });

  it('is for managers and admins only', async () => {
    expect((await t.request('GET', '/api/v1/audits/people', { as: 'admin' })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/audits/people', { as: 'auditor' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/audits/people', { as: 'viewer' })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/audits/people', { as: 'nobody' })).status).toBe(401);
  });
});
