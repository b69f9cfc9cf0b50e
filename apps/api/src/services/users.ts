import type { CreateUser, Role, UpdateUser, UserView } from '@rapport/contracts';
import { sessions, users, type Database, type Executor } from '@rapport/db';
import { and, asc, count, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { ConflictError, found } from '../errors';
import { generatePassword, hashPassword } from '../lib/passwords';
import type { Actor } from './actor';
import { recordChange } from './audit-log';
import { isUniqueViolation } from './db-errors';

type UserRow = typeof users.$inferSelect;

function toView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    locale: u.locale,
    disabled: u.disabledAt !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The audit-log summary of a user: never the password hash. */
function summary(u: UserRow) {
  return { email: u.email, name: u.name, role: u.role, locale: u.locale, disabled: u.disabledAt !== null };
}

export async function listUsers(db: Executor): Promise<UserView[]> {
  const rows = await db.select().from(users).orderBy(asc(users.name), asc(users.email));
  return rows.map(toView);
}

/**
 * Active managers and admins as { id, name }: the people who can lead a team or own a follow-up.
 * Managers may read this short list although only admins list users.
 */
export async function listActiveManagers(db: Executor): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ['manager', 'admin'])))
    .orderBy(asc(users.name), asc(users.email));
}

/**
 * Active admins, managers and auditors as { id, name, role }: the people who can audit a team or
 * own a corrective action. Managers may read this short list although only admins list users.
 */
export async function listAuditPeople(
  db: Executor,
): Promise<{ id: string; name: string; role: 'admin' | 'manager' | 'auditor' }[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, ['admin', 'manager', 'auditor'])))
    .orderBy(asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r, role: r.role as 'admin' | 'manager' | 'auditor' }));
}

export async function getUser(db: Executor, id: string): Promise<UserView> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return toView(found(row, 'User'));
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row;
}

export async function createUser(db: Database, actor: Actor, input: CreateUser): Promise<UserView> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      if (await findUserByEmail(tx, input.email)) throw emailTaken(input.email);
      const [row] = await tx
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          locale: input.locale,
          passwordHash,
        })
        .returning();
      const created = found(row, 'User');
      await recordChange(tx, actor, {
        action: 'user.create',
        entityType: 'user',
        entityId: created.id,
        after: summary(created),
      });
      return toView(created);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}

function emailTaken(email: string) {
  return new ConflictError(`A user with the email ${email} already exists.`);
}

/**
 * Changes a user. Disabling a user or changing their password signs them out everywhere.
 * The last active admin can be neither demoted nor disabled, so the organisation never locks itself out.
 */
export async function updateUser(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateUser,
): Promise<UserView> {
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    const current = found(before, 'User');
    const losesAdmin =
      current.role === 'admin' &&
      current.disabledAt === null &&
      ((input.role && input.role !== 'admin') || input.disabled === true);
    if (losesAdmin && (await countOtherActiveAdmins(tx, id)) === 0) {
      throw new ConflictError('This is the last active admin. Make another user admin first.');
    }
    const disabledAt =
      input.disabled === undefined
        ? current.disabledAt
        : input.disabled
          ? (current.disabledAt ?? new Date())
          : null;
    const [row] = await tx
      .update(users)
      .set({
        name: input.name ?? current.name,
        role: input.role ?? current.role,
        locale: input.locale ?? current.locale,
        passwordHash: passwordHash ?? current.passwordHash,
        disabledAt,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id))
      .returning();
    const updated = found(row, 'User');
    if (disabledAt !== null || passwordHash !== undefined) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await recordChange(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: summary(current),
      after: { ...summary(updated), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return toView(updated);
  });
}

async function countOtherActiveAdmins(tx: Executor, exceptId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, exceptId)));
  return row?.n ?? 0;
}

export interface FirstAdmin {
  email: string;
  /** Set only when the account was created now with a generated password: print it once. */
  generatedPassword: string | null;
  created: boolean;
}

/**
 * Makes sure an admin exists. On the first start it creates one with the configured email and
 * password (or a generated password); later starts leave everything as it is.
 */
export async function ensureFirstAdmin(
  db: Database,
  input: { email: string; password: string | undefined },
): Promise<FirstAdmin> {
  const [existing] = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  if (existing) return { email: existing.email, generatedPassword: null, created: false };
  const password = input.password ?? generatePassword();
  const role: Role = 'admin';
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: input.email, name: 'Administrator', role, passwordHash })
      .onConflictDoNothing()
      .returning();
    if (row) {
      await recordChange(
        tx,
        { userId: null, apiKeyId: null, label: 'system', requestId: null },
        {
          action: 'user.create',
          entityType: 'user',
          entityId: row.id,
          after: summary(row),
        },
      );
    }
    return row !== undefined;
  });
  if (!created) {
    throw new ConflictError(
      `${input.email} belongs to a user who is not an active admin. Set RAPPORT_ADMIN_EMAIL to another address.`,
    );
  }
  return { email: input.email, generatedPassword: input.password ? null : password, created: true };
}
