import type { Ctx } from '../../platform/context.js';
import { record } from '../audit/audit.service.js';
import * as members from '../users/users.repo.js';
import * as groups from './scim-groups.repo.js';

/**
 * Brings the roles that mapped groups grant up to date for these people. A role set by hand is
 * never touched; a role a group granted follows the groups (the stronger of two wins) and goes
 * when no mapped group grants it any more. Each change is logged as `user.roles_changed`.
 */
export async function syncGrantedRoles(ctx: Ctx, userIds: Iterable<string>): Promise<void> {
  for (const userId of new Set(userIds)) {
    const member = await members.findMember(ctx.tx, ctx.orgId, userId);
    if (!member) continue;
    const wanted = await groups.grantedRoles(ctx.tx, ctx.orgId, userId);
    const current = await groups.rolesWithSource(ctx.tx, ctx.orgId, userId);
    const before = Object.fromEntries(current.map((r) => [r.unit, r.role]));
    const after = { ...before };
    for (const [unit, role] of Object.entries(wanted)) {
      const held = current.find((r) => r.unit === unit);
      if (held?.source === 'manual' || held?.role === role) continue;
      await groups.putRole(ctx.tx, ctx.orgId, userId, unit, role);
      after[unit] = role;
    }
    for (const held of current) {
      if (held.source === 'scim' && !wanted[held.unit]) {
        await groups.putRole(ctx.tx, ctx.orgId, userId, held.unit, null);
        delete after[held.unit];
      }
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await record(ctx, {
        action: 'user.roles_changed',
        objectType: 'user',
        objectId: userId,
        subject: member.user,
        changes: { roles: { before, after } },
        extra: { scim: true },
      });
    }
  }
}
