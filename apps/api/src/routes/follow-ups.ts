import { ListFollowUpsQuery, UpdateFollowUp } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole } from '../middleware/auth';
import {
  countFollowUps,
  getFollowUp,
  listFollowUpOwners,
  listFollowUps,
  updateFollowUp,
} from '../services/follow-ups';
import { idParam } from './params';

// Follow-ups hold customers' contact details and comments: managers and admins.
export const followUps = new Hono<AppEnv>()
  .use(requireRole(...MANAGERS))
  .get('/', validate('query', ListFollowUpsQuery), async (c) =>
    c.json(await listFollowUps(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/counts', async (c) => c.json(await countFollowUps(c.get('db')), 200))
  // Managers cannot list users; the board needs to know who can own a follow-up.
  .get('/owners', async (c) => c.json(await listFollowUpOwners(c.get('db')), 200))
  .get('/:id', idParam, async (c) => c.json(await getFollowUp(c.get('db'), c.req.valid('param').id), 200))
  .patch('/:id', idParam, validate('json', UpdateFollowUp), async (c) =>
    c.json(await updateFollowUp(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
