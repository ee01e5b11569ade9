import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import yauzl from 'yauzl';
import { pdfWithText } from '../server/test/files.js';
import { seedAccount, signIn, uploadDocument } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page or build the ZIP.
const look = expect.configure({ timeout: 60_000 });

/** The names of a ZIP's entries. */
function entryNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, z) => {
      if (err || !z) return reject(err);
      const names: string[] = [];
      z.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        z.readEntry();
      });
      z.on('end', () => resolve(names));
      z.on('error', reject);
      z.readEntry();
    });
  });
}

test('an administrator exports the account, watches it being made, and downloads the ZIP', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const seeded = await seedAccount(baseURL!, 'export');
  const context = await browser.newContext({ acceptDownloads: true });
  await signIn(context, seeded.email, 'en');
  await uploadDocument(context.request, seeded.contractId, {
    name: 'Cleaning contract.pdf',
    mimeType: 'application/pdf',
    buffer: pdfWithText(['Office cleaning, signed']),
  });
  const page = await context.newPage();
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Export account' }).click();
  await look(page.getByRole('heading', { name: 'Export account' })).toBeVisible();
  await look(page.getByText('No exports yet')).toBeVisible();

  await page.getByRole('button', { name: 'Start export' }).first().click();
  const list = page.getByRole('table', { name: 'Exports' });
  const row = list.getByRole('row').nth(1);
  await look(row).toContainText('Ada Admin');
  await look(row.getByText('Ready')).toBeVisible();
  await expect(row.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start export' })).toBeEnabled();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    row.getByRole('link', { name: 'Download' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^deedbox-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const names = await entryNames(await readFile((await download.path())!));
  expect(names).toContain('manifest.json');
  expect(names).toContain('verify-activity-log.mjs');
  expect(names).toContain('data/contracts.csv');
  expect(names.some((n) => n.endsWith('/Cleaning contract.pdf'))).toBe(true);

  await page.goto('/settings/activity');
  await look(page.getByText('Downloaded account export').first()).toBeVisible();
  await context.close();
});
