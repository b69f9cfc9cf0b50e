import { randomBytes } from 'node:crypto';
import type { Role } from '@rapport/contracts';
import { openDatabase, type DatabaseHandle } from '@rapport/db';
import pino from 'pino';
import postgres from 'postgres';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { ensureDefaultSurvey } from '../services/surveys';
import { createUser } from '../services/users';

export const PASSWORD = 'test-password-123';
export const WEBHOOK_SECRET = 'webhook-secret-for-tests';
const SYSTEM = { userId: null, apiKeyId: null, label: 'test', requestId: null };

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  /** Sign in as a seeded user of this role, or send this cookie. */
  as?: Role | 'nobody';
  json?: unknown;
  /** A raw body (sent as application/json unless headers say otherwise). */
  raw?: string;
  headers?: Record<string, string>;
}

/**
 * A fresh database (in-memory PGlite, or a new database on the server in `DATABASE_URL`), migrated,
 * with one user per role, and the app built on it. One per test file.
 */
export async function createTestContext(options: { webhookSecretFromEnvironment?: boolean } = {}) {
  const { handle, drop, url } = await freshDatabase();
  await handle.migrate();
  await ensureDefaultSurvey(handle.db);
  // Most tests sign events with a fixed secret as RAPPORT_WEBHOOK_SECRET would set it; the settings
  // tests turn that off to exercise the stored, rotatable secret.
  const environment =
    options.webhookSecretFromEnvironment === false ? {} : { RAPPORT_WEBHOOK_SECRET: WEBHOOK_SECRET };
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', NODE_ENV: 'test', ...environment }),
    secret: 'test-secret-'.padEnd(40, 'x'),
  };
  const logger = pino({ level: 'silent' });
  const queued: { invitationId: string; at: Date }[] = [];
  const queue = {
    sendInvitationAt: async (invitationId: string, at: Date) => void queued.push({ invitationId, at }),
  };
  const app = createApp({ db: handle.db, config, logger, queue, adminBuildDir: '/nonexistent' });

  const users: Record<Role, { id: string; email: string }> = {} as Record<
    Role,
    { id: string; email: string }
  >;
  for (const role of ['admin', 'manager', 'auditor', 'viewer'] as const) {
    const user = await createUser(handle.db, SYSTEM, {
      email: `${role}@test.example`,
      name: `The ${role}`,
      role,
      password: PASSWORD,
      locale: 'en',
    });
    users[role] = { id: user.id, email: user.email };
  }

  const cookies = new Map<Role, string>();
  async function cookieFor(role: Role): Promise<string> {
    const cached = cookies.get(role);
    if (cached) return cached;
    const res = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: users[role].email, password: PASSWORD }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (res.status !== 200 || !cookie) throw new Error(`could not sign in as ${role}: ${res.status}`);
    cookies.set(role, cookie);
    return cookie;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are asserted on field by field, not trusted
  async function request<T = any>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.as && options.as !== 'nobody') headers.cookie = await cookieFor(options.as);
    let body: string | undefined;
    if (options.json !== undefined) body = JSON.stringify(options.json);
    if (options.raw !== undefined) body = options.raw;
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/json';
    }
    const res = await app.request(path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: keep the text so the assertion shows what came back.
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  return {
    app,
    config,
    queued,
    db: handle.db,
    handle,
    /** The fresh database's URL on a Postgres server (for a second connection, e.g. a job queue); undefined on PGlite. */
    databaseUrl: url,
    users,
    request,
    /** Forget cached sessions (after a test signs users out or disables them). */
    forgetSessions: () => cookies.clear(),
    close: async () => {
      await handle.close();
      await drop();
    },
  };
}

export type TestContext = Awaited<ReturnType<typeof createTestContext>>;

async function freshDatabase(): Promise<{
  handle: DatabaseHandle;
  drop: () => Promise<void>;
  url: string | undefined;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { handle: await openDatabase({}), drop: async () => {}, url: undefined };
  const name = `rapport_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 4 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
