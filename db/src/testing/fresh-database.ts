import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../client';

/**
 * For tests: in-memory PGlite, or a database of its own on the server in DATABASE_URL (named
 * `rapport_<label>_<random>`), which `drop` removes afterwards.
 *
 * @example
 * const { handle, drop } = await freshDatabase('rebuilds');
 * await handle.migrate();
 * afterAll(() => drop());
 */
export async function freshDatabase(
  label: string,
): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({});
    return { handle, drop: () => handle.close() };
  }
  const name = `rapport_${label}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 2 });
  return {
    handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
