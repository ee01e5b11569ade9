export * from './audit.js';
export * from './orgs.js';
export * from './users.js';
