import type { ApprovalTask } from '../../../common/schemas/approvals.js';
import type { Ctx } from '../../platform/context.js';
import { readableUnits } from '../access/access.policy.js';
import { requirePerson } from './approvals.policy.js';
import * as repo from './approvals.tasks.repo.js';

/** Approvals waiting for the caller; more than this many is a backlog a list does not fix. */
const TASK_LIMIT = 200;

export async function myTasks(ctx: Ctx): Promise<ApprovalTask[]> {
  const actor = requirePerson(ctx);
  const editorUnits = Object.entries(actor.unitRoles).flatMap(([unit, role]) => (role === 'editor' ? [unit] : []));
  const rows = await repo.openTasks(
    ctx.tx,
    ctx.orgId,
    { userId: actor.id, editorUnits, units: readableUnits(actor) },
    TASK_LIMIT,
  );
  return rows.map((r) => ({ ...r, requestedAt: r.requestedAt.toISOString() }));
}
