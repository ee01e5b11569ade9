import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MIME } from '../../../common/schemas/imports.js';
import { type Caller, call, expectProblem, signUpOrg, uploadImport } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { LIMITS } from './import-limits.js';

let h: Harness;
let admin: Caller;
beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
});
afterAll(() => h.close());

const upload = (body: Buffer | string, type?: string) =>
  uploadImport(h, admin, body, { query: 'entity=contract', type });

const fileProblem = async (body: Buffer | string, type?: string) =>
  expectProblem(await upload(body, type), 422, 'validation_failed').errors![0]!;

/** A workbook whose every row names one shared string `size` characters long in its start-date column. */
async function sharedStringWorkbook(size: number, rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Contracts');
  ws.addRow(['Titel', 'Beginn']);
  const huge = 'x'.repeat(size);
  for (let i = 0; i < rows; i++) ws.addRow([`Contract ${i}`, huge]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A zip of one part: `megabytes` of zeros, deflated to a few hundred bytes per megabyte. */
function zipBomb(megabytes: number, declaredSize = megabytes * 1024 * 1024): Buffer {
  // Fully flushed blocks are independent, so one compressed megabyte can be repeated.
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: megabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
  const name = Buffer.from('xl/sharedStrings.xml');
  const header = (signature: number, central: boolean) => {
    const b = Buffer.alloc(central ? 46 : 30);
    b.writeUInt32LE(signature, 0);
    const at = central ? 6 : 4;
    if (central) b.writeUInt16LE(20, 4);
    b.writeUInt16LE(20, at);
    b.writeUInt16LE(8, at + 4);
    b.writeUInt32LE(data.length, at + 14);
    b.writeUInt32LE(declaredSize, at + 18);
    b.writeUInt16LE(name.length, at + 22);
    return b;
  };
  const local = Buffer.concat([header(0x04034b50, false), name, data]);
  const central = Buffer.concat([header(0x02014b50, true), name]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
}

describe('import limits', () => {
  it('refuses a small workbook whose shared string of 900 KB fills 300 rows, naming the cell', async () => {
    const file = await sharedStringWorkbook(900 * 1024, 300);
    expect(file.length).toBeLessThan(64 * 1024);
    const problem = await fileProblem(file, IMPORT_MIME.xlsx);
    expect(problem).toMatchObject({ field: 'file', rule: 'cell_too_large', params: { row: 2, column: 2 } });
  });

  it('quotes only a short excerpt of a long cell in each row error, so the dry run stays small', async () => {
    const file = await sharedStringWorkbook(LIMITS.cell, 300);
    const up = await upload(file, IMPORT_MIME.xlsx);
    expect(up.statusCode, up.body).toBe(201);
    const mapping = { Titel: 'title', Beginn: 'lifecycle.startDate' };
    const checked = await call(h, admin, 'POST', `/imports/${up.json().id}/check`, { mapping });
    expect(checked.statusCode).toBe(200);
    expect(checked.body.length).toBeLessThan(200 * 1024);
    const { errors } = checked.json() as { errors: { value: string; reason: string }[] };
    expect(errors).toHaveLength(300);
    for (const error of errors) {
      expect(error.value).toBe(`${'x'.repeat(80)}…`);
      expect(error.reason.length).toBeLessThanOrEqual(301);
    }
  });

  it('stops reading once the cells hold more text than the limit, however small the file', async () => {
    const file = await sharedStringWorkbook(30_000, 2_000);
    expect(file.length).toBeLessThan(128 * 1024);
    expect(await fileProblem(file, IMPORT_MIME.xlsx)).toMatchObject({
      rule: 'too_much_text',
      params: { max: LIMITS.text },
    });
  });

  it('refuses a zip that unpacks to more than the limit, before unpacking it', async () => {
    const bomb = zipBomb(LIMITS.xlsxUnpacked / 1024 / 1024 + 1);
    expect(bomb.length).toBeLessThan(512 * 1024);
    const problem = await fileProblem(bomb, IMPORT_MIME.xlsx);
    expect(problem).toMatchObject({ field: 'file', rule: 'unpacked_too_large', params: { max: LIMITS.xlsxUnpacked } });
  });

  it('refuses a zip whose directory understates what a part unpacks to', async () => {
    const liar = zipBomb(LIMITS.xlsxUnpacked / 1024 / 1024 + 1, 1000);
    expect(await fileProblem(liar, IMPORT_MIME.xlsx)).toMatchObject({ rule: 'unpacked_too_large' });
  });

  it('refuses a CSV cell longer than Excel allows, naming row and column', async () => {
    const csv = `Titel;Beschreibung\nA;short\nB;${'y'.repeat(LIMITS.cell + 1)}\n`;
    expect(await fileProblem(csv)).toMatchObject({
      rule: 'cell_too_large',
      params: { row: 3, column: 2, max: LIMITS.cell },
    });
  });

  it('refuses more rows than one import takes', async () => {
    const csv = ['Titel;Beginn', ...Array.from({ length: LIMITS.rows + 1 }, (_, i) => `C${i};2030-01-01`)].join('\n');
    expect(await fileProblem(csv)).toMatchObject({ rule: 'too_many_rows', params: { max: LIMITS.rows } });
    const most = ['Titel;Beginn', ...Array.from({ length: LIMITS.rows }, (_, i) => `C${i};2030-01-01`)].join('\n');
    const up = await upload(most);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().rowCount).toBe(LIMITS.rows);
  });

  it('refuses a row with more columns than the limit, and an over-long column name', async () => {
    expect(await fileProblem(`${'a;'.repeat(LIMITS.columns)}b\n1;2\n`)).toMatchObject({ rule: 'too_many_columns' });
    expect(await fileProblem(`Titel;${'n'.repeat(LIMITS.header + 1)}\nA;B\n`)).toMatchObject({
      rule: 'header_too_long',
      params: { column: 2 },
    });
  });

  it('refuses a NUL character in a cell anywhere in the file, naming row and column', async () => {
    const csv = `Titel;Beginn\n${'A;2030-01-01\n'.repeat(1000)}B\u0000;2030-01-01\n`;
    expect(await fileProblem(csv)).toMatchObject({ rule: 'text_characters', params: { row: 1002, column: 1 } });
  });

  it('reports an imported date outside 1900–2200 as a row error', async () => {
    const up = await upload('Titel;Beginn\nA;2201-01-01\nB;31.12.1899\nC;2200-12-31\n');
    const mapping = { Titel: 'title', Beginn: 'lifecycle.startDate' };
    const checked = (await call(h, admin, 'POST', `/imports/${up.json().id}/check`, { mapping })).json();
    const dates = checked.errors.filter((e: { column: string }) => e.column === 'Beginn');
    expect(dates).toEqual([
      expect.objectContaining({ row: 2, value: '2201-01-01', reason: 'must be between 1900-01-01 and 2200-12-31' }),
      expect.objectContaining({ row: 3, value: '31.12.1899', reason: 'must be between 1900-01-01 and 2200-12-31' }),
    ]);
  });
});
