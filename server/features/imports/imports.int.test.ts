import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MIME } from '../../../common/schemas/imports.js';
import { imports } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  signUpOrg,
  uploadImport,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { purge } from '../contracts/contracts.jobs.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const upload = (who: Caller | null, body: Buffer | string, query?: string, type?: string) =>
  uploadImport(h, who, body, { query, type });

const CSV = [
  'Vertragsnummer;Titel;Vertragspartner;Beginn;Ende;Kündigungsfrist;Verlängerung;Kategorie;Kostenstelle',
  'V-1;Wartung Server;Acme GmbH;01.01.2030;31.12.2030;3 Monate;1 Jahr;IT;K100',
  'V-2;Reinigung;"Putz & Co; KG";2030-02-01;;1 Monat;;Facility;K200',
  'V-3;Kaputt;Acme GmbH;31.02.2030;2030-12-31;P3M;;IT;K100',
].join('\r\n');

describe('imports', () => {
  it('uploads, suggests a mapping, lists every row error, then commits the fixed file all at once', async () => {
    const admin = await signUpOrg(h);
    await call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label: 'Kostenstelle', type: 'text' });
    const up = await upload(admin, `\uFEFF${CSV}`);
    expect(up.statusCode).toBe(201);
    const imp = up.json();
    expect(imp).toMatchObject({ format: 'csv', rowCount: 3, status: 'uploaded' });
    expect(imp.headers[0]).toBe('Vertragsnummer');
    expect(imp.suggestedMapping).toEqual({
      Vertragsnummer: 'contractNumber',
      Titel: 'title',
      Vertragspartner: 'partner',
      Beginn: 'lifecycle.startDate',
      Ende: 'lifecycle.endDate',
      Kündigungsfrist: 'lifecycle.noticePeriod',
      Verlängerung: 'lifecycle.renewalTerm',
      Kategorie: 'category',
      Kostenstelle: 'cf.kostenstelle',
    });
    const mapping = imp.suggestedMapping;
    const options = { createPartners: false, createCategories: true };
    const checked = (await call(h, admin, 'POST', `/imports/${imp.id}/check`, { mapping, options })).json();
    expect(checked.errorCount).toBe(4);
    expect(checked.errors[3]).toMatchObject({ row: 4, column: 'Beginn', value: '31.02.2030' });
    expect(checked.errors[0]).toEqual({
      row: 2,
      column: 'Vertragspartner',
      value: 'Acme GmbH',
      reason: 'is not a business partner of this account',
    });
    expect(checked.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '2:Vertragspartner',
      '3:Vertragspartner',
      '4:Vertragspartner',
      '4:Beginn',
    ]);
    expectProblem(await call(h, admin, 'POST', `/imports/${imp.id}/commit`, {}), 409, 'conflict');
    expect((await call(h, admin, 'GET', '/contracts')).json().items).toHaveLength(0);

    const again = await call(h, admin, 'POST', `/imports/${imp.id}/check`, {
      mapping,
      options: { ...options, createPartners: true },
    });
    expect(again.json().errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual([
      '4:Beginn',
    ]);
    const fixed = (await upload(admin, CSV.replace('31.02.2030', '28.02.2030'))).json();
    const ok = await call(h, admin, 'POST', `/imports/${fixed.id}/check`, {
      mapping,
      options: { ...options, createPartners: true },
    });
    expect(ok.json().errorCount).toBe(0);
    expectProblem(
      await call(h, admin, 'POST', `/imports/${fixed.id}/commit`, { mapping: { ...mapping, Kostenstelle: null } }),
      409,
      'conflict',
    );
    const done = await call(h, admin, 'POST', `/imports/${fixed.id}/commit`, {});
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'committed',
      result: { contracts: 3, partnersCreated: 2, categoriesCreated: 2 },
    });
    const list = (await call(h, admin, 'GET', '/contracts?sort=title')).json().items;
    expect(list.map((c: { title: string }) => c.title)).toEqual(['Kaputt', 'Reinigung', 'Wartung Server']);
    const server = list[2];
    expect(server).toMatchObject({
      contractNumber: 'V-1',
      custom: { kostenstelle: 'K100' },
      lifecycle: {
        type: 'auto_renewal',
        startDate: '2030-01-01',
        endDate: '2030-12-31',
        noticePeriod: 'P3M',
        renewalTerm: 'P1Y',
      },
      computed: { noticeDeadline: '2030-09-30' },
    });
    expect(list[1].lifecycle.type).toBe('indefinite');
    const partners = (await call(h, admin, 'GET', '/partners')).json().items;
    expect(partners.map((p: { name: string }) => p.name)).toEqual(['Acme GmbH', 'Putz & Co; KG']);
    expectProblem(await call(h, admin, 'POST', `/imports/${fixed.id}/commit`, {}), 409, 'conflict');
    const events = await auditEvents(h, admin, '&objectType=import');
    const committed = events.filter((e) => e.action === 'import.committed');
    expect(committed).toHaveLength(1);
    expect(committed[0]!.changes).toMatchObject({ contracts: { after: 3 }, partnersCreated: { after: 2 } });
    expect(events.map((e) => e.action)).toContain('import.uploaded');
    expect(events.map((e) => e.action)).toContain('import.checked');
  });

  it('commits all or nothing: a duplicate number against the database is caught, nothing is inserted', async () => {
    const admin = await signUpOrg(h);
    const lifecycle = { type: 'fixed', startDate: '2030-01-01', endDate: '2030-12-31' };
    const csv = 'Title,Contract number,Start date,End date\nA,N-1,2030-01-01,2030-12-31\nB,N-2,2030-01-01,2030-12-31\n';
    const imp = (await upload(admin, csv)).json();
    const checked = await call(h, admin, 'POST', `/imports/${imp.id}/check`, { mapping: imp.suggestedMapping });
    expect(checked.json().errorCount).toBe(0);
    // Someone takes N-2 between the check and the commit: the commit re-checks and inserts nothing.
    await call(h, admin, 'POST', '/contracts', { title: 'Taken', contractNumber: 'N-2', lifecycle });
    expectProblem(await call(h, admin, 'POST', `/imports/${imp.id}/commit`, {}), 409, 'conflict');
    expect((await call(h, admin, 'GET', '/contracts')).json().items.map((c: { title: string }) => c.title)).toEqual([
      'Taken',
    ]);
    const dup = 'Title;Vertragsnummer;Beginn;Ende\nA;X-1;2030-01-01;2030-12-31\nB;x-1;2030-01-01;2030-12-31\n';
    const second = (await upload(admin, dup)).json();
    const res = (
      await call(h, admin, 'POST', `/imports/${second.id}/check`, { mapping: second.suggestedMapping })
    ).json();
    expect(res.errors).toEqual([
      { row: 3, column: 'Vertragsnummer', value: 'x-1', reason: 'is used twice in this file (first in row 2)' },
    ]);
  });

  it('imports partners from Excel', async () => {
    const admin = await signUpOrg(h);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Partner');
    ws.addRow(['Firma', 'PLZ', 'Ort', 'Land', 'USt-IdNr']);
    ws.addRow(['Beta AG', '10115', 'Berlin', 'de', 'DE123']);
    ws.addRow(['Gamma GmbH', 80331, 'München', 'DE', null]);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const imp = (await upload(admin, file, 'entity=partner&fileName=p.xlsx', IMPORT_MIME.xlsx)).json();
    expect(imp).toMatchObject({ format: 'xlsx', rowCount: 2 });
    expect(imp.suggestedMapping).toEqual({
      Firma: 'name',
      PLZ: 'address.postalCode',
      Ort: 'address.city',
      Land: 'address.country',
      'USt-IdNr': 'vatId',
    });
    await call(h, admin, 'POST', `/imports/${imp.id}/check`, { mapping: imp.suggestedMapping });
    const done = await call(h, admin, 'POST', `/imports/${imp.id}/commit`, {});
    expect(done.json().result).toEqual({ partners: 2, rowsSkipped: 0 });
    const items = (await call(h, admin, 'GET', '/partners')).json().items;
    expect(items[1]).toMatchObject({
      name: 'Gamma GmbH',
      address: { postalCode: '80331', city: 'München', country: 'DE' },
    });
  });

  it('drops uploads never committed after a week, with the daily purge', async () => {
    const admin = await signUpOrg(h);
    const old = (await upload(admin, CSV)).json();
    const fresh = (await upload(admin, CSV)).json();
    const orgId = admin.me!.org.id;
    await withClaims(h.database.db, { orgId }, (tx) =>
      tx
        .update(imports)
        .set({ createdAt: new Date(Date.now() - 8 * 86_400_000) })
        .where(and(eq(imports.orgId, orgId), eq(imports.id, old.id))),
    );
    await purge(h.app.deps, { orgId });
    expectProblem(await call(h, admin, 'GET', `/imports/${old.id}`), 404, 'not_found');
    expect((await call(h, admin, 'GET', `/imports/${fresh.id}`)).statusCode).toBe(200);
  });

  it('refuses bad files with a clear message and imports nothing', async () => {
    const admin = await signUpOrg(h);
    const rule = async (body: Buffer | string, type: string = IMPORT_MIME.csv) => {
      const res = await upload(admin, body, 'entity=contract', type);
      return res.statusCode === 415 ? 'unsupported' : expectProblem(res, 422, 'validation_failed').errors?.[0]?.rule;
    };
    expect(await rule('')).toBe('empty');
    expect(await rule('Title,Start date\n')).toBe('no_rows');
    expect(await rule(Buffer.from([0x54, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xc3, 0x28, 0x0a]))).toBe('encoding');
    expect(await rule(Buffer.from('%PDF-1.7\n\0\0binary'))).toBe('unsupported');
    expect(await rule(Buffer.from('PK\x03\x04garbage'), IMPORT_MIME.xlsx)).toBe('xlsx_unreadable');
    expect(await rule(`Title,Start date\n"${'x'.repeat(1024 * 1024 + 1)}",2030-01-01\n`)).toBe('cell_too_large');
    expect(await rule(`Title,Start date\n"${'x'.repeat(10 * 1024 * 1024)}",2030-01-01\n`)).toBe('cell_too_large');
    const pdf = await upload(admin, '%PDF', 'entity=contract', 'application/pdf');
    expectProblem(pdf, 415, 'unsupported_media_type');
    const events = await auditEvents(h, admin, '&objectType=import');
    expect(events).toHaveLength(0);
  });

  it('checks roles, sessions, orgs and the mapping', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const csv = 'Title,Start date\nA,2030-01-01\n';
    expectProblem(await upload(viewer, csv), 403, 'forbidden');
    expectProblem(await upload(null, csv), 401, 'unauthenticated');
    const bad = await upload(admin, csv, 'entity=invoice');
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe('entity');
    const imp = (await upload(admin, csv)).json();
    const wrong = await call(h, admin, 'POST', `/imports/${imp.id}/check`, { mapping: { Title: 'nonsense' } });
    expect(expectProblem(wrong, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'mapping.Title',
      rule: 'unknown_target',
    });
    const missing = await call(h, admin, 'POST', `/imports/${imp.id}/check`, { mapping: { Title: 'title' } });
    expect(expectProblem(missing, 422, 'validation_failed').errors?.[0]?.rule).toBe('required_target');
    const other = await signUpOrg(h);
    expectProblem(await call(h, other, 'GET', `/imports/${imp.id}`), 404, 'not_found');
    expectProblem(await call(h, other, 'POST', `/imports/${imp.id}/commit`, {}), 404, 'not_found');
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    expectProblem(await call(h, editor, 'GET', `/imports/${imp.id}`), 404, 'not_found');
  });
});
