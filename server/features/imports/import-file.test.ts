import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { quoteProblems } from './csv-quotes.js';
import { readTable } from './import-file.js';

const read = (text: string) => readTable(Buffer.from(text, 'utf8'));

async function refusal(text: string) {
  const error = await read(text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).details.errors![0]!;
}

describe('reading a CSV with stray quotes', () => {
  it('keeps a quote inside an unquoted value as the character it is', async () => {
    const table = await read('Title;Size\n12" screen;27"\n"Quoted; with ""quotes""";x\n');
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['12" screen', '27"'],
      ['Quoted; with "quotes"', 'x'],
    ]);
  });

  it('names the row and column (from 1, the header is row 1) of a quote that is never closed', async () => {
    expect(await refusal('Title,Start date\nA,2030-01-01\nB,"2030-01-01\nC,2030-01-01\n')).toEqual({
      field: 'file',
      rule: 'csv_unclosed_quote',
      message: 'row 3, column 2: opens a quoted value that is never closed. Close the quote, or remove it.',
      params: { row: 3, column: 2 },
    });
  });

  it('refuses text after a closing quote, which could mean several things, with plain words', async () => {
    const problem = await refusal('Title,Start date\n"Lease"d,2030-01-01\n');
    expect(problem).toMatchObject({ rule: 'csv_text_after_quote', params: { row: 2, column: 1 } });
    expect(problem.message).not.toMatch(/Invalid|line \d|field \d/);
  });

  it('counts rows by records: a line break inside quotes does not start a row', () => {
    expect(quoteProblems('a,b\n"x\ny",1\n"z"q,2\n', ',')).toEqual([{ kind: 'text_after_quote', row: 3, column: 1 }]);
    expect(quoteProblems('a;b\r\nx;5"\r\n', ';')).toEqual([{ kind: 'quote_in_value', row: 2, column: 2 }]);
    expect(quoteProblems('a,b\n"x ""y""",1\n', ',')).toEqual([]);
  });
});
