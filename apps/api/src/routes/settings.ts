import { UpdateSettings } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { requireRole, STAFF } from '../middleware/auth';
import { readSettings, revealWebhookSecret, rotateWebhookSecret, updateSettings } from '../services/settings';

// Everyone reads the organisation's time zone and hours (reports and due times use them); admins
// change them and are the only ones who see the webhook secret.
export const settings = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), async (c) =>
    c.json(await readSettings(c.get('db'), Boolean(c.get('config').webhookSecret)), 200),
  )
  .patch('/', requireRole('admin'), validate('json', UpdateSettings), async (c) =>
    c.json(
      await updateSettings(
        c.get('db'),
        actorOf(c),
        c.req.valid('json'),
        Boolean(c.get('config').webhookSecret),
      ),
      200,
    ),
  )
  .get('/webhook-secret', requireRole('admin'), async (c) =>
    c.json(await revealWebhookSecret(c.get('db'), actorOf(c), Boolean(c.get('config').webhookSecret)), 200),
  )
  .post('/webhook-secret/rotate', requireRole('admin'), async (c) =>
    c.json(await rotateWebhookSecret(c.get('db'), actorOf(c), Boolean(c.get('config').webhookSecret)), 200),
  );
