import { ExportResponsesQuery, ListResponsesQuery, UpdateResponse } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole } from '../middleware/auth';
import { getResponse, listResponses, setResponseCounted } from '../services/responses';
import { exportResponses } from '../services/responses-export';
import { idParam } from './params';

// Responses carry customers' comments and contact details: managers and admins.
export const responses = new Hono<AppEnv>()
  .use(requireRole(...MANAGERS))
  .get('/', validate('query', ListResponsesQuery), async (c) =>
    c.json(await listResponses(c.get('db'), c.req.valid('query')), 200),
  )
  // Before /:id, which would take "export.csv" for an id.
  .get('/export.csv', validate('query', ExportResponsesQuery), async (c) => {
    const { fileName, stream } = await exportResponses(c.get('db'), c.req.valid('query'));
    return c.body(stream, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      // Customers' names, emails and comments: never kept by a shared cache.
      'cache-control': 'no-store',
    });
  })
  .get('/:id', idParam, async (c) => c.json(await getResponse(c.get('db'), c.req.valid('param').id), 200))
  .patch('/:id', idParam, validate('json', UpdateResponse), async (c) =>
    c.json(
      await setResponseCounted(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json').counted),
      200,
    ),
  );
