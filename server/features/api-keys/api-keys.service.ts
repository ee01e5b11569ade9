import { randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { apiKeys, users } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { API_KEY_PREFIX } from '../auth/principal.js';
import { businessUnitIds } from '../users/users.repo.js';

type Row = typeof apiKeys.$inferSelect;

const present = (row: Row, createdBy: string | null) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  role: row.role,
  businessUnitIds: row.businessUnitIds,
  createdAt: row.createdAt.toISOString(),
  createdBy,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Newest first; the cursor is the creation time of the last key seen. */
export async function list(ctx: Ctx, limit: number, before?: string) {
  requireAdmin(ctx);
  const rows = await ctx.tx
    .select({ key: apiKeys, creator: users.name })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.orgId, ctx.orgId), before ? lt(apiKeys.createdAt, new Date(before)) : undefined))
    .orderBy(desc(apiKeys.createdAt))
    .limit(limit + 1);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map((r) => present(r.key, r.creator)),
    next: last ? last.key.createdAt.toISOString() : null,
  };
}

export interface ApiKeyInput {
  name: string;
  role: Row['role'];
  businessUnitIds: string[] | null;
}

/** The token is returned once and stored only as its hash. */
export async function create(ctx: Ctx, input: ApiKeyInput) {
  requireAdmin(ctx);
  const scope = input.role === 'administrator' ? null : input.businessUnitIds;
  if (scope) {
    const known = new Set(await businessUnitIds(ctx.tx, ctx.orgId));
    const unknown = scope.find((id) => !known.has(id));
    if (unknown)
      throw AppError.invalid(
        'businessUnitIds',
        'unknown_business_unit',
        `contains ${unknown}, which is not a business unit of this account`,
      );
  }
  const prefix = newToken(6);
  const token = `${API_KEY_PREFIX}${prefix}_${newToken()}`;
  const createdBy = ctx.actor.type === 'user' ? ctx.actor.id : null;
  const [row] = await ctx.tx
    .insert(apiKeys)
    .values({
      orgId: ctx.orgId,
      id: randomUUID(),
      name: input.name,
      prefix: `${API_KEY_PREFIX}${prefix}`,
      tokenHash: hashToken(token),
      role: input.role,
      businessUnitIds: scope ? [...new Set(scope)] : null,
      createdBy,
    })
    .returning();
  await record(ctx, {
    action: 'api_key.created',
    objectType: 'api_key',
    objectId: row!.id,
    changes: {
      name: { before: null, after: input.name },
      role: { before: null, after: input.role },
      businessUnitIds: { before: null, after: row!.businessUnitIds },
    },
  });
  const creator = ctx.actor.type === 'user' ? ctx.actor.name : null;
  return { apiKey: present(row!, creator), token };
}

export async function revoke(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const [row] = await ctx.tx
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.orgId, ctx.orgId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  if (!row) {
    const [exists] = await ctx.tx
      .select({ id: apiKeys.id })
      .from(apiKeys)
      .where(and(eq(apiKeys.orgId, ctx.orgId), eq(apiKeys.id, id)));
    if (!exists) throw AppError.notFound('API key');
    return;
  }
  await record(ctx, { action: 'api_key.revoked', objectType: 'api_key', objectId: id, extra: { name: row.name } });
}
