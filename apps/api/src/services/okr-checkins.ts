import type { CheckInHistory, CheckInView, CreateCheckIn } from '@rapport/contracts';
import { keyResultCheckIns, keyResults, type Database, type Executor } from '@rapport/db';
import { eq } from 'drizzle-orm';
import { ValidationError, found } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { currentValue, quarterWindow, type OkrClock } from './okr-progress';
import { checkInsOf, checkInView, clockOf, findKeyResult, keyResultView } from './okrs';
import { getSettings } from './settings';

/**
 * Records a check-in: a confidence and a comment, with the value at this moment — computed from the
 * data for a metric key result (a value given for one is refused: nobody types a metric in), given
 * or else the last one for a manual key result, whose current value it then becomes.
 */
export async function createCheckIn(
  db: Database,
  actor: Actor,
  keyResultId: string,
  input: CreateCheckIn,
  clock: Partial<OkrClock> = {},
): Promise<CheckInView> {
  const c = clockOf(db, clock);
  const { kr, objective } = await findKeyResult(db, keyResultId);
  if (kr.kind === 'metric' && input.value !== undefined) {
    const message =
      'A metric key result’s value is computed from the data; leave value out (only manual key results take one).';
    throw new ValidationError(message, [{ path: 'value', message }]);
  }
  const { timeZone } = await getSettings(db);
  // Read before the transaction: the metric reader uses its own connection.
  const measured =
    kr.kind === 'metric'
      ? await currentValue(kr, objective.teamId, quarterWindow(objective.quarter, timeZone, c.now), c.measure)
      : { value: input.value ?? kr.manualValue, n: null };
  const id = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(keyResults).where(eq(keyResults.id, keyResultId)).for('update');
    found(locked, 'Key result');
    if (kr.kind === 'manual' && input.value !== undefined)
      await tx
        .update(keyResults)
        .set({ manualValue: input.value, updatedAt: c.now })
        .where(eq(keyResults.id, keyResultId));
    const [row] = await tx
      .insert(keyResultCheckIns)
      .values({
        keyResultId,
        confidence: input.confidence,
        comment: input.comment,
        value: measured.value,
        n: measured.n,
        byUserId: actor.userId,
        at: c.now,
      })
      .returning();
    const created = found(row, 'Check-in');
    await recordChange(tx, actor, {
      action: 'key_result.check_in',
      entityType: 'key_result',
      entityId: keyResultId,
      after: { confidence: created.confidence, comment: created.comment, value: created.value },
    });
    return created.id;
  });
  const history = await checkInsOf(db, keyResultId);
  return checkInView(
    kr,
    found(
      history.find((h) => h.id === id),
      'Check-in',
    ),
  );
}

/**
 * A key result with its check-ins oldest first: the progress line over the quarter. Each point's
 * progress is krProgress of the value then against the key result's baseline and target now.
 */
export async function listCheckIns(
  db: Executor,
  keyResultId: string,
  clock: Partial<OkrClock> = {},
): Promise<CheckInHistory> {
  const c = clockOf(db, clock);
  const { kr, objective } = await findKeyResult(db, keyResultId);
  const rows = await checkInsOf(db, keyResultId);
  const { timeZone } = await getSettings(db);
  const view = await keyResultView(
    kr,
    objective.teamId,
    quarterWindow(objective.quarter, timeZone, c.now),
    rows.at(-1),
    c,
  );
  return { keyResult: view, items: rows.map((r) => checkInView(kr, r)) };
}
