import { Limit, Uuid } from '@rapport/contracts';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';
import { requireRole } from '../middleware/auth';
import { getOutboxMessage, listOutbox } from '../services/outbox';
import { idParam } from './params';

/** GET /api/v1/outbox query: a page of messages, optionally one invitation's. */
export const ListOutboxQuery = v.object({
  limit: Limit,
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: v.optional(v.pipe(v.string(), v.maxLength(200))),
  invitationId: v.optional(Uuid),
});
export type ListOutboxQuery = v.InferOutput<typeof ListOutboxQuery>;

// Messages hold customers' addresses and live survey links: admins only.
export const outbox = new Hono<AppEnv>()
  .use(requireRole('admin'))
  .get('/', validate('query', ListOutboxQuery), async (c) =>
    c.json(await listOutbox(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/:id', idParam, async (c) =>
    c.json(await getOutboxMessage(c.get('db'), c.req.valid('param').id), 200),
  );
