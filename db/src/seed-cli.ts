/**
 * `pnpm seed [--tickets N] [--seed S] [--months M]`: fills an empty database with demo data, for
 * demos and benchmarks. It opens the database the server would — `DATABASE_URL` if set, else PGlite
 * in `${RAPPORT_DATA_DIR ?? './.rapport'}/db` — applies the migrations, and refuses a database that
 * already holds tickets or teams, or a PGlite folder a running server holds.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { constants } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { count } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from './client';
import { insertDefaultSurvey } from './default-survey';
import { dataDirHolder, holdDataDir } from './demo/data-dir-lock';
import { DEFAULT_SEED, DEFAULT_TICKETS, resolveDemoOptions, seedDemoData } from './demo/index';
import { formatDuration, formatRowCounts, progressReporter } from './demo/seed-progress';
import { parseSeedArgs, SEED_USAGE, SeedUsageError, type SeedArgs } from './demo/seed-args';
import { teams, tickets } from './schema/index';

/** A refusal or a usage mistake: printed as one line, exit code 1. */
class SeedRefused extends Error {}

const formatCount = (n: number): string => n.toLocaleString('en-US');

const PROGRESS_INTERVAL_SECONDS = 3;

/**
 * The most tickets `pnpm seed` puts into embedded PGlite. Measured on 2 cores (busy with other work):
 * a million took 34 minutes, a peak of 1 GB of memory (of the 2 GB WebAssembly allows) and 2.8 GB of
 * disk, so ten million would take hours, and the reports would crawl on it. A server takes more.
 */
const MAX_PGLITE_TICKETS = 2_000_000;

/**
 * One line for an error. Drizzle wraps driver errors as "Failed query: <sql>\nparams: …" with the
 * reason (connection refused, missing database) in `cause`, so the innermost cause speaks.
 */
function describeError(err: unknown): string {
  let inner = err;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  const message = inner instanceof Error ? inner.message : String(inner);
  return message.split('\n')[0] ?? message;
}

/** Where the data goes, for messages; a server URL is shown without its credentials. */
function describeTarget(url: string | undefined, dataDir: string): string {
  if (!url) return `the embedded database in ${join(dataDir, 'db')}`;
  try {
    const parsed = new URL(url);
    return `the database ${parsed.pathname.slice(1) || '(default)'} on ${parsed.host}`;
  } catch {
    return 'the database in DATABASE_URL';
  }
}

async function existingRows(handle: DatabaseHandle): Promise<{ tickets: number; teams: number }> {
  const [ticketRows] = await handle.db.select({ n: count() }).from(tickets);
  const [teamRows] = await handle.db.select({ n: count() }).from(teams);
  return { tickets: ticketRows?.n ?? 0, teams: teamRows?.n ?? 0 };
}

