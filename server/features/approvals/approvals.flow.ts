import { createHash, randomUUID } from 'node:crypto';
import { APPROVAL_KEY_FIELDS } from '../../../common/approvals/key-fields.js';
import type { ApprovalStepInput, ApprovalWorkflowStatus } from '../../../common/schemas/approvals.js';
import { addDays } from '../../../common/terms/dates.js';
import type { Ctx } from '../../platform/context.js';
import { orgToday } from '../contracts/contracts.access.js';
import type { ContractRow } from '../contracts/contracts.repo.js';
import { queueApprovalMail } from './approvals.outbox.js';
import * as people from './approvals.people.repo.js';
import { asStepInputs } from './approvals.rules.js';
import * as repo from './workflows.repo.js';

/** SHA-256 of the contract's key fields when a round starts: what its approvers approved. */
export function keyHash(contract: ContractRow): string {
  const fields = Object.fromEntries(APPROVAL_KEY_FIELDS.map((k) => [k, contract[k]]));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The people a slot's mail goes to: its person, or the unit's current Editors (never the requester). */
export async function peopleOf(ctx: Ctx, slot: repo.SlotRow, requestedBy: string | null): Promise<people.Person[]> {
  const found =
    slot.kind === 'user'
      ? await people.activeMembers(ctx.tx, ctx.orgId, [slot.userId!])
      : await people.unitEditors(ctx.tx, ctx.orgId, slot.businessUnitId!);
  return found.filter((p) => p.id !== requestedBy);
}

/** Makes step `position` active (due in its days, in the org's time zone) and mails its approvers. */
export async function activateStep(ctx: Ctx, workflow: repo.WorkflowRow, position: number, now: Date) {
  const step = (await repo.stepsOf(ctx.tx, ctx.orgId, workflow.id)).find((s) => s.position === position)!;
  const today = await orgToday(ctx);
  await repo.updateStep(ctx.tx, ctx.orgId, workflow.id, position, {
    status: 'active',
    activatedAt: now,
    dueOn: step.dueDays === null ? null : addDays(today, step.dueDays),
  });
  const slots = (await repo.slotsOf(ctx.tx, ctx.orgId, workflow.id)).filter((s) => s.position === position);
  for (const slot of slots) {
    for (const person of await peopleOf(ctx, slot, workflow.requestedBy)) {
      await queueApprovalMail(ctx, {
        kind: 'approval_request',
        subjectId: slot.id,
        contractId: workflow.contractId,
        recipient: person,
        dedupeKey: `approval_request:${slot.id}:${person.id}`,
        now,
      });
    }
  }
}

export interface NewRound {
  contract: ContractRow;
  templateId: string | null;
  round: number;
  steps: ApprovalStepInput[];
  requestedBy: string | null;
}

/** Writes a round (workflow, steps, slots) as the contract's current one and activates its first step. */
export async function startRound(ctx: Ctx, r: NewRound): Promise<repo.WorkflowRow> {
  const now = new Date();
  const id = randomUUID();
  const orgId = ctx.orgId;
  await repo.insertWorkflow(ctx.tx, {
    orgId,
    id,
    contractId: r.contract.id,
    templateId: r.templateId,
    round: r.round,
    status: 'in_progress',
    isCurrent: true,
    requestedBy: r.requestedBy,
    requestedAt: now,
    keyHash: keyHash(r.contract),
  });
  await repo.insertSteps(
    ctx.tx,
    r.steps.map((s, i) => ({
      orgId,
      workflowId: id,
      position: i + 1,
      name: s.name,
      rule: s.rule,
      dueDays: s.dueDays,
      status: 'waiting' as const,
    })),
  );
  await repo.insertSlots(
    ctx.tx,
    r.steps.flatMap((s, i) =>
      s.approvers.map((a) => ({
        orgId,
        id: randomUUID(),
        workflowId: id,
        position: i + 1,
        kind: a.kind,
        userId: a.kind === 'user' ? a.userId : null,
        businessUnitId: a.kind === 'unit_editors' ? a.businessUnitId : null,
        status: 'open' as const,
      })),
    ),
  );
  const workflow = (await repo.findWorkflow(ctx.tx, orgId, id))!;
  await activateStep(ctx, workflow, 1, now);
  return workflow;
}

/** A round's steps and approvers as a start request gives them: what the next round copies. */
export async function definitionOf(ctx: Ctx, workflowId: string): Promise<ApprovalStepInput[]> {
  const slots = await repo.slotsOf(ctx.tx, ctx.orgId, workflowId);
  return asStepInputs(await repo.stepsOf(ctx.tx, ctx.orgId, workflowId), slots);
}

/** Ends a round: what is still open becomes void; a `reset` or resubmitted round is no longer current. */
export async function endRound(
  ctx: Ctx,
  workflow: repo.WorkflowRow,
  status: Exclude<ApprovalWorkflowStatus, 'in_progress'>,
  opts: { current: boolean; reason?: string },
) {
  await repo.voidOpen(ctx.tx, ctx.orgId, workflow.id);
  const ended = workflow.status === 'in_progress';
  await repo.updateWorkflow(ctx.tx, ctx.orgId, workflow.id, {
    ...(ended ? { status, finishedAt: new Date(), endedReason: opts.reason ?? null } : {}),
    isCurrent: opts.current,
  });
}

/** Tells the requester how the round ended (once per round). */
export async function mailOutcome(ctx: Ctx, workflow: repo.WorkflowRow) {
  if (!workflow.requestedBy) return;
  const [requester] = await people.activeMembers(ctx.tx, ctx.orgId, [workflow.requestedBy]);
  if (!requester) return;
  await queueApprovalMail(ctx, {
    kind: 'approval_outcome',
    subjectId: workflow.id,
    contractId: workflow.contractId,
    recipient: requester,
    dedupeKey: `approval_outcome:${workflow.id}`,
    now: new Date(),
  });
}
