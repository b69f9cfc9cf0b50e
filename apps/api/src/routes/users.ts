import { CreateUser, UpdateUser } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { requireRole } from '../middleware/auth';
import { createUser, getUser, listUsers, updateUser } from '../services/users';
import { idParam } from './params';

export const users = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', async (c) => c.json({ items: await listUsers(c.get('db')) }, 200))
  .post('/', validate('json', CreateUser), async (c) =>
    c.json(await createUser(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .get('/:id', idParam, async (c) => c.json(await getUser(c.get('db'), c.req.valid('param').id), 200))
  .patch('/:id', idParam, validate('json', UpdateUser), async (c) =>
    c.json(await updateUser(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
