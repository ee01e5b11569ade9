import { touchesKeyFields } from '../../../common/approvals/key-fields.js';
import type { Ctx } from '../../platform/context.js';
import { record } from '../audit/audit.service.js';
import * as contracts from '../contracts/contracts.repo.js';
import { definitionOf, endRound, startRound } from './approvals.flow.js';
import * as repo from './workflows.repo.js';

/**
 * Called, in the same transaction, by whatever changes a contract: a running approval whose
 * contract changed a key field (APPROVAL_KEY_FIELDS) ends as `reset`, and the next round starts at
 * step 1 with the same steps, its approvers mailed again. Finished approvals are left as they are.
 */
export async function onContractChanged(ctx: Ctx, contractId: string, changedKeys: readonly string[]) {
  if (!touchesKeyFields(changedKeys)) return;
  const current = await repo.findCurrent(ctx.tx, ctx.orgId, contractId);
  if (current?.status !== 'in_progress') return;
  const contract = await contracts.find(ctx.tx, ctx.orgId, contractId);
  if (!contract) return;
  const steps = await definitionOf(ctx, current.id);
  await endRound(ctx, current, 'reset', { current: false, reason: 'key_fields_changed' });
  const next = await startRound(ctx, {
    contract,
    templateId: current.templateId,
    round: current.round + 1,
    steps,
    requestedBy: current.requestedBy,
  });
  await record(ctx, {
    action: 'approval.reset',
    objectType: 'approval',
    objectId: current.id,
    extra: {
      contractId,
      round: current.round,
      nextId: next.id,
      fields: changedKeys.filter((k) => touchesKeyFields([k])),
    },
  });
}
