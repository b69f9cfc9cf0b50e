import { settings, type Executor } from '@rapport/db';
import { eq } from 'drizzle-orm';

export type OrgSettings = typeof settings.$inferSelect;

/** The organisation's settings; the row is created with defaults on first use. */
export async function getSettings(db: Executor): Promise<OrgSettings> {
  const [row] = await db.select().from(settings).where(eq(settings.id, 1));
  if (row) return row;
  const [created] = await db.insert(settings).values({ id: 1 }).onConflictDoNothing().returning();
  if (created) return created;
  const [again] = await db.select().from(settings).where(eq(settings.id, 1));
  if (!again) throw new Error('settings row vanished');
  return again;
}
