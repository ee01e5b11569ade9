export * from './audit.js';
export * from './contracts.js';
export * from './orgs.js';
export * from './partners.js';
export * from './users.js';
