import {
  CreateCheckIn,
  CreateKeyResult,
  CreateObjective,
  ListObjectivesQuery,
  UpdateKeyResult,
  UpdateObjective,
  Uuid,
} from '@rapport/contracts';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { createCheckIn, listCheckIns } from '../services/okr-checkins';
import {
  createKeyResult,
  createObjective,
  deleteKeyResult,
  deleteObjective,
  getObjective,
  listObjectives,
  updateKeyResult,
  updateObjective,
} from '../services/okrs';
import { idParam } from './params';

const krParam = validate('param', v.object({ krId: Uuid }));

// Every role reads objectives (viewers are the executives they are for); managers and admins set
// them, change them and check in.
export const okrs = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), validate('query', ListObjectivesQuery), async (c) =>
    c.json(await listObjectives(c.get('db'), c.req.valid('query')), 200),
  )
  .post('/', requireRole(...MANAGERS), validate('json', CreateObjective), async (c) =>
    c.json(await createObjective(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  // The key-result paths come before /:id so "key-results" is never read as an objective id.
  .patch(
    '/key-results/:krId',
    requireRole(...MANAGERS),
    krParam,
    validate('json', UpdateKeyResult),
    async (c) =>
      c.json(
        await updateKeyResult(c.get('db'), actorOf(c), c.req.valid('param').krId, c.req.valid('json')),
        200,
      ),
  )
  .delete('/key-results/:krId', requireRole(...MANAGERS), krParam, async (c) => {
    await deleteKeyResult(c.get('db'), actorOf(c), c.req.valid('param').krId);
    return c.body(null, 204);
  })
  .get('/key-results/:krId/check-ins', requireRole(...STAFF), krParam, async (c) =>
    c.json(await listCheckIns(c.get('db'), c.req.valid('param').krId), 200),
  )
  .post(
    '/key-results/:krId/check-ins',
    requireRole(...MANAGERS),
    krParam,
    validate('json', CreateCheckIn),
    async (c) =>
      c.json(
        await createCheckIn(c.get('db'), actorOf(c), c.req.valid('param').krId, c.req.valid('json')),
        201,
      ),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getObjective(c.get('db'), c.req.valid('param').id), 200),
  )
  .patch('/:id', requireRole(...MANAGERS), idParam, validate('json', UpdateObjective), async (c) =>
    c.json(await updateObjective(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .delete('/:id', requireRole(...MANAGERS), idParam, async (c) => {
    await deleteObjective(c.get('db'), actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  })
  .post('/:id/key-results', requireRole(...MANAGERS), idParam, validate('json', CreateKeyResult), async (c) =>
    c.json(await createKeyResult(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
