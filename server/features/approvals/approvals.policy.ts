import type { Actor, Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canWriteUnit } from '../access/access.policy.js';
import type { SlotRow, StepRow, WorkflowRow } from './workflows.repo.js';

/** Deciding, and a list of one's own tasks, need a person: an API key has no judgement to record. */
export function requirePerson(ctx: Ctx): Extract<Actor, { type: 'user' }> {
  if (ctx.actor.type !== 'user')
    throw AppError.because('forbidden', 'person_required', 'Only a signed-in person may do this.');
  return ctx.actor;
}

const isRequester = (actor: Actor, w: WorkflowRow) => actor.type === 'user' && actor.id === w.requestedBy;

/** Cancel, resubmit: the requester, or whoever may change the contract. */
export function mayManage(actor: Actor, w: WorkflowRow, unitId: string): boolean {
  return isRequester(actor, w) || canWriteUnit(actor, unitId);
}

/** Whom a slot names: its person, or a current Editor of its unit (roles as of this request) other than the requester. */
export function answers(actor: Actor, slot: SlotRow, w: WorkflowRow): boolean {
  if (actor.type !== 'user') return false;
  if (slot.kind === 'user') return slot.userId === actor.id;
  return actor.id !== w.requestedBy && actor.unitRoles[slot.businessUnitId!] === 'editor';
}

export function mayDecide(actor: Actor, w: WorkflowRow, step: StepRow | undefined, slot: SlotRow): boolean {
  return w.status === 'in_progress' && step?.status === 'active' && slot.status === 'open' && answers(actor, slot, w);
}

/** Comments: the requester, the approvers of the round, and writers of the contract. */
export function mayComment(actor: Actor, w: WorkflowRow, slots: SlotRow[], unitId: string): boolean {
  if (actor.type !== 'user') return canWriteUnit(actor, unitId);
  return mayManage(actor, w, unitId) || slots.some((s) => answers(actor, s, w));
}
