import type { AccessEntry, ContractAccess } from '../../../common/schemas/access.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { actorOfMember, apiKeyActor, memberStanding } from '../auth/principal.js';
import { getVisible } from '../contracts/contracts.access.js';
import * as users from '../users/users.repo.js';
import { isAdmin, type UnitAccess, unitAccess } from './access.policy.js';
import * as repo from './access.repo.js';

/**
 * Who can read or edit a contract, and why. Every member and key is turned into the actor its
 * requests would run as (principal.ts) and put to the same `unitAccess` the services ask, so
 * the explanation cannot drift from the rule. Administrators see everyone; anyone else who may
 * read the contract sees only their own access (the roles of colleagues are an administrator's
 * business); anyone else gets "not found".
 */
export async function whoCanAccess(ctx: Ctx, contractId: string): Promise<ContractAccess> {
  const contract = await getVisible(ctx, contractId);
  const unitId = contract.businessUnitId;
  const org = (await users.findOrgWithUnits(ctx.tx, ctx.orgId))!;
  const businessUnit = { id: unitId, name: org.units.find((u) => u.id === unitId)?.name ?? '' };
  if (!isAdmin(ctx.actor) && ctx.actor.type !== 'system') {
    return { contractId, businessUnit, complete: false, entries: [selfEntry(ctx.actor, unitId)] };
  }
  const entries: AccessEntry[] = [];
  for (const m of await repo.membersWithRoles(ctx.tx, ctx.orgId)) {
    const person = { id: m.user.id, name: m.name ?? m.user.email, email: m.user.email };
    const standing = memberStanding(m.membership);
    if (standing !== 'active') {
      entries.push({ kind: 'member', ...person, access: 'none', reason: standing, role: null, scope: null });
      continue;
    }
    const actor = actorOfMember({ membership: m.membership, user: person }, m.roles);
    entries.push({ kind: 'member', ...person, ...explained(unitAccess(actor, unitId)), scope: null });
  }
  const allUnitIds = org.units.map((u) => u.id);
  for (const key of await repo.liveApiKeys(ctx.tx, ctx.orgId)) {
    const access = unitAccess(apiKeyActor(key, allUnitIds), unitId);
    const scope = key.role === 'administrator' ? null : key.businessUnitIds ? 'listed_units' : 'all_units';
    entries.push({ kind: 'api_key', id: key.id, name: key.name, email: null, ...explained(access), scope });
  }
  return { contractId, businessUnit, complete: true, entries: entries.sort(byAccess) };
}

function explained(access: UnitAccess): Pick<AccessEntry, 'access' | 'reason' | 'role'> {
  return { access: access.level, reason: access.reason, role: access.reason === 'unit_role' ? access.role : null };
}

function selfEntry(actor: Exclude<Actor, { type: 'system' }>, unitId: string): AccessEntry {
  const who =
    actor.type === 'user'
      ? { kind: 'member' as const, id: actor.id, name: actor.name, email: actor.email }
      : { kind: 'api_key' as const, id: actor.id, name: actor.name, email: null };
  return { ...who, ...explained(unitAccess(actor, unitId)), scope: null };
}

const LEVEL = { edit: 0, read: 1, none: 2 };

function byAccess(a: AccessEntry, b: AccessEntry): number {
  return (
    LEVEL[a.access] - LEVEL[b.access] ||
    Number(a.kind === 'api_key') - Number(b.kind === 'api_key') ||
    a.name.localeCompare(b.name) ||
    a.id.localeCompare(b.id)
  );
}
