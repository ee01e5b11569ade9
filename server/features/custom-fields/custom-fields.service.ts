import { randomUUID } from 'node:crypto';
import { FIELD_KEY, keyFromLabel } from '../../../common/custom-fields.js';
import { optionsProblem } from '../../../common/schemas/classification.js';
import type { CustomFieldEntity, CustomFieldType } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as repo from './custom-fields.repo.js';

export const present = (row: repo.CustomFieldRow) => ({
  id: row.id,
  entity: row.entity,
  key: row.key,
  label: row.label,
  type: row.type,
  options: row.options,
  mandatory: row.mandatory,
  position: row.position,
  section: row.section,
  createdAt: row.createdAt.toISOString(),
});

export interface NewField {
  entity: CustomFieldEntity;
  label: string;
  key?: string | undefined;
  type: CustomFieldType;
  options: string[];
  mandatory: boolean;
  section: string | null;
}

export interface FieldPatch {
  label?: string | undefined;
  options?: string[] | undefined;
  mandatory?: boolean | undefined;
  section?: string | null | undefined;
  key?: string | undefined;
  type?: CustomFieldType | undefined;
}

/** Every member reads the definitions: forms, grids and filters are built from them. */
export async function list(ctx: Ctx, entity: CustomFieldEntity) {
  return { items: (await repo.listDefinitions(ctx.tx, ctx.orgId, entity)).map(present) };
}

async function get(ctx: Ctx, id: string): Promise<repo.CustomFieldRow> {
  const row = await repo.find(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Custom field');
  return row;
}

export async function create(ctx: Ctx, input: NewField) {
  requireAdmin(ctx);
  const key = input.key ?? keyFromLabel(input.label);
  if (!FIELD_KEY.test(key)) throw AppError.invalid('key', 'format', 'must be lower-case letters, digits and _');
  const position = await repo.nextPosition(ctx.tx, ctx.orgId, input.entity);
  const row = await repo.insert(ctx.tx, { ...input, key, position, orgId: ctx.orgId, id: randomUUID() });
  if (!row) {
    throw AppError.invalid(
      'key',
      'unique',
      `"${key}" is already the key of another ${input.entity} field; choose a key`,
      { entity: 'custom_field', value: key },
    );
  }
  await record(ctx, {
    action: 'custom_field.created',
    objectType: 'custom_field',
    objectId: row.id,
    changes: diff({}, { entity: row.entity, key, label: row.label, type: row.type, options: row.options }),
  });
  return present(row);
}

/** Removing an option that stored values still hold would orphan them: refused until they change. */
async function assertOptionsFree(ctx: Ctx, field: repo.CustomFieldRow, options: string[]) {
  const used: string[] = [];
  for (const option of field.options.filter((o) => !options.includes(o))) {
    const n = await repo.countOptionUse(ctx.tx, ctx.orgId, field, option);
    if (n > 0) used.push(`"${option}" (${n})`);
  }
  if (used.length) {
    throw AppError.because(
      'conflict',
      'options_in_use',
      `These options are still chosen in stored ${field.entity}s (recycle bin included): ${used.join(', ')}. ` +
        'Change those values first.',
      { options: used.join(', ') },
    );
  }
}

export async function update(ctx: Ctx, id: string, patch: FieldPatch) {
  requireAdmin(ctx);
  const before = await get(ctx, id);
  const { key, type, ...rest } = patch;
  if (key !== undefined && key !== before.key) throw AppError.invalid('key', 'immutable', 'cannot be changed');
  if (type !== undefined && type !== before.type) throw AppError.invalid('type', 'immutable', 'cannot be changed');
  if (rest.options !== undefined) {
    const problem = optionsProblem(before.type, rest.options);
    if (problem) {
      const params = problem.value === undefined ? undefined : { entity: 'option', value: problem.value };
      throw AppError.invalid('options', problem.rule, problem.message, params);
    }
    await assertOptionsFree(ctx, before, rest.options);
  }
  const changes = diff(before as unknown as Record<string, unknown>, rest);
  if (Object.keys(changes).length === 0) return present(before);
  const row = await repo.update(ctx.tx, ctx.orgId, id, rest);
  await record(ctx, {
    action: 'custom_field.updated',
    objectType: 'custom_field',
    objectId: id,
    changes,
    extra: { entity: row.entity, key: row.key },
  });
  return present(row);
}

/** Deletes the definition and, in the same transaction, its values from every record. */
export async function remove(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const row = await get(ctx, id);
  const valuesRemoved = await repo.removeValues(ctx.tx, ctx.orgId, row.entity, row.key);
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'custom_field.deleted',
    objectType: 'custom_field',
    objectId: id,
    changes: { label: { before: row.label, after: null }, key: { before: row.key, after: null } },
    extra: { entity: row.entity, type: row.type, valuesRemoved },
  });
}

/** Drag-and-drop order: `ids` must be exactly the entity's fields, each once. */
export async function reorder(ctx: Ctx, input: { entity: CustomFieldEntity; ids: string[] }) {
  requireAdmin(ctx);
  const known = new Set(await repo.existingIds(ctx.tx, ctx.orgId, input.ids));
  if (input.ids.some((id) => !known.has(id))) throw AppError.notFound('Custom field');
  const fields = await repo.listDefinitions(ctx.tx, ctx.orgId, input.entity);
  const own = new Set(fields.map((f) => f.id));
  if (
    new Set(input.ids).size !== input.ids.length ||
    input.ids.length !== own.size ||
    input.ids.some((id) => !own.has(id))
  ) {
    throw AppError.invalid('ids', 'mismatch', `must list each of the ${own.size} ${input.entity} fields exactly once`);
  }
  const byId = new Map(fields.map((f) => [f.id, f.key]));
  const beforeKeys = fields.map((f) => f.key);
  const afterKeys = input.ids.map((id) => byId.get(id)!);
  if (JSON.stringify(beforeKeys) !== JSON.stringify(afterKeys)) {
    await repo.setPositions(ctx.tx, ctx.orgId, input.ids);
    await record(ctx, {
      action: 'custom_field.reordered',
      objectType: 'custom_field',
      changes: { order: { before: beforeKeys, after: afterKeys } },
      extra: { entity: input.entity },
    });
  }
  return list(ctx, input.entity);
}
