import { ListActionsQuery, UpdateAction } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { auditViewerOf } from '../lib/audit-viewer';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { getAction, listActions, updateAction } from '../services/corrective-actions';
import { idParam } from './params';

// Corrective actions: everyone reads them (auditors those of their audits); managers and admins change them.
export const actions = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), validate('query', ListActionsQuery), async (c) =>
    c.json(await listActions(c.get('db'), auditViewerOf(c), c.req.valid('query')), 200),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getAction(c.get('db'), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .patch('/:id', requireRole(...MANAGERS), idParam, validate('json', UpdateAction), async (c) =>
    c.json(await updateAction(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
