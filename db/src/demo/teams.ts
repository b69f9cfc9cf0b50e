/**
 * The demo's support teams. They differ on purpose, a little, so that team comparisons, audits and
 * OKRs have something to find: Enterprise answers later but its fixes hold; Technical support takes
 * longest and sees the most reopens (and the least happy customers); Onboarding answers fastest and
 * is rated best.
 */
export interface TeamProfile {
  name: string;
  /** Relative share of tickets. */
  volume: number;
  /** Multipliers on the channel's first-response and resolution times, and on the reopen rate. */
  firstResponse: number;
  resolution: number;
  reopen: number;
  /**
   * Shift of the team's CSAT on a log-odds-like scale (0: the organisation's usual 65/20/6/3/6% for
   * 5…1; positive: more fives and fewer ones).
   */
  satisfaction: number;
  /** Plausible ticket subjects, most frequent first. */
  subjects: readonly string[];
}

export const TEAM_PROFILES: readonly TeamProfile[] = [
  {
    name: 'Billing',
    volume: 0.3,
    firstResponse: 1.0,
    resolution: 0.8,
    reopen: 1.0,
    satisfaction: -0.05,
    subjects: [
      'Refund for duplicate charge',
      'Question about my latest invoice',
      'Card declined at checkout',
      'Cancel my subscription',
      'Charged after cancellation',
      'Invoice shows the wrong VAT number',
      'Change billing address',
      'Discount code not applied',
      'Upgrade plan mid-cycle',
      'Request a receipt for an order',
      'Payment pending for three days',
      'Switch to annual billing',
    ],
  },
  {
    name: 'Technical support',
    volume: 0.35,
    firstResponse: 1.15,
    resolution: 1.4,
    reopen: 1.3,
    satisfaction: -0.3,
    subjects: [
      'Cannot reset password',
      'Two-factor code never arrives',
      'App crashes on startup',
      'Cannot log in after the update',
      'Sync stopped working',
      'Error 500 when saving a report',
      'Export to CSV is empty',
      'Notifications are not delivered',
      'Pages load slowly since the update',
      'Attachment upload fails',
      'Calendar integration is broken',
      'Data missing after import',
    ],
  },
  {
    name: 'Onboarding',
    volume: 0.2,
    firstResponse: 0.85,
    resolution: 1.0,
    reopen: 0.9,
    satisfaction: 0.35,
    subjects: [
      'How do I invite my team?',
      'Activate my trial account',
      'Import contacts from a spreadsheet',
      'Help setting up single sign-on',
      'Which plan fits a team of ten?',
      'Set up the mobile app',
      'Verify our company domain',
      'Configure user roles',
      'Migrate data from our old tool',
      'Request a training session',
    ],
  },
  {
    name: 'Enterprise',
    volume: 0.15,
    firstResponse: 1.35,
    resolution: 1.2,
    reopen: 0.5,
    satisfaction: 0.2,
    subjects: [
      'Add 50 seats to our account',
      'Contract renewal questions',
      'Security questionnaire for procurement',
      'Data processing agreement request',
      'API rate limit increase',
      'Audit log export for compliance',
      'SSO configuration for a subsidiary',
      'Uptime report for last quarter',
      'Maintenance window for our dedicated environment',
      'Escalation: outage affecting our region',
    ],
  },
  {
    name: 'Accounts',
    volume: 0.12,
    firstResponse: 0.95,
    resolution: 0.9,
    reopen: 0.8,
    satisfaction: 0.1,
    subjects: [
      'Change the account owner',
      'Update my email address',
      'Close my account',
      'Merge duplicate accounts',
      'Download a copy of my data',
      'Account locked after failed sign-ins',
      'Remove a former employee',
      'Change our company name',
    ],
  },
  {
    name: 'Integrations',
    volume: 0.1,
    firstResponse: 1.1,
    resolution: 1.3,
    reopen: 1.2,
    satisfaction: -0.2,
    subjects: [
      'Webhook deliveries are failing',
      'API returns 401 with a new key',
      'Zapier connection keeps expiring',
      'Duplicate records after CRM sync',
      'Need a sandbox for API testing',
      'Rate limited during nightly import',
      'Field mapping for the helpdesk connector',
      'OAuth redirect URL mismatch',
    ],
  },
];

/** The most teams the demo can generate: one per profile above. */
export const MAX_TEAMS = TEAM_PROFILES.length;

/**
 * Weights for picking a subject: the first subjects of a list are the frequent ones, as in real
 * queues where a handful of causes make up most of the volume.
 *
 * @example
 * subjectWeights(['Refund', 'Invoice']); // [['Refund', 1], ['Invoice', 0.62]]
 */
export function subjectWeights(subjects: readonly string[]): [string, number][] {
  return subjects.map((subject, i) => [subject, 1 / Math.pow(i + 1, 0.7)]);
}
