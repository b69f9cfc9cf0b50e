import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

// `pnpm seed` is `tsx db/src/seed-cli.ts` run from the repository root; the tests run it the same way.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = join(root, 'node_modules/.bin/tsx');
const scratch = mkdtempSync(join(tmpdir(), 'rapport-seed-cli-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function seed(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  // Never let a DATABASE_URL from the test run reach the command unless the test means it.
  if (!('DATABASE_URL' in env)) delete childEnv.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['db/src/seed-cli.ts', ...args], { cwd: root, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

describe('pnpm seed: refusals, in one line with exit code 1', () => {
  it.each([
    [['--tickets', 'abc'], 'rapport seed: --tickets must be a whole number (got "abc"). usage: pnpm seed'],
    [['--colour', 'red'], 'rapport seed: unknown option --colour. usage: pnpm seed'],
    [['--tickets=-3'], 'rapport seed: tickets must be a whole number from 0 to 50000000 (got -3).'],
    [['--months', '0'], 'rapport seed: months must be a whole number from 1 to 60 (got 0).'],
    [
      ['--tickets', '10000000'],
      'rapport seed: 10,000,000 tickets is more than the embedded database takes: at most 2,000,000 ' +
        '(1,000,000 took 34 min and 1 GB of memory there, 2.8 GB on disk). ' +
        'Seed a Postgres server instead: DATABASE_URL=postgres://user@host:5432/db pnpm seed --tickets 10000000',
    ],
  ])('%j', async (args, message) => {
    const run = await seed(args, { RAPPORT_DATA_DIR: join(scratch, 'unused') });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe('');
    expect(existsSync(join(scratch, 'unused'))).toBe(false);
  });

  it('refuses a folder that a running server holds', async () => {
    const dataDir = join(scratch, 'held');
    mkdirSync(dataDir);
    // This test process stands in for the running server.
    writeFileSync(join(dataDir, 'rapport.pid'), String(process.pid));
    const run = await seed(['--tickets', '10'], { RAPPORT_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `rapport seed: Rapport (pid ${process.pid}) is running on ${dataDir}. Stop it first, or set RAPPORT_DATA_DIR to another folder.`,
    ]);
    expect(existsSync(join(dataDir, 'db'))).toBe(false);
  });
});

// A fresh PGlite folder runs initdb and the migrations in a child process: slow on a busy machine.
describe('pnpm seed into embedded PGlite', { timeout: 180_000 }, () => {
  const dataDir = join(scratch, 'fresh');

  it('seeds an empty folder, says what it wrote, and releases the folder', async () => {
    const run = await seed(['--tickets', '300', '--seed', '5', '--months', '3'], {
      RAPPORT_DATA_DIR: dataDir,
    });
    expect(run.code).toBe(0);
    // A seed that runs past a few seconds (a busy machine) says how it is going, on stderr only.
    for (const line of lines(run.stderr)) {
      expect(line).toMatch(
        /^ {2}([\d,]+ \/ 300 tickets · [\d,]+\/s( · eta .+| · done)?|300 tickets sent in .+; rebuilding keys, indexes and foreign keys…|.+ in: (counting the rollups from the rows|drawing review samples and writing four quarters of audits|writing this quarter’s objectives)…)$/,
      );
    }
    expect(run.stdout).toMatch(
      new RegExp(
        '^Seeded the embedded database in .*fresh/db: 300 tickets in (\\d+ min )?[\\d.]+ s ' +
          '\\([\\d,]+ tickets/s; seed 5, 3 months to \\d{4}-\\d\\d-\\d\\d \\d\\d:00 UTC; ' +
          'opening and migrating took [\\d.]+ s\\)\\.\\n' +
          ' {2}teams +4\\n {2}agents +24\\n {2}customers +[\\d,]+\\n {2}tickets +300\\n' +
          ' {2}ticket events +[1-9][\\d,]*\\n {2}invitations +[1-9][\\d,]*\\n' +
          ' {2}survey responses +[1-9][\\d,]*\\n {2}follow-ups +[\\d,]+\\n$',
      ),
    );
    expect(existsSync(join(dataDir, 'rapport.pid'))).toBe(false);
  });

  it('refuses the same folder once it has tickets', async () => {
    const run = await seed(['--tickets', '10', '--seed', '6'], { RAPPORT_DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `rapport seed: the embedded database in ${join(dataDir, 'db')} already has 300 tickets; demo data goes into an empty database only: point RAPPORT_DATA_DIR at a new folder.`,
    ]);
  });
});

describe.runIf(process.env.DATABASE_URL)('pnpm seed into the Postgres server in DATABASE_URL', () => {
  // Built inside the hooks: a skipped describe still runs its body, without DATABASE_URL.
  const name = `rapport_demo_${randomBytes(6).toString('hex')}`;
  let admin: postgres.Sql | undefined;

  afterAll(async () => {
    await admin?.unsafe(`drop database if exists ${name} with (force)`);
    await admin?.end();
  });

  it('seeds a fresh database, then refuses it', async () => {
    const serverUrl = process.env.DATABASE_URL ?? '';
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const first = await seed(['--tickets', '200'], { DATABASE_URL: url.toString() });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Seeded the database ${name} on ${url.host}: 200 tickets in `);
    expect(first.stdout).toMatch(/\n {2}tickets +200\n/);
    const second = await seed(['--tickets', '200'], { DATABASE_URL: url.toString() });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('already has 200 tickets');
    expect(second.stderr).toContain('point DATABASE_URL at an empty database');
  });
});
