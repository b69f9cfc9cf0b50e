/**
 * Seed benchmark: how fast `seedDemoData` writes the demo data set, and how much memory it needs.
 *
 *   pnpm exec tsx test/bench/seed.ts [tickets=200000] [--targets generate,pglite,postgres]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm exec tsx test/bench/seed.ts 10000000 --targets postgres
 *
 * Each target runs in a process of its own, started with the young-generation size `pnpm seed` uses
 * (--max-semi-space-size=64), so one target's memory does not count against the next:
 * - generate: the generator and the COPY encoding alone, no database (the client's own ceiling);
 * - pglite: embedded PGlite in a fresh temporary data folder, as `pnpm seed` without DATABASE_URL;
 * - postgres: a fresh database on the server in DATABASE_URL, created for the run and dropped after.
 * The default targets are all three (postgres only when DATABASE_URL is set).
 *
 * It prints, per target: the rows written (all tables), the time to send them and the time of the
 * rebuild of keys and indexes that follows (COPY loads, see seedDemoData), the total seed time
 * (rollups, audits and objectives included), tickets and rows per second over that total, and the
 * peak resident set size (sampled every 50 ms and after every chunk). Not part of the test suite.
 *
 * Unlike the rest of test/, which drives the running system over HTTP, this measures a library
 * function, so it imports the generator from @rapport/db (benchmarks, unlike the e2e tests, may).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import {
  agents,
  customers,
  encodeCopyText,
  followUps,
  generateDemo,
  insertDefaultSurvey,
  invitations,
  openDatabase,
  responses,
  seedDemoData,
  teams,
  ticketEvents,
  tickets,
  type SeedSummary,
} from '@rapport/db';

const TARGETS = ['generate', 'pglite', 'postgres'] as const;
type Target = (typeof TARGETS)[number];

interface Measurement {
  target: Target;
  tickets: number;
  /** Rows of every demo table (staff, customers, tickets, ticket events, invitations, responses, follow-ups). */
  rows: number;
  /** Opening the database and applying migrations, not counted below. */
  setupSeconds: number;
  /** From the start of the seed until the last row was sent. */
  sendSeconds: number;
  /** Rebuild of keys, indexes and foreign keys, rollups, audits and objectives. */
  afterSeconds: number;
  seconds: number;
  peakRssMb: number;
}

// A fixed end of period: every run generates the same data.
const NOW = new Date('2026-11-23T08:00:00Z');
// The same survey ids as a seeded database would have them: generation alone needs some.
const SURVEY = {
  id: '5a1d0f3e-0000-4000-8000-00000000b001',
  versionId: '5a1d0f3e-0000-4000-8000-00000000b002',
};

function rssSampler(): { sample: () => void; stop: () => number } {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return Math.round(peak / 1024 / 1024);
    },
  };
}

const rowsOf = (s: Omit<SeedSummary, 'surveyId'>): number =>
  s.teams + s.agents + s.customers + s.tickets + s.ticketEvents + s.invitations + s.responses + s.followUps;

type DemoBatch = ReturnType<typeof generateDemo> extends Generator<infer B, unknown, unknown> ? B : never;

/** Encodes a batch's rows for COPY as the seed does, and counts them. */
function encodeBatch(batch: DemoBatch): number {
  const encode = <T extends Parameters<typeof encodeCopyText>[0]>(
    table: T,
    rows: T['$inferInsert'][],
  ): number => (rows.length === 0 ? 0 : encodeCopyText(table, rows).rows);
  return (
    encode(teams, batch.teams) +
    encode(agents, batch.agents) +
    encode(customers, batch.customers) +
    encode(tickets, batch.tickets) +
    encode(invitations, batch.invitations) +
    encode(ticketEvents, batch.ticketEvents) +
    encode(responses, batch.responses) +
    encode(followUps, batch.followUps)
  );
}

