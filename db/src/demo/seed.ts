import { getTableName, sql } from 'drizzle-orm';
import type { Database } from '../client';
import { rebuildReasonAndDriverRollups } from '../detail-rollups';
import { dailyFollowUpRollups } from '../schema/follow-ups';
import {
  dailyDriverRollups,
  dailyReasonRollups,
  dailyTeamReasonRollups,
  dailyTeamRollups,
  ticketDurationRollups,
} from '../schema/report-rollups';
import { dailyRollups } from '../schema/responses';
import { rebuildTicketDurationRollups } from '../ticket-duration-rollups';
import { seedDemoAudits } from './audits';
import { seedDemoOkrs } from './okrs';
import {
  createChunkWriter,
  type ChunkCounts,
  type ChunkWriter,
  type WriteChunk,
  type WriteMethod,
} from './chunk-writer';
import { quoteIdentifier } from './copy-text';
import { generateDemo } from './generate';
import { resolveDemoOptions, type DemoOptions, type DemoSummary } from './options';
import type { DemoBatch } from './rows';
import { ensureDemoChatSurvey, findDefaultSurvey } from './seed-surveys';

/** What seedDemoData generates (DemoOptions) and how it writes; every field is optional. */
export interface SeedOptions extends Omit<DemoOptions, 'onProgress'> {
  /**
   * `copy` (default) streams rows with COPY where the driver allows it (postgres.js or PGlite);
   * `insert` sends multi-row inserts, one per table and batch (see insertRowsQuery).
   */
  method?: WriteMethod;
  /**
   * Tickets per chunk (whole batches are gathered until at least this many). Default: 20,000 on a
   * Postgres server, 4,000 on PGlite, one batch for inserts.
   */
  chunkTickets?: number;
  /** Called after each chunk is written, with the running totals (for progress output). */
  onProgress?: (written: SeedSummary) => void;
  /** Called once every row is sent, as a `copy` load starts rebuilding keys, indexes and foreign keys. */
  onRebuild?: () => void;
  /** Called as each step after the rows starts (see SeedStage), for progress output. */
  onStage?: (stage: SeedStage) => void;
}

/** The steps after the rows are in: rollups counted from them, the audit history, the objectives. */
export type SeedStage = 'rollups' | 'audits' | 'objectives';

/** What seedDemoData wrote: the generator's summary plus the ticket events, one per resolved ticket. */
export interface SeedSummary extends DemoSummary {
  ticketEvents: number;
}

// A chunk of 20,000 tickets is about 23 MB of COPY text, and two are held at a time (one gathered, one
// being written): large enough that per-statement costs vanish, small enough for flat memory. PGlite
// copies each table's chunk from a Blob in memory it shares with the database: smaller chunks there.
const DEFAULT_CHUNK_TICKETS: Record<ChunkWriter['path'], number> = {
  'copy-stdin': 20_000,
  'copy-blob': 4_000,
  insert: 1,
};

/**
 * Writes the demo data set into a migrated database: teams and agents first, then tickets with their
 * customers and survey activity (invitations, ticket events, responses, follow-ups, and the counts
 * they add to daily_rollups), gathered in chunks of about `chunkTickets` tickets (see
 * createChunkWriter). Memory stays flat however many tickets are asked for: at most two chunks are
 * held, as COPY text.
 *
 * With `copy` (the default), the rows go by COPY — from the connection on a Postgres server, where
 * the next chunk is generated while the server stores the last, from PGlite's blob device on PGlite —
 * in ONE transaction that drops the big tables' keys, indexes and foreign keys first and rebuilds them
 * from their catalog definitions at the end (see dropKeysAndIndexes): all or nothing, and the schema
 * comes back exactly as it was. Measured on 2 cores, that bulk load costs the server about a quarter
 * of the CPU of keeping every index and checking every foreign key row by row. With `insert`, each
 * chunk is a transaction of its own and a failure leaves the chunks before it, rollups consistent.
 *
 * Once the rows are in, the rollups that are computed from the rows themselves (set-based, one
 * statement each: ticket durations, reasons, and the key drivers from the chat survey's statements);
 * then, in one more transaction, four past quarters of audits, reviews and
 * corrective actions with the three staff users they need (see seedDemoAudits). It writes no audit
 * log: demo data is not a change made by staff.
 *
 * `onProgress` is called after each chunk is written with the running totals; `onRebuild` when the
 * last is, as the rebuild starts.
 *
 * The surveys answered: the default survey (`is_default`, at its current version), which the server
 * creates at start before seeding, and a second one that chat tickets answer instead — "Chat: service
 * principles", rating, resolved, eight service-principle statements and NPS (see chat-survey.ts) —
 * which this creates, active and published, in a transaction of its own before the rows (a failed
 * load leaves it, and the next seed answers it again: see ensureDemoChatSurvey). Without a default survey there is no survey activity at all, no chat survey
 * either, and the summary's `surveyId` and `chatSurveyId` are null. Options `survey` and `chatSurvey`
 * override either (null: none).
 *
 * The caller makes sure the database holds no demo data yet: ids, team names and external ids would
 * collide (the server seeds only an empty database; `pnpm seed` refuses one with tickets).
 *
 * @example
 * const handle = await openDatabase({});
 * await handle.migrate();
 * const summary = await seedDemoData(handle.db, { tickets: 500, now: new Date('2026-11-23T08:00:00Z') });
 * // { teams: 4, agents: 24, customers: ~200, tickets: 500, invitations: ~450, responses: ~90, … }
 */
