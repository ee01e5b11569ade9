import { randomUUID } from 'node:crypto';
import type { ImportMapping, ImportOptions } from '../../../common/schemas/imports.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { diff, record } from '../audit/audit.service.js';
import { orgSettings } from '../contracts/contracts.access.js';
import { numberForCreate } from '../contracts/contracts.numbers.js';
import { orgToday, storedDates } from '../contracts/contracts.service.js';
import type { ContractDraft, PartnerDraft, Ref } from './import-rows.js';
import * as repo from './imports.repo.js';
import { getOwn, validate } from './imports.service.js';

/** Same mapping regardless of key order. */
const sameMapping = (a: ImportMapping, b: ImportMapping) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** Names to create on the fly, once each (case-insensitively), with their new ids. */
function toCreate(refs: Ref[]): Map<string, { id: string; name: string }> {
  const out = new Map<string, { id: string; name: string }>();
  for (const ref of refs) {
    if (ref && 'create' in ref && !out.has(ref.create.toLowerCase()))
      out.set(ref.create.toLowerCase(), { id: randomUUID(), name: ref.create });
  }
  return out;
}

const refId = (ref: Ref, created: Map<string, { id: string }>) =>
  ref === null ? null : 'id' in ref ? ref.id : created.get(ref.create.toLowerCase())!.id;

async function insertContracts(ctx: Ctx, drafts: ContractDraft[], createdBy: string | null) {
  const partners = toCreate(drafts.map((d) => d.partner));
  const categories = toCreate(drafts.map((d) => d.category));
  await repo.insertPartners(
    ctx.tx,
    [...partners.values()].map((p) => ({ orgId: ctx.orgId, id: p.id, name: p.name, type: 'supplier' as const })),
  );
  await repo.insertCategories(
    ctx.tx,
    [...categories.values()].map((c) => ({ orgId: ctx.orgId, id: c.id, name: c.name, kind: 'contract' as const })),
  );
  const org = await orgSettings(ctx);
  const today = await orgToday(ctx);
  const rows: repo.BulkContract[] = [];
  for (const d of drafts) {
    const dates = storedDates(d.lifecycle, today);
    rows.push({
      org_id: ctx.orgId,
      id: randomUUID(),
      title: d.title,
      status: d.status,
      // With a numbering pattern, numbers are allocated as for contracts created one by one.
      contract_number: await numberForCreate(ctx, org, d.contractNumber, today),
      business_unit_id: d.businessUnitId,
      partner_id: refId(d.partner, partners),
      category_id: refId(d.category, categories),
      org_unit_id: d.orgUnitId,
      owner_id: d.ownerId,
      backup_owner_id: d.backupOwnerId,
      description: d.description,
      tags: d.tags,
      custom: d.custom,
      lifecycle: d.lifecycle,
      notice_deadline: dates.noticeDeadline,
      earliest_end_date: dates.earliestEndDate,
      ends_on: dates.endsOn,
      current_term_end: dates.currentTermEnd,
      renewal_count: dates.renewalCount,
      phase: dates.phase,
      computed_on: dates.computedOn,
      created_by: createdBy,
    });
  }
  await repo.insertContracts(ctx.tx, rows);
  return { contracts: rows.length, partnersCreated: partners.size, categoriesCreated: categories.size };
}

async function insertPartners(ctx: Ctx, drafts: PartnerDraft[]) {
  await repo.insertPartners(
    ctx.tx,
    drafts.map(({ line: _l, ...p }) => ({ orgId: ctx.orgId, id: randomUUID(), ...p })),
  );
  return { partners: drafts.length };
}

/**
 * Inserts every row in the request's one transaction: all or nothing. Refused unless the last
 * dry run passed with this mapping; the rows are checked again, as the data may have moved since.
 * One activity-log entry with the counts stands for the whole import (not one per row), so a
 * 100,000-row import does not bury the log; the import id links the rows to it via created_by/time.
 */
export async function commit(ctx: Ctx, id: string, mapping?: ImportMapping) {
  const row = await getOwn(ctx, id);
  if (row.status === 'committed')
    throw AppError.because('conflict', 'import_committed', 'This import has already been committed.');
  if (row.status !== 'checked' || !row.mapping)
    throw AppError.because('conflict', 'import_not_checked', 'Run the check (dry run) first.');
  if ((row.errorCount ?? 0) > 0)
    throw AppError.because(
      'conflict',
      'import_has_errors',
      `The last check found ${row.errorCount} errors. Fix the file or the mapping and check again.`,
      { count: row.errorCount ?? 0 },
    );
  if (mapping && !sameMapping(mapping, row.mapping))
    throw AppError.because(
      'conflict',
      'import_mapping_changed',
      'The mapping changed since the last check. Check again before committing.',
    );
  const { drafts, errors } = await validate(ctx, row, row.mapping, row.options as ImportOptions);
  if (errors.length > 0)
    throw AppError.because(
      'conflict',
      'import_rows_changed',
      `${errors.length} rows no longer pass (the data changed since the check). Check again.`,
      { count: errors.length },
    );
  const createdBy = ctx.actor.type === 'system' ? null : ctx.actor.id;
  const result =
    drafts.entity === 'contract'
      ? await insertContracts(ctx, drafts.drafts, createdBy)
      : await insertPartners(ctx, drafts.drafts);
  await repo.update(ctx.tx, ctx.orgId, id, { status: 'committed', content: null, result });
  await record(ctx, {
    action: 'import.committed',
    objectType: 'import',
    objectId: id,
    changes: diff({}, { entity: row.entity, fileName: row.fileName, ...result }),
  });
  return result;
}
