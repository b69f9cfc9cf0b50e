import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from './env';

/**
 * Serves the admin's static build. Hashed assets are cached for a year; any other path falls
 * back to index.html so the single-page app can route it.
 */
export function adminSite(buildDir: string) {
  const site = new Hono<AppEnv>();
  if (!existsSync(join(buildDir, 'index.html'))) {
    return site.get('*', (c) =>
      c.text('The admin app is not built yet. Run `pnpm start` (which builds it) or `pnpm build`.', 503),
    );
  }
  return site
    .use(
      '*',
      serveStatic({
        root: buildDir,
        onFound: (path, c) => {
          c.header(
            'Cache-Control',
            path.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      }),
    )
    .get(
      '*',
      serveStatic({
        path: join(buildDir, 'index.html'),
        onFound: (_p, c) => c.header('Cache-Control', 'no-cache'),
      }),
    );
}
