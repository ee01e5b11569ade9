import type { ApprovalRule, ApprovalStepInput } from '../../../common/schemas/approvals.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import * as people from './approvals.people.repo.js';

/** What starting an approval on a contract must also satisfy: who may see it, and who asks. */
export interface ContractScope {
  businessUnitId: string;
  requesterId: string | null;
}

type StoredApprover = {
  position: number;
  kind: 'user' | 'unit_editors';
  userId: string | null;
  businessUnitId: string | null;
};

/** Stored steps and approvers (a template's, a round's) as a start request gives them. */
export function asStepInputs(
  steps: { position: number; name: string; rule: ApprovalRule; dueDays: number | null }[],
  approvers: StoredApprover[],
): ApprovalStepInput[] {
  return steps.map((s) => ({
    name: s.name,
    rule: s.rule,
    dueDays: s.dueDays,
    approvers: approvers
      .filter((a) => a.position === s.position)
      .map((a) =>
        a.kind === 'user'
          ? { kind: 'user' as const, userId: a.userId! }
          : { kind: 'unit_editors' as const, businessUnitId: a.businessUnitId! },
      ),
  }));
}

const canRead = (p: people.Person, unitId: string) => p.isAdmin || p.roles[unitId] !== undefined;

function problem(field: string, rule: string, message: string): FieldError {
  return { field, rule, message };
}

async function checkUnitSlot(
  ctx: Ctx,
  field: string,
  unitId: string,
  scope: ContractScope | null,
  units: Set<string>,
): Promise<FieldError | null> {
  if (!units.has(unitId)) return problem(field, 'unknown_business_unit', 'is not a business unit of this account');
  if (!scope) return null;
  const editors = await people.unitEditors(ctx.tx, ctx.orgId, unitId);
  if (editors.length === 0) return problem(field, 'unit_has_no_editors', 'has no active Editor to answer');
  const seeing = editors.filter((e) => canRead(e, scope.businessUnitId));
  if (seeing.length === 0) return problem(field, 'approver_cannot_see', 'cannot read the contract');
  if (seeing.every((e) => e.id === scope.requesterId))
    return problem(field, 'self_approval', 'would leave only the requester to approve');
  return null;
}

function checkUserSlot(field: string, person: people.Person | undefined, scope: ContractScope | null) {
  if (!person) return problem(field, 'not_a_member', 'is not an active member of this account');
  if (!scope) return null;
  if (person.id === scope.requesterId) return problem(field, 'self_approval', 'is the requester');
  if (!canRead(person, scope.businessUnitId)) return problem(field, 'approver_cannot_see', 'cannot read the contract');
  return null;
}

/**
 * Checks every approver of `steps` (all problems at once, 422): members and units exist, and, when
 * `scope` names a contract, each approver can read it, a unit has an Editor, nobody approves their own request.
 */
export async function checkApprovers(ctx: Ctx, steps: ApprovalStepInput[], scope: ContractScope | null) {
  const approvers = steps.flatMap((s) => s.approvers);
  const userIds = approvers.flatMap((a) => (a.kind === 'user' ? [a.userId] : []));
  const unitIds = approvers.flatMap((a) => (a.kind === 'unit_editors' ? [a.businessUnitId] : []));
  const members = new Map((await people.activeMembers(ctx.tx, ctx.orgId, userIds)).map((p) => [p.id, p]));
  const units = await people.existingUnits(ctx.tx, ctx.orgId, unitIds);
  const errors: FieldError[] = [];
  for (const [i, step] of steps.entries()) {
    for (const [j, a] of step.approvers.entries()) {
      const at = `steps.${i}.approvers.${j}`;
      const found =
        a.kind === 'user'
          ? checkUserSlot(`${at}.userId`, members.get(a.userId), scope)
          : await checkUnitSlot(ctx, `${at}.businessUnitId`, a.businessUnitId, scope, units);
      if (found) errors.push(found);
    }
  }
  const [first, ...rest] = errors;
  if (first) throw AppError.invalidAll([first, ...rest]);
}
