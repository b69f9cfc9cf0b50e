import {
  LOCALES,
  type DigestRecipientView,
  type DigestSettingsView,
  type FieldIssue,
  type Locale,
  type UpdateDigestSettings,
} from '@rapport/contracts';
import {
  digestDeliveries,
  digestRecipients,
  digestSettings,
  users,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, asc, eq, inArray, isNull, max } from 'drizzle-orm';
import { ValidationError } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { nextDigestAt, weekHandledWhenSet } from './digest-schedule';
import { getSettings } from './settings';

export type DigestSettingsRow = typeof digestSettings.$inferSelect;

const DEFAULTS = { weekday: 1, hour: 8 };

/**
 * The digest settings; the row is created with the defaults (on, Mondays 08:00, all viewers) on
 * first use. A row created after this week's default send time counts this week as handled, so a
 * new installation does not mail everyone the moment its worker starts.
 */
export async function getDigestSettings(db: Executor, now = new Date()): Promise<DigestSettingsRow> {
  const [row] = await db.select().from(digestSettings).where(eq(digestSettings.id, 1));
  if (row) return row;
  const { timeZone } = await getSettings(db);
  const [created] = await db
    .insert(digestSettings)
    .values({ id: 1, ...DEFAULTS, lastScheduledWeek: weekHandledWhenSet(DEFAULTS, null, timeZone, now) })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  const [again] = await db.select().from(digestSettings).where(eq(digestSettings.id, 1));
  if (!again) throw new Error('digest settings row vanished');
  return again;
}

/** The digest settings row, locked for the rest of the transaction (created first if need be). */
export async function lockDigestSettings(tx: Executor, now: Date): Promise<DigestSettingsRow> {
  await getDigestSettings(tx, now);
  const [row] = await tx.select().from(digestSettings).where(eq(digestSettings.id, 1)).for('update');
  if (!row) throw new Error('digest settings row vanished');
  return row;
}

function localeOf(value: string): Locale {
  return (LOCALES as readonly string[]).includes(value) ? (value as Locale) : 'en';
}

const recipientColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  locale: users.locale,
};

/**
 * Who gets the digest now: every active viewer, or the chosen people who are still active, each
 * with their language. Ordered by name, so lists and tests read the same every time.
 *
 * @example
 * const people = await digestRecipientsOf(db, 'viewers');
 */
export async function digestRecipientsOf(
  db: Executor,
  mode: DigestSettingsRow['recipientMode'],
): Promise<DigestRecipientView[]> {
  const rows =
    mode === 'viewers'
      ? await db
          .select(recipientColumns)
          .from(users)
          .where(and(eq(users.role, 'viewer'), isNull(users.disabledAt)))
          .orderBy(asc(users.name), asc(users.email))
      : await db
          .select(recipientColumns)
          .from(digestRecipients)
          .innerJoin(users, eq(users.id, digestRecipients.userId))
          .where(isNull(users.disabledAt))
          .orderBy(asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r, locale: localeOf(r.locale) }));
}

async function chosenIds(db: Executor): Promise<string[]> {
  const rows = await db
    .select({ userId: digestRecipients.userId })
    .from(digestRecipients)
    .innerJoin(users, eq(users.id, digestRecipients.userId))
    .orderBy(asc(users.name), asc(users.email));
  return rows.map((r) => r.userId);
}

async function toView(db: Executor, row: DigestSettingsRow, now: Date): Promise<DigestSettingsView> {
  const { timeZone } = await getSettings(db);
  const [last] = await db.select({ at: max(digestDeliveries.sentAt) }).from(digestDeliveries);
  const next = nextDigestAt(row, timeZone, now);
  return {
    enabled: row.enabled,
    weekday: row.weekday,
    hour: row.hour,
    timeZone,
    recipients: row.recipientMode,
    userIds: await chosenIds(db),
    currentRecipients: await digestRecipientsOf(db, row.recipientMode),
    nextSendAt: next?.toISOString() ?? null,
    lastSentAt: last?.at ? new Date(last.at).toISOString() : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The digest settings with who would receive it now and when it next goes out. */
export async function readDigestSettings(db: Executor, now = new Date()): Promise<DigestSettingsView> {
  return toView(db, await getDigestSettings(db, now), now);
}

/** Refuses ids that name nobody, or somebody who can no longer sign in, pointing at each one. */
async function checkPeople(tx: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: users.id, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(inArray(users.id, ids));
  const byId = new Map(found.map((u) => [u.id, u]));
  const problems: FieldIssue[] = [];
  ids.forEach((id, i) => {
    const user = byId.get(id);
    if (!user) problems.push({ path: `userIds.${i}`, message: `There is no user with the id ${id}.` });
    else if (user.disabledAt)
      problems.push({
        path: `userIds.${i}`,
        message: `${user.name} is deactivated and cannot receive the digest.`,
      });
  });
  const first = problems[0];
  if (first) throw new ValidationError(`${first.path}: ${first.message}`, problems);
}

function snapshot(row: DigestSettingsRow, userIds: string[]) {
  return {
    enabled: row.enabled,
    weekday: row.weekday,
    hour: row.hour,
    recipients: row.recipientMode,
    userIds,
  };
}

/**
 * Replaces the digest settings (admins). The chosen people must exist and be active. Switching
 * the digest on or moving its send time to a moment already past this week makes next week's
 * the first, rather than mailing everyone at once.
 *
 * @example
 * await updateDigestSettings(db, actor, { enabled: true, weekday: 5, hour: 16, recipients: 'chosen', userIds: [id] });
 */
export async function updateDigestSettings(
  db: Database,
  actor: Actor,
  input: UpdateDigestSettings,
  now = new Date(),
): Promise<DigestSettingsView> {
  const row = await db.transaction(async (tx) => {
    const current = await lockDigestSettings(tx, now);
    const before = snapshot(current, await chosenIds(tx));
    await checkPeople(tx, input.userIds);
    const { timeZone } = await getSettings(tx);
    const timing =
      input.enabled !== current.enabled || input.weekday !== current.weekday || input.hour !== current.hour;
    const [updated] = await tx
      .update(digestSettings)
      .set({
        enabled: input.enabled,
        weekday: input.weekday,
        hour: input.hour,
        recipientMode: input.recipients,
        lastScheduledWeek: timing
          ? weekHandledWhenSet(input, current.lastScheduledWeek, timeZone, now)
          : current.lastScheduledWeek,
        updatedAt: now,
      })
      .where(eq(digestSettings.id, 1))
      .returning();
    if (!updated) throw new Error('digest settings row vanished');
    await tx.delete(digestRecipients);
    if (input.userIds.length > 0)
      await tx.insert(digestRecipients).values(input.userIds.map((userId) => ({ userId, addedAt: now })));
    await recordChange(tx, actor, {
      action: 'settings.digest.update',
      entityType: 'settings',
      entityId: null,
      before,
      after: snapshot(updated, await chosenIds(tx)),
    });
    return updated;
  });
  return toView(db, row, now);
}
