import type { RollupRow } from './rows';
import { DAY } from './calendar';

/** The rollup counts the demo fills. */
export type RollupCount = Exclude<keyof RollupRow, 'day' | 'surveyId' | 'teamId' | 'agentId' | 'channel'>;

/**
 * Sums daily_rollups counts in memory, keyed as the table is (day, survey, team, agent, channel),
 * until drained into rows. The generator drains it once per batch, so each batch carries exactly the
 * counts its own rows add, and the writer adds them to whatever earlier batches wrote.
 *
 * @example
 * const rollups = new RollupAccumulator();
 * rollups.add(Date.UTC(2026, 0, 5, 10), surveyId, teamId, agentId, 'email', 'sent');
 * rollups.drain(); // [{ day: '2026-01-05', surveyId, sent: 1, responses: 0, … }]
 */
export class RollupAccumulator {
  private readonly rows = new Map<string, RollupRow>();
  private readonly days = new Map<number, string>();

  /** Adds one to `count` in the row of the UTC day (the demo organisation's time zone) of `at`. */
  add(
    at: number,
    surveyId: string,
    teamId: string,
    agentId: string,
    channel: string,
    count: RollupCount,
  ): void {
    const day = this.dayOf(at);
    const key = `${day}|${surveyId}|${teamId}|${agentId}|${channel}`;
    let row = this.rows.get(key);
    if (!row) {
      row = {
        day,
        surveyId,
        teamId,
        agentId,
        channel,
        sent: 0,
        responses: 0,
        bots: 0,
        csat1: 0,
        csat2: 0,
        csat3: 0,
        csat4: 0,
        csat5: 0,
        npsPromoters: 0,
        npsPassives: 0,
        npsDetractors: 0,
        resolvedYes: 0,
        resolvedNo: 0,
      };
      this.rows.set(key, row);
    }
    row[count] += 1;
  }

  /** The organisation-local date ('YYYY-MM-DD') of an instant; one Date per distinct day. */
  dayOf(at: number): string {
    const index = Math.floor(at / DAY);
    let day = this.days.get(index);
    if (day === undefined) {
      day = new Date(index * DAY).toISOString().slice(0, 10);
      this.days.set(index, day);
    }
    return day;
  }

  /** The rows summed since the last drain, in the order first touched; the accumulator starts over. */
  drain(): RollupRow[] {
    const rows = [...this.rows.values()];
    this.rows.clear();
    return rows;
  }
}

/**
 * The NPS count a 0–10 answer adds, as the API counts it: 9–10 promoters, 7–8 passives, 0–6 detractors.
 *
 * @example
 * npsCount(9); // 'npsPromoters'
 */
export function npsCount(score: number): 'npsPromoters' | 'npsPassives' | 'npsDetractors' {
  return score >= 9 ? 'npsPromoters' : score >= 7 ? 'npsPassives' : 'npsDetractors';
}

/** Every count of RollupRow: what chunks add up when they merge rows of the same key. */
export const ROLLUP_COUNTS = [
  'sent',
  'responses',
  'bots',
  'csat1',
  'csat2',
  'csat3',
  'csat4',
  'csat5',
  'npsPromoters',
  'npsPassives',
  'npsDetractors',
  'resolvedYes',
  'resolvedNo',
] as const satisfies readonly RollupCount[];
// A count added to RollupRow but missing above would be dropped when chunks merge: refuse to compile.
const everyCountMerged: [Exclude<RollupCount, (typeof ROLLUP_COUNTS)[number]>] extends [never]
  ? true
  : never = true;
void everyCountMerged;
