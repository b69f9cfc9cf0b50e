/**
 * Seed benchmark: how fast the demo-data generator writes, and how much memory it needs.
 *
 *   pnpm exec tsx test/bench/seed.ts [tickets=200000]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test pnpm exec tsx test/bench/seed.ts 200000
 *
 * Each target runs in a process of its own, so one target's memory does not count against the next:
 * generation alone (no database: the generator's own ceiling), a fresh in-memory PGlite, and — when
 * DATABASE_URL is set — a fresh database created on that server for the run and dropped after it.
 * It prints tickets per second and the peak resident set size (RSS sampled every 50 ms and after
 * every batch). Not part of the test suite.
 *
 * Unlike the rest of test/, which drives the running system over HTTP, this measures a library
 * function, so it imports the generator from @rapport/db (benchmarks, unlike the e2e tests, may).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { generateDemo, openDatabase, seedDemoData } from '@rapport/db';

type Target = 'generate' | 'pglite' | 'postgres';

interface Measurement {
  target: Target;
  tickets: number;
  customers: number;
  seconds: number;
  /** Opening the database and applying migrations, not counted in `seconds`. */
  setupSeconds: number;
  peakRssMb: number;
}

// A fixed end of period: every run generates the same data.
const NOW = new Date('2026-11-23T08:00:00Z');

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

async function measure(target: Target, tickets: number): Promise<Measurement> {
  const rss = rssSampler();
  if (target === 'generate') {
    const started = performance.now();
    let customers = 0;
    for (const batch of generateDemo({ tickets, now: NOW })) {
      customers += batch.customers.length;
      rss.sample();
    }
    const seconds = (performance.now() - started) / 1000;
    return { target, tickets, customers, seconds, setupSeconds: 0, peakRssMb: rss.stop() };
  }

  const setupStarted = performance.now();
  const server = process.env.DATABASE_URL;
  const name = `rapport_bench_${randomBytes(6).toString('hex')}`;
  const admin =
    target === 'postgres' && server ? postgres(server, { max: 1, onnotice: () => {} }) : undefined;
  let url: string | undefined;
  if (admin && server) {
    await admin.unsafe(`create database ${name}`);
    const parsed = new URL(server);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const handle = await openDatabase(url ? { url, maxConnections: 2 } : {});
  try {
    await handle.migrate();
    const setupSeconds = (performance.now() - setupStarted) / 1000;
    const started = performance.now();
    const summary = await seedDemoData(handle.db, { tickets, now: NOW, onProgress: rss.sample });
    const seconds = (performance.now() - started) / 1000;
    return { target, tickets, customers: summary.customers, seconds, setupSeconds, peakRssMb: rss.stop() };
  } finally {
    await handle.close();
    if (admin) {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}

/** Runs one target in a child process (this file again, with the same tsx loader) and reads its result. */
function inChild(target: Target, tickets: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), String(tickets), '--only', target],
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
  generate: 'generate only',
  pglite: 'PGlite (memory)',
  postgres: 'Postgres server',
};

function printTable(results: Measurement[]): void {
  const rows = [
    ['target', 'tickets', 'customers', 'setup s', 'seed s', 'tickets/s', 'peak RSS MB'],
    ...results.map((r) => [
      LABELS[r.target],
      r.tickets.toLocaleString('en-US'),
      r.customers.toLocaleString('en-US'),
      r.setupSeconds.toFixed(1),
      r.seconds.toFixed(1),
      Math.round(r.tickets / r.seconds).toLocaleString('en-US'),
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

async function main(): Promise<void> {
  const [countArg, flag, only] = process.argv.slice(2);
  const tickets = Number(countArg ?? 200_000);
  if (!Number.isInteger(tickets) || tickets <= 0) {
    console.error(`usage: tsx test/bench/seed.ts [tickets]  (got "${countArg}")`);
    process.exitCode = 1;
    return;
  }
  if (flag === '--only' && (only === 'generate' || only === 'pglite' || only === 'postgres')) {
    process.stdout.write(JSON.stringify(await measure(only, tickets)));
    return;
  }
  const targets: Target[] = [
    'generate',
    'pglite',
    ...(process.env.DATABASE_URL ? (['postgres'] as const) : []),
  ];
  console.log(`seed benchmark: ${tickets.toLocaleString('en-US')} tickets, Node ${process.version}`);
  const results: Measurement[] = [];
  for (const target of targets) results.push(await inChild(target, tickets));
  printTable(results);
}

await main();
