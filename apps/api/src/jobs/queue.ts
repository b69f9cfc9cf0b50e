/**
 * What services ask of the job queue. The pg-boss implementation lives in jobs/boss.ts; services
 * depend only on this, so they stay testable and free of queue details.
 */
export interface JobQueue {
  /** Sends the invitation at `at` (or at once when `at` has passed). Idempotent per invitation. */
  sendInvitationAt(invitationId: string, at: Date): Promise<void>;
}
