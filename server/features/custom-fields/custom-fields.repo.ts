import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { CustomFieldEntity } from '../../../common/schemas/vocabulary.js';
import type { Tx } from '../../db/client.js';
import { contracts, customFields, partners } from '../../db/schema/index.js';

export type CustomFieldRow = typeof customFields.$inferSelect;

/** The entity's field definitions in form order; what value checks and grids build on. */
export function listDefinitions(tx: Tx, orgId: string, entity: CustomFieldEntity): Promise<CustomFieldRow[]> {
  return tx
    .select()
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.entity, entity)))
    .orderBy(asc(customFields.position), asc(customFields.createdAt), asc(customFields.id));
}

export async function find(tx: Tx, orgId: string, id: string): Promise<CustomFieldRow | null> {
  const [row] = await tx
    .select()
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)));
  return row ?? null;
}

/** Which of `ids` are fields of the org (any entity). */
export async function existingIds(tx: Tx, orgId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: customFields.id })
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), inArray(customFields.id, ids)));
  return rows.map((r) => r.id);
}

export async function nextPosition(tx: Tx, orgId: string, entity: CustomFieldEntity): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${customFields.position})` })
    .from(customFields)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.entity, entity)));
  return (row?.max ?? -1) + 1;
}

/** Null when the key was taken meanwhile (the unique index decides, also under concurrency). */
export async function insert(tx: Tx, row: typeof customFields.$inferInsert): Promise<CustomFieldRow | null> {
  const [created] = await tx.insert(customFields).values(row).onConflictDoNothing().returning();
  return created ?? null;
}

export async function update(
  tx: Tx,
  orgId: string,
  id: string,
  patch: Partial<Pick<CustomFieldRow, 'label' | 'options' | 'mandatory' | 'section'>>,
): Promise<CustomFieldRow> {
  const [row] = await tx
    .update(customFields)
    .set(patch)
    .where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)))
    .returning();
  return row!;
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(customFields).where(and(eq(customFields.orgId, orgId), eq(customFields.id, id)));
}

/** Positions 0..n-1 in the order given, in one statement. */
export async function setPositions(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  await tx.execute(sql`
    update custom_fields set position = v.pos - 1
    from unnest(array[${list}]::uuid[]) with ordinality as v(id, pos)
    where custom_fields.org_id = ${orgId} and custom_fields.id = v.id`);
}

const holders = { contract: contracts, partner: partners } as const;

/** Drops the key from every stored value of the entity, recycle bin and merged partners included. */
export async function removeValues(tx: Tx, orgId: string, entity: CustomFieldEntity, key: string): Promise<number> {
  const table = holders[entity];
  const rows = await tx
    .update(table)
    .set({ custom: sql`${table.custom} - ${key}::text` })
    .where(and(eq(table.orgId, orgId), sql`${table.custom} ? ${key}::text`))
    .returning({ id: table.id });
  return rows.length;
}

/** How many records (deleted ones included) hold `option` in the field `key`. */
export async function countOptionUse(
  tx: Tx,
  orgId: string,
  field: Pick<CustomFieldRow, 'entity' | 'key' | 'type'>,
  option: string,
): Promise<number> {
  const table = holders[field.entity];
  const value = field.type === 'multi_select' ? [option] : option;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(eq(table.orgId, orgId), sql`${table.custom} @> ${JSON.stringify({ [field.key]: value })}::jsonb`));
  return row?.n ?? 0;
}
