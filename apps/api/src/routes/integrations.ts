import { TicketEvent } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';
import { readTicketImport } from '../lib/ticket-import-body';
import { MANAGERS, requireRoleOrScope } from '../middleware/auth';
import { ticketSource } from '../middleware/ticket-source';
import { ingestTicketEvent } from '../services/ticket-events';
import { importTickets } from '../services/ticket-import';

export const integrations = new Hono<AppEnv>()
  .post('/tickets/events', ticketSource, validate('json', TicketEvent), async (c) => {
    const result = await ingestTicketEvent(c.get('db'), c.req.valid('json'), {
      secret: c.get('config').secret,
      queue: c.get('queue'),
    });
    return c.json(result, 202);
  })
  // Past tickets for a first load or a move from another tool: managers in the admin, or a helpdesk key.
  .post('/tickets/import', requireRoleOrScope(MANAGERS, 'tickets:write'), async (c) => {
    const tickets = await readTicketImport(c.req.raw);
    return c.json(await importTickets(c.get('db'), tickets), 200);
  });
