import { expect, type Locator, type Page, test } from '@playwright/test';
import { apiAs, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function signUp(page: Page) {
  return signUpInBrowser(page, { name: 'Hanna History', email: `hanna-${run}@hooli.example`, company: 'Hooli GmbH' });
}

/** Nothing sticks out to the right: the page does not scroll sideways and the log ends inside its frame. */
async function expectNoOverflow(page: Page, frame: Locator, log: Locator) {
  const width = page.viewportSize()!.width;
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  const outer = (await frame.boundingBox())!;
  const inner = (await log.boundingBox())!;
  expect(outer.x + outer.width).toBeLessThanOrEqual(width);
  expect(inner.x + inner.width).toBeLessThanOrEqual(outer.x + outer.width + 1);
}

const lifecycle = {
  type: 'auto_renewal',
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};

test('history and activity log read as words: names, labels, the terms, local formats; nothing cut off', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await test.step('sign up', () => signUp(page));

  const contract = await test.step('a contract whose partner, terms and budget change', async () => {
    const me = await (await page.request.get('/api/v1/me')).json();
    await apiAs(page, 'POST', '/custom-fields', { entity: 'contract', label: 'Budget', type: 'money' });
    const old = await apiAs(page, 'POST', '/partners', { name: 'Old Partner KG', type: 'supplier' });
    const next = await apiAs(page, 'POST', '/partners', { name: 'Bosch GmbH', type: 'supplier' });
    const created = await apiAs(page, 'POST', '/contracts', {
      title: `Wartung ${run}`,
      partnerId: old.id,
      ownerId: me.user.id,
      lifecycle,
      custom: { budget: { amount: '1200.50', currency: 'EUR' } },
      reminders: [],
    });
    await apiAs(page, 'PATCH', `/contracts/${created.id}`, {
      partnerId: next.id,
      lifecycle: { ...lifecycle, noticePeriod: 'P6M' },
      custom: { budget: { amount: '1500000.00', currency: 'EUR' } },
    });
    await apiAs(page, 'DELETE', `/partners/${old.id}`);
    return created as { id: string };
  });

  await test.step('the contract’s history, at 1280 px in English', async () => {
    await page.goto(`/contracts/${contract.id}`);
    await page.getByRole('tab', { name: 'History' }).click();
    const table = page.getByTestId('activity-table');
    const changed = table.getByRole('row').filter({ hasText: 'Changed contract' });
    await expect(changed).toContainText('Business partner');
    await expect(changed).toContainText('Old Partner KG');
    await expect(changed).toContainText('Bosch GmbH');
    await expect(changed).toContainText('Notice period3 months6 months');
    await expect(changed).toContainText('1,500,000.00 EUR');
    const created = table.getByRole('row').filter({ hasText: 'Created contract' });
    await expect(created).toContainText(
      'Auto-renewing · Start date 2026-01-01 · End date 2026-12-31 · Renews for 1 year · Notice period 3 months',
    );
    await expect(created).toContainText('OwnerHanna History');
    expect(await table.innerText()).not.toMatch(UUID);
    await expectNoOverflow(page, page.getByTestId('activity-frame'), table);
  });

  await test.step('the activity log names a deleted partner as it was called', async () => {
    await page.goto('/settings/activity');
    await expect(page.getByRole('heading', { name: 'Activity log' })).toBeVisible();
    const table = page.getByTestId('activity-table');
    await expect(table).toBeVisible();
    await expect(table.getByRole('row').filter({ hasText: 'Deleted partner' })).toContainText(
      'Business partner: Old Partner KG',
    );
    expect(await table.innerText()).not.toMatch(UUID);
  });

  await test.step('in German on a phone: cards, German labels and formats, nothing sideways', async () => {
    await apiAs(page, 'PATCH', '/me', { locale: 'de', dateFormat: 'DD.MM.YYYY' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/contracts/${contract.id}`);
    await page.getByRole('tab', { name: 'Verlauf' }).click();
    const list = page.getByTestId('activity-list');
    await expect(list).toContainText('Kündigungsfrist3 Monate6 Monate');
    await expect(list).toContainText('Beginn 01.01.2026');
    await expect(list).toContainText('1.500.000,00 EUR');
    expect(await list.innerText()).not.toMatch(UUID);
    await expectNoOverflow(page, page.getByRole('main'), list);
    await page.goto('/settings/activity');
    await expect(page.getByTestId('activity-list')).toContainText('Geschäftspartner: Old Partner KG');
    await expectNoOverflow(page, page.getByRole('main'), page.getByTestId('activity-list'));
  });
});
