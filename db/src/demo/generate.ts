import { createArrivalModel, arrivalTimes } from './arrivals';
import { CHANNEL_PROFILES, channelWeightsByHourOfWeek } from './channels';
import { createCustomer, customerId, NEW_CUSTOMER_SHARE, pickReturningCustomer } from './customers';
import { resolveDemoOptions, type DemoOptions, type DemoSummary, type ResolvedDemoOptions } from './options';
import { createRandom } from './random';
import type { DemoBatch } from './rows';
import { createStaff } from './staff';
import { createTicketFactory } from './tickets';

/**
 * Generates the demo data set as a stream of batches, without touching a database: first the teams
 * and agents, then tickets in opening order, `batchSize` at a time, each batch with the customers
 * its tickets introduce. Memory stays flat however many tickets are asked for. The generator's
 * return value is the summary of everything yielded.
 *
 * Options are validated at the call, not at the first `next()`: a bad option throws a `RangeError`.
 *
 * @example
 * const now = new Date('2026-11-23T08:00:00Z');
 * for (const batch of generateDemo({ tickets: 2000, now })) {
 *   console.log(batch.customers.length, batch.tickets.length);
 * }
 */
export function generateDemo(options: DemoOptions = {}): Generator<DemoBatch, DemoSummary, undefined> {
  return generateBatches(resolveDemoOptions(options));
}

function* generateBatches(options: ResolvedDemoOptions): Generator<DemoBatch, DemoSummary, undefined> {
  // One stream for everything, consumed in a fixed order: staff first, then ticket by ticket.
  const random = createRandom(options.seed);
  const teams = createStaff(options, random);
  const summary: DemoSummary = { teams: teams.length, agents: 0, customers: 0, tickets: 0 };
  const agents = teams.flatMap((team) => team.agents.map((agent) => agent.row));
  summary.agents = agents.length;
  yield { teams: teams.map((team) => team.row), agents, customers: [], tickets: [] };

  const hourOfWeekTotals = channelWeightsByHourOfWeek(CHANNEL_PROFILES).map((weights) =>
    weights.reduce((sum, weight) => sum + weight, 0),
  );
  const model = createArrivalModel(options.start, options.end, hourOfWeekTotals);
  const makeTicket = createTicketFactory(options, teams);
  let batch: DemoBatch = { teams: [], agents: [], customers: [], tickets: [] };
  for (const openedAt of arrivalTimes(model, options.tickets, random)) {
    let owner: string;
    if (summary.customers === 0 || random.chance(NEW_CUSTOMER_SHARE)) {
      const customer = createCustomer(options.seed, summary.customers, openedAt, random);
      batch.customers.push(customer);
      summary.customers += 1;
      owner = customer.id;
    } else {
      owner = customerId(options.seed, pickReturningCustomer(summary.customers, random));
    }
    batch.tickets.push(makeTicket(openedAt, summary.tickets, owner, random));
    summary.tickets += 1;
    if (batch.tickets.length === options.batchSize) {
      yield batch;
      batch = { teams: [], agents: [], customers: [], tickets: [] };
    }
  }
  if (batch.tickets.length > 0) yield batch;
  return summary;
}
