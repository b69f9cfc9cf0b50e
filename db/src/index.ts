export * from './schema/index';
export { openDatabase } from './client';
export type { Database, DatabaseHandle, DatabaseOptions, Executor, Schema, Transaction } from './client';
export { generateDemo, seedDemoData } from './demo/index';
export type { DemoOptions, DemoSummary } from './demo/index';
export { insertDefaultSurvey } from './default-survey';
export { installBuiltInAuditTemplates } from './built-in-audit-templates';
export { drawSample } from './review-sample';
