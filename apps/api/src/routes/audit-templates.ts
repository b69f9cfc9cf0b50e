import { CreateAuditTemplate, UpdateAuditTemplate } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import {
  createAuditTemplate,
  getAuditTemplate,
  listAuditTemplates,
  setAuditTemplateArchived,
  updateAuditTemplate,
} from '../services/audit-templates';
import { idParam } from './params';

// Everyone reads the checklists (audits and reports show them); managers and admins write them.
export const auditTemplates = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), async (c) => c.json(await listAuditTemplates(c.get('db')), 200))
  .post('/', requireRole(...MANAGERS), validate('json', CreateAuditTemplate), async (c) =>
    c.json(await createAuditTemplate(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getAuditTemplate(c.get('db'), c.req.valid('param').id), 200),
  )
  .patch('/:id', requireRole(...MANAGERS), idParam, validate('json', UpdateAuditTemplate), async (c) =>
    c.json(
      await updateAuditTemplate(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .post('/:id/archive', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await setAuditTemplateArchived(c.get('db'), actorOf(c), c.req.valid('param').id, true), 200),
  )
  .post('/:id/restore', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await setAuditTemplateArchived(c.get('db'), actorOf(c), c.req.valid('param').id, false), 200),
  );
