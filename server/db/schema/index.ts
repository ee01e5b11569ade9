export * from './audit.js';
export * from './billing.js';
export * from './classification.js';
export * from './contracts.js';
export * from './grids.js';
export * from './orgs.js';
export * from './partners.js';
export * from './users.js';
