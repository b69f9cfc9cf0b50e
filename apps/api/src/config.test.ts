import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('fills the defaults for a bare environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      dataDir: './.rapport',
      adminEmail: 'admin@example.com',
      demo: true,
      role: 'all',
      logLevel: 'info',
      secureCookies: false,
    });
  });

  it('turns demo data off by default on a Postgres server, and on when asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/rapport' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/rapport', RAPPORT_DEMO: 'on' }).demo).toBe(true);
    expect(loadConfig({ RAPPORT_DEMO: '0' }).demo).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number between 1 and 65535 (got "abc").'],
    [{ PORT: '70000' }, 'PORT must be a whole number between 1 and 65535 (got "70000").'],
    [
      { DATABASE_URL: 'mysql://x' },
      'DATABASE_URL must be a postgres:// or postgresql:// connection URL (got "mysql://x").',
    ],
    [{ RAPPORT_DEMO: 'maybe' }, 'RAPPORT_DEMO must be one of on, off, true, false, 1, 0 (got "maybe").'],
    [
      { LOG_LEVEL: 'loud' },
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud").',
    ],
    [{ RAPPORT_ADMIN_EMAIL: 'nobody' }, 'RAPPORT_ADMIN_EMAIL must be an email address (got "nobody").'],
    [{ RAPPORT_ADMIN_PASSWORD: 'short' }, 'RAPPORT_ADMIN_PASSWORD must be at least 10 characters.'],
    [
      { NODE_ENV: 'production' },
      'RAPPORT_SECRET is required when NODE_ENV=production (at least 32 characters).',
    ],
  ])('refuses %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(new ConfigError(message));
  });

  it('marks cookies Secure in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', RAPPORT_SECRET: 'x'.repeat(32) });
    expect(config.secureCookies).toBe(true);
  });
});
