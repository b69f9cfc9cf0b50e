import type { DatabaseHandle } from '@rapport/db';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { QUEUES } from './names';
import { isPgliteClient, pgliteExecutor, type PgliteClient } from './pglite-sql';
import type { JobQueue } from './queue';
import { registerWorkers, type WorkerDeps } from './workers';

/** Where the queue's tables live: the same database as everything else. */
export type QueueConnection =
  { kind: 'postgres'; url: string; maxConnections?: number } | { kind: 'pglite'; client: PgliteClient };

export interface RetryPolicy {
  /** Retries after the first attempt. */
  limit: number;
  /** Delay before the first retry; with `backoff` it roughly doubles each time (30 s … 16 min). */
  delaySeconds: number;
  backoff: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = { limit: 5, delaySeconds: 30, backoff: true };

export interface JobQueueOptions {
  connection: QueueConnection;
  logger: Logger;
  /**
   * Run pg-boss's maintenance (expiring, archiving) and its cron clock on this instance. True for
   * the worker roles; a web-only instance just enqueues.
   */
  supervise: boolean;
  /** How often idle workers look for due jobs; pg-boss's minimum is 0.5. Default 1. */
  pollingIntervalSeconds?: number;
  /** Jobs a worker takes per fetch; they are handled concurrently. Default 5. */
  batchSize?: number;
  /** Retries of a send after a transient failure. */
  retry?: Partial<RetryPolicy>;
}

/** The pg-boss job queue: what services need (`JobQueue`) plus lifecycle and the sweep's needs. */
export interface RapportJobQueue extends JobQueue {
  /** Installs or migrates pg-boss's schema and creates the queues. Call once before anything else. */
  start(): Promise<void>;
  /** Runs the send, reminder and sweep workers in this process (roles `all` and `worker`). */
  startWorkers(deps: WorkerDeps): Promise<void>;
  /** Enqueues the invitation's send at `at`; false when a job for it exists already. */
  enqueueInvitation(invitationId: string, at: Date): Promise<boolean>;
  /** Enqueues the invitation's one reminder now; false when a job for it exists already. */
  enqueueReminder(invitationId: string): Promise<boolean>;
  /** Asks a worker to sweep now instead of at the next minute. */
  requestSweep(): Promise<void>;
  /** Whether the invitation's send job is still waiting, retrying or running. */
  hasLiveSendJob(invitationId: string): Promise<boolean>;
  /** Stops the workers (letting running jobs finish for up to `timeoutMs`) and pg-boss. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

const LIVE_STATES = new Set(['created', 'retry', 'active']);

/** Postgres's "deadlock detected": the victim's transaction was rolled back and may simply run again. */
function isDeadlock(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '40P01';
}

/**
 * Runs `work` again when Postgres picks it as a deadlock victim. Several instances starting at once
 * on a fresh database create the same queues concurrently, and pg-boss's create_queue (a partition
 * per queue) can deadlock there; the retry then finds the queue made by the winner.
 */
async function retryOnDeadlock(work: () => Promise<void>, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await work();
      return;
    } catch (err) {
      if (attempt >= attempts || !isDeadlock(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * The queue connection for an open database: the Postgres server's URL (pg-boss opens its own
 * small pool), or the embedded PGlite client itself, shared with Drizzle — PGlite allows one client.
 *
 * @example
 * const connection = queueConnectionFor(handle, config.databaseUrl);
 */
export function queueConnectionFor(
  handle: Pick<DatabaseHandle, 'kind' | 'db'>,
  databaseUrl: string | undefined,
): QueueConnection {
  if (handle.kind === 'postgres') {
    if (!databaseUrl) throw new Error('The job queue needs the Postgres connection URL (DATABASE_URL).');
    return { kind: 'postgres', url: databaseUrl, maxConnections: 4 };
  }
  // Drizzle keeps its driver client as `$client`.
  const client: unknown = (handle.db as unknown as { $client?: unknown }).$client;
  if (!isPgliteClient(client)) throw new Error('The embedded database does not expose its PGlite client.');
  return { kind: 'pglite', client };
}

/**
 * The job queue on pg-boss 10, on Postgres or on PGlite. Each invitation's send job carries the
 * invitation's id as its job id, so enqueueing it again (a retried event, the sweep) is a no-op
 * while a job for it exists — waiting, retrying after a failure, running or finished.
 *
 * @example
 * const queue = createJobQueue({ connection: queueConnectionFor(handle, config.databaseUrl), logger, supervise: true });
 * await queue.start();
 * await queue.startWorkers({ db, mailer, secret, publicUrl, logger });
 * await queue.sendInvitationAt(invitationId, scheduledFor);
 */
export function createJobQueue(options: JobQueueOptions): RapportJobQueue {
  const { logger } = options;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 1;
  const base = {
    application_name: 'rapport',
    schedule: options.supervise,
    supervise: options.supervise,
    migrate: true,
  };
  const boss =
    options.connection.kind === 'postgres'
      ? new PgBoss({
          ...base,
          connectionString: options.connection.url,
          max: options.connection.maxConnections ?? 4,
        })
      : new PgBoss({ ...base, db: pgliteExecutor(options.connection.client) });
  // pg-boss reports polling and maintenance failures as events; unheard, they would crash the process.
  boss.on('error', (err) => logger.error({ err }, 'job queue error'));

  let sendWorkers: string[] = [];

  const queue: RapportJobQueue = {
    async start() {
      await boss.start();
      const sendOptions = {
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: retry.backoff,
        // Longer than any SMTP timeout, so pg-boss never gives up on a send that is still running.
        expireInSeconds: 300,
      };
      const queues = [
        { name: QUEUES.sendInvitation, ...sendOptions },
        { name: QUEUES.sendReminder, ...sendOptions },
        // A failed sweep is simply the next minute's sweep.
        { name: QUEUES.sweep, retryLimit: 0, expireInSeconds: 300 },
      ];
      for (const q of queues) {
        await retryOnDeadlock(async () => {
          if (!(await boss.getQueue(q.name))) await boss.createQueue(q.name, q);
          // createQueue keeps an existing queue's settings; bring them up to date.
          await boss.updateQueue(q.name, q);
        });
      }
    },

    async startWorkers(deps) {
      const ids = await registerWorkers(boss, queue, deps, {
        pollingIntervalSeconds,
        batchSize: options.batchSize ?? 5,
      });
      sendWorkers = ids.sendInvitation;
      // Catch up at once after downtime rather than at the next minute.
      await queue.requestSweep();
    },

    async enqueueInvitation(invitationId, at) {
      const id = await boss.send(
        QUEUES.sendInvitation,
        { invitationId },
        { id: invitationId, startAfter: at },
      );
      // A send that is due now should not wait for the next poll.
      if (id && at.getTime() <= Date.now()) for (const worker of sendWorkers) boss.notifyWorker(worker);
      return id !== null;
    },

    async sendInvitationAt(invitationId, at) {
      await queue.enqueueInvitation(invitationId, at);
    },

    async enqueueReminder(invitationId) {
      const id = await boss.send(QUEUES.sendReminder, { invitationId }, { id: invitationId });
      return id !== null;
    },

    async requestSweep() {
      await boss.send(QUEUES.sweep, {});
    },

    async hasLiveSendJob(invitationId) {
      const job = await boss.getJobById(QUEUES.sendInvitation, invitationId);
      return job !== null && LIVE_STATES.has(job.state);
    },

    async stop(stopOptions = {}) {
      await boss.stop({ graceful: true, wait: true, timeout: stopOptions.timeoutMs ?? 8_000 });
    },
  };
  return queue;
}
