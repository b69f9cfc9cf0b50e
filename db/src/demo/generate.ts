import { createArrivalModel, arrivalTimes } from './arrivals';
import { CHANNEL_PROFILES, channelWeightsByHourOfWeek } from './channels';
import { createCustomer, customerId, NEW_CUSTOMER_SHARE, pickReturningCustomer } from './customers';
import { LOCALES } from './names';
import { resolveDemoOptions, type DemoOptions, type DemoSummary, type ResolvedDemoOptions } from './options';
import { createRandom } from './random';
import { RollupAccumulator } from './rollups';
import { emptyBatch, type DemoBatch } from './rows';
import { createStaff } from './staff';
import { createSurveyActivity } from './survey-activity';
import { createTicketFactory } from './tickets';

/**
 * Generates the demo data set as a stream of batches, without touching a database: first the teams
 * and agents, then tickets in opening order, `batchSize` at a time, each batch with the customers
 * its tickets introduce and, when `survey` is given, their invitations, ticket events, responses,
 * follow-ups and the daily rollup counts those add (NPS included). Chat tickets answer `chatSurvey`
 * when it is given — rating, resolved, the service-principle statements and NPS, see
 * createSurveyActivity — and `survey` otherwise. Memory stays flat however many tickets are asked
 * for. The generator's return value is the summary of everything yielded.
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
  const summary: DemoSummary = {
    teams: teams.length,
    agents: 0,
    customers: 0,
    tickets: 0,
    invitations: 0,
    responses: 0,
    followUps: 0,
    surveyId: options.survey?.id ?? null,
    chatSurveyId: options.chatSurvey?.id ?? null,
  };
  const agents = teams.flatMap((team) => team.agents.map((agent) => agent.row));
  summary.agents = agents.length;
  yield { ...emptyBatch(), teams: teams.map((team) => team.row), agents };

  const hourOfWeekTotals = channelWeightsByHourOfWeek(CHANNEL_PROFILES).map((weights) =>
    weights.reduce((sum, weight) => sum + weight, 0),
  );
  const model = createArrivalModel(options.start, options.end, hourOfWeekTotals);
  const makeTicket = createTicketFactory(options, teams);
  const rollups = options.survey ? new RollupAccumulator() : null;
  const activity =
    options.survey && rollups
      ? createSurveyActivity(options, { main: options.survey, chat: options.chatSurvey }, teams, rollups)
      : null;
  // Each customer's locale, by number (an index into LOCALES): a returning customer's invitation
  // speaks their language. One byte per customer keeps memory small for large runs.
  let locales = new Uint8Array(1024);
  let batch = emptyBatch();
  const finish = (done: DemoBatch): DemoBatch => {
    done.rollups = rollups?.drain() ?? [];
    summary.invitations += done.invitations.length;
    summary.responses += done.responses.length;
    summary.followUps += done.followUps.length;
    return done;
  };
  for (const openedAt of arrivalTimes(model, options.tickets, random)) {
    let owner: string;
    let ownerNumber: number;
    if (summary.customers === 0 || random.chance(NEW_CUSTOMER_SHARE)) {
      const customer = createCustomer(options.seed, summary.customers, openedAt, random);
      batch.customers.push(customer);
      ownerNumber = summary.customers;
      if (ownerNumber >= locales.length) {
        const grown = new Uint8Array(locales.length * 2);
        grown.set(locales);
        locales = grown;
      }
      locales[ownerNumber] = LOCALES.indexOf(customer.locale as (typeof LOCALES)[number]);
      summary.customers += 1;
      owner = customer.id;
    } else {
      ownerNumber = pickReturningCustomer(summary.customers, random);
      owner = customerId(options.seed, ownerNumber);
    }
    const ticket = makeTicket(openedAt, summary.tickets, owner, random);
    batch.tickets.push(ticket);
    activity?.(ticket, LOCALES[locales[ownerNumber] ?? 0] ?? 'en', batch);
    summary.tickets += 1;
    if (batch.tickets.length === options.batchSize) {
      yield finish(batch);
      batch = emptyBatch();
    }
  }
  if (batch.tickets.length > 0) yield finish(batch);
  return summary;
}
