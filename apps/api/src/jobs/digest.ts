import type { Database } from '@rapport/db';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Mailer } from '../mail/mailer';
import {
  DIGEST_INTERRUPTED,
  failInterruptedDelivery,
  listQueuedDeliveries,
  listSendingDeliveries,
  queueScheduledDigest,
  sendDigestDelivery,
} from '../services/digest-deliveries';
import { QUEUES } from './names';

/** pg-boss cron has one-minute granularity: the send time is met to the minute, and "Send now" waits at most one. */
export const DIGEST_TICK_CRON = '* * * * *';

/** Per tick; the next minute's tick takes the rest. */
const BATCH = 500;

const LIVE_STATES = new Set(['created', 'retry', 'active']);

/** What the digest tick asks of the queue: a job per delivery, and whether one is still alive. */
export interface DigestJobs {
  /** Enqueues the delivery's send now; false when a job for it exists already. */
  enqueue(deliveryId: string): Promise<boolean>;
  /** Whether the delivery's send job is still waiting, retrying or running. */
  isLive(deliveryId: string): Promise<boolean>;
}

export interface DigestWorkerDeps {
  db: Database;
  mailer: Mailer;
  /** RAPPORT_PUBLIC_URL: the base of the digest's links into the admin. */
  publicUrl: string;
  logger: Logger;
}

export interface DigestRetry {
  /** Retries after the first attempt. */
  limit: number;
  delaySeconds: number;
  backoff: boolean;
}

/** As the survey sends (DEFAULT_RETRY in boss.ts): five retries, from 30 s roughly doubling. */
const DEFAULT_DIGEST_RETRY: DigestRetry = { limit: 5, delaySeconds: 30, backoff: true };

interface DigestJob {
  deliveryId: string;
}

/** Job data comes back from the database: check its shape rather than trust it. */
function deliveryIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const id = (data as Partial<DigestJob>).deliveryId;
  return typeof id === 'string' ? id : null;
}

/** Postgres's "deadlock detected": several instances creating the same queues on a fresh database. */
function isDeadlock(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === '40P01';
}

/** Creates or updates a queue, running again when Postgres picks it as a deadlock victim (as boss.ts does). */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue, attempts = 5): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue);
      await boss.updateQueue(queue.name, queue);
      return;
    } catch (err) {
      if (attempt >= attempts || !isDeadlock(err)) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}

/**
 * Creates the digest's queues, or brings their settings up to date. pg-boss 10 silently drops a
 * job sent to a queue that does not exist, so this runs before anything is enqueued.
 *
 * @example
 * await ensureDigestQueues(boss);
 */
export async function ensureDigestQueues(
  boss: PgBoss,
  retryOptions: Partial<DigestRetry> = {},
): Promise<void> {
  const retry = { ...DEFAULT_DIGEST_RETRY, ...retryOptions };
  await ensureQueue(boss, {
    name: QUEUES.sendDigest,
    retryLimit: retry.limit,
    retryDelay: retry.delaySeconds,
    retryBackoff: retry.backoff,
    // Longer than any SMTP timeout, so pg-boss never gives up on a send that is still running.
    expireInSeconds: 300,
  });
  // A failed tick is simply the next minute's tick.
  await ensureQueue(boss, { name: QUEUES.digestTick, retryLimit: 0, expireInSeconds: 300 });
}

/**
 * The digest's jobs on a pg-boss instance. The job id is the delivery's id, so enqueueing a
 * delivery twice (two ticks, a restart) makes one job.
 *
 * @example
 * const jobs = digestJobsOn(boss);
 * await jobs.enqueue(deliveryId); // true; again: false
 */
export function digestJobsOn(boss: PgBoss, sendWorkers: string[] = []): DigestJobs {
  return {
    async enqueue(deliveryId) {
      const id = await boss.send(QUEUES.sendDigest, { deliveryId }, { id: deliveryId });
      // Due now: the send worker need not wait for its next poll.
      if (id) for (const worker of sendWorkers) boss.notifyWorker(worker);
      return id !== null;
    },
    async isLive(deliveryId) {
      const job = await boss.getJobById(QUEUES.sendDigest, deliveryId);
      return job !== null && LIVE_STATES.has(job.state);
    },
  };
}

export interface DigestTickResult {
  /** The week whose digest this tick queued, if it did. */
  week: string | null;
  /** Deliveries the weekly schedule created on this tick. */
  scheduled: number;
  /** Deliveries that got their job on this tick (the scheduled ones, "Send now" ones, lost ones). */
  enqueued: number;
  /** Claimed sends whose job is gone, marked failed rather than risk a second email. */
  interrupted: number;
}

