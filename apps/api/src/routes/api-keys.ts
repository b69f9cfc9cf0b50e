import { CreateApiKey } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { requireRole } from '../middleware/auth';
import { createApiKey, listApiKeys, revokeApiKey } from '../services/api-keys';
import { idParam } from './params';

export const apiKeys = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json({ items: await listApiKeys(c.get('db')) }, 200))
  .post('/', validate('json', CreateApiKey), async (c) =>
    c.json(await createApiKey(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .delete('/:id', idParam, async (c) =>
    c.json(await revokeApiKey(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  );
