import { expect, type Page, test } from '@playwright/test';
import { computeTerms } from '../common/terms/engine.js';
import { linkFromMail } from './mail.js';
import { PASSWORD, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const adminEmail = `olga-${run}@initech.example`;
const viewerEmail = `vic-${run}@initech.example`;

const LIFECYCLE = {
  type: 'auto_renewal',
  startDate: '2025-01-01',
  endDate: '2025-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
} as const;
// A fixed "today" for the contract page, so the expectation never depends on the real date.
const AS_OF = '2025-06-01';

function signUp(page: Page) {
  return signUpInBrowser(page, { name: 'Olga Owner', email: adminEmail, company: 'Initech GmbH' });
}

test('create a partner and an auto-renewing contract, see its deadline and proof; a Viewer cannot edit it', async ({
  browser,
}) => {
  // Two people, an invitation by mail and a dozen screens: longer than one screen's journey.
  test.setTimeout(120_000);
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await test.step('sign up', () => signUp(admin));

  await test.step('create a business partner', async () => {
    const nav = admin.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Partners' }).click();
    await admin.getByRole('button', { name: 'New partner' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Globex AG');
    await dialog.getByRole('textbox', { name: 'VAT id' }).fill('DE123456789');
    await dialog.getByRole('button', { name: 'Create partner' }).click();
    await expect(admin.getByRole('heading', { name: 'Globex AG' })).toBeVisible();
  });

  const expected = computeTerms(LIFECYCLE, AS_OF);
  await test.step('create an auto-renewing contract from the partner page, with a live preview', async () => {
    await admin.getByRole('link', { name: 'New contract' }).click();
    await expect(admin.getByRole('combobox', { name: 'Business partner' })).toHaveValue('Globex AG');
    await admin.getByRole('textbox', { name: 'Title' }).fill('Office cleaning');
    await admin.getByRole('combobox', { name: 'Owner', exact: true }).click();
    await admin.getByRole('option', { name: 'Olga Owner' }).click();
    await admin.getByLabel('Start date').fill(LIFECYCLE.startDate);
    await admin.getByLabel('End date').fill(LIFECYCLE.endDate);
    // Defaults of a new contract: renews for 1 year, 3 months' notice.
    await expect(admin.getByRole('textbox', { name: 'Renews for' })).toHaveValue('1');
    await expect(admin.getByRole('textbox', { name: 'Notice period' })).toHaveValue('3');
    await expect(admin.getByTestId('terms-preview')).toContainText('notice 3 months');
    await admin.getByRole('button', { name: 'Create contract' }).click();
    await expect(admin.getByRole('heading', { name: 'Office cleaning' })).toBeVisible();
  });

  await test.step('the contract page shows the deadline, its proof and the countdown as of a fixed day', async () => {
    await admin.goto(`${new URL(admin.url()).pathname}?asOf=${AS_OF}`);
    expect(expected.noticeDeadline).toBe('2025-09-30');
    await expect(admin.getByTestId('notice-deadline')).toHaveText(expected.noticeDeadline!);
    await expect(admin.getByTestId('deadline-proof')).toHaveText(expected.proof!);
    await expect(admin.getByText('in 121 days')).toBeVisible();
    await expect(admin.getByRole('link', { name: 'Edit' })).toBeVisible();
  });

  await test.step('add a billing line and see it listed with its amount', async () => {
    await admin.getByRole('tab', { name: 'Billing' }).click();
    await admin.getByRole('button', { name: 'Add billing line' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Amount' }).fill('1234.5');
    await dialog.getByLabel('First billing').fill('2025-01-01');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('Cleaning fee');
    await dialog.getByRole('button', { name: 'Add billing line' }).click();
    await expect(dialog).toBeHidden();
    const row = admin.getByRole('row', { name: /Cleaning fee/ });
    await expect(row).toContainText('Monthly');
    await expect(row).toContainText('1,234.50 EUR');
  });

  await test.step('the list shows it with its deadline and filters by partner', async () => {
    await admin.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts' }).click();
    const row = admin.getByRole('row', { name: /Office cleaning/ });
    await expect(row).toContainText('Globex AG');
    await admin.getByRole('textbox', { name: 'Search contracts' }).fill('nothing like this');
    await expect(admin.getByText('No contracts match')).toBeVisible();
    await admin.getByRole('button', { name: 'Clear filters' }).click();
    await expect(row).toBeVisible();
  });

  await test.step('export the filtered list as CSV', async () => {
    await admin.getByRole('textbox', { name: 'Search contracts' }).fill('cleaning');
    await expect(admin).toHaveURL(/q=cleaning/);
    await admin.getByRole('button', { name: 'Export' }).click();
    const href = await admin.getByRole('menuitem', { name: 'This view as CSV' }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/contracts\/export\?.*q=cleaning.*format=csv/);
    const csv = await admin.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Office cleaning');
    await admin.keyboard.press('Escape');
  });

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await test.step('a Viewer of the default unit sees the contract but cannot edit it', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('button', { name: 'Invite user' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(viewerEmail);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog).toBeHidden();
    const link = await linkFromMail(viewerEmail, /invited to Initech GmbH/);
    await viewer.goto(new URL(link).pathname);
    await viewer.getByRole('textbox', { name: 'Name', exact: true }).fill('Vic Viewer');
    await viewer.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await viewer.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(viewer.getByRole('heading', { name: /, Vic$/ })).toBeVisible();

    await admin.reload();
    await admin.getByRole('combobox', { name: 'Role of Vic Viewer in General' }).click();
    await admin.getByRole('option', { name: 'Viewer' }).click();
    await expect(admin.getByText('Access for Vic Viewer updated.')).toBeVisible();

    await viewer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts' }).click();
    await viewer.getByRole('link', { name: 'Office cleaning' }).click();
    await expect(viewer.getByRole('heading', { name: 'Office cleaning' })).toBeVisible();
    await expect(viewer.getByTestId('notice-deadline')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(viewer.getByRole('link', { name: 'Edit' })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'Record notice' })).toHaveCount(0);
    await viewer.getByRole('tab', { name: 'Billing' }).click();
    await expect(viewer.getByRole('row', { name: /Cleaning fee/ })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Add billing line' })).toHaveCount(0);
    await viewer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Contracts' }).click();
    await expect(viewer.getByRole('row', { name: /Office cleaning/ })).toBeVisible();
    await expect(viewer.getByRole('link', { name: 'New contract' })).toHaveCount(0);
  });

  await adminContext.close();
  await viewerContext.close();
});
