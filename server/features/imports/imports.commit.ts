import { randomUUID } from 'node:crypto';
import type { ImportCommitInput, ImportMapping, ImportOptions, RowError } from '../../../common/schemas/imports.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { diff, record } from '../audit/audit.service.js';
import { orgSettings } from '../contracts/contracts.access.js';
import { numberForCreate } from '../contracts/contracts.numbers.js';
import { orgToday, storedDates } from '../contracts/contracts.service.js';
import { applyDefaultRemindersToImport } from './import-reminders.js';
import type { ContractDraft, PartnerDraft, Ref } from './import-rows.js';
import { unmappedHeaders } from './import-summary.js';
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

async function insertContracts(ctx: Ctx, drafts: ContractDraft[], options: ImportOptions, createdBy: string | null) {
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
  let numbersGenerated = 0;
  for (const d of drafts) {
    // A number from the file is kept (checked unique in the dry run); the pattern numbers the rest.
    const contractNumber = d.contractNumber ?? (await numberForCreate(ctx, org, null, today));
    if (!d.contractNumber && contractNumber) numbersGenerated += 1;
    const dates = storedDates(d.lifecycle, today);
    rows.push({
      org_id: ctx.orgId,
      id: randomUUID(),
      title: d.title,
      status: d.status,
      contract_number: contractNumber,
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
  const remindersCreated = options.applyDefaultReminders
    ? await applyDefaultRemindersToImport(
        ctx,
        rows.map((r) => ({ id: r.id as string, businessUnitId: r.business_unit_id as string })),
        org.reminderDefaults,
        { today, defaultRepeat: org.reminderDefaultRepeat, createdBy },
      )
    : 0;
  return {
    contracts: rows.length,
    partnersCreated: partners.size,
    categoriesCreated: categories.size,
    numbersGenerated,
    remindersCreated,
  };
}

async function insertPartners(ctx: Ctx, drafts: PartnerDraft[]) {
  await repo.insertPartners(
    ctx.tx,
    drafts.map(({ line: _l, ...p }) => ({ orgId: ctx.orgId, id: randomUUID(), ...p })),
  );
  return { partners: drafts.length };
}

/** Row numbers with at least one error: the rows a partial import skips. */
const badRows = (errors: RowError[]) => [...new Set(errors.map((e) => e.row))].sort((a, b) => a - b);

/**
 * Inserts the rows in the request's one transaction: all of them, or with `skipInvalidRows` the
 * ones that passed (the others stay listed in `errors`, the downloadable report). Refused unless
 * the last dry run used this mapping and the user confirmed every column left out; the rows are
 * checked again, as the data may have moved since, and must fail exactly as in the dry run.
 * One activity-log entry with the counts stands for the whole import (not one per row), so a
 * 100,000-row import does not bury the log.
 */
export async function commit(ctx: Ctx, id: string, input: ImportCommitInput) {
  const row = await getOwn(ctx, id, true);
  if (row.status === 'committed')
    throw AppError.because('conflict', 'import_committed', 'This import has already been committed.');
  if (row.status !== 'checked' || !row.mapping)
    throw AppError.because('conflict', 'import_not_checked', 'Run the check (dry run) first.');
  if ((row.errorCount ?? 0) > 0 && !input.skipInvalidRows)
    throw AppError.because(
      'conflict',
      'import_has_errors',
      `The last check found ${row.errorCount} errors. Fix the file or the mapping and check again, or skip the invalid rows.`,
      { count: row.errorCount ?? 0 },
    );
  if (input.mapping && !sameMapping(input.mapping, row.mapping))
    throw AppError.because(
      'conflict',
      'import_mapping_changed',
      'The mapping changed since the last check. Check again before committing.',
    );
  const unconfirmed = unmappedHeaders(row.headers, row.mapping).filter((h) => !input.ignoredColumns.includes(h));
  if (unconfirmed.length > 0)
    throw AppError.invalid(
      'ignoredColumns',
      'columns_not_confirmed',
      `must name every column that is not imported; not confirmed: ${unconfirmed.join(', ')}`,
    );
  const { drafts, errors } = await validate(ctx, row, row.mapping, row.options as ImportOptions);
  if (JSON.stringify(badRows(errors)) !== JSON.stringify(badRows((row.errors ?? []) as RowError[])))
    throw AppError.because(
      'conflict',
      'import_rows_changed',
      'Some rows no longer check as they did (the data changed since the check). Check again.',
      { count: errors.length },
    );
  if (drafts.drafts.length === 0)
    throw AppError.because('conflict', 'import_no_valid_rows', 'No row passed the check: there is nothing to import.');
  const createdBy = ctx.actor.type === 'system' ? null : ctx.actor.id;
  const inserted =
    drafts.entity === 'contract'
      ? await insertContracts(ctx, drafts.drafts, row.options as ImportOptions, createdBy)
      : await insertPartners(ctx, drafts.drafts);
  const result = { ...inserted, rowsSkipped: badRows(errors).length };
  await repo.update(ctx.tx, ctx.orgId, id, {
    status: 'committed',
    content: null,
    result: { ...(row.result ?? {}), ...result },
  });
  await record(ctx, {
    action: 'import.committed',
    objectType: 'import',
    objectId: id,
    changes: diff({}, { entity: row.entity, fileName: row.fileName, ...result }),
  });
  return result;
}
