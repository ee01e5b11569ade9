import { randomUUID } from 'node:crypto';
import type {
  ApprovalCommentView,
  ContractApprovalView,
  StartApprovalInput,
} from '../../../common/schemas/approvals.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canWriteUnit } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { getVisible, requireWrite } from '../contracts/contracts.access.js';
import type { ContractRow } from '../contracts/contracts.repo.js';
import { definitionOf, endRound, startRound } from './approvals.flow.js';
import { mayComment, mayManage } from './approvals.policy.js';
import { presentComment, presentRound, presentWorkflow, stateOf } from './approvals.presenter.js';
import { checkApprovers } from './approvals.rules.js';
import { getTemplate, stepsOf } from './templates.service.js';
import * as repo from './workflows.repo.js';

const requesterOf = (ctx: Ctx) => (ctx.actor.type === 'user' ? ctx.actor.id : null);

/** A workflow whose contract the caller can read, locked for the change; otherwise "not found". */
export async function workflowFor(
  ctx: Ctx,
  id: string,
): Promise<{ workflow: repo.WorkflowRow; contract: ContractRow }> {
  const workflow = await repo.lockWorkflow(ctx.tx, ctx.orgId, id);
  if (!workflow) throw AppError.notFound('Approval');
  return { workflow, contract: await getVisible(ctx, workflow.contractId) };
}

const audit = (workflow: repo.WorkflowRow, extra: Record<string, unknown> = {}) => ({
  objectType: 'approval',
  objectId: workflow.id,
  extra: { contractId: workflow.contractId, round: workflow.round, ...extra },
});

export async function view(ctx: Ctx, contractId: string): Promise<ContractApprovalView> {
  const contract = await getVisible(ctx, contractId);
  const rounds = await repo.rounds(ctx.tx, ctx.orgId, contractId);
  const round = rounds.find((r) => r.workflow.isCurrent) ?? null;
  const current = round?.workflow ?? null;
  const slots = current ? await repo.slotsOf(ctx.tx, ctx.orgId, current.id) : [];
  const running = current?.status === 'in_progress';
  const manage = current !== null && mayManage(ctx.actor, current, contract.businessUnitId);
  return {
    contractId,
    state: stateOf(current),
    current: round
      ? presentWorkflow(ctx.actor, {
          round,
          steps: await repo.stepsOf(ctx.tx, ctx.orgId, round.workflow.id),
          slots,
          decisions: await repo.decisionsOf(ctx.tx, ctx.orgId, round.workflow.id),
        })
      : null,
    rounds: rounds.map(presentRound),
    comments: (await repo.commentsOf(ctx.tx, ctx.orgId, contractId)).map(presentComment),
    abilities: {
      canStart: !running && canWriteUnit(ctx.actor, contract.businessUnitId),
      canCancel: running && manage,
      canResubmit: current?.status === 'rejected' && manage,
      canComment: current !== null && mayComment(ctx.actor, current, slots, contract.businessUnitId),
    },
  };
}

export async function start(ctx: Ctx, contractId: string, input: StartApprovalInput): Promise<ContractApprovalView> {
  const contract = await getVisible(ctx, contractId);
  requireWrite(ctx, contract.businessUnitId);
  const current = await repo.findCurrent(ctx.tx, ctx.orgId, contractId);
  if (current?.status === 'in_progress')
    throw AppError.because('conflict', 'approval_running', 'An approval is already running on this contract.');
  const template = input.templateId ? await templateToStart(ctx, input.templateId) : null;
  const steps = template ? stepsOf(template) : (input.steps ?? []);
  await checkApprovers(ctx, steps, { businessUnitId: contract.businessUnitId, requesterId: requesterOf(ctx) });
  if (current) await repo.updateWorkflow(ctx.tx, ctx.orgId, current.id, { isCurrent: false });
  const workflow = await startRound(ctx, {
    contract,
    templateId: template?.template.id ?? null,
    round: 1,
    steps,
    requestedBy: requesterOf(ctx),
  });
  await record(ctx, {
    action: 'approval.started',
    ...audit(workflow, { templateId: workflow.templateId, steps: steps.length }),
  });
  return view(ctx, contractId);
}

async function templateToStart(ctx: Ctx, id: string) {
  const found = await getTemplate(ctx, id).catch(() => null);
  if (!found || found.template.archivedAt)
    throw AppError.invalid('templateId', 'unknown_template', 'is not an approval template of this account');
  return found;
}

export async function cancel(ctx: Ctx, id: string): Promise<ContractApprovalView> {
  const { workflow, contract } = await workflowFor(ctx, id);
  if (!mayManage(ctx.actor, workflow, contract.businessUnitId)) throw AppError.forbidden();
  if (workflow.status !== 'in_progress' || !workflow.isCurrent)
    throw AppError.because('conflict', 'approval_not_open', 'This approval has already ended.');
  await endRound(ctx, workflow, 'cancelled', { current: true, reason: 'cancelled' });
  await record(ctx, { action: 'approval.cancelled', ...audit(workflow) });
  return view(ctx, contract.id);
}

/** A rejected round starts again, as the next round with the same steps and approvers. */
export async function resubmit(ctx: Ctx, id: string): Promise<ContractApprovalView> {
  const { workflow, contract } = await workflowFor(ctx, id);
  if (!mayManage(ctx.actor, workflow, contract.businessUnitId)) throw AppError.forbidden();
  if (workflow.status !== 'rejected' || !workflow.isCurrent)
    throw AppError.because(
      'conflict',
      'approval_not_rejected',
      'Only the current, rejected approval can be resubmitted.',
    );
  const steps = await definitionOf(ctx, workflow.id);
  await checkApprovers(ctx, steps, { businessUnitId: contract.businessUnitId, requesterId: workflow.requestedBy });
  await repo.updateWorkflow(ctx.tx, ctx.orgId, workflow.id, { isCurrent: false });
  const next = await startRound(ctx, {
    contract,
    templateId: workflow.templateId,
    round: workflow.round + 1,
    steps,
    requestedBy: workflow.requestedBy,
  });
  await record(ctx, { action: 'approval.resubmitted', ...audit(next, { previousId: workflow.id }) });
  return view(ctx, contract.id);
}

export async function comment(ctx: Ctx, id: string, body: string): Promise<ApprovalCommentView> {
  const { workflow, contract } = await workflowFor(ctx, id);
  const slots = await repo.slotsOf(ctx.tx, ctx.orgId, workflow.id);
  if (!mayComment(ctx.actor, workflow, slots, contract.businessUnitId)) throw AppError.forbidden();
  const commentId = randomUUID();
  await repo.insertComment(ctx.tx, {
    orgId: ctx.orgId,
    id: commentId,
    workflowId: workflow.id,
    contractId: contract.id,
    authorId: requesterOf(ctx),
    body,
  });
  await record(ctx, { action: 'approval.commented', ...audit(workflow, { commentId }) });
  const all = await repo.commentsOf(ctx.tx, ctx.orgId, contract.id);
  return presentComment(all.find((c) => c.comment.id === commentId)!);
}
