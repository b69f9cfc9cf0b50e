import type { Database } from '@rapport/db';
import type { Logger } from 'pino';
import {
  failInterruptedSend,
  listDueInvitations,
  listDueReminders,
  listSendingInvitations,
} from '../services/sending';
import type { RapportJobQueue } from './boss';

export interface SweepDeps {
  db: Database;
  queue: Pick<RapportJobQueue, 'enqueueInvitation' | 'enqueueReminder' | 'hasLiveSendJob'>;
  logger: Logger;
}

export interface SweepResult {
  /** Due invitations that had no job (the process died between the event's commit and the enqueue). */
  requeued: number;
  /** Reminders that fell due and were enqueued. */
  reminders: number;
  /** Claimed sends whose job is gone, marked failed. */
  interrupted: number;
}

/** Per run; the next minute's sweep takes the rest of a backlog. */
const BATCH = 500;

/** The `lastError` of a send the sweep gave up on (its job is gone while the invitation is still 'sending'). */
export const INTERRUPTED_REASON =
  'The send was interrupted and its job is gone (worker stopped or crashed); not retried, to avoid a duplicate email.';

/**
 * The periodic safety net. Every step is idempotent (job ids are invitation ids; every state change
 * is conditional), so two workers sweeping at once do no harm.
 *
 * @example
 * const { requeued, reminders, interrupted } = await runSweep({ db, queue, logger });
 */
export async function runSweep(deps: SweepDeps, now = new Date()): Promise<SweepResult> {
  const result: SweepResult = { requeued: 0, reminders: 0, interrupted: 0 };
  for (const inv of await listDueInvitations(deps.db, { now, limit: BATCH })) {
    if (await deps.queue.enqueueInvitation(inv.id, inv.scheduledFor)) result.requeued += 1;
  }
  for (const id of await listDueReminders(deps.db, { now, limit: BATCH })) {
    if (await deps.queue.enqueueReminder(id)) result.reminders += 1;
  }
  for (const id of await listSendingInvitations(deps.db, { limit: BATCH })) {
    // A live job will settle it; without one, nobody ever will.
    if (await deps.queue.hasLiveSendJob(id)) continue;
    if (await failInterruptedSend(deps.db, id, INTERRUPTED_REASON)) {
      result.interrupted += 1;
      deps.logger.warn({ invitationId: id }, 'sweep: send interrupted, marked failed');
    }
  }
  return result;
}
