import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A secret from the environment when set, otherwise one generated on the first start and kept in
 * the data folder (mode 0600) so later starts reuse it.
 *
 * @example
 * resolveSecret(process.env.RAPPORT_SECRET, './.rapport'); // reads or creates ./.rapport/secret
 */
export function resolveSecret(configured: string | undefined, dataDir: string, name = 'secret'): string {
  if (configured) return configured;
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** A secret an earlier start kept in the data folder, if there is one. */
export function readSecretFile(dataDir: string, name: string): string | null {
  const file = join(dataDir, name);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}
