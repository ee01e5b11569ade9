import { expect, test } from '@playwright/test';
import { docx, wordParagraph } from '../server/features/documents/text/text.fixtures.js';
import { pdfWithText } from '../server/test/files.js';
import { dropFiles, holdUpload } from './drop.js';
import { seedAccount, signIn, uploadDocument } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page, draw a PDF or read its text.
const look = expect.configure({ timeout: 60_000 });

const NAME = 'Solar lease.pdf';
const SOLAR_LEASE = pdfWithText([
  'Solar roof lease, rent 900 EUR per month',
  'Maintenance of the photovoltaic panels is the duty of the landlord',
]);
const HOSTILE = '<script>alert(document.domain)</script><img src=x onerror=alert(1)>';

test('drag a PDF onto a contract, watch the progress bar, preview it, search for a word inside it from the header, land on the contract', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const seeded = await seedAccount(baseURL!, 'search');
  const context = await browser.newContext();
  await signIn(context, seeded.email, 'en');
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/contracts/${seeded.contractId}?tab=documents`);
  const list = page.getByRole('list', { name: 'Documents' });
  const row = list.getByRole('listitem', { name: NAME });

  await test.step('drop the PDF: its progress bar shows it on its way; once read, its text is searchable', async () => {
    await look(page.getByText('No documents yet')).toBeVisible();
    const held = await holdUpload(page, NAME);
    await dropFiles(page, page.getByTestId('drop-zone'), [
      { name: NAME, mimeType: 'application/pdf', buffer: SOLAR_LEASE },
    ]);
    await held.arrived;
    const item = page.getByRole('region', { name: 'Uploads' }).getByRole('listitem', { name: NAME });
    const bar = item.getByRole('progressbar', { name: `Upload of ${NAME}` });
    await look(item).toContainText(/Uploading, \d+ %|Checking and encrypting/);
    await look(bar).toHaveAttribute('aria-valuenow', /^\d+$/);
    held.release();
    await look(item).toContainText('Uploaded');
    await look(bar).toHaveAttribute('aria-valuenow', '100');
    // The worker reads the text in the background; the list asks again until it is done.
    await look(row.getByTestId('text-status')).toHaveText('Text: searchable');
  });

  await test.step('preview it: page thumbnails jump to page 2, zoom changes the scale', async () => {
    await row.getByRole('link', { name: NAME, exact: true }).click();
    await look(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible();
    await look(page.locator('[data-testid="pdf-page"][data-drawn]')).toContainText('Solar roof lease');
    const thumbnails = page.getByRole('navigation', { name: 'Pages' });
    await look(thumbnails.getByRole('button')).toHaveCount(2);
    await thumbnails.getByRole('button', { name: 'Page 2' }).click();
    await look(page.getByTestId('pdf-page-of')).toHaveText('Page 2 of 2');
    await look(page.locator('[data-testid="pdf-page"][data-drawn]')).toContainText('photovoltaic panels');
    const zoom = page.getByTestId('pdf-zoom');
    const before = await zoom.textContent();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await look(zoom).not.toHaveText(before!);
  });

  const search = page.getByRole('searchbox', { name: 'Search contracts and documents' });
  await test.step('press / and type a word from page 2: the header lists the document with its page; choose it', async () => {
    await page.getByRole('heading', { level: 1, name: NAME }).click();
    await page.keyboard.press('/');
    await look(search).toBeFocused();
    await page.keyboard.type('photovoltaic');
    const results = page.getByRole('listbox');
    const hit = results.getByRole('option').filter({ hasText: NAME });
    await look(hit).toContainText(`${seeded.contractTitle} · Page 2`);
    await look(hit.locator('mark')).toHaveText('photovoltaic');
    await hit.click();
    await look(page).toHaveURL(`/contracts/${seeded.contractId}?tab=documents`);
    await look(page.getByRole('heading', { level: 1, name: seeded.contractTitle })).toBeVisible();
    await look(page.getByRole('tab', { name: 'Documents' })).toHaveAttribute('aria-selected', 'true');
    await look(row).toBeVisible();
  });

  await test.step('Enter opens every result; the excerpt’s page opens the preview at that page', async () => {
    await search.fill('panels landlord');
    await search.press('Enter');
    await look(page).toHaveURL('/search?q=panels+landlord');
    const documents = page.getByRole('region', { name: 'Documents' });
    const hit = documents.getByRole('listitem', { name: NAME });
    await look(hit).toContainText(`Contract: ${seeded.contractTitle}`);
    await look(hit.locator('mark').first()).toHaveText('panels');
    await hit.getByRole('link', { name: `Page 2 of ${NAME}` }).click();
    await look(page.getByTestId('pdf-page-of')).toHaveText('Page 2 of 2');
  });

  await test.step('the contract grid’s search finds the contract by its document’s text', async () => {
    await page.goto('/contracts');
    await page.getByRole('textbox', { name: 'Search contracts', exact: true }).fill('photovoltaic');
    await look(page.getByRole('link', { name: seeded.contractTitle })).toBeVisible();
    await page.getByRole('textbox', { name: 'Search contracts', exact: true }).fill('photovoltaic nowhere');
    await look(page.getByRole('link', { name: seeded.contractTitle })).toBeHidden();
  });

  await test.step('Word and text previews show in a sandboxed frame, their markup as text', async () => {
    const word = await uploadDocument(context.request, seeded.contractId, {
      name: 'Terms.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx(wordParagraph('General terms', 'Heading1') + wordParagraph(HOSTILE)),
    });
    await page.goto(`/documents/${word.id}/preview`);
    const frame = page.getByTestId('preview-frame');
    await look(frame).toHaveAttribute('sandbox', '');
    await look(
      page.frameLocator('[data-testid="preview-frame"]').getByRole('heading', { name: 'General terms' }),
    ).toBeVisible();
    await look(page.frameLocator('[data-testid="preview-frame"]').getByText(HOSTILE)).toBeVisible();

    const text = await uploadDocument(context.request, seeded.contractId, {
      name: 'Notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(`Handover notes\n${HOSTILE}\n`),
    });
    await page.goto(`/documents/${text.id}/preview`);
    await look(page.getByTestId('preview-frame')).toHaveAttribute('sandbox', '');
    await look(page.frameLocator('[data-testid="preview-frame"]').locator('pre')).toContainText(HOSTILE);
    expect(await page.frameLocator('[data-testid="preview-frame"]').locator('script, img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
  await context.close();
});
