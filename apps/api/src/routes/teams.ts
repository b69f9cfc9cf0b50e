import { CreateTeam, UpdateTeam } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from '../services/teams';
import { listActiveManagers } from '../services/users';
import { idParam } from './params';

// Every role reads teams (reports filter by them); managers and admins change them.
export const teams = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), async (c) => c.json({ items: await listTeams(c.get('db')) }, 200))
  // Declared before /:id so "lead-candidates" is not taken for a team id.
  .get('/lead-candidates', requireRole(...MANAGERS), async (c) =>
    c.json({ items: await listActiveManagers(c.get('db')) }, 200),
  )
  .post('/', requireRole(...MANAGERS), validate('json', CreateTeam), async (c) =>
    c.json(await createTeam(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getTeam(c.get('db'), c.req.valid('param').id), 200),
  )
  .patch('/:id', requireRole(...MANAGERS), idParam, validate('json', UpdateTeam), async (c) =>
    c.json(await updateTeam(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .delete('/:id', requireRole(...MANAGERS), idParam, async (c) => {
    await deleteTeam(c.get('db'), actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