async function main(args: SeedArgs): Promise<void> {
  // Validate every option before touching the database.
  const options = resolveDemoOptions({ tickets: args.tickets, seed: args.seed, months: args.months });
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = resolve(process.env.RAPPORT_DATA_DIR || './.rapport');
  const target = describeTarget(url, dataDir);

  if (!url && options.tickets > MAX_PGLITE_TICKETS) {
    throw new SeedRefused(
      `${formatCount(options.tickets)} tickets is more than the embedded database takes: at most ` +
        `${formatCount(MAX_PGLITE_TICKETS)} (1,000,000 took 34 min and 1 GB of memory there, 2.8 GB on disk). ` +
        `Seed a Postgres server instead: DATABASE_URL=postgres://user@host:5432/db pnpm seed --tickets ${options.tickets}`,
    );
  }

  let release = (): void => {};
  if (!url) {
    const holder = dataDirHolder(dataDir);
    if (holder !== null) {
      throw new SeedRefused(
        `Rapport (pid ${holder}) is running on ${dataDir}. Stop it first, or set RAPPORT_DATA_DIR to another folder.`,
      );
    }
    mkdirSync(dataDir, { recursive: true });
    release = holdDataDir(dataDir);
  }

  const opening = performance.now();
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase(url ? { url, maxConnections: 2 } : { dataDir: join(dataDir, 'db') });
    await handle.migrate().catch((err: unknown) => {
      throw new SeedRefused(`could not prepare ${target}: ${describeError(err)}`);
    });
    const existing = await existingRows(handle);
    if (existing.tickets > 0 || existing.teams > 0) {
      const what =
        existing.tickets > 0
          ? `${formatCount(existing.tickets)} tickets`
          : `${formatCount(existing.teams)} teams`;
      const where = url
        ? 'point DATABASE_URL at an empty database'
        : 'point RAPPORT_DATA_DIR at a new folder';
      throw new SeedRefused(
        `${target} already has ${what}; demo data goes into an empty database only: ${where}.`,
      );
    }

    const started = performance.now();
    const setup = `opening and migrating took ${((started - opening) / 1000).toFixed(1)} s`;
    // The server creates the default survey at start; create it here too, so the demo has answers.
    await insertDefaultSurvey(handle.db);
    // A line every few seconds on stderr, so a long seed shows it is moving (and when it will end).
    const report = progressReporter({
      total: options.tickets,
      started: started / 1000,
      intervalSeconds: PROGRESS_INTERVAL_SECONDS,
      now: () => performance.now() / 1000,
      write: (line) => process.stderr.write(`  ${line}\n`),
    });
    const summary = await seedDemoData(handle.db, {
      tickets: options.tickets,
      seed: options.seed,
      months: options.months,
      now: new Date(options.end),
      onProgress: report.progress,
      onRebuild: report.rebuilding,
      onStage: report.stage,
    });
    const seconds = (performance.now() - started) / 1000;
    const period = `${options.months} months to ${new Date(options.end).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    process.stdout.write(
      `Seeded ${target}: ${formatCount(summary.tickets)} tickets in ${formatDuration(seconds)} ` +
        `(${formatCount(Math.round(summary.tickets / Math.max(seconds, 0.001)))} tickets/s; ` +
        `seed ${options.seed}, ${period}; ${setup}).\n${formatRowCounts(summary).join('\n')}\n`,
    );
  } finally {
    await handle?.close();
    release();
  }
}

function exitWith(message: string): void {
  process.stderr.write(`rapport seed: ${message}\n`);
  // exitCode rather than exit(): the database handle is closed and the pid file released first.
  process.exitCode = 1;
}

/**
 * Generating demo rows makes short-lived objects at a great rate: with V8's default young generation
 * (16 MB semi-spaces) a third of the generator's time goes to garbage collection, and 64 MB
 * semi-spaces make it about twice as fast (measured on 2 cores, 100,000 tickets with their survey
 * activity). V8 takes the size only at start, so the command starts itself once more with it, unless
 * it was given (on the command line or in NODE_OPTIONS). Returns false when this process should seed.
 */
function relaunchedWithRoomierYoungGeneration(): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((arg) =>
    arg.startsWith('--max-semi-space-size'),
  );
  if (given) return false;
  const child = spawn(
    process.execPath,
    [...process.execArgv, '--max-semi-space-size=64', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  // Ctrl-C reaches both; a signal sent to this process alone is passed on, and the child decides.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => exitWith(`could not start: ${err.message}`));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1);
  });
  return true;
}

let args: SeedArgs | undefined;
try {
  args = parseSeedArgs(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof SeedUsageError)) throw err;
  exitWith(`${err.message} ${SEED_USAGE}`);
}
// Usage mistakes and --help are answered here; only a seed is worth a second start.
if (args && !args.help && relaunchedWithRoomierYoungGeneration()) args = undefined;
if (args?.help) {
  process.stdout.write(
    `${SEED_USAGE}\n` +
      'Fills an empty database with demo data: DATABASE_URL if set, else PGlite in $RAPPORT_DATA_DIR/db (./.rapport/db).\n' +
      `  --tickets N  tickets to generate (default ${DEFAULT_TICKETS})\n` +
      `  --seed S     random seed; the same seed within the same hour gives the same data (default ${DEFAULT_SEED})\n` +
      '  --months M   length of the period ending now (default 12)\n',
  );
} else if (args) {
  main(args).catch((err: unknown) => {
    // Refusals and out-of-range options are expected; anything else is reported in one line too.
    if (err instanceof SeedRefused || err instanceof RangeError) exitWith(err.message);
    else exitWith(`failed: ${describeError(err)}`);
  });
}
