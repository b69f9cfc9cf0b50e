import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { RateLimitedError } from '../errors';

export interface RateLimitOptions {
  /** Requests allowed per client in one window. */
  limit: number;
  windowMs: number;
  /** The clock; tests pass their own. */
  now?: () => number;
  /** Who a request counts against (null: not limited); `clientKey` by default. */
  keyOf?: (c: Context<AppEnv>) => string | null;
}

/** Past this many tracked clients, expired windows are swept; past the hard cap, the oldest go. */
const SWEEP_AT = 10_000;
const HARD_CAP = 50_000;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

/**
 * The address of the socket the request came in on (`@hono/node-server` puts the Node request in
 * the bindings), or null when the app was called in-process (`app.request` in tests).
 *
 * @example
 * socketAddress(c) // '203.0.113.7'
 */
export function socketAddress(c: Pick<Context, 'env'>): string | null {
  const env: unknown = c.env;
  const bindings = isObject(env) && isObject(env.server) ? env.server : env;
  const incoming = isObject(bindings) ? bindings.incoming : undefined;
  const socket = isObject(incoming) ? incoming.socket : undefined;
  const address = isObject(socket) ? socket.remoteAddress : undefined;
  return typeof address === 'string' ? address : null;
}

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/i;
const PRIVATE =
  /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|f[cd][0-9a-f]{2}:|::ffff:(10|192\.168|172\.(1[6-9]|2\d|3[01]))\.)/i;

/**
 * Who a public request counts against. Usually the socket's address. When that is a loopback or
 * private address (a reverse proxy on this host or network), the last `X-Forwarded-For` entry:
 * the one our proxy appended, which a client cannot forge (entries before it can be). A loopback
 * caller without that header is not limited (null): a script or health check on this machine,
 * or a proxy that forwards no address — limiting that would limit every customer at once. So are
 * in-process calls.
 *
 * @example
 * clientKey(c) // '203.0.113.7'; behind nginx on 127.0.0.1 with X-Forwarded-For: '198.51.100.2, 203.0.113.7' → '203.0.113.7'
 */
export function clientKey(c: Pick<Context, 'env' | 'req'>): string | null {
  const peer = socketAddress(c);
  if (peer === null) return null;
  const loopback = LOOPBACK.test(peer);
  if (loopback || PRIVATE.test(peer)) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
    if (loopback) return null;
  }
  return peer;
}

/**
 * A fixed-window request limit per client, answering 429 (`RateLimitedError`, with Retry-After)
 * once a client has used up its window. The counts live in this process's memory: right for the
 * single-process default; with several web instances each counts on its own, so multi-instance
 * deployments rate-limit at the load balancer instead. Each call makes an independent limiter.
 *
 * @example
 * pages.get('/s/:token', rateLimit({ limit: 60, windowMs: 60_000 }), showSurvey)
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  const keyOf = options.keyOf ?? clientKey;
  const windows = new Map<string, { count: number; resetAt: number }>();

  function sweep(t: number): void {
    for (const [key, w] of windows) if (w.resetAt <= t) windows.delete(key);
    // Still too many live windows (many addresses at once): forget the oldest rather than grow without bound.
    for (const key of windows.keys()) {
      if (windows.size <= HARD_CAP) break;
      windows.delete(key);
    }
  }

  return async (c, next) => {
    const key = keyOf(c);
    if (key === null) return next();
    const t = now();
    let w = windows.get(key);
    if (!w || w.resetAt <= t) {
      if (windows.size >= SWEEP_AT) sweep(t);
      w = { count: 0, resetAt: t + options.windowMs };
      windows.set(key, w);
    }
    w.count += 1;
    if (w.count > options.limit) {
      const seconds = Math.max(1, Math.ceil((w.resetAt - t) / 1000));
      throw new RateLimitedError(`Too many requests. Try again in ${seconds} seconds.`, seconds);
    }
    return next();
  };
}
