import type { Database } from '@rapport/db';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { sendInvitation, sendReminder, type SendingDeps } from '../services/sending';
import type { RapportJobQueue } from './boss';
import { registerDigestWorkers } from './digest';
import { QUEUES, SWEEP_CRON } from './names';
import { runSweep } from './sweep';

export interface WorkerDeps extends SendingDeps {
  db: Database;
  logger: Logger;
}

interface InvitationJob {
  invitationId: string;
}

/** Job data comes back from the database: check its shape rather than trust it. */
function invitationIdOf(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const id = (data as Partial<InvitationJob>).invitationId;
  return typeof id === 'string' ? id : null;
}

type SendJob = PgBoss.JobWithMetadata<InvitationJob>;
type Attempt = (invitationId: string, job: SendJob) => Promise<{ outcome: string; error?: string }>;

/**
 * Handles a batch of send jobs one by one: a job whose attempt asks for a retry is failed on its
 * own (pg-boss then schedules it with backoff); pg-boss completes the rest of the batch.
 */
function sendHandler(boss: PgBoss, queueName: string, logger: Logger, attempt: Attempt) {
  return async (jobs: SendJob[]) => {
    await Promise.all(
      jobs.map(async (job) => {
        const invitationId = invitationIdOf(job.data);
        if (!invitationId) {
          logger.error({ jobId: job.id, queue: queueName }, 'job without an invitation id; dropped');
          return;
        }
        try {
          const result = await attempt(invitationId, job);
          const level = result.outcome === 'failed' ? 'warn' : 'info';
          logger[level](
            { invitationId, queue: queueName, attempt: job.retryCount + 1, ...result },
            `${queueName}: ${result.outcome}`,
          );
          if (result.outcome === 'retry')
            await boss.fail(queueName, job.id, { message: result.error ?? 'retry' });
        } catch (err) {
          // Unexpected (e.g. the database went away). If the invitation was claimed, the retry finds it
          // 'sending' and records it as interrupted rather than risk a second email.
          logger.error({ err, invitationId, queue: queueName }, `${queueName}: unexpected error`);
          await boss.fail(queueName, job.id, { message: err instanceof Error ? err.message : String(err) });
        }
      }),
    );
  };
}

/**
 * Starts this process's workers: invitation sends, reminders, and the sweep (scheduled every
 * minute through pg-boss's cron, which runs it on one worker at a time). Returns the worker ids.
 *
 * @example
 * const ids = await registerWorkers(boss, queue, { db, mailer, secret, publicUrl, logger }, { pollingIntervalSeconds: 1, batchSize: 5 });
 */
export async function registerWorkers(
  boss: PgBoss,
  queue: Pick<RapportJobQueue, 'enqueueInvitation' | 'enqueueReminder' | 'hasLiveSendJob'>,
  deps: WorkerDeps,
  options: { pollingIntervalSeconds: number; batchSize: number },
): Promise<{ sendInvitation: string[]; sendReminder: string[]; sweep: string[] }> {
  const { db, logger } = deps;
  const sending: SendingDeps = { mailer: deps.mailer, secret: deps.secret, publicUrl: deps.publicUrl };
  const work = {
    batchSize: options.batchSize,
    includeMetadata: true as const,
    pollingIntervalSeconds: options.pollingIntervalSeconds,
  };

  const invitationWorker = await boss.work<InvitationJob>(
    QUEUES.sendInvitation,
    work,
    sendHandler(boss, QUEUES.sendInvitation, logger, (invitationId, job) =>
      sendInvitation(db, sending, {
        invitationId,
        finalAttempt: job.retryCount >= job.retryLimit,
        retry: job.retryCount > 0,
      }),
    ),
  );
  const reminderWorker = await boss.work<InvitationJob>(
    QUEUES.sendReminder,
    work,
    sendHandler(boss, QUEUES.sendReminder, logger, (invitationId, job) =>
      sendReminder(db, sending, { invitationId, finalAttempt: job.retryCount >= job.retryLimit }),
    ),
  );
  const sweepWorker = await boss.work(
    QUEUES.sweep,
    { pollingIntervalSeconds: options.pollingIntervalSeconds },
    async () => {
      const result = await runSweep({ db, queue, logger });
      if (result.requeued || result.reminders || result.interrupted) logger.info(result, 'sweep');
    },
  );
  await boss.schedule(QUEUES.sweep, SWEEP_CRON);
  // The weekly digest: its per-minute tick and its sends (jobs/digest.ts).
  await registerDigestWorkers(boss, { db, mailer: deps.mailer, publicUrl: deps.publicUrl, logger }, options);
  return { sendInvitation: [invitationWorker], sendReminder: [reminderWorker], sweep: [sweepWorker] };
}
