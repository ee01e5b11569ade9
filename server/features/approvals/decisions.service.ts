import { randomUUID } from 'node:crypto';
import type { ApprovalDecisionInput, ApprovalRule, ContractApprovalView } from '../../../common/schemas/approvals.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { approvalCompleted } from '../webhooks/webhooks.events.js';
import { activateStep, endRound, mailOutcome } from './approvals.flow.js';
import { answers, requirePerson } from './approvals.policy.js';
import * as repo from './workflows.repo.js';
import { view, workflowFor } from './workflows.service.js';

type Slot = repo.SlotWithNames;

/** Whether a step is decided once `slot` is approved: `any` on the first approval, `all` on the last. */
function stepApproved(rule: ApprovalRule, stepSlots: Slot[], slotId: string): boolean {
  return rule === 'any' || stepSlots.every((s) => s.id === slotId || s.status === 'approved');
}

/**
 * Records one approver's answer. A rejection rejects the step and the round (the requester is told);
 * the last approval of the last step approves it; otherwise the next step becomes active and is mailed.
 */
export async function decide(
  ctx: Ctx,
  workflowId: string,
  slotId: string,
  input: ApprovalDecisionInput,
): Promise<ContractApprovalView> {
  const actor = requirePerson(ctx);
  const { workflow, contract } = await workflowFor(ctx, workflowId);
  const slots = await repo.slotsOf(ctx.tx, ctx.orgId, workflow.id);
  const slot = slots.find((s) => s.id === slotId);
  if (!slot) throw AppError.notFound('Approval slot');
  if (!answers(actor, slot, workflow)) throw AppError.forbidden('This approval is not yours to answer.');
  const step = (await repo.stepsOf(ctx.tx, ctx.orgId, workflow.id)).find((s) => s.position === slot.position)!;
  if (workflow.status !== 'in_progress' || step.status !== 'active' || slot.status !== 'open')
    throw AppError.because('conflict', 'approval_not_open', 'This approval step is not waiting for an answer.');
  if (input.decision === 'reject' && !input.comment)
    throw AppError.invalid('comment', 'required_to_reject', 'is required to reject');
  const now = new Date();
  const status = input.decision === 'approve' ? ('approved' as const) : ('rejected' as const);
  await repo.insertDecision(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    workflowId: workflow.id,
    slotId,
    userId: actor.id,
    decision: input.decision,
    comment: input.comment || null,
    decidedAt: now,
  });
  await repo.updateSlot(ctx.tx, ctx.orgId, slotId, { status, decidedBy: actor.id, decidedAt: now });
  const audit = { objectType: 'approval', objectId: workflow.id };
  const extra = { contractId: contract.id, round: workflow.round, step: step.position };
  await record(ctx, { action: 'approval.decided', ...audit, extra: { ...extra, slotId, decision: input.decision } });
  const stepSlots = slots.filter((s) => s.position === step.position);
  if (status === 'approved' && !stepApproved(step.rule, stepSlots, slotId)) return view(ctx, contract.id);
  await repo.voidOpen(ctx.tx, ctx.orgId, workflow.id, step.position);
  await repo.updateStep(ctx.tx, ctx.orgId, workflow.id, step.position, { status, finishedAt: now });
  const last = Math.max(...slots.map((s) => s.position));
  if (status === 'approved' && step.position < last) {
    await activateStep(ctx, workflow, step.position + 1, now);
    return view(ctx, contract.id);
  }
  await endRound(ctx, workflow, status, { current: true });
  await record(ctx, { action: status === 'approved' ? 'approval.approved' : 'approval.rejected', ...audit, extra });
  await approvalCompleted(ctx, {
    approvalId: workflow.id,
    contractId: contract.id,
    round: workflow.round,
    outcome: status,
  });
  await mailOutcome(ctx, workflow);
  return view(ctx, contract.id);
}
