import { expect, type Page, test } from '@playwright/test';

const run = Date.now().toString(36);
const PASSWORD = 'Tr0ub4dor&3-horse-staple';

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

async function signUp(page: Page) {
  await page.goto('/sign-up');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ida Importer');
  await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(`ida-${run}@initech.example`);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: 'Company name', exact: true }).fill('Initech GmbH');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { name: /, Ida$/ })).toBeVisible();
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
