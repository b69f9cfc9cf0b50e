import type { Login, Role, UserView } from '@rapport/contracts';
import { apiKeys, loginFailures, sessions, users, type Database, type Executor } from '@rapport/db';
import { and, count, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { RateLimitedError, UnauthorizedError } from '../errors';
import { DUMMY_PASSWORD_HASH, verifyPassword } from '../lib/passwords';
import { hashToken, newToken } from '../lib/tokens';
import { recordChange } from './audit-log';
import { findUserByEmail, getUser } from './users';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 10;
/** `last_used_at` of an API key is written at most this often, so busy keys do not write on every request. */
const KEY_TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: UserView;
}

/**
 * Signs a staff member in and opens a session. After `LOGIN_MAX_FAILURES` failed attempts for one
 * email within `LOGIN_WINDOW_MS`, every attempt for it is refused until the window has passed —
 * the right password included, or the limit would tell an attacker when they guessed it.
 */
export async function login(
  db: Database,
  input: Login & { userAgent: string | null; requestId: string | null; now?: Date },
): Promise<LoginResult> {
  const now = input.now ?? new Date();
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [failures] = await db
    .select({ n: count(), oldest: sql<string>`min(${loginFailures.failedAt})` })
    .from(loginFailures)
    .where(and(eq(loginFailures.email, input.email), gt(loginFailures.failedAt, windowStart)));
  if (failures && failures.n >= LOGIN_MAX_FAILURES) {
    const freeAt = new Date(failures.oldest).getTime() + LOGIN_WINDOW_MS;
    const retryAfterSeconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
    throw new RateLimitedError(
      `Too many failed sign-ins for this email. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      retryAfterSeconds,
    );
  }

  const user = await findUserByEmail(db, input.email);
  // Spend the same scrypt time whether or not the email exists, so timing does not reveal accounts.
  const passwordOk = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !passwordOk || user.disabledAt !== null) {
    await db.transaction(async (tx) => {
      await tx
        .delete(loginFailures)
        .where(and(eq(loginFailures.email, input.email), lt(loginFailures.failedAt, windowStart)));
      await tx.insert(loginFailures).values({ email: input.email, failedAt: now });
    });
    throw new UnauthorizedError('Email or password is incorrect.');
  }

  const token = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.transaction(async (tx) => {
    const [session] = await tx
      .insert(sessions)
      .values({
        tokenHash: hashToken(token),
        userId: user.id,
        userAgent: input.userAgent,
        createdAt: now,
        expiresAt,
      })
      .returning({ id: sessions.id });
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    await recordChange(
      tx,
      { userId: user.id, apiKeyId: null, label: user.email, requestId: input.requestId },
      { action: 'auth.login', entityType: 'session', entityId: session?.id ?? null },
    );
  });
  return { token, expiresAt, user: await getUser(db, user.id) };
}

/** Ends the session the token belongs to; an unknown token is already signed out. */
export async function logout(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The signed-in user for a session cookie, or null when it is unknown, expired or the user is disabled. */
export async function resolveSession(
  db: Executor,
  token: string,
  now = new Date(),
): Promise<SessionUser | null> {
  const [row] = await db
    .select({ sessionId: sessions.id, id: users.id, email: users.email, name: users.name, role: users.role })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now), isNull(users.disabledAt)),
    );
  return row ?? null;
}

export interface KeyPrincipal {
  id: string;
  name: string;
  scopes: string[];
}

/** The API key a bearer token names, or null when it is unknown or revoked. */
export async function resolveApiKey(
  db: Executor,
  key: string,
  now = new Date(),
): Promise<KeyPrincipal | null> {
  const [row] = await db
    .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, lastUsedAt: apiKeys.lastUsedAt })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashToken(key)), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > KEY_TOUCH_INTERVAL_MS) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(
            isNull(apiKeys.lastUsedAt),
            lt(apiKeys.lastUsedAt, new Date(now.getTime() - KEY_TOUCH_INTERVAL_MS)),
          ),
        ),
      );
  }
  return { id: row.id, name: row.name, scopes: row.scopes };
}
