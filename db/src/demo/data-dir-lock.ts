import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite lets one process at a time use a data folder. The server records its pid in
 * `<dataDir>/rapport.pid` (apps/api/src/server.ts); the seed command reads the same file, and holds
 * it while it writes so that a server started meanwhile refuses too.
 */
export const PID_FILE = 'rapport.pid';

function isAlive(pid: number): boolean {
  try {
    return process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return err instanceof Error && 'code' in err && err.code === 'EPERM';
  }
}

/**
 * The pid of another live process that holds the data folder, or null when it is free
 * (no pid file, a stale one, or our own).
 *
 * @example
 * const holder = dataDirHolder('./.rapport');
 * if (holder !== null) console.error(`Rapport (pid ${holder}) is running on ./.rapport`);
 */
export function dataDirHolder(dataDir: string): number | null {
  const file = join(dataDir, PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return isAlive(pid) ? pid : null;
}

/**
 * Writes this process's pid into the data folder and returns the release function, which removes
 * the file only if it still names this process.
 *
 * @example
 * const release = holdDataDir('./.rapport');
 * try { await seed(); } finally { release(); }
 */
export function holdDataDir(dataDir: string): () => void {
  const file = join(dataDir, PID_FILE);
  writeFileSync(file, String(process.pid));
  return () => {
    if (existsSync(file) && readFileSync(file, 'utf8').trim() === String(process.pid))
      rmSync(file, { force: true });
  };
}
