import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const MISSING = '00000000-0000-4000-8000-000000000000';

describe('/api/v1/users', () => {
  it('lists users without password hashes', async () => {
    const res = await t.request('GET', '/api/v1/users', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { email: string }) => u.email).sort()).toEqual([
      'admin@test.example',
      'auditor@test.example',
      'manager@test.example',
      'viewer@test.example',
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('creates a user who can then sign in, and records it in the audit log', async () => {
    const res = await t.request('POST', '/api/v1/users', {
      as: 'admin',
      json: {
        email: 'Mira@Example.com',
        name: 'Mira Novak',
        role: 'manager',
        password: 'a good long password',
        locale: 'sl',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'mira@example.com',
      name: 'Mira Novak',
      role: 'manager',
      locale: 'sl',
      disabled: false,
    });
    const login = await t.request('POST', '/api/v1/auth/login', {
      json: { email: 'mira@example.com', password: 'a good long password' },
    });
    expect(login.status).toBe(200);

    const log = await t.request('GET', '/api/v1/audit-log?entityType=user', { as: 'admin' });
    const entry = log.body.items.find(
      (e: { entityId: string; action: string }) => e.entityId === res.body.id && e.action === 'user.create',
    );
    expect(entry).toMatchObject({
      actor: 'admin@test.example',
      after: { email: 'mira@example.com', role: 'manager' },
    });
    expect(JSON.stringify(entry)).not.toContain('password');
  });

  it('refuses a second user with the same email, whatever its case, with 409', async () => {
    const res = await t.request('POST', '/api/v1/users', {
      as: 'admin',
      json: { email: 'VIEWER@test.example', name: 'Copy', role: 'viewer', password: 'a good long password' },
    });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error: { code: 'CONFLICT', message: 'A user with the email viewer@test.example already exists.' },
    });
  });

  it.each([
    [{ email: 'x@y.example', name: 'X', role: 'owner', password: 'a good long password' }, 'role'],
    [{ email: 'x@y.example', name: 'X', role: 'viewer', password: 'short' }, 'password'],
    [{ name: 'X', role: 'viewer', password: 'a good long password' }, 'email'],
  ])('answers %j with 400 pointing at %s', async (json, field) => {
    const res = await t.request('POST', '/api/v1/users', { as: 'admin', json });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: field }));
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    const missing = await t.request('GET', `/api/v1/users/${MISSING}`, { as: 'admin' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'NOT_FOUND', message: 'User was not found.' } });
    expect(
      (await t.request('PATCH', `/api/v1/users/${MISSING}`, { as: 'admin', json: { name: 'Y' } })).status,
    ).toBe(404);
    const malformed = await t.request('GET', '/api/v1/users/abc', { as: 'admin' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe('id: Must be an id (a UUID).');
  });

  it('changes role, and disabling a user ends their sessions', async () => {
    const created = await t.request('POST', '/api/v1/users', {
      as: 'admin',
      json: {
        email: 'leaving@example.com',
        name: 'Leaving',
        role: 'viewer',
        password: 'a good long password',
      },
    });
    const login = await t.request('POST', '/api/v1/auth/login', {
      json: { email: 'leaving@example.com', password: 'a good long password' },
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await t.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(200);

    const promoted = await t.request('PATCH', `/api/v1/users/${created.body.id}`, {
      as: 'admin',
      json: { role: 'auditor' },
    });
    expect(promoted.body.role).toBe('auditor');
    const disabled = await t.request('PATCH', `/api/v1/users/${created.body.id}`, {
      as: 'admin',
      json: { disabled: true },
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);
    expect((await t.request('GET', '/api/v1/auth/me', { headers: { cookie } })).status).toBe(401);
    const again = await t.request('POST', '/api/v1/auth/login', {
      json: { email: 'leaving@example.com', password: 'a good long password' },
    });
    expect(again.status).toBe(401);
  });

  it('refuses an empty change', async () => {
    const res = await t.request('PATCH', `/api/v1/users/${t.users.viewer.id}`, { as: 'admin', json: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Nothing to change.');
  });

  it('never demotes or disables the last active admin', async () => {
    const demote = await t.request('PATCH', `/api/v1/users/${t.users.admin.id}`, {
      as: 'admin',
      json: { role: 'viewer' },
    });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toBe('This is the last active admin. Make another user admin first.');
    const disable = await t.request('PATCH', `/api/v1/users/${t.users.admin.id}`, {
      as: 'admin',
      json: { disabled: true },
    });
    expect(disable.status).toBe(409);
    const me = await t.request('GET', '/api/v1/auth/me', { as: 'admin' });
    expect(me.body.user.role).toBe('admin');
  });
});
