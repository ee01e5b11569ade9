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
    expect(partners.body.split('\r\n')[1]).toBe('Acme GmbH,supplier,,,');
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
});
