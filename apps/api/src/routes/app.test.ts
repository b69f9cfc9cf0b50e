import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('the API shell', () => {
  it('answers unknown API paths with a JSON 404 in the house shape', async () => {
    for (const path of ['/api/v1/nope', '/api/nope', '/api/v1/users/extra/segments']) {
      const res = await t.request('GET', path, { as: 'admin' });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const res = await t.request('POST', '/api/v1/teams', {
      as: 'admin',
      raw: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({
      error: { code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
    });
  });

  it('gives every reply a request id', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /api/health', () => {
  it('reports ok while the database answers', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('reports 503 when the database does not answer', async () => {
    const other = await createTestContext();
    await other.handle.close();
    const res = await other.request('GET', '/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'unavailable', database: 'unavailable' });
    await other.close().catch(() => {});
  });
});
