import { randomUUID } from 'node:crypto';
import type { ApiScopes } from '../../../common/schemas/api-scopes.js';
import type { Ctx } from '../../platform/context.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { businessUnitIds } from '../users/users.repo.js';
import * as repo from './api-keys.repo.js';

export const API_KEY_PREFIX = 'dbx_';

const present = (row: repo.ApiKeyRow, createdBy: string | null) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role,
  businessUnitIds: row.businessUnitIds,
  scopes: row.scopes ?? null,
  rateLimitPerMinute: row.rateLimitPerMinute,
  createdAt: row.createdAt.toISOString(),
  createdBy,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function list(ctx: Ctx, limit: number, before?: string) {
  requireAdmin(ctx);
  const rows = await repo.list(ctx.tx, ctx.orgId, limit + 1, before);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map((r) => present(r.key, r.creator)),
    next: last ? last.key.createdAt.toISOString() : null,
  };
}

export interface ApiKeyInput {
  name: string;
  role: repo.ApiKeyRow['role'];
  businessUnitIds: string[] | null;
  scopes: ApiScopes;
  rateLimitPerMinute: number | null;
}

/** The token is returned once and stored only as its hash. */
export async function create(ctx: Ctx, input: ApiKeyInput) {
  requireAdmin(ctx);
  const scope = input.role === 'administrator' ? null : input.businessUnitIds;
  if (scope) {
    const known = new Set(await businessUnitIds(ctx.tx, ctx.orgId));
    const unknown = scope.find((id) => !known.has(id));
    if (unknown) {
      throw AppError.invalid(
        'businessUnitIds',
        'unknown_business_unit',
        `contains ${unknown}, which is not a business unit of this account`,
      );
    }
  }
  const prefix = `${API_KEY_PREFIX}${newToken(6)}`;
  const token = `${prefix}_${newToken()}`;
  const row = await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    name: input.name,
    prefix,
    tokenHash: hashToken(token),
    role: input.role,
    businessUnitIds: scope ? [...new Set(scope)] : null,
    scopes: input.scopes,
    rateLimitPerMinute: input.rateLimitPerMinute,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await record(ctx, {
    action: 'api_key.created',
    objectType: 'api_key',
    objectId: row.id,
    changes: {
      name: { before: null, after: input.name },
      role: { before: null, after: input.role },
      businessUnitIds: { before: null, after: row.businessUnitIds },
      scopes: { before: null, after: row.scopes },
      rateLimitPerMinute: { before: null, after: row.rateLimitPerMinute },
    },
  });
  return { apiKey: present(row, ctx.actor.type === 'user' ? ctx.actor.name : null), token };
}

export async function revoke(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const row = await repo.revoke(ctx.tx, ctx.orgId, id);
  if (row) {
    await record(ctx, { action: 'api_key.revoked', objectType: 'api_key', objectId: id, extra: { name: row.name } });
  } else if (!(await repo.exists(ctx.tx, ctx.orgId, id))) {
    throw AppError.notFound('API key');
  }
}
