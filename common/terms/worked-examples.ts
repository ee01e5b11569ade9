import type { LifecycleInput } from './lifecycle.js';

/** terms.md's first worked example: yearly auto-renewal with three months' notice. */
export const yearly: LifecycleInput = {
  type: 'auto_renewal',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};
