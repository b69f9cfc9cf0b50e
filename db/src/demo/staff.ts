import { DAY, HOUR } from './calendar';
import { agentName } from './names';
import type { ResolvedDemoOptions } from './options';
import { weightedPicker, type Random } from './random';
import type { AgentRow, TeamRow } from './rows';
import { subjectWeights, TEAM_PROFILES, type TeamProfile } from './teams';
import { asciiName } from './transliterate';

/** An agent's row plus the traits that shape their tickets (never stored). */
export interface DemoAgent {
  row: AgentRow;
  /** Relative share of the team's tickets. */
  workload: number;
  /** Multiplier on response and resolution times: under 1 is faster than the team. */
  pace: number;
  /** Multiplier on the reopen rate: under 1 means fixes that hold. */
  care: number;
  /** Epoch ms from which the agent takes tickets, and until which (null: still on the team). */
  activeFrom: number;
  activeUntil: number | null;
}

export interface DemoTeam {
  row: TeamRow;
  profile: TeamProfile;
  agents: DemoAgent[];
  pickSubject: (random: Random) => string;
}

/**
 * Creates the teams and their agents. Teams of three or more also see some turnover, so per-agent
 * reports have a newcomer to coach and a leaver whose history stays: one agent joins a third to a
 * half into the period (slower, and reopened more often, than the rest), and every other team loses
 * one agent late in the period (their row stays, inactive).
 *
 * @example
 * const teams = createStaff(resolveDemoOptions({ now }), createRandom(1));
 * teams[0]?.agents[0]?.row.externalId; // 'agent-001'
 */
export function createStaff(options: ResolvedDemoOptions, random: Random): DemoTeam[] {
  const { start, end } = options;
  const span = end - start;
  const emails = new Set<string>();
  let agentNumber = 0;
  return TEAM_PROFILES.slice(0, options.teams).map((profile, teamIndex) => {
    const teamCreated = start - random.int(200, 500) * DAY;
    const row: TeamRow = {
      id: random.uuid(),
      name: profile.name,
      createdAt: new Date(teamCreated),
      updatedAt: new Date(teamCreated),
    };
    const churn = options.agentsPerTeam >= 3;
    const agents: DemoAgent[] = [];
    for (let i = 0; i < options.agentsPerTeam; i++) {
      agentNumber += 1;
      const joins = churn && i === options.agentsPerTeam - 1;
      const leaves = churn && teamIndex % 2 === 0 && i === 0;
      const name = agentName(random);
      const email = uniqueEmail(`${asciiName(name.first, 'hr')}.${asciiName(name.last, 'hr')}`, emails);
      const activeFrom = joins
        ? start + Math.floor((span * (0.33 + 0.17 * random.next())) / HOUR) * HOUR
        : teamCreated + random.int(0, 150) * DAY;
      const activeUntil = leaves
        ? start + Math.floor((span * (0.6 + 0.25 * random.next())) / HOUR) * HOUR
        : null;
      agents.push({
        row: {
          id: random.uuid(),
          externalId: `agent-${String(agentNumber).padStart(3, '0')}`,
          email,
          name: name.full,
          teamId: row.id,
          active: activeUntil === null,
          createdAt: new Date(activeFrom),
          updatedAt: new Date(activeUntil ?? activeFrom),
        },
        workload: random.lognormal(1, 0.25),
        // Newcomers start slower and reopen more while they learn.
        pace: random.lognormal(joins ? 1.3 : 1, 0.2),
        care: random.lognormal(joins ? 1.3 : 1, 0.3),
        activeFrom,
        activeUntil,
      });
    }
    return { row, profile, agents, pickSubject: weightedPicker(subjectWeights(profile.subjects)) };
  });
}

/** Agent emails are unique regardless of case; a second "Ana Horvat" becomes ana.horvat2@…. */
function uniqueEmail(local: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const email = `${local}${n === 1 ? '' : n}@support.example.com`;
    if (!taken.has(email)) {
      taken.add(email);
      return email;
    }
  }
}

/**
 * Picks the agent for a ticket opened at `at`, among the team's agents on duty then, in proportion
 * to their workload.
 *
 * @example
 * pickAgent(team, Date.UTC(2026, 5, 1, 10), random).row.name;
 */
export function pickAgent(team: DemoTeam, at: number, random: Random): DemoAgent {
  let total = 0;
  for (const agent of team.agents) if (onDuty(agent, at)) total += agent.workload;
  let target = random.next() * total;
  let last: DemoAgent | undefined;
  for (const agent of team.agents) {
    if (!onDuty(agent, at)) continue;
    last = agent;
    target -= agent.workload;
    if (target < 0) return agent;
  }
  // Turnover never leaves a team empty (it needs three agents); this guards rounding at the top.
  if (last) return last;
  throw new Error(`no agent of ${team.row.name} is on duty at ${new Date(at).toISOString()}`);
}

function onDuty(agent: DemoAgent, at: number): boolean {
  return agent.activeFrom <= at && (agent.activeUntil === null || at < agent.activeUntil);
}
