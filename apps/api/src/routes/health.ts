import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { checkDatabase } from '../services/health';

/** For load balancers and uptime checks: no login, no personal data. */
export const health = new Hono<AppEnv>().get('/', async (c) => {
  const database = await checkDatabase(c.get('db'));
  return database === 'ok'
    ? c.json({ status: 'ok', database }, 200)
    : c.json({ status: 'unavailable', database }, 503);
});
