import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

/** The repository root, found from this file so the tests run from any checkout. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_ENTRY = join(REPO_ROOT, 'apps/api/src/server.ts');
const ADMIN_INDEX = join(REPO_ROOT, 'apps/admin/build/index.html');

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'e2e-admin-password';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Sends SIGINT (Ctrl-C), waits for the process to end and returns its exit code. */
  stop(): Promise<number | null>;
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/**
 * Runs the server the way `pnpm start` does (`node --import tsx apps/api/src/server.ts`) with the
 * given environment, from the repository root. Resolves when the process has started.
 */
export function spawnServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a child process to exit and returns its code (null when killed by a signal). */
export function exitOf(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolveExit, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
}

/** A fresh database on the Postgres server of `DATABASE_URL`, dropped again by `drop()`. */
async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `rapport_e2e_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await sql.end();
      }
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode} before it was ready:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server was not healthy within 90 s:\n${output()}`);
}

/**
 * Starts the real server on a free port with a fresh data folder (and, when `DATABASE_URL` is set,
 * a fresh database on that Postgres server), and waits until `/api/health` answers. `extraEnv`
 * adds or overrides variables (SMTP_URL, RAPPORT_WEBHOOK_SECRET, …).
 *
 * @example
 * const server = await startServer();
 * // … drive it over HTTP or in the browser …
 * expect(await server.stop()).toBe(0);
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(ADMIN_INDEX)) {
    throw new Error('The admin is not built: run `pnpm build` (or `pnpm test`, which builds it) first.');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'rapport-e2e-'));
  const database = process.env.DATABASE_URL ? await createDatabase(process.env.DATABASE_URL) : null;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawnServer({
    PORT: String(port),
    HOST: '127.0.0.1',
    RAPPORT_DATA_DIR: dataDir,
    RAPPORT_ADMIN_EMAIL: ADMIN_EMAIL,
    RAPPORT_ADMIN_PASSWORD: ADMIN_PASSWORD,
    RAPPORT_DEMO: 'off',
    RAPPORT_PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    ...(database ? { DATABASE_URL: database.url } : {}),
    ...extraEnv,
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;

  const cleanUp = async () => {
    await rm(dataDir, { recursive: true, force: true });
    await database?.drop();
  };
  try {
    await waitForHealth(url, child, output);
  } catch (err) {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exitOf(child, 10_000).catch(() => null);
    await cleanUp();
    throw err;
  }

  let stopped: Promise<number | null> | null = null;
  return {
    url,
    output,
    stop() {
      stopped ??= (async () => {
        child.kill('SIGINT');
        try {
          return await exitOf(child, 20_000);
        } finally {
          await cleanUp();
        }
      })();
      return stopped;
    },
  };
}
