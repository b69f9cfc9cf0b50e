import { CreateSurvey, PreviewSurvey, SaveSurveyDraft, UpdateSurveyRules, Uuid } from '@rapport/contracts';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { renderSurveyPreview } from '../public/survey-preview';
import {
  archiveSurvey,
  discardSurveyDraft,
  publishSurvey,
  restoreSurvey,
  saveSurveyDraft,
} from '../services/survey-lifecycle';
import { getSurveyVersion, listSurveyVersions } from '../services/survey-versions';
import { createSurvey, getSurvey, listSurveys, updateSurveyRules } from '../services/surveys';
import { idParam } from './params';

const versionParam = validate(
  'param',
  v.object({
    id: Uuid,
    version: v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,8}$/, 'The version is a whole number from 1 (as in /versions/2).'),
      v.transform(Number),
    ),
  }),
);

// Everyone reads surveys (reports name them); managers and admins build, publish and archive them.
export const surveys = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), async (c) => c.json({ items: await listSurveys(c.get('db')) }, 200))
  .post('/', requireRole(...MANAGERS), validate('json', CreateSurvey), async (c) =>
    c.json(await createSurvey(c.get('db'), actorOf(c), c.req.valid('json')), 201),
  )
  // Renders the builder's unsaved definition; stores nothing.
  .post('/preview', requireRole(...MANAGERS), validate('json', PreviewSurvey), async (c) =>
    c.json(await renderSurveyPreview(c.req.valid('json'), c.get('config').publicUrl), 200),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getSurvey(c.get('db'), c.req.valid('param').id), 200),
  )
  .patch('/:id/rules', requireRole(...MANAGERS), idParam, validate('json', UpdateSurveyRules), async (c) =>
    c.json(
      await updateSurveyRules(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
      200,
    ),
  )
  .put('/:id/draft', requireRole(...MANAGERS), idParam, validate('json', SaveSurveyDraft), async (c) =>
    c.json(await saveSurveyDraft(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .delete('/:id/draft', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await discardSurveyDraft(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .post('/:id/publish', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await publishSurvey(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .post('/:id/archive', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await archiveSurvey(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .post('/:id/restore', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await restoreSurvey(c.get('db'), actorOf(c), c.req.valid('param').id), 200),
  )
  .get('/:id/versions', requireRole(...STAFF), idParam, async (c) =>
    c.json({ items: await listSurveyVersions(c.get('db'), c.req.valid('param').id) }, 200),
  )
  .get('/:id/versions/:version', requireRole(...STAFF), versionParam, async (c) => {
    const { id, version } = c.req.valid('param');
    return c.json(await getSurveyVersion(c.get('db'), id, version), 200);
  });
