import { CreateAuditCycle } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { auditViewerOf } from '../lib/audit-viewer';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { getAuditCycle, listAuditCycles, openAuditCycle } from '../services/audit-cycles';
import { idParam } from './params';

// Managers and admins open cycles; everyone reads them, each seeing only the audits they may see.
export const auditCycles = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), async (c) =>
    c.json(await listAuditCycles(c.get('db'), auditViewerOf(c)), 200),
  )
  .post('/', requireRole(...MANAGERS), validate('json', CreateAuditCycle), async (c) =>
    c.json(await openAuditCycle(c.get('db'), actorOf(c), auditViewerOf(c), c.req.valid('json')), 201),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getAuditCycle(c.get('db'), auditViewerOf(c), c.req.valid('param').id), 200),
  );
