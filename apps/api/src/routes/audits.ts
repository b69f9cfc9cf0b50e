import { ListAuditsQuery, ReopenAudit, SaveAuditAnswers } from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { auditViewerOf } from '../lib/audit-viewer';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { reopenAudit, signOffAudit, submitAudit } from '../services/audit-lifecycle';
import { getAudit, listAudits, saveAuditAnswers } from '../services/audits';
import { listAuditPeople } from '../services/users';
import { idParam } from './params';

const ANSWERING = [...MANAGERS, 'auditor' as const];

// Auditors answer and submit the audits assigned to them; managers and admins any audit, and only
// they sign off or reopen. Viewers read signed results.
export const audits = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), validate('query', ListAuditsQuery), async (c) =>
    c.json(await listAudits(c.get('db'), auditViewerOf(c), c.req.valid('query')), 200),
  )
  // Who can be chosen as a team's auditor or an action's owner: managers pick them.
  .get('/people', requireRole(...MANAGERS), async (c) =>
    c.json({ items: await listAuditPeople(c.get('db')) }, 200),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getAudit(c.get('db'), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .put('/:id/answers', requireRole(...ANSWERING), idParam, validate('json', SaveAuditAnswers), async (c) =>
    c.json(
      await saveAuditAnswers(
        c.get('db'),
        actorOf(c),
        auditViewerOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  )
  .post('/:id/submit', requireRole(...ANSWERING), idParam, async (c) =>
    c.json(await submitAudit(c.get('db'), actorOf(c), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .post('/:id/sign-off', requireRole(...MANAGERS), idParam, async (c) =>
    c.json(await signOffAudit(c.get('db'), actorOf(c), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .post('/:id/reopen', requireRole(...MANAGERS), idParam, validate('json', ReopenAudit), async (c) =>
    c.json(
      await reopenAudit(
        c.get('db'),
        actorOf(c),
        auditViewerOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  );
