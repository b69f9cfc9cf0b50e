import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('/api/v1/api-keys', () => {
  it('shows the key once, lists it without the key, and revokes it', async () => {
    const created = await t.request('POST', '/api/v1/api-keys', {
      as: 'admin',
      json: { name: 'Zendesk', scopes: ['tickets:write', 'reports:read'] },
    });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^rk_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      name: 'Zendesk',
      scopes: ['tickets:write', 'reports:read'],
      prefix: created.body.key.slice(0, 10),
      revokedAt: null,
    });

    const list = await t.request('GET', '/api/v1/api-keys', { as: 'admin' });
    expect(list.body.items).toHaveLength(1);
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);

    // The key authenticates (and is refused on staff-only endpoints with 403, not 401).
    const used = await t.request('GET', '/api/v1/teams', {
      headers: { authorization: `Bearer ${created.body.key}` },
    });
    expect(used.status).toBe(403);
    const afterUse = await t.request('GET', '/api/v1/api-keys', { as: 'admin' });
    expect(afterUse.body.items[0].lastUsedAt).not.toBeNull();

    const revoked = await t.request('DELETE', `/api/v1/api-keys/${created.body.id}`, { as: 'admin' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await t.request('GET', '/api/v1/teams', {
      headers: { authorization: `Bearer ${created.body.key}` },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toBe('This API key is unknown or revoked.');
  });

  it.each([
    [{ name: 'X', scopes: [] }, 'scopes: Give the key at least one scope.'],
    [{ name: 'X', scopes: ['everything'] }, 'scopes.0: Scope must be one of tickets:write, reports:read.'],
    [{ scopes: ['tickets:write'] }, 'name: This field is required.'],
  ])('answers %j with 400: %s', async (json, message) => {
    const res = await t.request('POST', '/api/v1/api-keys', { as: 'admin', json });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(message);
  });

  it('answers 404 when revoking an unknown key', async () => {
    const res = await t.request('DELETE', `/api/v1/api-keys/${MISSING}`, { as: 'admin' });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('API key was not found.');
  });
});
