export { generateDemo } from './generate';
export { resolveDemoOptions, DEFAULT_SEED, DEFAULT_TICKETS } from './options';
export type { DemoOptions, DemoSummary, ResolvedDemoOptions } from './options';
export type { AgentRow, CustomerRow, DemoBatch, TeamRow, TicketRow } from './rows';
export { seedDemoData } from './seed';
