import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { signUpInBrowser } from './session.js';

const run = Date.now().toString(36);

const HEADER = 'Title,Partner,Start date,End date,Notice period,Renewal term';
// Far-future dates, so nothing depends on today. Row 3 of the file (header = row 1) has no 30 February.
const GOOD_ROWS = [
  'Office cleaning 2030,Globex AG,2030-01-01,2030-12-31,3 months,1 year',
  'Hosting 2030,Initrode,2030-03-01,2031-02-28,1 month,1 year',
];
const BAD_ROW = 'Printer lease 2030,Globex AG,2030-02-30,2031-01-31,3 months,1 year';
const FIXED_ROW = 'Printer lease 2030,Globex AG,2030-02-28,2031-01-31,3 months,1 year';

const csv = (rows: string[]) => ({
  name: 'contracts.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...rows].join('\n')}\n`, 'utf8'),
});

function signUp(page: Page, who = 'ida') {
  return signUpInBrowser(page, {
    name: 'Ida Importer',
    email: `${who}-${run}@initech.example`,
    company: 'Initech GmbH',
  });
}

test('import a CSV with one bad row: the dry run names it, the fixed file commits, the list shows the contracts', async ({
  page,
}) => {
  await test.step('sign up and open the import from the contract list', async () => {
    await signUp(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts' }).click();
    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Import: Contracts' })).toBeVisible();
  });

  await test.step('upload the file; the mapping is suggested from its headers', async () => {
    await page.locator('input[type="file"]').setInputFiles(csv([GOOD_ROWS[0]!, BAD_ROW, GOOD_ROWS[1]!]));
    await expect(page.getByText('contracts.csv: 3 rows, 6 columns')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Import into: Start date' })).toHaveValue('Start date');
    await expect(page.getByRole('combobox', { name: 'Import into: Renewal term' })).toHaveValue('Renews for');
    await page.getByRole('checkbox', { name: 'Create business partners that do not exist yet' }).check();
    await page.getByRole('button', { name: 'Check all rows' }).click();
  });

  await test.step('the dry run names the bad row, its column, value and reason; commit stays disabled', async () => {
    await expect(page.getByText('Errors: 1')).toBeVisible();
    const errors = page.getByRole('table', { name: 'Errors by row' });
    const bad = errors.getByRole('row').nth(1);
    await expect(bad.getByRole('cell').nth(0)).toHaveText('3');
    await expect(bad.getByRole('cell').nth(1)).toHaveText('Start date');
    await expect(bad.getByRole('cell').nth(2)).toHaveText('2030-02-30');
    await expect(bad.getByRole('cell').nth(3)).not.toBeEmpty();
    await expect(page.getByRole('button', { name: 'Import 3 rows' })).toBeDisabled();
  });

  await test.step('upload the fixed file: it is checked again with the same mapping and passes', async () => {
    await page.locator('input[type="file"]').setInputFiles(csv([GOOD_ROWS[0]!, FIXED_ROW, GOOD_ROWS[1]!]));
    await expect(page.getByText('No errors: all 3 rows can be imported.')).toBeVisible();
    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    const result = page.getByTestId('import-result');
    await expect(result).toContainText('Contracts imported: 3');
    await expect(result).toContainText('Business partners created: 2');
  });

  await test.step('the contract list shows the imported contracts', async () => {
    await page.getByRole('link', { name: 'Go to contracts' }).click();
    for (const title of ['Office cleaning 2030', 'Printer lease 2030', 'Hosting 2030']) {
      await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();
    }
    await expect(page.getByRole('row', { name: /Printer lease 2030/ })).toContainText('Globex AG');
  });
});

test('a renewal column left out is caught; left-out columns are confirmed; the valid rows import and the rest are reported', async ({
  page,
}) => {
  test.slow(); // three wizard rounds on one server shared by the whole machine
  const file = {
    name: 'renewals.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'Title,Start date,End date,Notice period,Renews for,Internal memo',
        'Cleaning 2031,2031-01-01,2031-12-31,3 months,1 year,call first',
        'Hosting 2031,2031-01-01,2031-12-31,1 month,,',
        'Broken 2031,2031-02-30,2031-12-31,1 month,,',
      ].join('\n'),
      'utf8',
    ),
  };
  await signUp(page, 'rena');
  await page.goto('/imports/new?entity=contract');
  await page.locator('input[type="file"]').setInputFiles(file);
  const renews = page.getByRole('combobox', { name: 'Import into: Renews for' });

  await test.step('the app’s own label is recognised; set to "Do not import", the dry run refuses the row', async () => {
    await expect(renews).toHaveValue('Renews for');
    await expect(page.getByRole('combobox', { name: 'Import into: Internal memo' })).toHaveValue('');
    await renews.click();
    await page.getByRole('option', { name: 'Do not import' }).click();
    await expect(renews).toHaveValue('');
    await page.getByRole('button', { name: 'Check all rows' }).click();
    const row2 = page.getByRole('table', { name: 'Errors by row' }).getByRole('row').nth(1);
    await expect(row2.getByRole('cell').nth(0)).toHaveText('2');
    await expect(row2.getByRole('cell').nth(1)).toHaveText('Renews for');
    await expect(row2.getByRole('cell').nth(3)).toContainText('“Fixed term” and never renew');
    await expect(page.getByTestId('ignored-columns')).toContainText('Renews for: 1 rows with a value, e.g. “1 year”');
  });

  await test.step('mapped again, only the broken row fails; the import waits for the left-out column to be confirmed', async () => {
    await page.getByRole('button', { name: 'Change mapping' }).click();
    await renews.click();
    await page.getByRole('option', { name: 'Renews for' }).click();
    await page.getByRole('button', { name: 'Check all rows' }).click();
    await expect(page.getByText('Errors: 1')).toBeVisible();
    await expect(page.getByTestId('ignored-columns')).toContainText('Internal memo: 1 rows with a value');
    await expect(page.getByText('Each contract gets the account’s default reminders (1).')).toBeVisible();
    await page.getByRole('radio', { name: 'Import the 2 valid rows and skip the 1 rows with errors' }).check();
    const commit = page.getByRole('button', { name: 'Import 2 rows, skip 1' });
    await expect(commit).toBeDisabled();
    await page.getByRole('checkbox', { name: 'I have checked these columns: do not import them' }).check();
    await commit.click();
  });

  await test.step('the result counts the skipped rows and the report downloads with row numbers and reasons', async () => {
    const result = page.getByTestId('import-result');
    await expect(result).toContainText('Contracts imported: 2');
    await expect(result).toContainText('Rows skipped because of errors: 1');
    await expect(result).toContainText('Default reminders added: 2');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download report of skipped rows (CSV)' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('renewals-skipped-rows.csv');
    const text = await readFile((await saved.path())!, 'utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFFRow,Column,Value,Problem');
    expect(text).toContain('4,Start date,2031-02-30,');
  });
});
