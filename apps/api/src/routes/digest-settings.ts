import { UpdateDigestSettings } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole } from '../middleware/auth';
import { queueDigestNow } from '../services/digest-deliveries';
import { readDigestSettings, updateDigestSettings } from '../services/digest-settings';

// Managers read who gets the weekly digest and when; admins change it and send it on demand.
// "Send now" only records the deliveries: the workers' digest tick gives each its job within a
// minute, so it works the same when this process is a web-only instance.
export const digestSettings = new Hono<AppEnv>()
  .get('/', requireRole(...MANAGERS), async (c) => c.json(await readDigestSettings(c.get('db')), 200))
  .put('/', requireRole('admin'), validate('json', UpdateDigestSettings), async (c) =>
    c.json(await updateDigestSettings(c.get('db'), actorOf(c), c.req.valid('json')), 200),
  )
  .post('/send-now', requireRole('admin'), async (c) =>
    c.json(await queueDigestNow(c.get('db'), actorOf(c)), 202),
  );
