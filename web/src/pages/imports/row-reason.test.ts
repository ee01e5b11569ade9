import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../../i18n/translate.js';
import { errorsCsv } from './row-reason.js';

describe('the row error report', () => {
  it('defuses formulas coming back from the uploaded file, in values and column names', async () => {
    const info = { entity: 'contract' as const, headers: ['=Title'], fields: [] };
    const errors = [
      { row: 2, column: '=Title', value: '＝HYPERLINK("x")', reason: 'is required' },
      { row: 3, column: '=Title', value: ' @SUM(A1)', reason: 'is required' },
      { row: 4, column: '=Title', value: 'Plain', reason: 'is required' },
    ];
    const text = await errorsCsv(makeTranslate('en'), info, errors).text();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(1, 4)).toEqual([
      `2,'=Title,"'＝HYPERLINK(""x"")",${lines[1]!.split(',').at(-1)}`,
      `3,'=Title,' @SUM(A1),${lines[2]!.split(',').at(-1)}`,
      `4,'=Title,Plain,${lines[3]!.split(',').at(-1)}`,
    ]);
  });
});
