export * from './messages';
export * from './common';
export * from './users';
export * from './teams';
export * from './api-keys';
export * from './customers';
export * from './audit-log';
