import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, signUpOrg, uploadImport } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const upload = (who: Caller, body: string) => uploadImport(h, who, body);

describe('imports keep status and notice in step, as the contract form does', () => {
  it('refuses terminated without a notice date and a notice date after today; a notice date terminates', async () => {
    const admin = await signUpOrg(h);
    const head = 'Title;Status;Start date;End date;Notice given on';
    const bad = [head, 'B;terminated;2020-01-01;2020-12-31;', 'C;active;2020-01-01;2099-12-31;2099-01-01'].join('\n');
    const imp = (await upload(admin, bad)).json();
    const checked = (
      await call(h, admin, 'POST', `/imports/${imp.id}/check`, { mapping: imp.suggestedMapping })
    ).json();
    expect(checked.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Status', reason: expect.stringContaining('notice date') }),
      expect.objectContaining({ row: 3, column: 'Notice given on', reason: expect.stringContaining('after today') }),
    ]);

    const good = (await upload(admin, [head, 'A;active;2020-01-01;2020-12-31;2020-06-01'].join('\n'))).json();
    const ok = await call(h, admin, 'POST', `/imports/${good.id}/check`, { mapping: good.suggestedMapping });
    expect(ok.json().errorCount).toBe(0);
    expect((await call(h, admin, 'POST', `/imports/${good.id}/commit`, {})).statusCode).toBe(200);
    const [contract] = (await call(h, admin, 'GET', '/contracts')).json().items;
    expect(contract).toMatchObject({ title: 'A', status: 'terminated', computed: { endsOn: '2020-12-31' } });
  });
});
