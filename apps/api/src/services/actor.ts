/** Who made a change, as written to the audit log. */
export interface Actor {
  userId: string | null;
  apiKeyId: string | null;
  /** Email or key name at the time of the change. */
  label: string;
  requestId: string | null;
}
