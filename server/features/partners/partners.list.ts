import { z } from 'zod';
import { COUNT_LIMIT } from '../../../common/schemas/common.js';
import type { PartnerSort } from '../../../common/schemas/partners.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { readableUnits } from '../access/access.policy.js';
import { listDefinitions } from '../custom-fields/custom-fields.repo.js';
import { customFilters } from './partners.custom.js';
import * as repo from './partners.repo.js';

/** (sort, sort value as text or null, id): a cursor only continues the order it came from. */
export const partnerCursor = z.tuple([z.string().max(60), z.string().max(2_000).nullable(), z.uuid()]);
export type PartnerCursor = z.infer<typeof partnerCursor>;

export type PartnerQuery = {
  q?: string | undefined;
  type?: repo.PartnerRow['type'] | undefined;
  sort: PartnerSort;
  /** The `cf.*` parameters. */
  extra: Record<string, unknown>;
};

const NUMBER = /^-?\d{1,15}(\.\d{1,10})?$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const bad = (field: string, rule: string, message: string) => AppError.invalid(field, rule, message);

async function parseSort(ctx: Ctx, raw: PartnerSort): Promise<repo.PartnerSortSpec> {
  const descending = raw.startsWith('-');
  const field = raw.replace(/^-/, '');
  if (!field.startsWith('cf.'))
    return { field: field as repo.PartnerSortSpec['field'] & string, descending } as repo.PartnerSortSpec;
  const def = (await listDefinitions(ctx.tx, ctx.orgId, 'partner')).find((d) => d.key === field.slice(3));
  if (!def) throw bad('sort', 'unknown_field', `${field} is not a custom field of partners`);
  return { field: 'custom', key: def.key, type: def.type, descending };
}

/** Whether a cursor's value can be compared with the sort's column (a forged one must not reach SQL). */
function cursorFits(spec: repo.PartnerSortSpec, value: string | null): boolean {
  if (value === null) return true;
  const kind = spec.field === 'custom' ? spec.type : spec.field;
  if (kind === 'createdAt' || kind === 'updatedAt') return TIMESTAMP.test(value);
  if (kind === 'contractCount' || kind === 'number' || kind === 'money') return NUMBER.test(value);
  return true;
}

/** One keyset page of partners in the list's order, with the count of all matches on the first page. */
export async function listPartnerRows(ctx: Ctx, query: PartnerQuery, limit: number, after?: PartnerCursor) {
  const filter = {
    q: query.q,
    type: query.type,
    custom: await customFilters(ctx, query.extra),
    units: readableUnits(ctx.actor),
  };
  const spec = await parseSort(ctx, query.sort);
  if (after && (after[0] !== query.sort || !cursorFits(spec, after[1]))) {
    throw bad('cursor', 'format', 'belongs to another sort order or was not returned by this API');
  }
  const rows = await repo.list(ctx.tx, ctx.orgId, filter, spec, limit + 1, after ? [after[1], after[2]] : undefined);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    rows: rows.slice(0, limit),
    next: last ? ([query.sort, last.key, last.id] as PartnerCursor) : null,
    count: () => repo.count(ctx.tx, ctx.orgId, filter, COUNT_LIMIT + 1),
  };
}
