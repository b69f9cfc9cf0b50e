import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export interface BusinessHours {
  /** ISO weekdays that are working days: 1 = Monday … 7 = Sunday. */
  days: number[];
  /** Local wall-clock times, "HH:MM". */
  start: string;
  end: string;
}

/** The organisation's settings: one row (id = 1). Quarters, days and due times use its time zone. */
export const settings = pgTable(
  'settings',
  {
    id: integer('id').primaryKey().default(1),
    /** What the organisation calls itself, on report covers and in the weekly digest; null until an admin sets it. */
    organisationName: text('organisation_name'),
    timeZone: text('time_zone').notNull().default('UTC'),
    businessHours: jsonb('business_hours')
      .$type<BusinessHours>()
      .notNull()
      .default({ days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' }),
    /** Local dates ("2026-12-25") on which nobody works. */
    holidays: text('holidays')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The languages customers are offered; new surveys start with them. */
    locales: text('locales')
      .array()
      .notNull()
      .default(sql`'{en,sr,hr,sl,ru}'::text[]`),
    defaultLocale: text('default_locale').notNull().default('en'),
    /**
     * The secret that signs ticket events, unless RAPPORT_WEBHOOK_SECRET sets it. Kept here, not in
     * a file, so every process of a scaled-out deployment sees a rotation at once.
     */
    webhookSecret: text('webhook_secret'),
    /** After a rotation the old secret keeps working until this time, so helpdesks can switch over. */
    previousWebhookSecret: text('previous_webhook_secret'),
    previousWebhookSecretUntil: timestamp('previous_webhook_secret_until', { withTimezone: true }),
    webhookSecretRotatedAt: timestamp('webhook_secret_rotated_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('settings_single_row', sql`${t.id} = 1`)],
);
