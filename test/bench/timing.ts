/** Timing and printing shared by the benchmarks: warm-up and timed runs, percentiles, aligned tables. */
import { performance } from 'node:perf_hooks';

export const WARMUPS = 3;
export const RUNS = 30;

/** Milliseconds of each timed run, after the warm-up runs, sorted. */
export async function timeRuns(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUPS; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Prints rows as columns: the first left-aligned, the others right-aligned. */
export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) {
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
        .join('  '),
    );
  }
}

export const count = (n: number) => n.toLocaleString('en-US');
export const ms = (n: number) => n.toFixed(1);
