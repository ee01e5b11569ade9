// Approval workflows on contracts (issue #14): the states, the rules and the request and answer shapes.
import { z } from 'zod';
import { isoDateTime } from './common.js';

export const APPROVAL_RULES = ['all', 'any'] as const;
export type ApprovalRule = (typeof APPROVAL_RULES)[number];

/** `reset`: a key field changed while it ran; a new round started in the same transaction. */
export const APPROVAL_WORKFLOW_STATUSES = ['in_progress', 'approved', 'rejected', 'cancelled', 'reset'] as const;
export type ApprovalWorkflowStatus = (typeof APPROVAL_WORKFLOW_STATUSES)[number];

/** `void`: the workflow ended before the step was decided. */
export const APPROVAL_STEP_STATUSES = ['waiting', 'active', 'approved', 'rejected', 'void'] as const;
export type ApprovalStepStatus = (typeof APPROVAL_STEP_STATUSES)[number];

export const APPROVAL_SLOT_STATUSES = ['open', 'approved', 'rejected', 'void'] as const;
export type ApprovalSlotStatus = (typeof APPROVAL_SLOT_STATUSES)[number];

/** A person, or whoever is an Editor of the business unit when they answer. */
export const APPROVER_KINDS = ['user', 'unit_editors'] as const;
export type ApproverKind = (typeof APPROVER_KINDS)[number];

export const APPROVAL_DECISIONS = ['approve', 'reject'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** A contract's approval state, for the grid and the contract page: its current workflow's status. */
export const CONTRACT_APPROVAL_STATES = ['none', 'in_progress', 'approved', 'rejected'] as const;
export type ContractApprovalState = (typeof CONTRACT_APPROVAL_STATES)[number];

export const APPROVAL_LIMITS = { steps: 10, approversPerStep: 20, nameLength: 120, commentLength: 4000 } as const;

export const approverInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.uuid() }).strict(),
  z.object({ kind: z.literal('unit_editors'), businessUnitId: z.uuid() }).strict(),
]);
export type ApproverInput = z.infer<typeof approverInput>;

export const approvalStepInput = z
  .object({
    name: z.string().trim().min(1).max(APPROVAL_LIMITS.nameLength),
    rule: z.enum(APPROVAL_RULES),
    dueDays: z.number().int().min(1).max(365).nullable().default(null),
    approvers: z.array(approverInput).min(1).max(APPROVAL_LIMITS.approversPerStep),
  })
  .strict();
export type ApprovalStepInput = z.infer<typeof approvalStepInput>;

export const approvalStepsInput = z.array(approvalStepInput).min(1).max(APPROVAL_LIMITS.steps);

export const approvalTemplateInput = z
  .object({
    name: z.string().trim().min(1).max(APPROVAL_LIMITS.nameLength),
    description: z.string().trim().max(1000).nullable().default(null),
    defaultCategoryId: z.uuid().nullable().default(null),
    steps: approvalStepsInput,
  })
  .strict();
export type ApprovalTemplateInput = z.infer<typeof approvalTemplateInput>;

/** Changing a template: the fields given; `steps` replaces all of them (running approvals keep their copy). */
export const approvalTemplatePatch = z
  .object({
    name: z.string().trim().min(1).max(APPROVAL_LIMITS.nameLength),
    description: z.string().trim().max(1000).nullable(),
    defaultCategoryId: z.uuid().nullable(),
    steps: approvalStepsInput,
  })
  .partial()
  .strict();
export type ApprovalTemplatePatch = z.infer<typeof approvalTemplatePatch>;

/** Starting an approval: a template, or steps written for this contract (exactly one of them). */
export const startApprovalInput = z
  .object({ templateId: z.uuid().optional(), steps: approvalStepsInput.optional() })
  .strict()
  .refine((v) => (v.templateId === undefined) !== (v.steps === undefined), {
    message: 'give either templateId or steps',
    path: ['templateId'],
  });
export type StartApprovalInput = z.infer<typeof startApprovalInput>;

/** A comment is required to reject, so the requester learns why. */
export const approvalDecisionInput = z
  .object({
    decision: z.enum(APPROVAL_DECISIONS),
    comment: z.string().trim().max(APPROVAL_LIMITS.commentLength).nullable().default(null),
  })
  .strict();
