import { SummaryQuery } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';
import { requireRoleOrScope } from '../middleware/auth';
import { getSummary } from '../services/reports';

export const reports = new Hono<AppEnv>().get(
  '/summary',
  requireRoleOrScope(['admin', 'manager', 'viewer'], 'reports:read'),
  validate('query', SummaryQuery),
  async (c) => c.json(await getSummary(c.get('db'), c.req.valid('query')), 200),
);
