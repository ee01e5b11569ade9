import { type Browser, expect, type Page, test } from '@playwright/test';
import { linkFromMail } from './mail.js';
import { apiAs, followSignUpLink, PASSWORD } from './session.js';

// Many full page loads on a shared two-core machine: each page may take longer than the default five seconds.
const look = expect.configure({ timeout: 20_000 });

const run = Date.now().toString(36);
const adminEmail = `ada-${run}@access.example`;
const LIFECYCLE = {
  type: 'auto_renewal',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};

/** Follows the invitation mail, checks the name the administrator typed is filled in, and accepts. */
async function acceptInvitation(browser: Browser, email: string, name: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(new URL(await linkFromMail(email, /invited to Access GmbH/)).pathname);
  await look(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue(name);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await look(page.getByRole('heading', { name: new RegExp(`, ${name.split(' ')[0]}$`) })).toBeVisible();
  return page;
}

const ADMIN_ONLY_PAGES = [
  '/settings/users',
  '/settings/business-units',
  '/settings/categories',
  '/settings/org-units',
  '/settings/custom-fields',
  '/settings/repository',
  '/settings/mail-templates',
  '/settings/reminders',
  '/settings/recycle-bin',
  '/settings/api-keys',
  '/settings/activity',
];
const ADMIN_ONLY_LINKS = [
  'Users',
  'Business units',
  'Categories',
  'Organizational units',
  'Custom fields',
  'Repository',
  'Mail templates',
  'Reminders',
  'Recycle bin',
  'API keys',
  'Activity log',
];

async function expectNoAccess(page: Page, path: string) {
  await page.goto(path);
  await look(page.getByText('Not available for your role'), path).toBeVisible();
  await expect(page.getByRole('textbox'), path).toHaveCount(0);
}

async function expectAdminPagesClosed(page: Page) {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Personal settings' })).toBeVisible();
  for (const name of ADMIN_ONLY_LINKS) await expect(nav.getByRole('link', { name, exact: true })).toHaveCount(0);
  for (const path of ADMIN_ONLY_PAGES) await expectNoAccess(page, path);
}

/** The contract page offers nothing to change: no edit, notice, delete, event, reminder or acknowledgement. */
async function expectReadOnlyContract(page: Page, id: string) {
  await page.goto(`/contracts/${id}`);
  await look(page.getByRole('heading', { name: 'General lease' })).toBeVisible();
  for (const name of ['Edit', 'Record notice', 'Delete']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
  }
  await page.getByRole('tab', { name: 'Events & reminders' }).click();
  await look(page.getByTestId('reminder').first()).toBeVisible();
  for (const name of ['Add event', 'Add reminder', 'I’m on it', 'Dismiss', 'Reopen']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: 'More actions for this reminder' })).toHaveCount(0);
}

test('a Viewer and an Editor of another unit are offered only what their role allows', async ({ browser }) => {
  test.setTimeout(400_000);
  const admin = await (await browser.newContext()).newPage();
  const ids = await test.step('an administrator sets up two units, two contracts and two members', async () => {
    await admin.goto('/sign-up');
    await admin.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada Admin');
    await admin.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(adminEmail);
    await admin.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await admin.getByRole('textbox', { name: 'Company name', exact: true }).fill('Access GmbH');
    await admin.getByRole('button', { name: 'Create account' }).click();
    await followSignUpLink(admin, adminEmail);
    await look(admin.getByRole('heading', { name: /, Ada$/ })).toBeVisible();
    const me = await apiAs(admin, 'GET', '/me');
    const general = me.roles[0].businessUnitId as string;
    const sales = (await apiAs(admin, 'POST', '/business-units', { name: 'Sales' })).id as string;
    const lease = await apiAs(admin, 'POST', '/contracts', { title: 'General lease', lifecycle: LIFECYCLE });
    const deal = await apiAs(admin, 'POST', '/contracts', {
      title: 'Sales deal',
      businessUnitId: sales,
      lifecycle: LIFECYCLE,
    });
    expect(lease.ownerId).toBe(me.user.id);
    await apiAs(admin, 'POST', '/users/invitations', {
      email: `vera-${run}@access.example`,
      name: 'Vera Viewer',
      isAdmin: false,
      roles: { [general]: 'viewer' },
    });
    await apiAs(admin, 'POST', '/users/invitations', {
      email: `eddie-${run}@access.example`,
      name: 'Eddie Editor',
      isAdmin: false,
      roles: { [general]: 'viewer', [sales]: 'editor' },
    });
    return { lease: lease.id as string, deal: deal.id as string };
  });

  const viewer = await test.step('the Viewer accepts with the name the administrator typed', () =>
    acceptInvitation(browser, `vera-${run}@access.example`, 'Vera Viewer'));

  await test.step('the Viewer sees no settings but their own, and direct addresses say so', async () => {
    await expectAdminPagesClosed(viewer);
    await expectNoAccess(viewer, '/contracts/new');
    await expectNoAccess(viewer, '/imports/new');
  });

  await test.step('the Viewer is offered no way to create contracts or partners', async () => {
    await viewer.goto('/contracts');
    await look(viewer.getByRole('link', { name: 'General lease' })).toBeVisible();
    await expect(viewer.getByRole('link', { name: 'New contract' })).toHaveCount(0);
    await expect(viewer.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
    await viewer.goto('/partners');
    await look(viewer.getByRole('heading', { name: 'Partners' })).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'New partner' })).toHaveCount(0);
    await expect(viewer.getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
  });

  await test.step("the Viewer reads the contract but cannot change it or silence the owner's reminders", () =>
    expectReadOnlyContract(viewer, ids.lease));

  await test.step('a contract of another unit is "not found or not shared", with nothing to retry', async () => {
    await viewer.goto(`/contracts/${ids.deal}`);
    await look(viewer.getByText('Not found, or not shared with you.')).toBeVisible();
    await expect(viewer.getByRole('button', { name: 'Try again' })).toHaveCount(0);
    await expect(viewer.getByText(/try again/i)).toHaveCount(0);
  });

  const editor = await test.step('the Editor of Sales accepts with the typed name', () =>
    acceptInvitation(browser, `eddie-${run}@access.example`, 'Eddie Editor'));

  await test.step('the Editor of Sales may create and work in Sales, and only read General', async () => {
    await expectAdminPagesClosed(editor);
    await expectReadOnlyContract(editor, ids.lease);
    await editor.goto(`/contracts/${ids.deal}`);
    await look(editor.getByRole('heading', { name: 'Sales deal' })).toBeVisible();
    await expect(editor.getByRole('link', { name: 'Edit', exact: true })).toBeVisible();
    await expect(editor.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
    await editor.getByRole('tab', { name: 'Events & reminders' }).click();
    await expect(editor.getByRole('button', { name: 'I’m on it' }).first()).toBeVisible();
    await editor.goto('/contracts');
    await editor.getByRole('link', { name: 'New contract' }).click();
    await look(editor.getByRole('textbox', { name: 'Title' })).toBeVisible();
    await expect(editor.getByRole('combobox', { name: 'Owner', exact: true })).toHaveValue('Eddie Editor');
  });
});
