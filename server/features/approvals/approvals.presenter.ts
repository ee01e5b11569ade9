import type {
  ApprovalCommentView,
  ApprovalRoundView,
  ApprovalWorkflowView,
  ContractApprovalState,
} from '../../../common/schemas/approvals.js';
import type { Actor } from '../../platform/context.js';
import { mayDecide } from './approvals.policy.js';
import type * as repo from './workflows.repo.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** `cancelled` and `reset` rounds count as no approval (a reset round is never current anyway). */
export function stateOf(current: repo.WorkflowRow | null): ContractApprovalState {
  const status = current?.status;
  return status === 'in_progress' || status === 'approved' || status === 'rejected' ? status : 'none';
}

export function presentRound(r: { workflow: repo.WorkflowRow; requestedByName: string | null }): ApprovalRoundView {
  const w = r.workflow;
  return {
    id: w.id,
    round: w.round,
    templateId: w.templateId,
    status: w.status,
    isCurrent: w.isCurrent,
    requestedBy: w.requestedBy,
    requestedByName: r.requestedByName,
    requestedAt: w.requestedAt.toISOString(),
    finishedAt: iso(w.finishedAt),
    endedReason: w.endedReason,
  };
}

export interface WorkflowFacts {
  round: { workflow: repo.WorkflowRow; requestedByName: string | null };
  steps: repo.StepRow[];
  slots: repo.SlotWithNames[];
  decisions: Awaited<ReturnType<typeof repo.decisionsOf>>;
}

export function presentWorkflow(actor: Actor, f: WorkflowFacts): ApprovalWorkflowView {
  const w = f.round.workflow;
  return {
    ...presentRound(f.round),
    contractId: w.contractId,
    steps: f.steps.map((s) => ({
      position: s.position,
      name: s.name,
      rule: s.rule,
      dueDays: s.dueDays,
      dueOn: s.dueOn,
      status: s.status,
      activatedAt: iso(s.activatedAt),
      finishedAt: iso(s.finishedAt),
      slots: f.slots
        .filter((slot) => slot.position === s.position)
        .map((slot) => ({
          id: slot.id,
          kind: slot.kind,
          userId: slot.userId,
          userName: slot.userName,
          businessUnitId: slot.businessUnitId,
          businessUnitName: slot.businessUnitName,
          status: slot.status,
          decidedBy: slot.decidedBy,
          decidedByName: slot.decidedByName,
          decidedAt: iso(slot.decidedAt),
          canDecide: mayDecide(actor, w, s, slot),
        })),
    })),
    decisions: f.decisions.map(({ decision: d, userName }) => ({
      id: d.id,
      slotId: d.slotId,
      userId: d.userId,
      userName,
      decision: d.decision,
      comment: d.comment,
      decidedAt: d.decidedAt.toISOString(),
    })),
  };
}

export function presentComment(c: {
  comment: { id: string; workflowId: string; authorId: string | null; body: string; createdAt: Date };
  authorName: string | null;
}): ApprovalCommentView {
  return {
    id: c.comment.id,
    workflowId: c.comment.workflowId,
    authorId: c.comment.authorId,
    authorName: c.authorName,
    body: c.comment.body,
    createdAt: c.comment.createdAt.toISOString(),
  };
}
