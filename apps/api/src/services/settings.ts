import { randomBytes } from 'node:crypto';
import type { Locale, SettingsView, UpdateSettings, WebhookSecretView } from '@rapport/contracts';
import {
  rebuildFollowUpRollups,
  rebuildTicketDurationRollups,
  settings,
  type Database,
  type Executor,
} from '@rapport/db';
import { and, eq, isNull } from 'drizzle-orm';
import { ConflictError, ValidationError } from '../errors';
import type { Actor } from './actor';
import { recordChange } from './audit-log';

export type OrgSettings = typeof settings.$inferSelect;

/** How long the secret before a rotation keeps working, so helpdesks can switch without losing events. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

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

/** The settings row, locked for the rest of the transaction (created first if need be). */
async function lockSettings(tx: Executor): Promise<OrgSettings> {
  await getSettings(tx);
  const [row] = await tx.select().from(settings).where(eq(settings.id, 1)).for('update');
  if (!row) throw new Error('settings row vanished');
  return row;
}

/** Until when the secret before the last rotation is accepted, if it still is. */
function previousValidUntil(row: OrgSettings, now: Date): Date | null {
  const until = row.previousWebhookSecretUntil;
  return row.previousWebhookSecret !== null && until !== null && until > now ? until : null;
}

function toView(row: OrgSettings, webhookFromEnvironment: boolean, now = new Date()): SettingsView {
  const until = webhookFromEnvironment ? null : previousValidUntil(row, now);
  return {
    organisationName: row.organisationName,
    timeZone: row.timeZone,
    businessHours: row.businessHours,
    holidays: row.holidays,
    locales: row.locales as Locale[],
    defaultLocale: row.defaultLocale as Locale,
    webhook: {
      source: webhookFromEnvironment ? 'environment' : 'settings',
      rotatedAt: webhookFromEnvironment ? null : (row.webhookSecretRotatedAt?.toISOString() ?? null),
      previousValidUntil: until?.toISOString() ?? null,
    },
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What every staff member may read: the secrets themselves stay out. */
export async function readSettings(db: Executor, webhookFromEnvironment: boolean): Promise<SettingsView> {
  return toView(await getSettings(db), webhookFromEnvironment);
}

const PUBLIC_FIELDS = [
  'organisationName',
  'timeZone',
  'businessHours',
  'holidays',
  'locales',
  'defaultLocale',
] as const;

function publicPart(row: OrgSettings) {
  return Object.fromEntries(PUBLIC_FIELDS.map((k) => [k, row[k]]));
}

/**
 * Changes the organisation's settings. The offered languages must include the default one, so a
 * customer in any other language still gets a survey they can read.
 */
export async function updateSettings(
  db: Database,
  actor: Actor,
  input: UpdateSettings,
  webhookFromEnvironment: boolean,
): Promise<SettingsView> {
  const row = await db.transaction(async (tx) => {
    const current = await lockSettings(tx);
    const next = { ...publicPart(current), ...input } as Pick<OrgSettings, (typeof PUBLIC_FIELDS)[number]>;
    if (!next.locales.includes(next.defaultLocale)) {
      throw new ValidationError(
        `The default language (${next.defaultLocale}) must be one of the offered languages.`,
        [{ path: 'defaultLocale', message: 'Choose one of the offered languages.' }],
      );
    }
    await tx
      .update(settings)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(settings.id, 1));
    const after = await getSettings(tx);
    // Ticket-duration histograms and follow-up counts sit on local days computed from the time zone
    // (the rows do not store it): recount them on the new days, or a later change would take
    // counts off the wrong day.
    if (after.timeZone !== current.timeZone) {
      await rebuildTicketDurationRollups(tx, after.timeZone);
      await rebuildFollowUpRollups(tx, after.timeZone);
    }
    await recordChange(tx, actor, {
      action: 'settings.update',
      entityType: 'settings',
      entityId: null,
      before: publicPart(current),
      after: publicPart(after),
    });
    return after;
  });
  return toView(row, webhookFromEnvironment);
}

/**
 * Names an organisation that has no name yet, as the demo start does; a name an admin chose is
 * kept. Not a change by staff, so nothing is written to the audit log. Returns whether it named it.
 *
 * @example
 * await nameUnnamedOrganisation(db, 'Rapport Demo Support'); // true on a fresh database, false after
 */
export async function nameUnnamedOrganisation(db: Executor, name: string): Promise<boolean> {
  await getSettings(db);
  const named = await db
    .update(settings)
    .set({ organisationName: name, updatedAt: new Date() })
    .where(and(eq(settings.id, 1), isNull(settings.organisationName)))
    .returning({ id: settings.id });
  return named.length > 0;
}

function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/**
 * The secret that signs ticket events when RAPPORT_WEBHOOK_SECRET is not set: stored in the
 * settings row on the first start (taking over a secret an earlier version kept in the data
 * folder), so every process of a deployment reads the same one.
 */
export async function ensureWebhookSecret(db: Executor, legacy: string | null): Promise<string> {
  const row = await getSettings(db);
  if (row.webhookSecret) return row.webhookSecret;
  // Only the first of several starting processes writes; the others read what it wrote.
  await db
    .update(settings)
    .set({ webhookSecret: legacy ?? newSecret() })
    .where(and(eq(settings.id, 1), isNull(settings.webhookSecret)));
  const { webhookSecret } = await getSettings(db);
  if (!webhookSecret) throw new Error('webhook secret not stored');
  return webhookSecret;
}

/** The secrets a signature may be made with now: the current one, and the previous one during its grace period. */
export async function acceptedWebhookSecrets(db: Executor, now = new Date()): Promise<string[]> {
  const row = await getSettings(db);
  const accepted = row.webhookSecret ? [row.webhookSecret] : [];
  if (row.previousWebhookSecret && row.previousWebhookSecretUntil && row.previousWebhookSecretUntil > now)
    accepted.push(row.previousWebhookSecret);
  return accepted;
}

function refuseWhenFromEnvironment(webhookFromEnvironment: boolean): void {
  if (webhookFromEnvironment)
    throw new ConflictError(
      'The webhook secret is set by RAPPORT_WEBHOOK_SECRET: change it in the environment and restart.',
    );
}

/** Shows the current secret to an admin (to paste into the helpdesk); the reveal is logged. */
export async function revealWebhookSecret(
  db: Database,
  actor: Actor,
  webhookFromEnvironment: boolean,
): Promise<WebhookSecretView> {
  refuseWhenFromEnvironment(webhookFromEnvironment);
  const secret = await ensureWebhookSecret(db, null);
  const row = await getSettings(db);
  await recordChange(db, actor, {
    action: 'settings.webhook_secret.reveal',
    entityType: 'settings',
    entityId: null,
  });
  return { secret, previousValidUntil: toView(row, false).webhook.previousValidUntil };
}

/** A new signing secret; the old one keeps working for a day so the helpdesk can be updated. */
export async function rotateWebhookSecret(
  db: Database,
  actor: Actor,
  webhookFromEnvironment: boolean,
  now = new Date(),
): Promise<WebhookSecretView> {
  refuseWhenFromEnvironment(webhookFromEnvironment);
  return db.transaction(async (tx) => {
    const current = await lockSettings(tx);
    const secret = newSecret();
    // A first rotation (nothing signed yet) has no old secret to keep accepting.
    const until = current.webhookSecret ? new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS) : null;
    await tx
      .update(settings)
      .set({
        webhookSecret: secret,
        previousWebhookSecret: current.webhookSecret,
        previousWebhookSecretUntil: until,
        webhookSecretRotatedAt: now,
        updatedAt: now,
      })
      .where(eq(settings.id, 1));
    await recordChange(tx, actor, {
      action: 'settings.webhook_secret.rotate',
      entityType: 'settings',
      entityId: null,
      after: { previousValidUntil: until?.toISOString() ?? null },
    });
    return { secret, previousValidUntil: until?.toISOString() ?? null };
  });
}
