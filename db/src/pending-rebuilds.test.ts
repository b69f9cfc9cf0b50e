import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client';
import { insertDefaultSurvey } from './default-survey';
import { seedDemoData } from './demo/index';
import { dailyDriverRollups, dailyReasonRollups, ticketDurationRollups } from './schema/index';
import { freshDatabase } from './testing/fresh-database';

let handle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ handle, drop } = await freshDatabase('rebuilds'));
  await handle.migrate();
}, 60_000);
afterAll(() => drop());

const sorted = (rows: object[]) => rows.map((r) => JSON.stringify(r)).sort();

async function pending(): Promise<string[]> {
  const result = await handle.db.execute<{ name: string }>(
    sql`select name from pending_rebuilds order by name`,
  );
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { name: string }[] }).rows;
  return rows.map((r) => r.name);
}

async function snapshot() {
  return {
    reasons: sorted(await handle.db.select().from(dailyReasonRollups)),
    drivers: sorted(await handle.db.select().from(dailyDriverRollups)),
    durations: sorted(await handle.db.select().from(ticketDurationRollups)),
  };
}

describe('rebuilds listed by migrations', () => {
  it('lists nothing on a fresh database', async () => {
    expect(await pending()).toEqual([]);
  });

  it('rebuilds, on the next start, the rollups of rows written before their migration, once', async () => {
    await insertDefaultSurvey(handle.db);
    await seedDemoData(handle.db, {
      tickets: 800,
      months: 2,
      seed: 5,
      now: new Date('2026-11-23T08:00:00Z'),
    });
    const built = await snapshot();
    expect(built.reasons.length).toBeGreaterThan(0);
    expect(built.durations.length).toBeGreaterThan(0);

    // As a database holding rows before migration 0008 was left: rows, but no such rollups, and the
    // names migration 0011 lists for it (plus one a newer version would know).
    await handle.db.delete(dailyReasonRollups);
    await handle.db.delete(dailyDriverRollups);
    await handle.db.delete(ticketDurationRollups);
    await handle.db.execute(
      sql`insert into pending_rebuilds (name) values ('reason_and_driver_rollups'), ('ticket_duration_rollups'), ('from_the_future')`,
    );

    await handle.migrate();
    expect(await snapshot()).toEqual(built);
    expect(await pending()).toEqual(['from_the_future']);

    // Done once: a change after it survives the next start.
    await handle.db.delete(ticketDurationRollups);
    await handle.migrate();
    expect((await snapshot()).durations).toEqual([]);
  }, 120_000);
});
