import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { E2E_DATABASE_URL } from '../playwright.config.js';
import { signUpInBrowser } from './session.js';

const run = Date.now().toString(36);

function signUp(page: Page) {
  return signUpInBrowser(page, {
    name: 'Cora Country',
    email: `cora-${run}@vandelay.example`,
    company: 'Vandelay GmbH',
  });
}

/** As the database owner: a value saved before codes were checked. */
async function storeRaw(statement: string, values: unknown[]) {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(statement, values);
  } finally {
    await client.end();
  }
}

test('country and currency are picked from ISO lists by name, in the reader’s language', async ({ page }) => {
  test.setTimeout(90_000);
  await test.step('sign up', () => signUp(page));

  const partnerUrl = await test.step('a partner in Germany, found by typing its name', async () => {
    await page.goto('/partners');
    await page.getByRole('button', { name: 'New partner' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Kramerica AG');
    const country = dialog.getByRole('combobox', { name: 'Country' });
    await country.fill('germ');
    await expect(page.getByRole('listbox').getByRole('option')).toHaveText(['Germany']);
    await page.getByRole('option', { name: 'Germany', exact: true }).click();
    await expect(country).toHaveValue('Germany');
    await country.fill('Ge');
    // "GE" is Georgia, not Germany: the list offers both by name, nothing is cut to two letters.
    await expect(page.getByRole('option', { name: 'Georgia', exact: true })).toBeVisible();
    await page.getByRole('option', { name: 'Germany', exact: true }).click();
    await dialog.getByRole('button', { name: 'Create partner' }).click();
    await expect(page.getByRole('heading', { name: 'Kramerica AG' })).toBeVisible();
    await expect(page.getByText('Germany', { exact: true })).toBeVisible();
    return page.url();
  });

  await test.step('the company currency takes only ISO 4217 codes', async () => {
    await page.goto('/settings/repository');
    const currency = page.getByRole('combobox', { name: 'Company currency' });
    await expect(currency).toHaveValue('EUR – Euro');
    await currency.fill('XYZ');
    await expect(page.getByText('Nothing found')).toBeVisible();
    await currency.fill('swiss');
    await page.getByRole('option', { name: 'CHF – Swiss Franc' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText('Repository settings saved.')).toBeVisible();
    const saved = await (await page.request.get('/api/v1/settings/repository')).json();
    expect(saved.currency).toBe('CHF');
  });

  await test.step('a bad stored country shows with a warning and must be replaced to save', async () => {
    const me = await (await page.request.get('/api/v1/me')).json();
    await storeRaw(`update partners set address = jsonb_set(address, '{country}', '"GER"') where org_id = $1`, [
      me.org.id,
    ]);
    await page.goto(partnerUrl);
    await page.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText('Please choose a country from the list.')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog.getByText('Please choose a country from the list.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Country' }).fill('Austria');
    await page.getByRole('option', { name: 'Austria', exact: true }).click();
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Austria', { exact: true })).toBeVisible();
  });

  await test.step('in German the names are German', async () => {
    const csrf = (await page.context().cookies()).find((c) => c.name === 'dbx_csrf')!.value;
    await page.request.patch('/api/v1/me', { data: { locale: 'de' }, headers: { 'x-csrf-token': csrf } });
    await page.goto(partnerUrl);
    await expect(page.getByRole('heading', { name: 'Kramerica AG' })).toBeVisible();
    await expect(page.getByText('Österreich', { exact: true })).toBeVisible();
    await page.goto('/settings/repository');
    await expect(page.getByRole('heading', { name: 'Vertragsablage' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Unternehmenswährung' })).toHaveValue('CHF – Schweizer Franken');
  });
});
