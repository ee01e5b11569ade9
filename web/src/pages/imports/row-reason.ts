import type { GridEntity } from '../../../../common/schemas/vocabulary.js';
import { spreadsheetText } from '../../../../common/spreadsheet-text.js';
import type { CustomField } from '../../api/use-classification.js';
import type { RowErrorItem } from '../../api/use-imports.js';
import type { MessageKey } from '../../i18n/en.js';
import { isMessageKey, type Translate } from '../../i18n/translate.js';
import { importReason } from './import-reasons.js';
import { targetLabel } from './import-targets.js';

/** The field each lifecycle-loss rule asks the user to import the column as. */
const RULE_FIELD: Record<string, MessageKey> = {
  renewal_not_imported: 'lifecycle.renewalTerm',
  notice_not_imported: 'lifecycle.noticePeriod',
  type_not_imported: 'lifecycle.type',
};

/** A row problem in the user's language when its rule is known; the server's words otherwise. */
export function rowReason(t: Translate, error: RowErrorItem): string {
  const key = error.rule ? `imports.reason.${error.rule}` : '';
  if (!error.rule || !isMessageKey(key)) return importReason(t, error.reason);
  const type = error.params?.type;
  const typeKey = `contractType.${type}`;
  return t(key as MessageKey, {
    ...error.params,
    ...(type && isMessageKey(typeKey) ? { type: t(typeKey as MessageKey) } : {}),
    ...(RULE_FIELD[error.rule] ? { field: t(RULE_FIELD[error.rule]!) } : {}),
  });
}

export type ImportInfo = { entity: GridEntity; headers: string[]; fields: CustomField[] };

/** A file header as written; a field with no column in the file (the server names it by its key) by its label. */
export function columnText(t: Translate, info: ImportInfo, error: RowErrorItem): string | null {
  if (error.column === null || info.headers.includes(error.column)) return error.column;
  return targetLabel(t, info.entity, info.fields, error.column);
}

/** A value from the uploaded file goes back out as a cell: formula-like text is defused (see spreadsheetText). */
const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : typeof value === 'number' ? String(value) : spreadsheetText(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The row errors as a CSV file in the user's language (UTF-8 with BOM, so Excel reads the umlauts). */
export function errorsCsv(t: Translate, info: ImportInfo, errors: RowErrorItem[]): Blob {
  const head = [t('imports.error.row'), t('imports.error.column'), t('imports.error.value'), t('imports.error.reason')];
  const lines = errors.map((e) => [e.row, columnText(t, info, e), e.value, rowReason(t, e)]);
  const text = [head, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n');
  return new Blob([`\uFEFF${text}\r\n`], { type: 'text/csv;charset=utf-8' });
}

/** Saves a Blob under `name` through a temporary link. */
export function saveFile(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}
