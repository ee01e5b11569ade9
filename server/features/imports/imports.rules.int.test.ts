import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, type Caller, call, expectProblem, signUpOrg, uploadImport } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { setOrg } from '../contracts/contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

function upload(who: Caller, body: string) {
  return uploadImport(h, who, body, { query: 'entity=contract&fileName=c.csv' });
}

type Row = { row: number; column: string | null; rule?: string };
const check = async (who: Caller, id: string, mapping: Record<string, string | null>, options = {}) =>
  (await call(h, who, 'POST', `/imports/${id}/check`, { mapping, options })).json();
const titles = async (who: Caller) =>
  (await call(h, who, 'GET', '/contracts?sort=title')).json().items as {
    id: string;
    title: string;
    contractNumber: string | null;
    lifecycle: { type: string };
  }[];

describe('imports keep what the file says', () => {
  it('recognises "Renews for"; a renewal column left out is an error per row and every left-out column needs confirming', async () => {
    const admin = await signUpOrg(h);
    const csv = [
      'Title,Start date,End date,Notice period,Renews for,Comment',
      'Cleaning,2030-01-01,2030-12-31,3 months,1 year,call first',
      'Hosting,2030-01-01,2030-12-31,1 month,,',
    ].join('\n');
    const imp = (await upload(admin, csv)).json();
    expect(imp.suggestedMapping['Renews for']).toBe('lifecycle.renewalTerm');
    expect(imp.suggestedMapping.Comment).toBe('description');

    // The customer's afternoon: "Renews for" set to "Do not import".
    const lossy = await check(admin, imp.id, { ...imp.suggestedMapping, 'Renews for': null, Comment: null });
    expect(lossy.errors).toEqual([
      {
        row: 2,
        column: 'Renews for',
        value: '1 year',
        reason: 'holds renewal terms but is not imported: this row would not renew',
        rule: 'renewal_not_imported',
        params: { type: 'fixed' },
      },
    ]);
    expect(lossy.summary).toMatchObject({
      validRows: 1,
      invalidRows: 1,
      ignoredColumns: [
        { column: 'Renews for', filled: 1, sample: '1 year' },
        { column: 'Comment', filled: 1, sample: 'call first' },
      ],
    });

    const mapping = { ...imp.suggestedMapping, Comment: null };
    const ok = await check(admin, imp.id, mapping);
    expect(ok.errorCount).toBe(0);
    const badBody = await call(h, admin, 'POST', `/imports/${imp.id}/commit`, { skipInvalidRows: 'yes' });
    expect(expectProblem(badBody, 422, 'validation_failed').errors?.[0]?.field).toBe('skipInvalidRows');
    const unconfirmed = await call(h, admin, 'POST', `/imports/${imp.id}/commit`, {});
    expect(expectProblem(unconfirmed, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'ignoredColumns',
      rule: 'columns_not_confirmed',
    });
    const done = await call(h, admin, 'POST', `/imports/${imp.id}/commit`, { ignoredColumns: ['Comment'] });
    expect(done.statusCode).toBe(200);
    expect((await titles(admin)).map((c) => c.lifecycle.type)).toEqual(['auto_renewal', 'fixed']);
    const [checked] = (await auditEvents(h, admin, '&objectType=import')).filter((e) => e.action === 'import.checked');
    expect(checked!.changes).toMatchObject({ ignoredColumns: { after: ['Comment'] } });
  });

  it('an unimported notice or type column, and a typed auto-renewal without its term, are errors', async () => {
    const admin = await signUpOrg(h);
    const csv = [
      'Title;Beginn;Ende;Kündigungsfrist;Vertragsart;Auto-Verlängerung;Notice deadline',
      'A;2030-01-01;2030-12-31;;;nein;2030-09-30',
      'B;2030-01-01;2030-12-31;;automatische Verlängerung;;',
      'C;2030-01-01;2030-12-31;;;ja;',
      'D;2030-01-01;2030-12-31;1 Monat;;-;',
    ].join('\n');
    const imp = (await upload(admin, csv)).json();
    const mapping = { ...imp.suggestedMapping, Vertragsart: null, 'Auto-Verlängerung': null, 'Notice deadline': null };
    const res = await check(admin, imp.id, mapping);
    expect(res.errors.map((e: Row) => `${e.row}:${e.column}:${e.rule}`)).toEqual([
      '2:Notice deadline:notice_not_imported',
      '3:Vertragsart:type_not_imported',
      '4:Auto-Verlängerung:renewal_not_imported',
    ]);
    const typed = await check(admin, imp.id, { ...mapping, Vertragsart: 'lifecycle.type' });
    // Typed auto-renewal without a renewal term: the lifecycle rule names the field that has no column.
    expect(typed.errors.filter((e: Row) => e.row === 3).map((e: Row) => e.column)).toContain('lifecycle.renewalTerm');
  });

  it('keeps the file’s contract numbers under a pattern and numbers only the rows without one', async () => {
    const admin = await signUpOrg(h);
    await setOrg(h, admin, { contractNumberPattern: 'NW-{YYYY}-{SEQ:4}' });
    const csv =
      'Title,Contract number,Start,End\nA,EXT-100,2030-01-01,2030-12-31\nB,,2030-01-01,2030-12-31\nC,EXT-101,2030-01-01,2030-12-31\n';
    const imp = (await upload(admin, csv)).json();
    const res = await check(admin, imp.id, imp.suggestedMapping);
    expect(res.summary.numbering).toEqual({ pattern: 'NW-{YYYY}-{SEQ:4}', kept: 2, generated: 1, generatedRows: [3] });
    const done = (await call(h, admin, 'POST', `/imports/${imp.id}/commit`, {})).json();
    expect(done.result).toMatchObject({ contracts: 3, numbersGenerated: 1 });
    const numbers = (await titles(admin)).map((c) => c.contractNumber);
    expect(numbers[0]).toBe('EXT-100');
    expect(numbers[1]).toMatch(/^NW-\d{4}-0001$/);
    expect(numbers[2]).toBe('EXT-101');
    const again = (await upload(admin, 'Title,Contract number,Start,End\nD,ext-100,2030-01-01,2030-12-31\n')).json();
    expect((await check(admin, again.id, again.suggestedMapping)).errors[0]).toMatchObject({
      row: 2,
      reason: 'is already used by another contract',
    });
  });

  it('gives imported contracts the account’s default reminders, as the form does, unless switched off', async () => {
    const admin = await signUpOrg(h);
    const lifecycle = { type: 'fixed', startDate: '2030-01-01', endDate: '2030-12-31', noticePeriod: 'P3M' };
    const form = (await call(h, admin, 'POST', '/contracts', { title: 'Form', lifecycle })).json();
    const csv = 'Title,Start date,End date,Notice period\nImported,2030-01-01,2030-12-31,3 months\n';
    const imp = (await upload(admin, csv)).json();
    expect((await check(admin, imp.id, imp.suggestedMapping)).summary.defaultReminders).toBe(1);
    const done = (await call(h, admin, 'POST', `/imports/${imp.id}/commit`, {})).json();
    expect(done.result).toMatchObject({ contracts: 1, remindersCreated: 1 });
    const imported = (await titles(admin)).find((c) => c.title === 'Imported')!;
    const defaults = async (id: string) =>
      (await call(h, admin, 'GET', `/contracts/${id}/reminders`))
        .json()
        .items.filter((r: { kind: string }) => r.kind === 'default')
        .map(({ leadTimes, recipients, repeat, nextDueOn }: Record<string, unknown>) => ({
          leadTimes,
          recipients,
          repeat,
          nextDueOn,
        }));
    expect(await defaults(imported.id)).toEqual(await defaults(form.id));
    expect(await defaults(imported.id)).toHaveLength(1);

    const off = (await upload(admin, csv.replace('Imported', 'Quiet'))).json();
    await check(admin, off.id, off.suggestedMapping, { applyDefaultReminders: false });
    expect((await call(h, admin, 'POST', `/imports/${off.id}/commit`, {})).json().result.remindersCreated).toBe(0);
    const quiet = (await titles(admin)).find((c) => c.title === 'Quiet')!;
    expect(await defaults(quiet.id)).toEqual([]);
  });

  it('imports the valid rows and skips the rest when asked, keeping the skipped rows as the report', async () => {
    const admin = await signUpOrg(h);
    const csv =
      'Title,Start,End\nA,2030-01-01,2030-12-31\nB,2030-02-30,2030-12-31\n,2030-01-01,2030-12-31\nD,2030-01-01,2030-12-31\n';
    const imp = (await upload(admin, csv)).json();
    const res = await check(admin, imp.id, imp.suggestedMapping);
    expect(res.summary).toMatchObject({ validRows: 2, invalidRows: 2 });
    expectProblem(await call(h, admin, 'POST', `/imports/${imp.id}/commit`, {}), 409, 'conflict');
    expect(await titles(admin)).toEqual([]);
    const done = await call(h, admin, 'POST', `/imports/${imp.id}/commit`, { skipInvalidRows: true });
    expect(done.json()).toMatchObject({ status: 'committed', result: { contracts: 2, rowsSkipped: 2 } });
    expect(done.json().errors.map((e: Row) => e.row)).toEqual([3, 4]);
    expect((await titles(admin)).map((c) => c.title)).toEqual(['A', 'D']);
    const [entry] = (await auditEvents(h, admin, '&objectType=import')).filter((e) => e.action === 'import.committed');
    expect(entry!.changes).toMatchObject({ contracts: { after: 2 }, rowsSkipped: { after: 2 } });

    const none = (await upload(admin, 'Title,Start,End\nX,2030-02-30,2030-12-31\n')).json();
    await check(admin, none.id, none.suggestedMapping);
    const empty = await call(h, admin, 'POST', `/imports/${none.id}/commit`, { skipInvalidRows: true });
    expectProblem(empty, 409, 'conflict');
  });
});
