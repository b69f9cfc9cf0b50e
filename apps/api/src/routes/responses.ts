import { ListResponsesQuery, UpdateResponse } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole } from '../middleware/auth';
import { listResponses, setResponseCounted } from '../services/responses';
import { idParam } from './params';

// Responses carry customers' comments and contact details: managers and admins.
export const responses = new Hono<AppEnv>()
  .use(requireRole(...MANAGERS))
  .get('/', validate('query', ListResponsesQuery), async (c) =>
    c.json(await listResponses(c.get('db'), c.req.valid('query')), 200),
  )
  .patch('/:id', idParam, validate('json', UpdateResponse), async (c) =>
    c.json(
      await setResponseCounted(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json').counted),
      200,
    ),
  );
