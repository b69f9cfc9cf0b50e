import type { Role } from '@rapport/contracts';
import type { Database } from '@rapport/db';
import type { Logger } from 'pino';
import type { RuntimeConfig } from './config';
import type { JobQueue } from './jobs/queue';

/** Who is calling: a signed-in staff member or an API key. */
export type Principal =
  | { kind: 'user'; id: string; email: string; name: string; role: Role; sessionId: string }
  | { kind: 'api_key'; id: string; name: string; scopes: string[] };

/** The variables every handler can read from the context. */
export interface AppEnv {
  Variables: {
    db: Database;
    config: RuntimeConfig;
    queue: JobQueue;
    logger: Logger;
    requestId: string;
    principal: Principal | null;
  };
}
