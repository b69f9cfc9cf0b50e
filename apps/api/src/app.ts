import { fileURLToPath } from 'node:url';
import type { Database } from '@rapport/db';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { Config } from './config';
import type { AppEnv } from './env';
import { identify } from './middleware/auth';
import { apiNotFound, handleError } from './middleware/errors';
import { requestLog } from './middleware/request-log';
import { refuseCrossSite } from './middleware/same-site';
import { agents } from './routes/agents';
import { apiKeys } from './routes/api-keys';
import { auditLog } from './routes/audit-log';
import { auth } from './routes/auth';
import { customers } from './routes/customers';
import { health } from './routes/health';
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
  .route('/audit-log', auditLog);

export type AppType = typeof api;

export interface AppDeps {
  db: Database;
  config: Config;
  logger: Logger;
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
    c.set('logger', deps.logger);
    c.set('principal', null);
    await next();
  });
  app.use(secureHeaders());

  const apiRoot = new Hono<AppEnv>();
  apiRoot.use(requestLog);
  apiRoot.route('/health', health);
  apiRoot.use('/v1/*', bodyLimit({ maxSize: 1024 * 1024 }), refuseCrossSite, identify);
  apiRoot.route('/v1', api);
  apiRoot.notFound(apiNotFound);
  app.route('/api', apiRoot);
  // Sub-app notFound handlers are not consulted for unmatched paths; catch the rest of /api here.
  app.all('/api/*', apiNotFound);

  app.route('/', adminSite(deps.adminBuildDir ?? DEFAULT_ADMIN_BUILD));
  return app;
}
