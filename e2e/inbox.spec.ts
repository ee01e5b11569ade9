import { expect, type Page, test } from '@playwright/test';
import { pdfWithText } from '../server/test/files.js';
import { de } from '../web/src/i18n/de.js';
import { en } from '../web/src/i18n/en.js';
import { linkFromMail } from './mail.js';
import { call, documentsExtract, PASSWORD, type Seeded, seedAccount, signIn, uploadToInbox } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page or draw a PDF.
const look = expect.configure({ timeout: 30_000 });

const asPdf = (name: string, pages: string[]) => ({ name, mimeType: 'application/pdf', buffer: pdfWithText(pages) });

/** A licence whose text names the seeded partner, its term, its notice and its fee. */
const LICENCE = asPdf('licence.pdf', [
  'SOFTWARE LICENSE AGREEMENT',
  'between Acme GmbH and Globex AG',
  'This agreement commences on 1 January 2027 and ends on 31 December 2028.',
  'Either party may terminate with three months notice.',
  'The annual fee is EUR 12,000.00.',
]);
const ADDENDUM = asPdf('cleaning addendum.pdf', ['Addendum to the office cleaning contract']);

const inboxList = (page: Page) => page.getByRole('list', { name: en['inbox.list'] });

let seeded: Seeded;
test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(60_000);
  seeded = await seedAccount(baseURL!, 'inbox');
});

test('files dropped into the inbox become a new contract, suggestions kept, or join an existing one', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const context = await browser.newContext();
  await signIn(context, seeded.email, 'en');
  const page = await context.newPage();

  await test.step('the empty inbox explains itself and names its e-mail address', async () => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: en['nav.label'] })
      .getByRole('link', { name: 'Inbox', exact: true })
      .click();
    await look(page.getByText(en['inbox.emptyTitle'])).toBeVisible();
    await expect(page.getByTestId('inbox-address')).toHaveText(/^[a-z0-9]{25}@/);
  });

  await test.step('two files chosen at once upload with a progress bar each and are listed', async () => {
    await page.getByTestId('drop-zone').locator('input[type="file"]').setInputFiles([LICENCE, ADDENDUM]);
    const uploads = page.getByRole('region', { name: en['documents.uploads'] });
    await look(uploads.getByRole('progressbar', { name: 'Upload of licence.pdf' })).toBeVisible();
    await look(uploads.getByRole('progressbar', { name: 'Upload of cleaning addendum.pdf' })).toBeVisible();
    await look(uploads.getByText(en['documents.upload.done'])).toHaveCount(2);
    await look(inboxList(page).getByRole('listitem')).toHaveCount(2);
    await expect(inboxList(page).getByRole('listitem').first()).toContainText('Uploaded by Ada Admin');
  });

  await test.step('before its text is read, the review says so and leaves the form to fill by hand', async () => {
    await inboxList(page).getByRole('link', { name: 'licence.pdf', exact: true }).click();
    await look(page.getByRole('heading', { level: 1, name: 'licence.pdf' })).toBeVisible();
    await look(page.getByText(en['inbox.textPending'])).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('');
  });

  await test.step('once read, the form holds the suggested values, each marked until kept', async () => {
    await documentsExtract(seeded.orgId);
    await page.getByRole('button', { name: en['inbox.checkAgain'] }).click();
    const title = page.getByRole('textbox', { name: 'Title' });
    await look(title).toHaveValue('SOFTWARE LICENSE AGREEMENT');
    await expect(page.getByRole('textbox', { name: 'Start date', exact: true })).toHaveValue('2027-01-01');
    await expect(page.getByRole('textbox', { name: 'End date', exact: true })).toHaveValue('2028-12-31');
    await expect(page.getByRole('combobox', { name: 'Business partner' })).toHaveValue('Globex AG');
    await expect(page.locator('[data-suggested]')).toHaveCount(5);
    await expect(page.locator('[data-suggested="startDate"]')).toContainText('commences on 1 January 2027');
    await expect(page.getByText('Amount found: 12,000.00 EUR')).toBeVisible();

    // Unkept suggestions hold the form back, each saying why.
    await page.getByRole('button', { name: en['inbox.createSubmit'] }).click();
    await look(page.getByText(en['form.confirmSuggestion']).first()).toBeVisible();
    await expect(page).toHaveURL(/\/inbox\//);

    // Changing a value keeps it; the others are kept one by one.
    await title.fill('Software licence Globex');
    await expect(page.locator('[data-suggested="title"]')).toHaveCount(0);
    const keep = page.getByRole('button', { name: /^Keep the suggested / });
    await expect(keep).toHaveCount(4);
    await page.getByRole('button', { name: 'Keep the suggested Start date' }).click();
    await page.getByRole('button', { name: 'Keep the suggested End date' }).click();
    await page.getByRole('button', { name: 'Keep the suggested Notice period' }).click();
    await page.getByRole('button', { name: 'Keep the suggested Business partner' }).click();
    await expect(page.locator('[data-suggested]')).toHaveCount(0);
  });

  await test.step('creating the contract files the document on it and opens it', async () => {
    await page.getByRole('button', { name: en['inbox.createSubmit'] }).click();
    await look(page.getByRole('heading', { level: 1, name: 'Software licence Globex' })).toBeVisible();
    await expect(page).toHaveURL(/\/contracts\/[0-9a-f-]{36}\?tab=documents$/);
    await look(page.getByRole('listitem', { name: 'licence.pdf' })).toBeVisible();
  });

  await test.step('another document is attached to an existing contract', async () => {
    await page.goto('/inbox');
    await look(inboxList(page).getByRole('listitem')).toHaveCount(1);
    await page.getByRole('link', { name: 'Review cleaning addendum.pdf' }).click();
    await page.getByRole('radiogroup', { name: en['inbox.actions'] }).getByText(en['inbox.attach']).click();
    await page.getByRole('button', { name: en['inbox.attachSubmit'] }).click();
    await look(page.getByText(en['validation.required'])).toBeVisible();
    const picker = page.getByRole('combobox', { name: 'Contract' });
    await picker.fill('Office cleaning');
    await page.getByRole('option', { name: new RegExp(seeded.contractTitle) }).click();
    await page.getByRole('button', { name: en['inbox.attachSubmit'] }).click();
    await look(page.getByRole('heading', { level: 1, name: seeded.contractTitle })).toBeVisible();
    await look(page.getByRole('listitem', { name: 'cleaning addendum.pdf' })).toBeVisible();
    await page.goto('/inbox');
    await look(page.getByText(en['inbox.emptyTitle'])).toBeVisible();
  });
  await context.close();
});

