import type { Executor } from '@rapport/db';
import { sql } from 'drizzle-orm';

/** Whether the database answers within `timeoutMs`. */
export async function checkDatabase(db: Executor, timeoutMs = 2000): Promise<'ok' | 'unavailable'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'unavailable'>((resolve) => {
    timer = setTimeout(() => resolve('unavailable'), timeoutMs);
  });
  const query = db.execute(sql`select 1`).then(
    () => 'ok' as const,
    () => 'unavailable' as const,
  );
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
