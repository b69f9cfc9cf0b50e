import { DecideDispute, ListReviewsQuery, RaiseDispute, SaveReviewAnswers, Uuid } from '@rapport/contracts';
import { Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { actorOf } from '../lib/actor';
import { auditViewerOf } from '../lib/audit-viewer';
import { validate } from '../lib/validate';
import { MANAGERS, requireRole, STAFF } from '../middleware/auth';
import { decideDispute, raiseDispute } from '../services/review-disputes';
import { getReview, listReviews, saveReviewAnswers, submitReview } from '../services/reviews';
import { idParam } from './params';

const SCORING = [...MANAGERS, 'auditor' as const];
const disputeParams = validate('param', v.object({ id: Uuid, disputeId: Uuid }));

// Reviewers score the reviews assigned to them, managers any review. Everyone reads their own
// submitted reviews as the agent reviewed (matched by email) and may dispute them; the service
// checks who is who.
export const reviews = new Hono<AppEnv>()
  .get('/', requireRole(...STAFF), validate('query', ListReviewsQuery), async (c) =>
    c.json(await listReviews(c.get('db'), auditViewerOf(c), c.req.valid('query')), 200),
  )
  .get('/:id', requireRole(...STAFF), idParam, async (c) =>
    c.json(await getReview(c.get('db'), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .put('/:id/answers', requireRole(...SCORING), idParam, validate('json', SaveReviewAnswers), async (c) =>
    c.json(
      await saveReviewAnswers(
        c.get('db'),
        actorOf(c),
        auditViewerOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      200,
    ),
  )
  .post('/:id/submit', requireRole(...SCORING), idParam, async (c) =>
    c.json(await submitReview(c.get('db'), actorOf(c), auditViewerOf(c), c.req.valid('param').id), 200),
  )
  .post('/:id/disputes', requireRole(...STAFF), idParam, validate('json', RaiseDispute), async (c) =>
    c.json(
      await raiseDispute(
        c.get('db'),
        actorOf(c),
        auditViewerOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
      ),
      201,
    ),
  )
  .post(
    '/:id/disputes/:disputeId/decide',
    requireRole(...SCORING),
    disputeParams,
    validate('json', DecideDispute),
    async (c) => {
      const { id, disputeId } = c.req.valid('param');
      return c.json(
        await decideDispute(c.get('db'), actorOf(c), auditViewerOf(c), id, disputeId, c.req.valid('json')),
        200,
      );
    },
  );