test('with mandatory attachments a new active contract is refused, naming the rule, in German too', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  await signIn(context, seeded.email, 'de');
  await call(context.request, 'PATCH', '/settings/repository', { requireAttachment: true });
  const page = await context.newPage();
  await page.goto('/contracts/new');
  await look(page.getByRole('textbox', { name: 'Titel' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Titel' }).fill('Ohne Datei');
  await page.getByRole('textbox', { name: 'Beginn', exact: true }).fill('2027-01-01');
  await page.getByRole('textbox', { name: 'Enddatum', exact: true }).fill('2027-12-31');
  await page.getByRole('button', { name: de['contract.createSubmit'] }).click();
  await look(page.getByRole('alert').filter({ hasText: de['validation.attachment_required'] })).toBeVisible();
  await expect(page).toHaveURL(/\/contracts\/new$/);
  await call(context.request, 'PATCH', '/settings/repository', { requireAttachment: false });
  await context.close();
});

test('a viewer has no inbox: no menu entry, and its addresses say so', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await browser.newContext();
  await signIn(admin, seeded.email, 'en');
  const me = await call(admin.request, 'GET', '/me');
  const waiting = await uploadToInbox(admin.request, asPdf('scan.pdf', ['A scanned contract']));
  const email = `vic-${Date.now().toString(36)}@acme.example`;
  await call(admin.request, 'POST', '/users/invitations', {
    email,
    name: 'Vic Viewer',
    isAdmin: false,
    roles: { [me.roles[0].businessUnitId]: 'viewer' },
  });
  await admin.close();
  const token = new URL(await linkFromMail(email, /invited/, '/invite/')).pathname.split('/invite/')[1]!;
  const viewer = await browser.newContext();
  await call(viewer.request, 'POST', `/invitations/${token}/accept`, { name: 'Vic Viewer', password: PASSWORD });
  const page = await viewer.newPage();
  for (const path of ['/inbox', `/inbox/${waiting.id}`, '/settings/inbox']) {
    await page.goto(path);
    await look(page.getByText('Not available for your role'), path).toBeVisible();
  }
  const nav = page.getByRole('navigation', { name: en['nav.label'] });
  await expect(nav.getByRole('link', { name: 'Contracts' })).toBeVisible();
  await expect(nav.getByRole('link', { name: /inbox/i })).toHaveCount(0);
  await viewer.close();
});
