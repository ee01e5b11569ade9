import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  approvalComments,
  approvalDecisions,
  approvalSlots,
  approvalSteps,
  approvalWorkflows,
} from '../../db/schema/index.js';
import { memberName } from '../users/users.repo.js';

export type WorkflowRow = typeof approvalWorkflows.$inferSelect;
export type StepRow = typeof approvalSteps.$inferSelect;
export type SlotRow = typeof approvalSlots.$inferSelect;
export type SlotWithNames = SlotRow & {
  userName: string | null;
  businessUnitName: string | null;
  decidedByName: string | null;
};

const wf = (orgId: string) => eq(approvalWorkflows.orgId, orgId);

export async function findWorkflow(tx: Tx, orgId: string, id: string): Promise<WorkflowRow | null> {
  const [row] = await tx
    .select()
    .from(approvalWorkflows)
    .where(and(wf(orgId), eq(approvalWorkflows.id, id)));
  return row ?? null;
}

/** The contract's current workflow, locked: deciding, resetting and starting take turns on it. */
export async function findCurrent(tx: Tx, orgId: string, contractId: string): Promise<WorkflowRow | null> {
  const [row] = await tx
    .select()
    .from(approvalWorkflows)
    .where(and(wf(orgId), eq(approvalWorkflows.contractId, contractId), eq(approvalWorkflows.isCurrent, true)))
    .for('update');
  return row ?? null;
}

export async function lockWorkflow(tx: Tx, orgId: string, id: string): Promise<WorkflowRow | null> {
  const [row] = await tx
    .select()
    .from(approvalWorkflows)
    .where(and(wf(orgId), eq(approvalWorkflows.id, id)))
    .for('update');
  return row ?? null;
}

const roundColumns = {
  workflow: approvalWorkflows,
  requestedByName: memberName(sql`approval_workflows.org_id`, sql`approval_workflows.requested_by`),
};

/** Every round on the contract, newest first. */
export async function rounds(tx: Tx, orgId: string, contractId: string) {
  return tx
    .select(roundColumns)
    .from(approvalWorkflows)
    .where(and(wf(orgId), eq(approvalWorkflows.contractId, contractId)))
    .orderBy(desc(approvalWorkflows.requestedAt), desc(approvalWorkflows.round));
}

export async function insertWorkflow(tx: Tx, row: typeof approvalWorkflows.$inferInsert): Promise<void> {
  await tx.insert(approvalWorkflows).values(row);
}

export async function updateWorkflow(tx: Tx, orgId: string, id: string, patch: Partial<WorkflowRow>) {
  await tx
    .update(approvalWorkflows)
    .set(patch)
    .where(and(wf(orgId), eq(approvalWorkflows.id, id)));
}

export async function insertSteps(tx: Tx, rows: (typeof approvalSteps.$inferInsert)[]): Promise<void> {
  await tx.insert(approvalSteps).values(rows);
}

export async function insertSlots(tx: Tx, rows: (typeof approvalSlots.$inferInsert)[]): Promise<void> {
  await tx.insert(approvalSlots).values(rows);
}

export async function stepsOf(tx: Tx, orgId: string, workflowId: string): Promise<StepRow[]> {
  return tx
    .select()
    .from(approvalSteps)
    .where(and(eq(approvalSteps.orgId, orgId), eq(approvalSteps.workflowId, workflowId)))
    .orderBy(asc(approvalSteps.position));
}

export async function slotsOf(tx: Tx, orgId: string, workflowId: string): Promise<SlotWithNames[]> {
  return tx
    .select({
      ...getTableColumns(approvalSlots),
      userName: memberName(sql`approval_slots.org_id`, sql`approval_slots.user_id`),
      businessUnitName: sql<string | null>`(select b.name from business_units b
        where b.org_id = approval_slots.org_id and b.id = approval_slots.business_unit_id)`,
      decidedByName: memberName(sql`approval_slots.org_id`, sql`approval_slots.decided_by`),
    })
    .from(approvalSlots)
    .where(and(eq(approvalSlots.orgId, orgId), eq(approvalSlots.workflowId, workflowId)))
    .orderBy(asc(approvalSlots.position), asc(approvalSlots.id));
}

export async function updateStep(tx: Tx, orgId: string, workflowId: string, position: number, patch: Partial<StepRow>) {
  await tx
    .update(approvalSteps)
    .set(patch)
    .where(
      and(
        eq(approvalSteps.orgId, orgId),
        eq(approvalSteps.workflowId, workflowId),
        eq(approvalSteps.position, position),
      ),
    );
}

export async function updateSlot(tx: Tx, orgId: string, id: string, patch: Partial<SlotRow>) {
  await tx
    .update(approvalSlots)
    .set(patch)
    .where(and(eq(approvalSlots.orgId, orgId), eq(approvalSlots.id, id)));
}

/** Ends what is still open in a workflow (or one of its steps): steps waiting or active, slots open. */
export async function voidOpen(tx: Tx, orgId: string, workflowId: string, position?: number) {
  const at = position === undefined ? undefined : position;
  await tx
    .update(approvalSlots)
    .set({ status: 'void' })
    .where(
      and(
        eq(approvalSlots.orgId, orgId),
        eq(approvalSlots.workflowId, workflowId),
        eq(approvalSlots.status, 'open'),
        at === undefined ? undefined : eq(approvalSlots.position, at),
      ),
    );
  if (at !== undefined) return;
  await tx
    .update(approvalSteps)
    .set({ status: 'void', finishedAt: new Date() })
    .where(
      and(
        eq(approvalSteps.orgId, orgId),
        eq(approvalSteps.workflowId, workflowId),
        sql`${approvalSteps.status} in ('waiting', 'active')`,
      ),
    );
}

export async function insertDecision(tx: Tx, row: typeof approvalDecisions.$inferInsert): Promise<void> {
  await tx.insert(approvalDecisions).values(row);
}

export async function decisionsOf(tx: Tx, orgId: string, workflowId: string) {
  return tx
    .select({
      decision: approvalDecisions,
      userName: memberName(sql`approval_decisions.org_id`, sql`approval_decisions.user_id`),
    })
    .from(approvalDecisions)
    .where(and(eq(approvalDecisions.orgId, orgId), eq(approvalDecisions.workflowId, workflowId)))
    .orderBy(asc(approvalDecisions.decidedAt), asc(approvalDecisions.id));
}

export async function insertComment(tx: Tx, row: typeof approvalComments.$inferInsert): Promise<void> {
  await tx.insert(approvalComments).values(row);
}

/** Every comment on the contract's approvals, oldest first. */
export async function commentsOf(tx: Tx, orgId: string, contractId: string) {
  return tx
    .select({
      comment: approvalComments,
      authorName: memberName(sql`approval_comments.org_id`, sql`approval_comments.author_id`),
    })
    .from(approvalComments)
    .where(and(eq(approvalComments.orgId, orgId), eq(approvalComments.contractId, contractId)))
    .orderBy(asc(approvalComments.createdAt), asc(approvalComments.id));
}
