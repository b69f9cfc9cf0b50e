/** The pg-boss queues Rapport uses. */
export const QUEUES = {
  /** One job per invitation (job id = invitation id), due at its `scheduledFor`. */
  sendInvitation: 'send-invitation',
  /** One job per reminder (job id = invitation id), enqueued by the sweep when it falls due. */
  sendReminder: 'send-reminder',
  /** Every minute: missing jobs, due reminders, sends that will never settle. */
  sweep: 'sweep',
  /** Every minute: queues the weekly digest when its local send time has come, and a job for each waiting digest. */
  digestTick: 'digest-tick',
  /** One job per digest email (job id = the delivery's id). */
  sendDigest: 'send-digest',
} as const;

/** pg-boss cron has one-minute granularity. */
export const SWEEP_CRON = '* * * * *';