export type ApprovalDecisionInput = z.infer<typeof approvalDecisionInput>;

export const approvalCommentInput = z
  .object({ body: z.string().trim().min(1).max(APPROVAL_LIMITS.commentLength) })
  .strict();

export const approvalStateQuery = z.enum(CONTRACT_APPROVAL_STATES);

export const approverView = z.object({
  kind: z.enum(APPROVER_KINDS),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  businessUnitId: z.string().nullable(),
  businessUnitName: z.string().nullable(),
});
export type ApproverView = z.infer<typeof approverView>;

export const approvalTemplate = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  defaultCategoryId: z.string().nullable(),
  steps: z.array(
    z.object({
      name: z.string(),
      rule: z.enum(APPROVAL_RULES),
      dueDays: z.number().int().nullable(),
      approvers: z.array(approverView),
    }),
  ),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  archivedAt: isoDateTime.nullable(),
});
export type ApprovalTemplate = z.infer<typeof approvalTemplate>;

export const approvalSlotView = approverView.extend({
  id: z.uuid(),
  status: z.enum(APPROVAL_SLOT_STATUSES),
  decidedBy: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
  /** Whether the caller may approve or reject this slot now. */
  canDecide: z.boolean(),
});
export type ApprovalSlotView = z.infer<typeof approvalSlotView>;

export const approvalStepView = z.object({
  position: z.number().int(),
  name: z.string(),
  rule: z.enum(APPROVAL_RULES),
  dueDays: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(APPROVAL_STEP_STATUSES),
  activatedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  slots: z.array(approvalSlotView),
});
export type ApprovalStepView = z.infer<typeof approvalStepView>;

export const approvalDecisionView = z.object({
  id: z.uuid(),
  slotId: z.uuid(),
  userId: z.string(),
  userName: z.string().nullable(),
  decision: z.enum(APPROVAL_DECISIONS),
  comment: z.string().nullable(),
  decidedAt: isoDateTime,
});

/** One round: the current one with its steps, earlier ones as history. */
export const approvalRoundView = z.object({
  id: z.uuid(),
  round: z.number().int(),
  templateId: z.string().nullable(),
  status: z.enum(APPROVAL_WORKFLOW_STATUSES),
  isCurrent: z.boolean(),
  requestedBy: z.string().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  endedReason: z.string().nullable(),
});
export type ApprovalRoundView = z.infer<typeof approvalRoundView>;

export const approvalWorkflowView = approvalRoundView.extend({
  contractId: z.uuid(),
  steps: z.array(approvalStepView),
  decisions: z.array(approvalDecisionView),
});
export type ApprovalWorkflowView = z.infer<typeof approvalWorkflowView>;

export const approvalCommentView = z.object({
  id: z.uuid(),
  workflowId: z.uuid(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: isoDateTime,
});
export type ApprovalCommentView = z.infer<typeof approvalCommentView>;

/** A contract's approval as its page shows it, with what the caller may do. */
export const contractApprovalView = z.object({
  contractId: z.uuid(),
  state: z.enum(CONTRACT_APPROVAL_STATES),
  current: approvalWorkflowView.nullable(),
  rounds: z.array(approvalRoundView),
  comments: z.array(approvalCommentView),
  abilities: z.object({
    canStart: z.boolean(),
    canCancel: z.boolean(),
    canResubmit: z.boolean(),
    canComment: z.boolean(),
  }),
});
export type ContractApprovalView = z.infer<typeof contractApprovalView>;

/** An open slot the caller may answer, in an active step. */
export const approvalTask = z.object({
  workflowId: z.uuid(),
  slotId: z.uuid(),
  contractId: z.uuid(),
  contractTitle: z.string(),
  stepPosition: z.number().int(),
  stepName: z.string(),
  kind: z.enum(APPROVER_KINDS),
  businessUnitId: z.string().nullable(),
  dueOn: z.string().nullable(),
  requestedAt: isoDateTime,
});
export type ApprovalTask = z.infer<typeof approvalTask>;

export const approvalSlotParams = z.object({ id: z.uuid(), slotId: z.uuid() });
