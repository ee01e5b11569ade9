import { expect, test } from '@playwright/test';
import { pdfWithText } from '../server/test/files.js';
import { seedAccount, signIn, uploadToInbox } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page or draw a PDF.
const look = expect.configure({ timeout: 30_000 });

test('an inbox PDF is sent for signature from its review page; the envelope page shows the evidence', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const seeded = await seedAccount(baseURL!, 'inboxsign');
  const context = await browser.newContext();
  await signIn(context, seeded.email, 'en');
  const pdf = { name: 'Supplier offer.pdf', mimeType: 'application/pdf', buffer: pdfWithText(['Offer']) };
  const waiting = await uploadToInbox(context.request, pdf);
  const text = await uploadToInbox(context.request, {
    name: 'Notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Only notes, nothing to sign.\n'),
  });
  const page = await context.newPage();

  await test.step('a text file offers no signing', async () => {
    await page.goto(`/inbox/${text.id}`);
    await look(page.getByRole('heading', { name: 'Notes.txt' })).toBeVisible();
    await look(page.getByRole('button', { name: 'Send for signature' })).toHaveCount(0);
  });

  const envelopeId = await test.step('"Send for signature" on the PDF opens a draft in the editor', async () => {
    await page.goto(`/inbox/${waiting.id}`);
    await page.getByRole('button', { name: 'Send for signature' }).click();
    await look(page).toHaveURL(/\/envelopes\/[0-9a-f-]{36}\/edit/);
    return /envelopes\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  });

  await test.step('the envelope page lists what happened so far, by whom', async () => {
    await page.goto(`/envelopes/${envelopeId}`);
    await look(page.getByRole('heading', { name: 'Supplier offer' })).toBeVisible();
    const evidence = page.getByRole('region', { name: 'Evidence' });
    await look(evidence.getByTestId('evidence-event')).toHaveCount(1);
    await look(evidence).toContainText('Draft created');
    await look(evidence).toContainText('by Ada Admin');
    await look(page.getByRole('link', { name: 'Back to the document' })).toHaveAttribute(
      'href',
      `/documents/${waiting.id}/preview`,
    );
  });
  await context.close();
});
