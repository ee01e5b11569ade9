import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  approvalDecisions,
  approvalSlots,
  approvalSteps,
  approvalWorkflows,
  contracts,
} from '../../db/schema/index.js';
import { memberName } from '../users/users.repo.js';

/** A workflow with its contract's title and the requester's name, by workflow or by one of its slots. */
export async function workflowFacts(tx: Tx, orgId: string, by: { workflowId: string } | { slotId: string }) {
  const workflowId =
    'workflowId' in by
      ? by.workflowId
      : (
          await tx
            .select({ id: approvalSlots.workflowId })
            .from(approvalSlots)
            .where(and(eq(approvalSlots.orgId, orgId), eq(approvalSlots.id, by.slotId)))
        )[0]?.id;
  if (!workflowId) return null;
  const [row] = await tx
    .select({
      workflow: approvalWorkflows,
      contractTitle: contracts.title,
      contractNumber: contracts.contractNumber,
      requesterName: memberName(sql`approval_workflows.org_id`, sql`approval_workflows.requested_by`),
    })
    .from(approvalWorkflows)
    .innerJoin(
      contracts,
      and(eq(contracts.orgId, approvalWorkflows.orgId), eq(contracts.id, approvalWorkflows.contractId)),
    )
    .where(and(eq(approvalWorkflows.orgId, orgId), eq(approvalWorkflows.id, workflowId)));
  return row ?? null;
}

export async function slotPosition(tx: Tx, orgId: string, slotId: string): Promise<number | null> {
  const [row] = await tx
    .select({ position: approvalSlots.position })
    .from(approvalSlots)
    .where(and(eq(approvalSlots.orgId, orgId), eq(approvalSlots.id, slotId)));
  return row?.position ?? null;
}

/** The step a mail is about: by position, or the latest one that became active. */
export async function stepFacts(tx: Tx, orgId: string, workflowId: string, position: number | null) {
  const [row] = await tx
    .select({ name: approvalSteps.name, dueOn: approvalSteps.dueOn, position: approvalSteps.position })
    .from(approvalSteps)
    .where(
      and(
        eq(approvalSteps.orgId, orgId),
        eq(approvalSteps.workflowId, workflowId),
        position === null ? sql`${approvalSteps.activatedAt} is not null` : eq(approvalSteps.position, position),
      ),
    )
    .orderBy(desc(approvalSteps.position))
    .limit(1);
  return row ?? null;
}

/** The rejection that ended a round: who, and why. */
export async function rejection(tx: Tx, orgId: string, workflowId: string) {
  const [row] = await tx
    .select({
      comment: approvalDecisions.comment,
      userName: memberName(sql`approval_decisions.org_id`, sql`approval_decisions.user_id`),
    })
    .from(approvalDecisions)
    .where(
      and(
        eq(approvalDecisions.orgId, orgId),
        eq(approvalDecisions.workflowId, workflowId),
        eq(approvalDecisions.decision, 'reject'),
      ),
    )
    .orderBy(desc(approvalDecisions.decidedAt))
    .limit(1);
  return row ?? null;
}
