import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Document } from '../common/schemas/documents.js';
import { pdfWithText } from '../server/test/files.js';
import { de } from '../web/src/i18n/de.js';
import { en } from '../web/src/i18n/en.js';
import { dropFiles, type FileSpec, holdUpload } from './drop.js';
import { call, seedAccount, signIn } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page or draw a PDF.
const look = expect.configure({ timeout: 30_000 });

const LEASE = pdfWithText(['Deedbox lease agreement, rent 1200 EUR per month']);
const asPdf = (name: string, buffer: Buffer): FileSpec => ({ name, mimeType: 'application/pdf', buffer });
// A Windows program (its "MZ" header and DOS stub) renamed to look like a PDF.
const PROGRAM = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120, 0x41)]);

test('documents on a contract: drop and pick files, watch them upload, preview, download, rename, refuse, link, recycle bin', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const seeded = await seedAccount(baseURL!, 'docs');
  const context = await browser.newContext({ acceptDownloads: true });
  await signIn(context, seeded.email, 'en');
  const page = await context.newPage();
  await page.goto(`/contracts/${seeded.contractId}?tab=documents`);
  const list = page.getByRole('list', { name: 'Documents' });
  const uploads = page.getByRole('region', { name: 'Uploads' });

  await test.step('drop a PDF: its progress bar shows it on its way, then it is uploaded and listed', async () => {
    await look(page.getByText('No documents yet')).toBeVisible();
    const held = await holdUpload(page, 'Lease agreement.pdf');
    await dropFiles(page, page.getByTestId('drop-zone'), [asPdf('Lease agreement.pdf', LEASE)]);
    await held.arrived;
    const item = uploads.getByRole('listitem', { name: 'Lease agreement.pdf' });
    const bar = item.getByRole('progressbar', { name: 'Upload of Lease agreement.pdf' });
    await look(item).toContainText(/Uploading, \d+ %|Checking and encrypting/);
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(100);
    await look(item.getByRole('button', { name: 'Cancel upload of Lease agreement.pdf' })).toBeVisible();
    held.release();
    await look(item).toContainText('Uploaded');
    await look(bar).toHaveAttribute('aria-valuenow', '100');
    const row = list.getByRole('listitem', { name: 'Lease agreement.pdf' });
    await look(row).toContainText('PDF');
    await look(row).toContainText('Version 1');
    await look(row).toContainText('Ada Admin');
  });

  await test.step('pick two files: cancel one on its way, the other is listed, the cancelled one never', async () => {
    const held = await holdUpload(page, 'Annex draft.pdf');
    await page
      .getByTestId('drop-zone')
      .locator('input[type="file"]')
      .setInputFiles([
        asPdf('Annex draft.pdf', pdfWithText(['Draft annex'])),
        asPdf('Price list.pdf', pdfWithText(['Prices'])),
      ]);
    await held.arrived;
    const annex = uploads.getByRole('listitem', { name: 'Annex draft.pdf' });
    await annex.getByRole('button', { name: 'Cancel upload of Annex draft.pdf' }).click();
    await look(annex).toContainText('Cancelled');
    held.release();
    await look(uploads.getByRole('listitem', { name: 'Price list.pdf' })).toContainText('Uploaded');
    await look(list.getByRole('listitem', { name: 'Price list.pdf' })).toBeVisible();
    await look(list.getByRole('listitem')).toHaveCount(2);
    await look(list.getByRole('listitem', { name: 'Annex draft.pdf' })).toHaveCount(0);
    await uploads.getByRole('button', { name: 'Clear finished' }).click();
    await look(uploads).toHaveCount(0);
  });

  await test.step('preview the PDF: pdf.js draws the page and lays its text over it; zoom in', async () => {
    await list.getByRole('link', { name: 'Lease agreement.pdf', exact: true }).click();
    await look(page.getByRole('heading', { level: 1, name: 'Lease agreement.pdf' })).toBeVisible();
    const drawn = page.locator('[data-testid="pdf-page"][data-drawn]');
    await look(drawn).toContainText('Deedbox lease agreement');
    await look(page.getByTestId('pdf-page-of')).toHaveText('Page 1 of 1');
    // Dark pixels on the page's canvas: pdf.js drew the text, not just a white sheet.
    const inked = await page.evaluate<number>(`(() => {
      const canvas = document.querySelector('[data-testid="pdf-page"] canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++;
      return dark;
    })()`);
    expect(inked).toBeGreaterThan(100);
    const zoom = page.getByTestId('pdf-zoom');
    const before = await zoom.textContent();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await look(zoom).not.toHaveText(before!);
    await look(page.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'false');
  });

  await test.step('download it: the very bytes that were uploaded', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download', exact: true }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Lease agreement.pdf');
    expect((await readFile((await saved.path())!)).equals(LEASE)).toBe(true);
  });

  await test.step('rename it from the contract', async () => {
    await page.getByRole('link', { name: seeded.contractTitle }).click();
    await list.getByRole('button', { name: 'Actions for Lease agreement.pdf' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename document' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Lease 2026.pdf');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await look(dialog).toBeHidden();
    await look(list.getByRole('listitem', { name: 'Lease 2026.pdf' })).toBeVisible();
  });

  await test.step('a program renamed .pdf is refused, and the reason reads in the person’s language', async () => {
    await call(context.request, 'PATCH', '/me', { locale: 'de' });
    await page.reload();
    const picker = page.getByTestId('drop-zone').locator('input[type="file"]');
    await picker.setInputFiles(asPdf('invoice.pdf', PROGRAM));
    const item = page.getByRole('region', { name: 'Uploads' }).getByRole('listitem', { name: 'invoice.pdf' });
    await look(item).toContainText('Nicht hochgeladen');
    await look(item.getByRole('alert')).toHaveText(
      new RegExp(
        `^(${[de['validation.file_type_mismatch'], de['validation.file_type_refused']].map(escapeRegExp).join('|')})$`,
      ),
    );
    await call(context.request, 'PATCH', '/me', { locale: 'en' });
    await page.reload();
  });

  await test.step('add a link: an http address is refused, a Dropbox one is listed with its provider', async () => {
    await page.getByRole('button', { name: 'Add link' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a link to a file' });
    const url = dialog.getByRole('textbox', { name: 'Address (URL)' });
    await url.fill('http://www.dropbox.com/s/abc123/signed.pdf');
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Signed copy');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await look(url).toHaveAttribute('aria-invalid', 'true');
    await url.fill('https://www.dropbox.com/s/abc123/signed.pdf?dl=0');
    await dialog.getByRole('button', { name: 'Add link' }).click();
    await look(dialog).toBeHidden();
    const row = list.getByRole('listitem', { name: 'Signed copy' });
    // The provider is the server's to recognise (common/document-links.ts); the row names the one it stored.
    const { items } = await call(context.request, 'GET', `/contracts/${seeded.contractId}/documents`);
    const link = (items as Document[]).find((d) => d.name === 'Signed copy')!.link!;
    await look(row).toContainText(`${en[`documents.provider.${link.provider}`]} · www.dropbox.com`);
    await look(row.getByRole('link', { name: 'Signed copy' })).toHaveAttribute(
      'href',
      'https://www.dropbox.com/s/abc123/signed.pdf?dl=0',
    );
  });

  await test.step('move a document to the recycle bin and restore it', async () => {
    await list.getByRole('button', { name: 'Actions for Lease 2026.pdf' }).click();
    await page.getByRole('menuitem', { name: 'Move to recycle bin' }).click();
    await page
      .getByRole('dialog', { name: 'Move to recycle bin?' })
      .getByRole('button', { name: 'Move to recycle bin' })
      .click();
    await look(list.getByRole('listitem', { name: 'Lease 2026.pdf' })).toHaveCount(0);
    const show = page.getByRole('radiogroup', { name: 'Show' });
    await show.getByText('Recycle bin').click();
    const bin = page.getByRole('list', { name: 'Recycle bin' });
    await bin.getByRole('button', { name: 'Restore Lease 2026.pdf' }).click();
    await look(bin.getByRole('listitem', { name: 'Lease 2026.pdf' })).toHaveCount(0);
    await show.getByText('Documents').click();
    await look(list.getByRole('listitem', { name: 'Lease 2026.pdf' })).toBeVisible();
  });
  await context.close();
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
