#!/usr/bin/env node
// Builds the admin's static site when it is missing or older than its sources, so `pnpm start`
// works on a fresh clone and stays instant on later starts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const admin = join(root, 'apps/admin');
const builtIndex = join(admin, 'build/index.html');

/** Newest modification time under the given paths, skipping generated folders. */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && entry !== 'build' && entry !== '.svelte-kit')
          visit(join(path, entry));
      }
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return latest;
}

const sources = [
  join(admin, 'src'),
  join(admin, 'static'),
  join(admin, 'svelte.config.js'),
  join(admin, 'vite.config.ts'),
  join(admin, 'package.json'),
  join(root, 'packages/contracts/src'),
  join(root, 'packages/scoring/src'),
];
const upToDate = existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newest(sources);
if (!upToDate) {
  process.stdout.write('Building the admin app (first start or sources changed)…\n');
  const result = spawnSync('pnpm', ['--filter', '@rapport/admin', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) {
    process.stderr.write('rapport: the admin build failed (see above).\n');
    process.exit(result.status ?? 1);
  }
}
