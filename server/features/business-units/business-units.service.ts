import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import { businessUnits, unitRoles } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';

type Row = typeof businessUnits.$inferSelect;

export const present = (row: Row) => ({
  id: row.id,
  name: row.name,
  isDefault: row.isDefault,
  createdAt: row.createdAt.toISOString(),
});

const nameTaken = () => AppError.invalid('name', 'unique', 'is already used by another business unit');

/** Everyone in the org may list units (forms need them); the cursor is the last (name, id). */
export async function list(ctx: Ctx, limit: number, after?: [string, string]) {
  const order = sql`lower(${businessUnits.name})`;
  const rows = await ctx.tx
    .select()
    .from(businessUnits)
    .where(
      and(
        eq(businessUnits.orgId, ctx.orgId),
        after ? or(gt(order, after[0]), and(eq(order, after[0]), gt(businessUnits.id, after[1]))) : undefined,
      ),
    )
    .orderBy(order, asc(businessUnits.id))
    .limit(limit + 1);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map(present),
    next: last ? ([last.name.toLowerCase(), last.id] as [string, string]) : null,
  };
}

async function get(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.tx
    .select()
    .from(businessUnits)
    .where(and(eq(businessUnits.orgId, ctx.orgId), eq(businessUnits.id, id)));
  if (!row) throw AppError.notFound('Business unit');
  return row;
}

async function assertNameFree(ctx: Ctx, name: string, exceptId?: string) {
  const [clash] = await ctx.tx
    .select({ id: businessUnits.id })
    .from(businessUnits)
    .where(and(eq(businessUnits.orgId, ctx.orgId), sql`lower(${businessUnits.name}) = ${name.toLowerCase()}`));
  if (clash && clash.id !== exceptId) throw nameTaken();
}

export async function create(ctx: Ctx, name: string) {
  requireAdmin(ctx);
  await assertNameFree(ctx, name);
  const [row] = await ctx.tx.insert(businessUnits).values({ orgId: ctx.orgId, id: randomUUID(), name }).returning();
  await record(ctx, {
    action: 'business_unit.created',
    objectType: 'business_unit',
    objectId: row!.id,
    changes: { name: { before: null, after: name } },
  });
  return present(row!);
}

export async function rename(ctx: Ctx, id: string, name: string) {
  requireAdmin(ctx);
  const before = await get(ctx, id);
  await assertNameFree(ctx, name, id);
  const [row] = await ctx.tx
    .update(businessUnits)
    .set({ name })
    .where(and(eq(businessUnits.orgId, ctx.orgId), eq(businessUnits.id, id)))
    .returning();
  if (before.name !== name) {
    await record(ctx, {
      action: 'business_unit.updated',
      objectType: 'business_unit',
      objectId: id,
      changes: { name: { before: before.name, after: name } },
    });
  }
  return present(row!);
}

export async function remove(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const row = await get(ctx, id);
  if (row.isDefault) throw new AppError('conflict', 'The default business unit cannot be deleted.');
  await ctx.tx.delete(unitRoles).where(and(eq(unitRoles.orgId, ctx.orgId), eq(unitRoles.businessUnitId, id)));
  await ctx.tx.delete(businessUnits).where(and(eq(businessUnits.orgId, ctx.orgId), eq(businessUnits.id, id)));
  await record(ctx, {
    action: 'business_unit.deleted',
    objectType: 'business_unit',
    objectId: id,
    changes: { name: { before: row.name, after: null } },
  });
}
