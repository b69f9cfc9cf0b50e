import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { openDatabase } from '@rapport/db';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { createJobQueue, queueConnectionFor } from './jobs/boss';
import { createLogger } from './logger';
import { createMailer } from './mail/mailer';
import { readSecretFile, resolveSecret } from './secret';
import { ensureWebhookSecret } from './services/settings';
import { bootstrap } from './services/bootstrap';

function fail(message: string): never {
  process.stderr.write(`rapport: ${message}\n`);
  process.exit(1);
}

/** PGlite allows one process per data folder; a pid file turns a second start into a clear message. */
function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, 'rapport.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8'));
    let alive = false;
    try {
      if (pid > 0 && pid !== process.pid) alive = process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive)
      fail(`another Rapport (pid ${pid}) is using ${dataDir}. Stop it first, or set RAPPORT_DATA_DIR.`);
  }
  // On a fresh machine the data folder does not exist yet.
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
  const dataDir = resolve(config.dataDir);
  const logger = createLogger(config.logLevel);
  const unlock = config.databaseUrl ? () => {} : lockDataDir(dataDir);
  const runtime = {
    ...config,
    secret: resolveSecret(config.secret, dataDir),
  };

  const handle = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(dataDir, 'db') },
  );
  try {
    await handle.migrate();
  } catch (err) {
    logger.error({ err }, 'migration failed');
    unlock();
    fail(`could not prepare the database: ${err instanceof Error ? err.message : String(err)}`);
  }
  // Without RAPPORT_WEBHOOK_SECRET the signing secret lives in the settings (taking over the file an
  // earlier version wrote), so Settings → Organisation can show and rotate it.
  if (!config.webhookSecret) await ensureWebhookSecret(handle.db, readSecretFile(dataDir, 'webhook-secret'));
  const started = await bootstrap(handle.db, {
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    demo: config.demo,
  });

  // Every role enqueues; only `all` and `worker` run the workers (and pg-boss's maintenance and cron).
  const runsWorkers = config.role !== 'web';
  const queue = createJobQueue({
    connection: queueConnectionFor(handle, config.databaseUrl),
    logger,
    supervise: runsWorkers,
  });
  const mailer = createMailer(config, logger);
  try {
    await queue.start();
    if (runsWorkers) {
      await queue.startWorkers({
        db: handle.db,
        mailer,
        secret: runtime.secret,
        publicUrl: config.publicUrl,
        logger,
      });
    }
  } catch (err) {
    logger.error({ err }, 'job queue failed to start');
    unlock();
    fail(`could not start the job queue: ${err instanceof Error ? err.message : String(err)}`);
  }
  const app = createApp({ db: handle.db, config: runtime, logger, queue });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => {
    const url = `http://localhost:${config.port}`;
    const database =
      handle.kind === 'pglite' ? `embedded PGlite in ${join(dataDir, 'db')}` : 'Postgres server';
    const lines = [
      '',
      `  Rapport is running at ${url}`,
      `  Database: ${database}${started.demoTickets ? ` (demo data: ${started.demoTickets} tickets)` : ''}`,
      started.admin.generatedPassword
        ? `  Log in as ${started.admin.email} with password ${started.admin.generatedPassword}  (shown once: note it now)`
        : started.admin.created
          ? `  Log in as ${started.admin.email} with the password in RAPPORT_ADMIN_PASSWORD`
          : `  Log in as ${started.admin.email} (password as set on the first start)`,
      config.webhookSecret
        ? '  Ticket events: signed with RAPPORT_WEBHOOK_SECRET, or an API key'
        : '  Ticket events: sign with the webhook secret from Settings → Organisation, or use an API key',
      `  Mail: ${mailer.transport === 'smtp' ? 'sent over SMTP (SMTP_URL)' : 'kept in the outbox, links logged (set SMTP_URL to send)'}; ${runsWorkers ? 'sending jobs run here' : 'web role: sending jobs run in the worker processes'}`,
      '  Press Ctrl-C to stop.',
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  });
  server.on('error', (err: NodeJS.ErrnoException) => {
    unlock();
    fail(
      err.code === 'EADDRINUSE' ? `port ${config.port} is in use. Set PORT to another port.` : err.message,
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    // Finish in-flight requests, then the running jobs (the queue stops before the database it lives
    // in closes), then close the database; idle keep-alive sockets would hold close() open.
    server.close(async () => {
      try {
        await queue.stop({ timeoutMs: 6_000 });
      } catch (err) {
        logger.error({ err }, 'job queue did not stop cleanly');
      }
      mailer.close();
      await handle.close();
      unlock();
      process.stdout.write('Rapport stopped.\n');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => fail('in-flight requests did not finish within 10 s; stopping anyway.'), 10_000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `rapport: could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
