import {
  BreakdownQuery,
  DriversQuery,
  QualityQuery,
  ReasonsQuery,
  SummaryQuery,
  TilesQuery,
  TrendQuery,
} from '@rapport/contracts';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { validate } from '../lib/validate';
import { requireRoleOrScope } from '../middleware/auth';
import { getBreakdown } from '../services/report-breakdowns';
import { getDrivers } from '../services/report-drivers';
import { getQualityByTeam } from '../services/report-quality';
import { getReasons } from '../services/report-reasons';
import { getReviewCsat } from '../services/report-review-csat';
import { getTrend } from '../services/report-series';
import { getTiles } from '../services/report-tiles';
import { getSummary } from '../services/reports';

/** Viewers and up read reports; so does an API key with `reports:read` (a BI tool). */
const readers = () => requireRoleOrScope(['admin', 'manager', 'viewer'], 'reports:read');

export const reports = new Hono<AppEnv>()
  .get('/summary', readers(), validate('query', SummaryQuery), async (c) =>
    c.json(await getSummary(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/tiles', readers(), validate('query', TilesQuery), async (c) =>
    c.json(await getTiles(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/trend', readers(), validate('query', TrendQuery), async (c) =>
    c.json(await getTrend(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/breakdown', readers(), validate('query', BreakdownQuery), async (c) =>
    c.json(await getBreakdown(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/reasons', readers(), validate('query', ReasonsQuery), async (c) =>
    c.json(await getReasons(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/drivers', readers(), validate('query', DriversQuery), async (c) =>
    c.json(await getDrivers(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/quality', readers(), validate('query', QualityQuery), async (c) =>
    c.json(await getQualityByTeam(c.get('db'), c.req.valid('query')), 200),
  )
  .get('/review-csat', readers(), validate('query', QualityQuery), async (c) =>
    c.json(await getReviewCsat(c.get('db'), c.req.valid('query')), 200),
  );
