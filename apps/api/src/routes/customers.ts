import { ListCustomersQuery } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole } from '../middleware/auth';
import { getCustomer, listCustomers } from '../services/customers';
import { idParam } from './params';

// Customers are personal data: managers and admins only.
export const customers = new Hono<AppEnv>()
  .use(requireRole(...MANAGERS))
  .get('/', validate('query', ListCustomersQuery), async (c) =>
    c.json(await listCustomers(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/:id', idParam, async (c) => c.json(await getCustomer(c.get('db'), c.req.valid('param').id), 200));
