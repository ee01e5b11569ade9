import { randomUUID } from 'node:crypto';
import type { FieldDefinition } from '../../../common/custom-fields.js';
import type {
  ImportMapping,
  ImportOptions,
  ImportOutput,
  ImportSummary,
  RowError,
} from '../../../common/schemas/imports.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canEditPartners, canWriteUnit, isAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import { orgSettings, orgToday } from '../contracts/contracts.access.js';
import * as contractsRepo from '../contracts/contracts.repo.js';
import { listDefinitions } from '../custom-fields/custom-fields.repo.js';
import { namedIds } from '../exports/grid-lookups.repo.js';
import { readTable } from './import-file.js';
import { lifecycleHint, suggestMapping, targetsOf } from './import-mapping.js';
import { type CheckContext, type ContractDraft, type PartnerDraft, readContract, readPartner } from './import-rows.js';
import { summarize, unmappedHeaders } from './import-summary.js';
import * as repo from './imports.repo.js';

/** Editors (of some unit) and administrators import; which unit each row may go to is checked per row. */
function requireImportRight(ctx: Ctx, entity: GridEntity) {
  const actor = ctx.actor;
  const editsSomewhere =
    isAdmin(actor) || (actor.type !== 'system' && Object.values(actor.unitRoles).includes('editor'));
  if (!(entity === 'partner' ? canEditPartners(actor) : editsSomewhere))
    throw AppError.forbidden('Only editors and administrators may import.');
}

const actorId = (ctx: Ctx) => (ctx.actor.type === 'system' ? null : ctx.actor.id);

/** An import is its uploader's (and administrators'); anyone else gets "not found". */
/** The caller's import (any import for administrators); `forUpdate` for the steps that change it. */
export async function getOwn(ctx: Ctx, id: string, forUpdate = false): Promise<repo.ImportMeta> {
  const row = await repo.find(ctx.tx, ctx.orgId, id, forUpdate);
  if (!row || (!isAdmin(ctx.actor) && row.createdBy !== actorId(ctx))) throw AppError.notFound('Import');
  requireImportRight(ctx, row.entity);
  return row;
}

/**
 * The `result` column holds the last dry run's summary under `check` and, once committed, the
 * commit's counts beside it: one record of what each step found, without a column per step.
 */
function present(row: repo.ImportMeta, defs: readonly FieldDefinition[]): ImportOutput {
  const { check, ...counts } = (row.result ?? {}) as { check?: ImportSummary } & Record<string, unknown>;
  return {
    id: row.id,
    entity: row.entity,
    status: row.status,
    fileName: row.fileName,
    format: row.format,
    headers: row.headers,
    rowCount: row.rowCount,
    mapping: row.mapping ?? null,
    suggestedMapping: suggestMapping(row.entity, row.headers, defs),
    errorCount: row.errorCount ?? null,
    errors: (row.errors ?? []) as RowError[],
    summary: check ?? null,
    result: row.status === 'committed' ? counts : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function upload(ctx: Ctx, input: { entity: GridEntity; fileName: string; content: Buffer }) {
  requireImportRight(ctx, input.entity);
  const table = await readTable(input.content);
  const id = randomUUID();
  await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id,
    entity: input.entity,
    status: 'uploaded',
    fileName: input.fileName,
    format: table.format,
    content: input.content,
    headers: table.headers,
    rowCount: table.rows.length,
    createdBy: actorId(ctx),
  });
  await record(ctx, {
    action: 'import.uploaded',
    objectType: 'import',
    objectId: id,
    changes: diff(
      {},
      { entity: input.entity, fileName: input.fileName, format: table.format, rowCount: table.rows.length },
    ),
  });
  return get(ctx, id);
}

export async function get(ctx: Ctx, id: string) {
  const row = await getOwn(ctx, id);
  return present(row, await listDefinitions(ctx.tx, ctx.orgId, row.entity));
}

/** The mapping must name this file's headers and known targets, each target once. */
function checkMapping(entity: GridEntity, headers: string[], mapping: ImportMapping, defs: readonly FieldDefinition[]) {
  const targets = new Set(targetsOf(entity, defs));
  const columns = new Map<string, number>();
  for (const [header, target] of Object.entries(mapping)) {
    const index = headers.indexOf(header);
    if (index < 0) throw AppError.invalid(`mapping.${header}`, 'unknown_header', 'is not a column of the file');
    if (target === null) continue;
    if (!targets.has(target))
      throw AppError.invalid(`mapping.${header}`, 'unknown_target', `"${target}" is not a field to import into`);
    if (columns.has(target))
      throw AppError.invalid(`mapping.${header}`, 'duplicate_target', `"${target}" is mapped twice`);
    columns.set(target, index);
  }
  for (const required of entity === 'contract' ? ['title', 'lifecycle.startDate'] : ['name']) {
    if (!columns.has(required))
      throw AppError.invalid('mapping', 'required_target', `must map a column to ${required}`);
  }
  return columns;
}

