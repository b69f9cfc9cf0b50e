import { ListResponsesQuery } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole } from '../middleware/auth';
import { listResponses } from '../services/responses';

// Responses carry customers' comments and contact details: managers and admins.
export const responses = new Hono<AppEnv>()
  .use(requireRole(...MANAGERS))
  .get('/', validate('query', ListResponsesQuery), async (c) =>
    c.json(await listResponses(c.get('db'), c.req.valid('query')), 200),
  );