async function measure(target: Target, tickets: number): Promise<Measurement> {
  const rss = rssSampler();
  if (target === 'generate') {
    const started = performance.now();
    let rows = 0;
    for (const batch of generateDemo({ tickets, now: NOW, survey: SURVEY })) {
      rows += encodeBatch(batch);
      rss.sample();
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      target,
      tickets,
      rows,
      setupSeconds: 0,
      sendSeconds: seconds,
      afterSeconds: 0,
      seconds,
      peakRssMb: rss.stop(),
    };
  }

  const setupStarted = performance.now();
  const server = process.env.DATABASE_URL;
  const name = `rapport_bench_${randomBytes(6).toString('hex')}`;
  const admin =
    target === 'postgres' && server ? postgres(server, { max: 1, onnotice: () => {} }) : undefined;
  const folder = target === 'pglite' ? mkdtempSync(join(tmpdir(), 'rapport-bench-seed-')) : undefined;
  let url: string | undefined;
  if (admin && server) {
    await admin.unsafe(`create database ${name}`);
    const parsed = new URL(server);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const handle = await openDatabase(url ? { url, maxConnections: 2 } : { dataDir: folder });
  try {
    await handle.migrate();
    // As `pnpm seed` does: with the default survey, the demo has invitations, responses and follow-ups.
    await insertDefaultSurvey(handle.db);
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const started = performance.now();
    let sent = started;
    let reported = started;
    const summary = await seedDemoData(handle.db, {
      tickets,
      now: NOW,
      onProgress: (written) => {
        rss.sample();
        // A line now and then on stderr, so a long run shows it is moving.
        const at = performance.now();
        if (at - reported < 30_000) return;
        reported = at;
        const rate = Math.round(written.tickets / ((at - started) / 1000));
        const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
        process.stderr.write(`  ${target}: ${written.tickets} tickets, ${rate}/s, RSS ${rssMb} MB\n`);
      },
      onRebuild: () => {
        sent = performance.now();
        process.stderr.write(
          `  ${target}: rows sent in ${((sent - started) / 1000).toFixed(1)} s; rebuilding\n`,
        );
      },
    });
    const finished = performance.now();
    // No rebuild (the insert path): everything was sending.
    if (sent === started) sent = finished;
    return {
      target,
      tickets,
      rows: rowsOf(summary),
      setupSeconds,
      sendSeconds: (sent - started) / 1000,
      afterSeconds: (finished - sent) / 1000,
      seconds: (finished - started) / 1000,
      peakRssMb: rss.stop(),
    };
  } finally {
    await handle.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
    if (admin) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

/** Runs one target in a child process (this file again, with the same loader) and reads its result. */
function inChild(target: Target, tickets: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        ...process.execArgv,
        '--max-semi-space-size=64',
        fileURLToPath(import.meta.url),
        String(tickets),
        '--only',
        target,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the ${target} run exited with code ${code}`));
      else resolve(JSON.parse(out) as Measurement);
    });
  });
}

const LABELS: Record<Target, string> = {
  generate: 'generate + encode',
  pglite: 'PGlite (folder)',
  postgres: 'Postgres server',
};

function printTable(results: Measurement[]): void {
  const count = (n: number) => Math.round(n).toLocaleString('en-US');
  const rows = [
    [
      'target',
      'tickets',
      'rows',
      'setup s',
      'send s',
      'after s',
      'total s',
      'tickets/s',
      'rows/s',
      'peak RSS MB',
    ],
    ...results.map((r) => [
      LABELS[r.target],
      count(r.tickets),
      count(r.rows),
      r.setupSeconds.toFixed(1),
      r.sendSeconds.toFixed(1),
      r.afterSeconds.toFixed(1),
      r.seconds.toFixed(1),
      count(r.tickets / r.seconds),
      count(r.rows / r.seconds),
      String(r.peakRssMb),
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    );
  }
}

function parseTargets(raw: string | undefined): Target[] | null {
  if (raw === undefined)
    return ['generate', 'pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])];
  const asked = raw.split(',');
  return asked.every((t): t is Target => (TARGETS as readonly string[]).includes(t)) ? asked : null;
}

async function main(): Promise<void> {
  const [countArg, flag, value] = process.argv.slice(2);
  const tickets = Number(countArg ?? 200_000);
  const only = flag === '--only' ? parseTargets(value) : null;
  const targets =
    flag === '--targets' ? parseTargets(value) : flag === undefined ? parseTargets(undefined) : only;
  if (!Number.isInteger(tickets) || tickets <= 0 || !targets || targets.length === 0) {
    console.error('usage: tsx test/bench/seed.ts [tickets] [--targets generate,pglite,postgres]');
    process.exitCode = 1;
    return;
  }
  if (targets.includes('postgres') && !process.env.DATABASE_URL) {
    console.error('the postgres target needs DATABASE_URL (a server where the user may create databases)');
    process.exitCode = 1;
    return;
  }
  if (only?.length === 1 && only[0]) {
    process.stdout.write(JSON.stringify(await measure(only[0], tickets)));
    return;
  }
  console.log(`seed benchmark: ${tickets.toLocaleString('en-US')} tickets, Node ${process.version}`);
  const results: Measurement[] = [];
  for (const target of targets) results.push(await inChild(target, tickets));
  printTable(results);
}

await main();
