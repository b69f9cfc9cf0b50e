import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

async function login(email: string, password: string) {
  return t.request('POST', '/api/v1/auth/login', { json: { email, password } });
}

describe('POST /api/v1/auth/login', () => {
  it('signs in with an HttpOnly, SameSite=Lax session cookie and returns the user', async () => {
    const res = await login('Manager@Test.Example', PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'manager@test.example', role: 'manager', disabled: false });
    expect(res.body.user.passwordHash).toBeUndefined();
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^rapport_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('refuses a wrong password and an unknown email with the same 401', async () => {
    const wrong = await login('viewer@test.example', 'not the password');
    const unknown = await login('nobody@test.example', 'not the password');
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 'UNAUTHORIZED', message: 'Email or password is incorrect.' },
      });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it.each([
    [{ email: 'not-an-email', password: 'x' }, 'email: Enter a valid email address.'],
    [{ email: 'a@b.co' }, 'password: This field is required.'],
    [{ email: 'a@b.co', password: 12 }, 'password: Password is required.'],
    ['just text', 'Must be an object.'],
    [[], 'email: This field is required.'],
  ])('answers %j with a 400 that names the problem', async (json, message) => {
    const res = await t.request('POST', '/api/v1/auth/login', { json });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION');
    expect(res.body.error.message).toBe(message);
    expect(JSON.stringify(res.body)).not.toContain('not-an-email');
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { raw: '{"email": "a@b.co",' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' },
    });
  });

  it('refuses every attempt after 10 failures for one email within 15 minutes, the right password too', async () => {
    const email = 'auditor@test.example';
    for (let i = 0; i < 10; i++) expect((await login(email, `wrong ${i}`)).status).toBe(401);
    const blocked = await login(email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(blocked.body.error.message).toMatch(
      /Too many failed sign-ins for this email\. Try again in 1[45] minutes\./,
    );
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    // Another account is not affected.
    expect((await login('admin@test.example', PASSWORD)).status).toBe(200);
  });
});

describe('GET /api/v1/auth/me and logout', () => {
  it('returns the signed-in user, then 401 after logout', async () => {
    const res = await login('viewer@test.example', PASSWORD);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ email: 'viewer@test.example', role: 'viewer' });

    // A browser's fetch sends Sec-Fetch-Site; without it (or a same-origin Origin) the CSRF guard refuses.
    const forged = await t.request('POST', '/api/v1/auth/logout', {
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(forged.status).toBe(403);
    const out = await t.request('POST', '/api/v1/auth/logout', {
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/rapport_session=;.*Max-Age=0/);
    const after = await t.request('GET', '/api/v1/auth/me', { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(after.body).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Sign in to continue.' } });
  });

  it('treats a made-up session cookie as signed out', async () => {
    const me = await t.request('GET', '/api/v1/auth/me', { headers: { cookie: 'rapport_session=forged' } });
    expect(me.status).toBe(401);
  });

  it('refuses API keys on staff endpoints with 403', async () => {
    const created = await t.request('POST', '/api/v1/api-keys', {
      as: 'admin',
      json: { name: 'Helpdesk', scopes: ['tickets:write'] },
    });
    const me = await t.request('GET', '/api/v1/auth/me', {
      headers: { authorization: `Bearer ${created.body.key}` },
    });
    expect(me.status).toBe(403);
    expect(me.body.error.message).toBe('API keys cannot use this endpoint.');
  });

  it('refuses a malformed Authorization header with 401', async () => {
    const me = await t.request('GET', '/api/v1/auth/me', { headers: { authorization: 'Basic abc' } });
    expect(me.status).toBe(401);
    expect(me.body.error.message).toBe('The Authorization header must be "Bearer rk_…" with an API key.');
  });
});
