import type { SeedStage, SeedSummary } from './seed';

const formatCount = (n: number): string => n.toLocaleString('en-US');

/**
 * A duration for people: seconds with one decimal under a minute, whole minutes and seconds under an
 * hour, hours and minutes beyond.
 *
 * @example
 * formatDuration(38.24); // '38.2 s'
 * formatDuration(252.6); // '4 min 13 s'
 * formatDuration(3900); // '1 h 5 min'
 */
export function formatDuration(seconds: number): string {
  if (seconds < 59.95) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** The time left, coarsely: seconds under a minute (by fives), then whole minutes, then hours and minutes. */
function formatEta(seconds: number): string {
  if (seconds < 57.5) return `${Math.max(5, Math.round(seconds / 5) * 5)} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * One progress line: tickets written out of the total, the average rate since the start, and the
 * time left at that rate.
 *
 * @example
 * formatProgress(2_400_000, 10_000_000, 58.5); // '2,400,000 / 10,000,000 tickets · 41,026/s · eta 3 min'
 */
export function formatProgress(done: number, total: number, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? done / elapsedSeconds : 0;
  const head = `${formatCount(done)} / ${formatCount(total)} tickets · ${formatCount(Math.round(rate))}/s`;
  if (done >= total) return `${head} · done`;
  return rate > 0 ? `${head} · eta ${formatEta((total - done) / rate)}` : head;
}

/** Callbacks for seedDemoData that print how a long seed is going. */
export interface ProgressReporter {
  /** For `onProgress`: a progress line at most every interval. */
  progress(written: Pick<SeedSummary, 'tickets'>): void;
  /** For `onRebuild`: says the rows are all sent and the rebuild is under way. */
  rebuilding(): void;
  /** For `onStage`: says which step after the rows is under way, and how long the seed has run. */
  stage(stage: SeedStage): void;
}

const STAGE_LINES: Record<SeedStage, string> = {
  rollups: 'counting the rollups from the rows…',
  audits: 'drawing review samples and writing four quarters of audits…',
  objectives: 'writing this quarter’s objectives…',
};

/**
 * Progress lines for seedDemoData: formatProgress at most every `intervalSeconds`, measured from
 * `started`, and one line when the rebuild of keys and indexes starts. A seed that is done before the
 * first interval prints nothing. `now` returns seconds (performance.now() / 1000 in the CLI); passing
 * it in keeps the throttle testable.
 *
 * @example
 * const report = progressReporter({ total: 1e7, started: 0, intervalSeconds: 3, now, write });
 * await seedDemoData(db, { tickets: 1e7, onProgress: report.progress, onRebuild: report.rebuilding });
 */
export function progressReporter(options: {
  total: number;
  started: number;
  intervalSeconds: number;
  now: () => number;
  write: (line: string) => void;
}): ProgressReporter {
  let last = options.started;
  let done = 0;
  return {
    progress: (written) => {
      done = written.tickets;
      const at = options.now();
      if (at - last < options.intervalSeconds) return;
      last = at;
      options.write(formatProgress(written.tickets, options.total, at - options.started));
    },
    rebuilding: () => {
      const elapsed = options.now() - options.started;
      if (elapsed < options.intervalSeconds) return;
      options.write(
        `${formatCount(done)} tickets sent in ${formatDuration(elapsed)}; rebuilding keys, indexes and foreign keys…`,
      );
    },
    stage: (stage) => {
      const elapsed = options.now() - options.started;
      if (elapsed < options.intervalSeconds) return;
      options.write(`${formatDuration(elapsed)} in: ${STAGE_LINES[stage]}`);
    },
  };
}

/**
 * The rows seedDemoData wrote, one table per line with the counts aligned, for the CLI's summary.
 *
 * @example
 * formatRowCounts({ teams: 4, agents: 24, customers: 210, tickets: 500, … });
 * // ['  teams                4', '  agents              24', …]
 */
export function formatRowCounts(summary: SeedSummary): string[] {
  const rows: [string, number][] = [
    ['teams', summary.teams],
    ['agents', summary.agents],
    ['customers', summary.customers],
    ['tickets', summary.tickets],
    ['ticket events', summary.ticketEvents],
    ['invitations', summary.invitations],
    ['survey responses', summary.responses],
    ['follow-ups', summary.followUps],
  ];
  const nameWidth = Math.max(...rows.map(([name]) => name.length));
  const countWidth = Math.max(...rows.map(([, n]) => formatCount(n).length));
  return rows.map(([name, n]) => `  ${name.padEnd(nameWidth)}  ${formatCount(n).padStart(countWidth)}`);
}
