import { ListAuditLogQuery } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';
import { requireRole } from '../middleware/auth';
import { listAuditLog } from '../services/audit-log';

export const auditLog = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', validate('query', ListAuditLogQuery), async (c) =>
    c.json(await listAuditLog(c.get('db'), c.req.valid('query')), 200),
  );
