import { describe, expect, it } from 'vitest';
import { looksLikeFormula, spreadsheetText } from './spreadsheet-text.js';

const FORMULAS = [
  '=1+1',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '=HYPERLINK("http://evil.example","x")',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\tplain after a tab',
  ' =1+1',
  '   @SUM(A1)',
  '"=1+1',
  '""=1+1',
  "'=1+1",
  ' " =1+1',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(A1)',
  '　＝1+1',
  '\u00A0=1+1',
  '\u200B=1+1',
  '\uFEFF=1+1',
  '-12.50',
];

const PLAIN = [
  '',
  'Plain',
  'Lease 2030',
  'a=1',
  '1-2',
  'E-Mail',
  ' Plain',
  '"quoted"',
  'Wartung, "Server"',
  '12.50',
  '＄5',
];

describe('spreadsheet formula guard', () => {
  it.each(FORMULAS.map((f) => [JSON.stringify(f), f]))('neutralises %s', (_, text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(spreadsheetText(text)).toBe(`'${text}`);
  });

  it.each(PLAIN.map((p) => [JSON.stringify(p), p]))('leaves %s as it is', (_, text) => {
    expect(looksLikeFormula(text)).toBe(false);
    expect(spreadsheetText(text)).toBe(text);
  });
});
