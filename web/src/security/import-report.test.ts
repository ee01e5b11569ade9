import { describe, expect, it } from 'vitest';
import { FORMULA_PAYLOADS } from '../../../server/security/payloads.js';
import { makeTranslate } from '../i18n/translate.js';
import { errorsCsv } from '../pages/imports/row-reason.js';

/** The import's error report as its first data row's value cell, for an uploaded cell `value`. */
async function reportedCell(value: string): Promise<string> {
  const info = { entity: 'contract' as const, headers: ['Title'], fields: [] };
  const blob = errorsCsv(makeTranslate('en'), info, [{ row: 2, column: 'Title', value, reason: 'is required' }]);
  const [, row] = (await blob.text()).replace(/^\uFEFF/, '').split('\r\n');
  return row!.split(',')[2]!;
}

// Finding 18: the error report is written in the browser, with the same formula guard as the exports.
describe('the import error report', () => {
  it.each([...FORMULA_PAYLOADS.filter((p) => !p.includes(',')), '@A1'])('writes %s as text', async (payload) => {
    expect(await reportedCell(payload)).toBe(`'${payload}`);
  });
});
