import { randomUUID } from 'node:crypto';
import type { ScimGroupMappingInput } from '../../../common/schemas/scim.js';
import type { Ctx } from '../../platform/context.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { businessUnitIds } from '../users/users.repo.js';
import { SCIM_TOKEN_PREFIX } from './scim.http.js';
import { scimBase } from './scim.presenter.js';
import * as groups from './scim-admin.repo.js';
import { syncGrantedRoles } from './scim-roles.service.js';
import * as repo from './scim-tokens.repo.js';

const presentToken = (row: repo.ScimTokenRow, createdBy: string | null) => ({
  id: row.id,
  createdAt: row.createdAt.toISOString(),
  createdBy,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function settings(ctx: Ctx) {
  requireAdmin(ctx);
  const live = await repo.findLive(ctx.tx, ctx.orgId);
  return { baseUrl: scimBase(ctx.deps.config), token: live ? presentToken(live.token, live.creator) : null };
}

/** A new token, shown once and stored as its hash; a live one is revoked in the same step (rotation). */
export async function createToken(ctx: Ctx) {
  requireAdmin(ctx);
  const old = await repo.revokeLive(ctx.tx, ctx.orgId);
  const secret = `${SCIM_TOKEN_PREFIX}${newToken()}`;
  const row = await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    tokenHash: hashToken(secret),
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await record(ctx, {
    action: old ? 'scim.token_rotated' : 'scim.token_created',
    objectType: 'scim_token',
    objectId: row.id,
    ...(old ? { extra: { replaced: old.id } } : {}),
  });
  return { token: presentToken(row, ctx.actor.type === 'user' ? ctx.actor.name : null), secret };
}

/** Idempotent: with no live token there is nothing to revoke, and nothing is logged. */
export async function revokeToken(ctx: Ctx) {
  requireAdmin(ctx);
  const row = await repo.revokeLive(ctx.tx, ctx.orgId);
  if (row) await record(ctx, { action: 'scim.token_revoked', objectType: 'scim_token', objectId: row.id });
}

export async function listGroups(ctx: Ctx, limit: number, after?: [string, string]) {
  requireAdmin(ctx);
  const rows = await groups.listWithCounts(ctx.tx, ctx.orgId, limit + 1, after);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit),
    next: last ? ([last.displayName.toLowerCase(), last.id] as [string, string]) : null,
  };
}

/** Maps a group to a role in a unit (or unmaps it); its members' granted roles follow at once. */
export async function mapGroup(ctx: Ctx, id: string, input: ScimGroupMappingInput) {
  requireAdmin(ctx);
  const group = await groups.findWithCount(ctx.tx, ctx.orgId, id);
  if (!group) throw AppError.notFound('Group');
  if (input.businessUnitId && !(await businessUnitIds(ctx.tx, ctx.orgId)).includes(input.businessUnitId)) {
    throw AppError.invalid('businessUnitId', 'unknown_business_unit', 'is not a business unit of this account');
  }
  await groups.setMapping(ctx.tx, ctx.orgId, id, input.businessUnitId, input.role);
  await record(ctx, {
    action: 'scim.group_mapped',
    objectType: 'scim_group',
    objectId: id,
    changes: {
      businessUnitId: { before: group.businessUnitId, after: input.businessUnitId },
      role: { before: group.role, after: input.role },
    },
  });
  await syncGrantedRoles(ctx, await groups.memberIdsOf(ctx.tx, ctx.orgId, id));
  return { ...group, businessUnitId: input.businessUnitId, role: input.role };
}
