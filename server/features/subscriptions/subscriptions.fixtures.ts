import { randomUUID } from 'node:crypto';
import { runInOrg } from '../../platform/context.js';
import type { Harness } from '../../test/harness.js';
import { changePlan, type PlanChange } from './subscriptions.service.js';

/** What `deedbox org plan` does, in process: plan, status and period end set by the operator. */
export function setPlanAsOperator(h: Harness, orgId: string, input: PlanChange) {
  return runInOrg(
    h.app.deps,
    { orgId, actor: { type: 'system', name: 'test operator' } },
    { id: randomUUID(), ip: null, userAgent: 'vitest', via: 'cli' },
    (ctx) => changePlan(ctx, input),
  );
}

export const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000);
