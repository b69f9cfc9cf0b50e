import { CreateAuditCycle, CreateCalibration } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { auditViewerOf } from '../lib/audit-viewer';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { getAuditCycle, listAuditCycles, openAuditCycle } from '../services/audit-cycles';
import { getCycleResults } from '../services/audit-results';
import { createCalibration, getCalibration } from '../services/review-calibration';
import { getCycleSamples } from '../services/review-sampling';
import { idParam } from './params';

const REVIEWERS = [...MANAGERS, 'auditor' as const];

// Managers and admins open cycles and set up calibration; everyone reads cycles and results, each
// seeing only the audits they may see; reviewers read the sample and the calibration.
export const auditCycles = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), async (c) =>
    c.json(await listAuditCycles(c.get('db'), auditViewerOf(c)), 200),
  )
  .post('/', requireRole(...MANAGERS), validate('json', CreateAuditCycle), async (c) =>
    c.json(await openAuditCycle(c.get('db'), actorOf(c), auditViewerOf(c), c.req.valid('json')), 201),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getAuditCycle(c.get('db'), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .get('/:id/samples', requireRole(...REVIEWERS), idParam, async (c) =>
    c.json(await getCycleSamples(c.get('db'), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .get('/:id/results', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getCycleResults(c.get('db'), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .get('/:id/calibration', requireRole(...REVIEWERS), idParam, async (c) =>
    c.json(await getCalibration(c.get('db'), c.req.valid('param').id), 200),
  )
  .post(
    '/:id/calibration',
    requireRole(...MANAGERS),
    idParam,
    validate('json', CreateCalibration),
    async (c) =>
      c.json(
        await createCalibration(c.get('db'), actorOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  );