/**
 * One tick of the digest clock: queues this week's digest if its local send time has come (once
 * a week, whoever else ticks), gives every waiting delivery its job, and fails sends that were
 * cut off. Every step is idempotent, so ticks on several workers at once do no harm.
 *
 * @example
 * const { week, scheduled, enqueued } = await runDigestTick({ db, jobs, logger }, new Date());
 */
export async function runDigestTick(
  deps: { db: Database; jobs: DigestJobs; logger: Logger },
  now = new Date(),
): Promise<DigestTickResult> {
  const result: DigestTickResult = { week: null, scheduled: 0, enqueued: 0, interrupted: 0 };
  const queued = await queueScheduledDigest(deps.db, now);
  if (queued) {
    result.week = queued.week;
    result.scheduled = queued.deliveryIds.length;
    deps.logger.info({ week: queued.week, recipients: queued.deliveryIds.length }, 'weekly digest queued');
  }
  for (const id of await listQueuedDeliveries(deps.db, BATCH)) {
    if (await deps.jobs.enqueue(id)) result.enqueued += 1;
  }
  for (const id of await listSendingDeliveries(deps.db, BATCH)) {
    if (await deps.jobs.isLive(id)) continue;
    if (await failInterruptedDelivery(deps.db, id, DIGEST_INTERRUPTED)) {
      result.interrupted += 1;
      deps.logger.warn({ deliveryId: id }, 'digest: send interrupted, marked failed');
    }
  }
  return result;
}

/**
 * Starts the digest's workers in this process: the per-minute tick (through pg-boss's cron, which
 * runs it on one worker at a time) and the sends, retried with backoff like the survey emails.
 * Ticks once at start, to catch up after downtime. Returns the worker ids.
 *
 * @example
 * await registerDigestWorkers(boss, { db, mailer, publicUrl, logger }, { pollingIntervalSeconds: 1, batchSize: 5 });
 */
export async function registerDigestWorkers(
  boss: PgBoss,
  deps: DigestWorkerDeps,
  options: { pollingIntervalSeconds: number; batchSize: number; retry?: Partial<DigestRetry> },
): Promise<{ digestTick: string; sendDigest: string }> {
  const { db, logger } = deps;
  await ensureDigestQueues(boss, options.retry);

  const sendWorker = await boss.work<DigestJob>(
    QUEUES.sendDigest,
    {
      batchSize: options.batchSize,
      includeMetadata: true,
      pollingIntervalSeconds: options.pollingIntervalSeconds,
    },
    async (jobs) => {
      await Promise.all(
        jobs.map(async (job) => {
          const deliveryId = deliveryIdOf(job.data);
          if (!deliveryId) {
            logger.error({ jobId: job.id, queue: QUEUES.sendDigest }, 'job without a delivery id; dropped');
            return;
          }
          try {
            const result = await sendDigestDelivery(
              db,
              { mailer: deps.mailer, publicUrl: deps.publicUrl },
              { deliveryId, finalAttempt: job.retryCount >= job.retryLimit, retry: job.retryCount > 0 },
            );
            const level = result.outcome === 'failed' ? 'warn' : 'info';
            logger[level](
              { deliveryId, queue: QUEUES.sendDigest, attempt: job.retryCount + 1, ...result },
              result.outcome === 'sent' && result.transport === 'outbox'
                ? 'digest kept in the outbox (SMTP_URL is not set)'
                : `${QUEUES.sendDigest}: ${result.outcome}`,
            );
            if (result.outcome === 'retry')
              await boss.fail(QUEUES.sendDigest, job.id, { message: result.error });
          } catch (err) {
            // Unexpected (e.g. the database went away). If the delivery was claimed, the retry finds it
            // 'sending' and records it as interrupted rather than risk a second email.
            logger.error(
              { err, deliveryId, queue: QUEUES.sendDigest },
              `${QUEUES.sendDigest}: unexpected error`,
            );
            await boss.fail(QUEUES.sendDigest, job.id, {
              message: err instanceof Error ? err.message : String(err),
            });
          }
        }),
      );
    },
  );
  const jobs = digestJobsOn(boss, [sendWorker]);
  const tickWorker = await boss.work(
    QUEUES.digestTick,
    { pollingIntervalSeconds: options.pollingIntervalSeconds },
    async () => {
      const result = await runDigestTick({ db, jobs, logger });
      if (result.enqueued || result.interrupted) logger.info(result, 'digest tick');
    },
  );
  await boss.schedule(QUEUES.digestTick, DIGEST_TICK_CRON);
  await boss.send(QUEUES.digestTick, {});
  return { digestTick: tickWorker, sendDigest: sendWorker };
}
