export { seedDemoAudits } from './audits';
export type { DemoAuditSummary } from './audits';
export { generateDemo } from './generate';
export { resolveDemoOptions, DEFAULT_SEED, DEFAULT_TICKETS } from './options';
export type { DemoOptions, DemoSummary, DemoSurvey, ResolvedDemoOptions } from './options';
export type {
  AgentRow,
  CustomerRow,
  DemoBatch,
  FollowUpRow,
  InvitationRow,
  ResponseRow,
  RollupRow,
  TeamRow,
  TicketEventRow,
  TicketRow,
} from './rows';
export { seedDemoData } from './seed';
export type { SeedOptions, SeedStage, SeedSummary } from './seed';
export { encodeCopyText } from './copy-text';
