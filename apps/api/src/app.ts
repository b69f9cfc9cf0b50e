import { fileURLToPath } from 'node:url';
import type { Database } from '@rapport/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { RuntimeConfig } from './config';
import type { AppEnv } from './env';
import type { JobQueue } from './jobs/queue';
import { identify } from './middleware/auth';
import { apiNotFound, handleError } from './middleware/errors';
import { requestLog } from './middleware/request-log';
import { refuseCrossSite } from './middleware/same-site';
import { actions } from './routes/actions';
import { agents } from './routes/agents';
import { apiKeys } from './routes/api-keys';
import { auditCycles } from './routes/audit-cycles';
import { auditLog } from './routes/audit-log';
import { auditTemplates } from './routes/audit-templates';
import { audits } from './routes/audits';
import { auth } from './routes/auth';
import { customers } from './routes/customers';
import { digestSettings } from './routes/digest-settings';
import { followUps } from './routes/follow-ups';
import { health } from './routes/health';
import { integrations } from './routes/integrations';
import { okrs } from './routes/okrs';
import { outbox } from './routes/outbox';
import { publicPages } from './routes/public';
import { reports } from './routes/reports';
import { responses } from './routes/responses';
import { reviews } from './routes/reviews';
import { settings } from './routes/settings';
import { surveys } from './routes/surveys';
import { teams } from './routes/teams';
import { users } from './routes/users';
import { adminSite } from './static-admin';

/** The JSON API under /api/v1. Its type is what the admin's typed client (`hc<AppType>`) is built from. */
const api = new Hono<AppEnv>()
  .route('/auth', auth)
  .route('/users', users)
  .route('/teams', teams)
  .route('/agents', agents)
  .route('/api-keys', apiKeys)
  .route('/customers', customers)
  .route('/audit-log', auditLog)
  .route('/surveys', surveys)
  .route('/follow-ups', followUps)
  .route('/integrations', integrations)
  .route('/responses', responses)
  .route('/reports', reports)
  .route('/outbox', outbox)
  .route('/settings', settings)
  .route('/settings/digest', digestSettings)
  .route('/audit-templates', auditTemplates)
  .route('/audit-cycles', auditCycles)
  .route('/audits', audits)
  .route('/actions', actions)
  .route('/reviews', reviews)
  .route('/okrs', okrs);

export type AppType = typeof api;

export interface AppDeps {
  db: Database;
  config: RuntimeConfig;
  logger: Logger;
  queue: JobQueue;
  /** The admin's static build; defaults to apps/admin/build. */
  adminBuildDir?: string;
}

const DEFAULT_ADMIN_BUILD = fileURLToPath(new URL('../../admin/build', import.meta.url));

/**
 * Builds the whole HTTP application without listening, so tests can call `app.request()`.
 *
 * @example
 * const app = createApp({ db, config, logger });
 * const res = await app.request('/api/health');
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('db', deps.db);
    c.set('config', deps.config);
    c.set('queue', deps.queue);
    c.set('logger', deps.logger);
    c.set('principal', null);
    await next();
  });
  app.use(secureHeaders());

  const apiRoot = new Hono<AppEnv>();
  apiRoot.use(requestLog);
  apiRoot.route('/health', health);
  const smallBodies = bodyLimit({ maxSize: 1024 * 1024 });
  // Ticket imports are files: they get 20 MB, every other request 1 MB.
  const importBodies = bodyLimit({ maxSize: 20 * 1024 * 1024 });
  apiRoot.use('/v1/*', (c, next) =>
    (c.req.path.endsWith('/integrations/tickets/import') ? importBodies : smallBodies)(c, next),
  );
  apiRoot.use('/v1/*', refuseCrossSite, identify);
  apiRoot.route('/v1', api);
  apiRoot.notFound(apiNotFound);
  app.route('/api', apiRoot);
  // Sub-app notFound handlers are not consulted for unmatched paths; catch the rest of /api here.
  app.all('/api/*', apiNotFound);

  app.route('/', publicPages());
  app.route('/', adminSite(deps.adminBuildDir ?? DEFAULT_ADMIN_BUILD));
  return app;
}
