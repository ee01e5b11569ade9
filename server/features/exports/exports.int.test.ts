import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const get = (who: Caller | null, url: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: who?.cookie ? { cookie: who.cookie } : {} });

const lifecycle = {
  type: 'auto_renewal',
  startDate: '2030-01-01',
  endDate: '2030-12-31',
  noticePeriod: 'P3M',
  renewalTerm: 'P1Y',
};

async function seed(admin: Caller) {
  await call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label: 'Budget', type: 'money' });
  const partner = (await call(h, admin, 'POST', '/partners', { name: 'Acme GmbH', type: 'supplier' })).json();
  for (const [i, title] of ['=HYPERLINK("x")', 'Wartung, "Server"', 'Plain'].entries()) {
    const res = await call(h, admin, 'POST', '/contracts', {
      title,
      contractNumber: `N-${i}`,
      partnerId: partner.id,
      status: 'active',
      custom: { budget: { amount: '1200.50', currency: 'EUR' } },
      lifecycle,
    });
    if (res.statusCode !== 201) throw new Error(res.body);
  }
}

describe('exports', () => {
  it('streams CSV with BOM, quoting, a formula guard, chosen columns, and logs the download', async () => {
    const admin = await signUpOrg(h);
    await seed(admin);
    const res = await get(
      admin,
      '/contracts/export?format=csv&sort=title&columns=title,partner,noticeDeadline,cf.budget',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="contracts-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.slice(1).split('\r\n')).toEqual([
      'Title,Partner,Notice deadline,Budget',
      `"'=HYPERLINK(""x"")",Acme GmbH,2030-09-30,1200.50 EUR`,
      'Plain,Acme GmbH,2030-09-30,1200.50 EUR',
      '"Wartung, ""Server""",Acme GmbH,2030-09-30,1200.50 EUR',
      '',
    ]);
    const filtered = await get(admin, '/contracts/export?q=plain');
    expect(filtered.body.split('\r\n')).toHaveLength(3);
    const events = await auditEvents(h, admin, '&action=contract.exported');
    expect(events).toHaveLength(2);
    expect(events[1]!.changes).toMatchObject({
      format: { after: 'csv' },
      rowCount: { after: 3 },
      columns: { after: ['title', 'partner', 'noticeDeadline', 'cf.budget'] },
      complete: { after: true },
    });
    expect(events[0]!.changes).toMatchObject({ rowCount: { after: 1 }, filters: { after: { q: 'plain' } } });
  });

  it('streams Excel with real dates and exact amounts as numbers', async () => {
    const admin = await signUpOrg(h);
    await seed(admin);
    const res = await get(
      admin,
      '/contracts/export?format=xlsx&sort=title&columns=title,lifecycle.startDate,cf.budget',
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Title', 'Start date', 'Budget']);
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getCell('A2').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('B2').value).toEqual(new Date('2030-01-01T00:00:00Z'));
    expect(sheet.getCell('C2').value).toBe(1200.5);
  });

  it('defuses every formula disguise in CSV and keeps it plain text in Excel', async () => {
    const admin = await signUpOrg(h);
    // Titles are trimmed on save, so the payloads that lead with blanks ride in the description too.
    const payloads = [
      '=1+1',
      '@SUM(A1)',
      '"=1+1',
      '＝HYPERLINK("http://evil.example")',
      '＋1+1',
      '－1+1',
      '＠SUM(A1)',
      '\u200B=1+1',
      ' =1+1',
      '\n=1+1',
      '\t=1+1',
      '\r=1+1',
      '\u3000＝1+1',
    ];
    for (const [i, payload] of payloads.entries()) {
      const title = payload.trim() || `blank ${i}`;
      const res = await call(h, admin, 'POST', '/contracts', {
        title: `${title}`,
        description: payload,
        contractNumber: `P-${String(i).padStart(2, '0')}`,
        lifecycle,
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    }
    const columns = 'contractNumber,title,description';
    const csv = await get(admin, `/contracts/export?format=csv&sort=contractNumber&columns=${columns}`);
    const rows = parse(csv.body.slice(1), { relax_column_count: false }) as string[][];
    expect(rows.slice(1).map((r) => r.slice(1))).toEqual(payloads.map((p) => [`'${p.trim()}`, `'${p}`]));
    const xlsx = await get(admin, `/contracts/export?format=xlsx&sort=contractNumber&columns=${columns}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    for (const [i, payload] of payloads.entries()) {
      for (const [column, expected] of [
        ['B', payload.trim()],
        ['C', payload.replace('\r', '\n')], // XML reads a carriage return as a line feed
      ] as const) {
        const cell = sheet.getCell(`${column}${i + 2}`);
        expect({ type: cell.type, value: cell.value }).toEqual({ type: ExcelJS.ValueType.String, value: expected });
      }
    }
  });

  it('exports partners; readers see only what the list shows them', async () => {
    const admin = await signUpOrg(h);
    await seed(admin);
    const unit = (await call(h, admin, 'POST', '/business-units', { name: 'Hidden' })).json();
    await call(h, admin, 'POST', '/contracts', { title: 'Secret', businessUnitId: unit.id, lifecycle });
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const seen = await get(viewer, '/contracts/export?columns=title');
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('Secret');
    expect(seen.body.trim().split('\r\n')).toHaveLength(4);
    const partners = await get(viewer, '/partners/export?format=csv');
    expect(partners.body.split('\r\n')[1]).toBe('Acme GmbH,Supplier,,,');
    const events = await auditEvents(h, admin, '&action=partner.exported');
    expect(events).toHaveLength(1);
  });

  it('refuses unknown columns and bad filters before streaming; needs a session; other orgs see nothing', async () => {
    const admin = await signUpOrg(h);
    await seed(admin);
    const bad = await get(admin, '/contracts/export?columns=title,salary');
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'columns',
      rule: 'unknown_column',
    });
    expect(
      expectProblem(await get(admin, '/contracts/export?format=pdf'), 422, 'validation_failed').errors?.[0]?.field,
    ).toBe('format');
    expect(
      expectProblem(await get(admin, '/contracts/export?cf.nothing=1'), 422, 'validation_failed').errors?.[0]?.field,
    ).toBe('cf.nothing');
    expectProblem(await get(null, '/contracts/export'), 401, 'unauthenticated');
    const other = await signUpOrg(h);
    const theirs = await get(other, '/contracts/export?columns=title');
    expect(theirs.body.trim().split('\r\n')).toHaveLength(1);
    expect(await auditEvents(h, admin, '&action=contract.exported')).toHaveLength(0);
  });

  it('writes CSV that German Excel reads: BOM, semicolons, decimal comma, DD.MM.YYYY dates, codes as German words', async () => {
    const admin = await signUpOrg(h);
    await seed(admin);
    await call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label: 'Seats', type: 'number' });
    await call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label: 'Signed', type: 'checkbox' });
    await call(h, admin, 'POST', '/contracts', {
      title: 'Halbe Sachen; mit Semikolon',
      status: 'in_negotiation',
      custom: { seats: 2.5, signed: true },
      lifecycle,
    });
    const res = await get(
      admin,
      '/contracts/export?format=csv&locale=de&sort=title&columns=title,status,phase,lifecycle.type,noticeDeadline,cf.seats,cf.signed,cf.budget',
    );
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = excelDe(res.rawPayload);
    expect(rows[0]).toEqual([
      'Titel',
      'Status',
      'Phase',
      'Vertragsart',
      'Kündigungstermin',
      'Seats',
      'Signed',
      'Budget',
    ]);
    const half = rows.find((r) => r[0] === 'Halbe Sachen; mit Semikolon')!;
    expect(half).toEqual([
      'Halbe Sachen; mit Semikolon',
      'In Verhandlung',
      'Noch nicht begonnen',
      'Verlängert sich',
      new Date(Date.UTC(2030, 8, 30)),
      2.5,
      'Ja',
      null,
    ]);
    const plain = rows.find((r) => r[0] === 'Plain')!;
    expect(plain.slice(1, 2)).toEqual(['Aktiv']);
    expect(plain[7]).toBe('1200,50 EUR');
    // The English dialect stays as it was: commas, decimal points, ISO dates, English words.
    const en = await get(admin, '/contracts/export?format=csv&sort=title&columns=title,status,cf.seats');
    expect(en.body).toContain('Halbe Sachen; mit Semikolon,In negotiation,2.5');
  });

  it('writes codes as words in Excel too', async () => {
    const admin = await signUpOrg(h);
    await seed(admin);
    const res = await get(admin, '/contracts/export?format=xlsx&locale=de&columns=title,status,phase');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Titel', 'Status', 'Phase']);
    expect(sheet.getRow(2).getCell(2).value).toBe('Aktiv');
    expect(sheet.getRow(2).getCell(3).value).toBe('Noch nicht begonnen');
  });
});

/**
 * Reads a CSV as German Excel does: UTF-8 after the BOM, fields split at semicolons outside
 * quotes, 1234,5 as a number, 31.12.2026 as a date, everything else as text.
 */
function excelDe(bytes: Buffer): (string | number | Date | null)[][] {
  const text = bytes.toString('utf8');
  if (!text.startsWith('\uFEFF')) throw new Error('no BOM: Excel would guess the encoding');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.slice(1);
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted && c === '"' && body[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  const cell = (s: string) => {
    if (s === '') return null;
    const date = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(s);
    if (date) return new Date(Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1])));
    if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
    return s;
  };
  return rows.map((r) => r.map(cell));
}
