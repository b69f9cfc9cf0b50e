import { CreateAgent, ListAgentsQuery, UpdateAgent } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { createAgent, getAgent, listAgents, updateAgent } from '../services/agents';
import { idParam } from './params';

// Every role reads agents (reports break down by agent); managers and admins change them.
export const agents = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), validate('query', ListAgentsQuery), async (c) =>
    c.json({ items: await listAgents(c.get('db'), c.req.valid('query')) }, 200),
  )
  .post('/', requireRole(...MANAGERS), validate('json', CreateAgent), async (c) =>
    c.json(await createAgent(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getAgent(c.get('db'), c.req.valid('param').id), 200),
  )
  .patch('/:id', requireRole(...MANAGERS), idParam, validate('json', UpdateAgent), async (c) =>
    c.json(await updateAgent(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
