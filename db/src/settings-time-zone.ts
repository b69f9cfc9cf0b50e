import { eq } from 'drizzle-orm';
import type { Executor } from './client';
import { settings } from './schema/settings';

/** The organisation's time zone; the column's default when the settings row is not there yet. */
export async function settingsTimeZone(db: Executor): Promise<string> {
  const [row] = await db.select({ timeZone: settings.timeZone }).from(settings).where(eq(settings.id, 1));
  return row?.timeZone ?? 'UTC';
}