export async function seedDemoData(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const { method, chunkTickets: askedChunk, onProgress, onRebuild, onStage, ...demo } = options;
  // Checked before the database is touched; `now` fixed once, so the tickets, the chat survey's
  // date and the audit history agree on it even across an hour's turn.
  const period = resolveDemoOptions(demo);
  const now = new Date(period.end);
  const writer = createChunkWriter(db, method ?? 'copy');
  const chunkTickets = askedChunk ?? DEFAULT_CHUNK_TICKETS[writer.path];
  if (!Number.isSafeInteger(chunkTickets) || chunkTickets < 1) {
    throw new RangeError(`chunkTickets must be a whole number from 1 (got ${chunkTickets}).`);
  }
  const survey = demo.survey === undefined ? await findDefaultSurvey(db) : demo.survey;
  const chatSurvey =
    survey === null
      ? null
      : demo.chatSurvey === undefined
        ? await ensureDemoChatSurvey(db, period.seed, new Date(period.start))
        : demo.chatSurvey;
  const resolved = resolveDemoOptions({ ...demo, now, survey, chatSurvey });
  const written: SeedSummary = {
    teams: 0,
    agents: 0,
    customers: 0,
    tickets: 0,
    invitations: 0,
    ticketEvents: 0,
    responses: 0,
    followUps: 0,
    surveyId: resolved.survey?.id ?? null,
    chatSurveyId: resolved.chatSurvey?.id ?? null,
  };
  await writer.load(
    (write) =>
      writeInChunks(
        generateDemo({ ...demo, survey, chatSurvey, now }),
        writer,
        write,
        chunkTickets,
        (counts) => {
          for (const table of SUMMED) written[table] += counts[table];
          onProgress?.({ ...written });
        },
      ),
    onRebuild,
  );

  // After the rows are in: rollups filled from the rows themselves, one set-based statement each.
  onStage?.('rollups');
  await rebuildTicketDurationRollups(db);
  await rebuildReasonAndDriverRollups(db);
  await compactRollups(db);
  onStage?.('audits');
  await seedDemoAudits(db, resolved);
  // After the audits: the objectives take last quarter's audit score as a baseline.
  onStage?.('objectives');
  await seedDemoOkrs(db, resolved);
  return written;
}

const SUMMED = [
  'teams',
  'agents',
  'customers',
  'tickets',
  'invitations',
  'ticketEvents',
  'responses',
  'followUps',
] as const satisfies readonly (keyof ChunkCounts)[];

/**
 * Feeds the batches to the writer and writes a chunk each time `chunkTickets` are gathered, the
 * staff first on their own (a database that has them already fails there, before any ticket). One
 * chunk is in flight while the next is generated: the event loop gets a turn after every batch, so
 * the driver keeps sending and reading meanwhile.
 */
async function writeInChunks(
  batches: Iterable<DemoBatch>,
  writer: ChunkWriter,
  write: WriteChunk,
  chunkTickets: number,
  onWritten: (counts: ChunkCounts) => void,
): Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  const startChunk = async (): Promise<void> => {
    await inFlight;
    const chunk = writer.take();
    inFlight = write(chunk).then(() => onWritten(chunk.counts));
    // Awaited before the next chunk starts or at the end; until then its failure is not unhandled.
    inFlight.catch(() => {});
  };
  try {
    for (const batch of batches) {
      writer.add(batch);
      if (batch.teams.length > 0) {
        await startChunk();
        await inFlight;
      } else if (writer.tickets >= chunkTickets) {
        await startChunk();
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (writer.rows > 0) await startChunk();
  } catch (error) {
    // Nothing may still be on the wire when the transaction ends.
    await inFlight.catch(() => {});
    throw error;
  }
  await inFlight;
}

const ROLLUP_TABLES = [
  dailyRollups,
  dailyTeamRollups,
  dailyReasonRollups,
  dailyTeamReasonRollups,
  dailyDriverRollups,
  ticketDurationRollups,
  dailyFollowUpRollups,
];

/**
 * Rewrites the rollup tables compactly, with fresh statistics. Every chunk adds to daily_rollups and
 * the follow-up rollups by upsert, and their triggers update the per-team rows again: each update
 * leaves the old row version behind, so after a large seed a table of 7,000 rows spans 150 MB
 * and a year's report reads 18,000 pages for it (measured at 10 million tickets: 125 ms against
 * 14 ms once compacted). Live traffic adds rows a few at a time, which autovacuum keeps up with.
 * VACUUM cannot run in a transaction: each table is its own statement.
 */
async function compactRollups(db: Database): Promise<void> {
  for (const table of ROLLUP_TABLES) {
    await db.execute(sql.raw(`vacuum (full, analyze) ${quoteIdentifier(getTableName(table))}`));
  }
}
