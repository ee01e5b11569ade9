import { patternProblem } from '../../../common/numbering.js';
import type { ImportMapping, ImportOptions, ImportSummary } from '../../../common/schemas/imports.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import type { FileRow } from './import-file.js';
import type { ContractDraft, PartnerDraft } from './import-rows.js';

/** The file's columns the mapping leaves out (mapped to nothing, or not named at all). */
export const unmappedHeaders = (headers: string[], mapping: ImportMapping) => headers.filter((h) => !mapping[h]);

const MAX_LISTED_ROWS = 100;

/** What the commit would do with these rows: ignored columns, numbering, reminders, valid and invalid rows. */
export function summarize(input: {
  entity: GridEntity;
  headers: string[];
  rows: FileRow[];
  mapping: ImportMapping;
  drafts: (ContractDraft | PartnerDraft)[];
  options: ImportOptions;
  numberPattern: string | null;
  defaultReminderCount: number;
}): ImportSummary {
  const ignoredColumns = unmappedHeaders(input.headers, input.mapping).map((column) => {
    const index = input.headers.indexOf(column);
    const values = input.rows.map((r) => (r.cells[index] ?? '').trim()).filter((v) => v !== '');
    return { column, filled: values.length, sample: values[0]?.slice(0, 200) ?? null };
  });
  const contracts = input.drafts.filter((d): d is ContractDraft => 'lifecycle' in d);
  const isContract = input.entity === 'contract';
  const pattern = input.numberPattern?.trim();
  const usable = isContract && pattern && !patternProblem(pattern) ? pattern : null;
  const generated = contracts.filter((d) => !d.contractNumber);
  return {
    validRows: input.drafts.length,
    invalidRows: input.rows.length - input.drafts.length,
    ignoredColumns,
    numbering: usable
      ? {
          pattern: usable,
          kept: contracts.length - generated.length,
          generated: generated.length,
          generatedRows: generated.slice(0, MAX_LISTED_ROWS).map((d) => d.line),
        }
      : null,
    defaultReminders: isContract && input.options.applyDefaultReminders ? input.defaultReminderCount : 0,
  };
}
