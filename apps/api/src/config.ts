import * as v from 'valibot';

const Flag = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.picklist(
    ['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'],
    'must be one of on, off, true, false, 1, 0',
  ),
  v.transform((s) => ['1', 'true', 'on', 'yes'].includes(s)),
);

const EnvSchema = v.object({
  NODE_ENV: v.optional(
    v.picklist(['development', 'production', 'test'], 'must be development, production or test'),
    'development',
  ),
  PORT: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number between 1 and 65535'),
      v.transform(Number),
      v.minValue(1, 'must be a whole number between 1 and 65535'),
      v.maxValue(65535, 'must be a whole number between 1 and 65535'),
    ),
    '3000',
  ),
  HOST: v.optional(v.pipe(v.string(), v.minLength(1, 'cannot be empty'))),
  DATABASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL'),
    ),
  ),
  RAPPORT_DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1, 'cannot be empty')), './.rapport'),
  RAPPORT_ADMIN_EMAIL: v.optional(
    v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('must be an email address')),
    'admin@example.com',
  ),
  RAPPORT_ADMIN_PASSWORD: v.optional(v.pipe(v.string(), v.minLength(10, 'must be at least 10 characters'))),
  RAPPORT_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
  RAPPORT_DEMO: v.optional(Flag),
  RAPPORT_WEBHOOK_SECRET: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  RAPPORT_PUBLIC_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an http:// or https:// URL'),
      v.transform((u) => u.replace(/\/+$/, '')),
    ),
  ),
  SMTP_URL: v.optional(v.pipe(v.string(), v.regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL'))),
  MAIL_FROM: v.optional(
    v.pipe(v.string(), v.trim(), v.minLength(3, 'must be an address like "Support <help@example.com>"')),
    'Rapport <surveys@rapport.localhost>',
  ),
  RAPPORT_ROLE: v.optional(v.picklist(['all', 'web', 'worker'], 'must be all, web or worker'), 'all'),
  LOG_LEVEL: v.optional(
    v.picklist(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'must be one of fatal, error, warn, info, debug, trace, silent',
    ),
    'info',
  ),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string;
  adminPassword: string | undefined;
  /** Absent until `resolveSecret` has read or created it (see secret.ts). */
  secret: string | undefined;
  demo: boolean;
  /**
   * RAPPORT_WEBHOOK_SECRET, which verifies `X-Rapport-Signature` on ticket events. When absent the
   * secret stored in the settings (rotatable in the admin) does.
   */
  webhookSecret: string | undefined;
  /** Base of every link in emails. */
  publicUrl: string;
  /** Absent → mail goes to the outbox table. */
  smtpUrl: string | undefined;
  mailFrom: string;
  role: 'all' | 'web' | 'worker';
  logLevel: string;
  /** Session cookies carry `Secure` in production. */
  secureCookies: boolean;
}

/** The configuration once the instance secret is known (read or generated at start). */
export interface RuntimeConfig extends Config {
  secret: string;
}

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from the environment, once, at start.
 *
 * @example
 * const config = loadConfig(process.env); // throws ConfigError("PORT must be a whole number…")
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "not set": `PORT= pnpm start` should behave like no PORT at all.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = v.safeParse(EnvSchema, present);
  if (!result.success) {
    const issue = result.issues[0];
    const name = issue.path?.[0]?.key;
    // Echo the offending value to help the fix, except for secrets.
    const secret = /SECRET|PASSWORD|SMTP_URL/.test(String(name));
    const shown =
      typeof issue.input === 'string' || typeof issue.input === 'number' ? String(issue.input) : null;
    const got = shown !== null && !secret ? ` (got "${shown}")` : '';
    throw new ConfigError(`${String(name)} ${issue.message}${got}.`);
  }
  const e = result.output;
  if (e.NODE_ENV === 'production' && !e.RAPPORT_SECRET) {
    throw new ConfigError('RAPPORT_SECRET is required when NODE_ENV=production (at least 32 characters).');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.RAPPORT_DATA_DIR,
    adminEmail: e.RAPPORT_ADMIN_EMAIL,
    adminPassword: e.RAPPORT_ADMIN_PASSWORD,
    secret: e.RAPPORT_SECRET,
    // Demo data is on by default only for the embedded database: a real server is somebody's real data.
    demo: e.RAPPORT_DEMO ?? !e.DATABASE_URL,
    webhookSecret: e.RAPPORT_WEBHOOK_SECRET,
    publicUrl: e.RAPPORT_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    role: e.RAPPORT_ROLE,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.NODE_ENV === 'production',
  };
}
