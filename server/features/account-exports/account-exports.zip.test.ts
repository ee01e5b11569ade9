import { describe, expect, it } from 'vitest';
import { PathPlanner, safeName } from './account-exports.zip.js';

describe('export file names', () => {
  it('makes names every unzip tool and file system takes', () => {
    expect(safeName('agree:ment?.pdf', 'document')).toBe('agree_ment_.pdf');
    expect(safeName('../../etc/passwd', 'document')).toBe('_.._etc_passwd');
    expect(safeName('..', 'document')).toBe('document');
    expect(safeName('.hidden', 'document')).toBe('hidden');
    expect(safeName('a\u0000b\u202Ec.pdf', 'document')).toBe('abc.pdf');
    expect(safeName('report. ', 'document')).toBe('report');
    expect(safeName('CON.txt', 'document')).toBe('_CON.txt');
    expect(safeName('   ', 'contract')).toBe('contract');
    const long = safeName(`${'x'.repeat(300)}.pdf`, 'document');
    expect(long).toHaveLength(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('hands out unique paths, ignoring case, and never a reserved one', () => {
    const planner = new PathPlanner();
    planner.take('docs/older versions');
    expect(planner.unique('docs', 'a.pdf')).toBe('docs/a.pdf');
    expect(planner.unique('docs', 'A.PDF')).toBe('docs/A (2).PDF');
    expect(planner.unique('docs', 'a.pdf')).toBe('docs/a (3).pdf');
    expect(planner.unique('docs', 'older versions')).toBe('docs/older versions (2)');
    expect(planner.unique('other', 'a.pdf')).toBe('other/a.pdf');
  });
});
