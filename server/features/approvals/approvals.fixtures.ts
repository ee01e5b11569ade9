import { and, eq, like } from 'drizzle-orm';
import type { ApprovalRule } from '../../../common/schemas/approvals.js';
import { deliveries } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { addMember, type Caller, call, defaultUnit, signUpOrg } from '../../test/api.js';
import type { Harness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';

export type Member = Awaited<ReturnType<typeof addMember>>;

/**
 * An org with an Editor who asks for approvals, two approvers and a viewer (all in the default unit),
 * and a contract of the default unit the Editor made.
 */
export async function approvalWorld(h: Harness) {
  const admin = await signUpOrg(h);
  const unit = defaultUnit(admin);
  const editor = await addMember(h, admin, { roles: { [unit]: 'editor' }, name: 'Erin Editor' });
  const anna = await addMember(h, admin, { roles: { [unit]: 'viewer' }, name: 'Anna Approver' });
  const bert = await addMember(h, admin, { roles: { [unit]: 'viewer' }, name: 'Bert Approver' });
  const viewer = await addMember(h, admin, { roles: { [unit]: 'viewer' }, name: 'Vic Viewer' });
  const contract = await newContract(h, editor, { title: 'Supply deal' });
  return { admin, unit, editor, anna, bert, viewer, contract };
}

export const userStep = (name: string, rule: ApprovalRule, ids: string[], dueDays: number | null = null) => ({
  name,
  rule,
  dueDays,
  approvers: ids.map((userId) => ({ kind: 'user', userId })),
});

export async function startApproval(h: Harness, who: Caller, contractId: string, body: unknown) {
  const res = await call(h, who, 'POST', `/contracts/${contractId}/approval`, body);
  if (res.statusCode !== 201) throw new Error(`approval start failed: ${res.statusCode} ${res.body}`);
  return res.json() as Approval;
}

export interface Approval {
  state: string;
  current: {
    id: string;
    round: number;
    status: string;
    steps: {
      position: number;
      status: string;
      dueOn: string | null;
      slots: { id: string; userId: string | null; status: string; canDecide: boolean }[];
    }[];
  } | null;
  rounds: { id: string; round: number; status: string; endedReason: string | null }[];
  abilities: Record<string, boolean>;
}

export const slotOf = (a: Approval, position: number, userId?: string) => {
  const slots = a.current!.steps.find((s) => s.position === position)!.slots;
  return (userId ? slots.find((s) => s.userId === userId) : slots[0])!.id;
};

export function decide(
  h: Harness,
  who: Caller,
  a: Approval,
  slotId: string,
  decision: 'approve' | 'reject',
  comment?: string,
) {
  return call(h, who, 'POST', `/approvals/${a.current!.id}/slots/${slotId}/decision`, { decision, comment });
}

/** The approval mail rows queued in `who`'s org, optionally of one kind. */
export function approvalMails(h: Harness, who: Caller, kind?: string) {
  const orgId = who.me!.org.id;
  return withClaims(h.database.db, { orgId }, (tx) =>
    tx
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.orgId, orgId), like(deliveries.kind, kind ?? 'approval_%'))),
  );
}
