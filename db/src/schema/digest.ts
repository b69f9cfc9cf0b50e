import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/** `viewers`: every active viewer, whoever they are at send time; `chosen`: the people in `digest_recipients`. */
export const digestRecipientMode = pgEnum('digest_recipient_mode', ['viewers', 'chosen']);
/** `scheduled`: the weekly send; `manual`: an admin's "Send now". */
export const digestDeliveryKind = pgEnum('digest_delivery_kind', ['scheduled', 'manual']);
export const digestDeliveryStatus = pgEnum('digest_delivery_status', ['queued', 'sending', 'sent', 'failed']);

/**
 * The weekly digest's settings: one row (id = 1), created with the defaults on first use. The day
 * and hour are read in the organisation's time zone.
 */
export const digestSettings = pgTable(
  'digest_settings',
  {
    id: integer('id').primaryKey().default(1),
    enabled: boolean('enabled').notNull().default(true),
    /** ISO weekday: 1 = Monday … 7 = Sunday. */
    weekday: integer('weekday').notNull().default(1),
    /** Local hour, 0–23. */
    hour: integer('hour').notNull().default(8),
    recipientMode: digestRecipientMode('recipient_mode').notNull().default('viewers'),
    /**
     * The ISO week (`2026-W48`, organisation-local) whose digest has been queued, or that was
     * skipped because the schedule was set after its send time. The conditional update of this
     * column is the claim that makes the weekly send happen once, however many workers check.
     */
    lastScheduledWeek: text('last_scheduled_week'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('digest_settings_single_row', sql`${t.id} = 1`),
    check('digest_settings_weekday', sql`${t.weekday} between 1 and 7`),
    check('digest_settings_hour', sql`${t.hour} between 0 and 23`),
  ],
);

/** The people an admin chose to receive the digest (used when the mode is `chosen`). */
export const digestRecipients = pgTable('digest_recipients', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One digest email to one person. Rows are written first (in the transaction that decides to
 * send), then each gets a job whose id is the row's id, so a lost enqueue is found again and a
 * repeated one is a no-op. The period is fixed here, so a retry renders the same figures.
 */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: digestDeliveryKind('kind').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The ISO week of the send (`2026-W48`, organisation-local). */
    week: text('week').notNull(),
    /** The seven organisation-local days the digest reports on (compared with the seven before). */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    status: digestDeliveryStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Who pressed "Send now"; null for the weekly send. */
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    // A second claim of the same week (should the settings claim ever be bypassed) adds nobody twice.
    uniqueIndex('digest_deliveries_scheduled_week_user_key')
      .on(t.week, t.userId)
      .where(sql`${t.kind} = 'scheduled'`),
    index('digest_deliveries_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('queued', 'sending')`),
    index('digest_deliveries_user_idx').on(t.userId),
  ],
);
