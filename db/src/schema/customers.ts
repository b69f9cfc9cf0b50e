import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The people who answer surveys. Erasure blanks the personal fields and keeps the row for anonymous counts. */
export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    externalId: text('external_id'),
    email: text('email'),
    name: text('name'),
    locale: text('locale').notNull().default('en'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('customers_external_id_key').on(t.externalId),
    index('customers_email_lower_idx').on(sql`lower(${t.email})`),
    index('customers_created_at_idx').on(t.createdAt),
  ],
);
