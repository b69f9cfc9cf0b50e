import { ListCustomersQuery } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole } from '../middleware/auth';
import { eraseCustomer, exportCustomer, getCustomer, listCustomers } from '../services/customers';
import { idParam } from './params';

// Customers are personal data: managers and admins read them; only admins export or erase them.
export const customers = new Hono<AppEnv>()
  .get('/', requireRole(...MANAGERS), validate('query', ListCustomersQuery), async (c) =>
    c.json(await listCustomers(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/:id', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await getCustomer(c.get('db'), c.req.valid('param').id), 200),
  )
  .get('/:id/export', requireRole('admin'), idParam, async (c) => {
    const data = await exportCustomer(c.get('db'), c.req.valid('param').id);
    c.header('Content-Disposition', `attachment; filename="customer-${data.customer.id}.json"`);
    return c.json(data, 200);
  })
  .delete('/:id', requireRole('admin'), idParam, async (c) =>
    c.json(await eraseCustomer(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  );
