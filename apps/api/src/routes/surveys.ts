import { UpdateSurveyRules } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { getSurvey, listSurveys, updateSurveyRules } from '../services/surveys';
import { idParam } from './params';

// Everyone reads surveys (reports name them); managers and admins change them.
export const surveys = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), async (c) => c.json({ items: await listSurveys(c.get('db')) }, 200))
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getSurvey(c.get('db'), c.req.valid('param').id), 200),
  )
  .patch('/:id/rules', requireRole(...MANAGERS), idParam, validate('json', UpdateSurveyRules), async (c) =>
    c.json(
      await updateSurveyRules(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  );
