export * from './api-keys';
export * from './audit-log';
export * from './customers';
export * from './teams';
export * from './tickets';
export * from './users';
