import { and, asc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { approvalSlots, approvalSteps, approvalWorkflows, contracts } from '../../db/schema/index.js';

const stepOfSlot = and(
  eq(approvalSteps.orgId, approvalSlots.orgId),
  eq(approvalSteps.workflowId, approvalSlots.workflowId),
  eq(approvalSteps.position, approvalSlots.position),
);
const workflowOfSlot = and(
  eq(approvalWorkflows.orgId, approvalSlots.orgId),
  eq(approvalWorkflows.id, approvalSlots.workflowId),
);

/**
 * Open slots in active steps that `userId` answers: theirs, or of a unit they edit (not on their own
 * request), on contracts in `units` they can read.
 */
export async function openTasks(
  tx: Tx,
  orgId: string,
  who: { userId: string; editorUnits: string[]; units: string[] | 'all' },
  limit: number,
) {
  const unitSlot = who.editorUnits.length
    ? and(
        eq(approvalSlots.kind, 'unit_editors'),
        inArray(approvalSlots.businessUnitId, who.editorUnits),
        sql`${approvalWorkflows.requestedBy} is distinct from ${who.userId}`,
      )
    : undefined;
  return tx
    .select({
      workflowId: approvalSlots.workflowId,
      slotId: approvalSlots.id,
      contractId: contracts.id,
      contractTitle: contracts.title,
      stepPosition: approvalSteps.position,
      stepName: approvalSteps.name,
      kind: approvalSlots.kind,
      businessUnitId: approvalSlots.businessUnitId,
      dueOn: approvalSteps.dueOn,
      requestedAt: approvalWorkflows.requestedAt,
    })
    .from(approvalSlots)
    .innerJoin(approvalSteps, stepOfSlot)
    .innerJoin(approvalWorkflows, workflowOfSlot)
    .innerJoin(contracts, and(eq(contracts.orgId, approvalSlots.orgId), eq(contracts.id, approvalWorkflows.contractId)))
    .where(
      and(
        eq(approvalSlots.orgId, orgId),
        eq(approvalSlots.status, 'open'),
        eq(approvalSteps.status, 'active'),
        eq(approvalWorkflows.status, 'in_progress'),
        isNull(contracts.deletedAt),
        who.units === 'all' ? undefined : who.units.length ? inArray(contracts.businessUnitId, who.units) : sql`false`,
        or(eq(approvalSlots.userId, who.userId), unitSlot),
      ),
    )
    .orderBy(sql`${approvalSteps.dueOn} asc nulls last`, asc(approvalWorkflows.requestedAt), asc(approvalSlots.id))
    .limit(limit);
}

/** Active steps of running approvals due before `today` and not yet mailed about today (the job holds the org's lock). */
export async function overdueSteps(tx: Tx, orgId: string, today: string) {
  return tx
    .select({ workflow: approvalWorkflows, position: approvalSteps.position, dueOn: approvalSteps.dueOn })
    .from(approvalSteps)
    .innerJoin(
      approvalWorkflows,
      and(eq(approvalWorkflows.orgId, approvalSteps.orgId), eq(approvalWorkflows.id, approvalSteps.workflowId)),
    )
    .where(
      and(
        eq(approvalSteps.orgId, orgId),
        eq(approvalSteps.status, 'active'),
        eq(approvalWorkflows.status, 'in_progress'),
        lt(approvalSteps.dueOn, today),
        sql`${approvalSteps.overdueMailedOn} is distinct from ${today}::date`,
      ),
    )
    .orderBy(asc(approvalSteps.dueOn));
}
