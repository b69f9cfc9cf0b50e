import type { ErrorBody } from '@rapport/contracts';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env';
import { handleError } from '../middleware/errors';
import { clientKey, rateLimit } from './rate-limit';

function appWith(limit: number, clock: { t: number }) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.get('/', rateLimit({ limit, windowMs: 60_000, now: () => clock.t }), (c) => c.text('ok'));
  return app;
}

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describe('rateLimit', () => {
  it('allows the limit in a window, refuses the next with Retry-After, and forgets at the window end', async () => {
    const clock = { t: 1_000_000 };
    const app = appWith(3, clock);
    for (let i = 0; i < 3; i += 1)
      expect((await app.request('/', {}, from('198.51.100.1'))).status).toBe(200);
    clock.t += 15_000;
    const refused = await app.request('/', {}, from('198.51.100.1'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(((await refused.json()) as ErrorBody).error.code).toBe('RATE_LIMITED');
    expect((await app.request('/', {}, from('198.51.100.2'))).status).toBe(200);
    clock.t += 45_000;
    expect((await app.request('/', {}, from('198.51.100.1'))).status).toBe(200);
  });

  it('keeps separate counts for separate limiters', async () => {
    const clock = { t: 0 };
    const a = appWith(1, clock);
    const b = appWith(1, clock);
    expect((await a.request('/', {}, from('198.51.100.3'))).status).toBe(200);
    expect((await b.request('/', {}, from('198.51.100.3'))).status).toBe(200);
    expect((await a.request('/', {}, from('198.51.100.3'))).status).toBe(429);
  });
});

describe('clientKey', () => {
  const app = new Hono();
  app.get('/', (c) => c.text(String(clientKey(c))));
  const key = async (address: string | null, forwardedFor?: string) => {
    const headers: Record<string, string> = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    const res = await app.request('/', { headers }, address === null ? undefined : from(address));
    return res.text();
  };

  it.each([
    ['a public client, by its socket address', '198.51.100.4', undefined, '198.51.100.4'],
    ['a public client claiming another address', '198.51.100.4', '203.0.113.9', '198.51.100.4'],
    [
      'a client behind a proxy on this host: the hop the proxy added',
      '127.0.0.1',
      '203.0.113.9, 198.51.100.7',
      '198.51.100.7',
    ],
    ['a client behind a proxy on the private network', '10.0.0.5', '198.51.100.8', '198.51.100.8'],
    ['a client behind an IPv6 loopback proxy', '::1', '2001:db8::1', '2001:db8::1'],
    ['a LAN client without a proxy, by its address', '192.168.1.20', undefined, '192.168.1.20'],
    ['a caller on this machine without a proxy: not limited', '127.0.0.1', undefined, 'null'],
    ['an in-process call: not limited', null, undefined, 'null'],
  ])('counts %s', async (_name, address, forwardedFor, expected) => {
    expect(await key(address, forwardedFor)).toBe(expected);
  });

  it('reads the bindings of @hono/node-server with or without the server wrapper', async () => {
    expect(await (await app.request('/', {}, { server: from('198.51.100.5') })).text()).toBe('198.51.100.5');
  });
});