export type Drafts = { entity: 'contract'; drafts: ContractDraft[] } | { entity: 'partner'; drafts: PartnerDraft[] };

/** Reads every row against the mapping: the drafts to insert and every problem found. */
export async function validate(ctx: Ctx, row: repo.ImportMeta, mapping: ImportMapping, options: ImportOptions) {
  const defs = await listDefinitions(ctx.tx, ctx.orgId, row.entity);
  const columns = checkMapping(row.entity, row.headers, mapping, defs);
  const content = await repo.content(ctx.tx, ctx.orgId, row.id);
  if (!content) throw AppError.because('conflict', 'import_committed', 'This import has already been committed.');
  const table = await readTable(content);
  const org = await orgSettings(ctx);
  const ignored = unmappedHeaders(table.headers, mapping).map((header) => ({
    index: table.headers.indexOf(header),
    header,
    hint: row.entity === 'contract' ? lifecycleHint(header, defs) : null,
  }));
  const c: CheckContext = {
    headers: table.headers,
    columns,
    ignored,
    options,
    defs,
    names: await namedIds(ctx.tx, ctx.orgId),
    defaultUnitId: await contractsRepo.defaultUnitId(ctx.tx, ctx.orgId),
    canWrite: (unitId) => canWriteUnit(ctx.actor, unitId),
    orgUnitMandatory: org.orgUnitMandatory,
    attachmentRequired: org.requireAttachment,
    currency: org.currency,
    today: await orgToday(ctx),
  };
  const errors: RowError[] = [];
  const read = row.entity === 'contract' ? readContract : readPartner;
  const drafts: (ContractDraft | PartnerDraft)[] = [];
  for (const fileRow of table.rows) {
    const result = read(c, fileRow);
    errors.push(...result.errors);
    if (result.draft) drafts.push(result.draft);
  }
  if (row.entity === 'contract') errors.push(...(await duplicateNumbers(ctx, drafts as ContractDraft[], c)));
  errors.sort((a, b) => a.row - b.row);
  // Only rows without any error are imported (all of them, or with skipInvalidRows the valid ones).
  const invalid = new Set(errors.map((e) => e.row));
  const valid = drafts.filter((d) => !invalid.has(d.line));
  const summary = summarize({
    entity: row.entity,
    headers: table.headers,
    rows: table.rows,
    mapping,
    drafts: valid,
    options,
    numberPattern: org.contractNumberPattern,
    defaultReminderCount: org.reminderDefaults.length,
  });
  return { drafts: { entity: row.entity, drafts: valid } as Drafts, errors, rowCount: table.rows.length, summary };
}

/** Contract numbers must be unique per org: within the file and against live contracts. */
async function duplicateNumbers(ctx: Ctx, drafts: ContractDraft[], c: CheckContext): Promise<RowError[]> {
  const column = c.headers[c.columns.get('contractNumber') ?? -1] ?? 'contractNumber';
  const numbered = drafts.filter((d) => d.contractNumber);
  const taken = await repo.takenNumbers(ctx.tx, ctx.orgId, [
    ...new Set(numbered.map((d) => d.contractNumber!.toLowerCase())),
  ]);
  const firstLine = new Map<string, number>();
  const errors: RowError[] = [];
  for (const d of numbered) {
    const key = d.contractNumber!.toLowerCase();
    const reason = taken.has(key)
      ? 'is already used by another contract'
      : firstLine.has(key)
        ? `is used twice in this file (first in row ${firstLine.get(key)})`
        : null;
    if (reason) errors.push({ row: d.line, column, value: d.contractNumber, reason });
    if (!firstLine.has(key)) firstLine.set(key, d.line);
  }
  return errors;
}

/** The dry run: every row checked, every problem stored and returned; nothing imported. */
export async function check(ctx: Ctx, id: string, input: { mapping: ImportMapping; options: ImportOptions }) {
  const row = await getOwn(ctx, id, true);
  if (row.status === 'committed')
    throw AppError.because('conflict', 'import_committed', 'This import has already been committed.');
  const { errors, rowCount, summary } = await validate(ctx, row, input.mapping, input.options);
  await repo.update(ctx.tx, ctx.orgId, id, {
    status: 'checked',
    mapping: input.mapping,
    options: input.options,
    errors,
    errorCount: errors.length,
    rowCount,
    result: { check: summary },
  });
  await record(ctx, {
    action: 'import.checked',
    objectType: 'import',
    objectId: id,
    changes: diff(
      {},
      {
        rowCount,
        errorCount: errors.length,
        invalidRows: summary.invalidRows,
        ignoredColumns: summary.ignoredColumns.map((c) => c.column),
        mapping: input.mapping,
        options: input.options,
      },
    ),
  });
  return get(ctx, id);
}
