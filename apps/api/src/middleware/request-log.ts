import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

/** One log line per API request, with its request id, so a 500 can be traced from the message a user quotes. */
export const requestLog = createMiddleware<AppEnv>(async (c, next) => {
  const started = performance.now();
  await next();
  c.get('logger').info(
    {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    },
    'request',
  );
});
