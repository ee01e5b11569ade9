import { expect, type Page, test } from '@playwright/test';
import { en } from '../web/src/i18n/en.js';
import { linkFromMail } from './mail.js';
import { inviteMember, PASSWORD, pathOf, seedAccount, signIn } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page.
const look = expect.configure({ timeout: 30_000 });

/** The requester starts an approval with one written step for Vic. */
async function startOneStep(page: Page, stepName: string) {
  await page.getByRole('button', { name: 'Start approval' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Start an approval' });
  await dialog.getByRole('textbox', { name: 'Step name' }).fill(stepName);
  await dialog.getByRole('combobox', { name: 'People' }).click();
  await page.getByRole('option', { name: 'Vic Viewer' }).click();
  await dialog.getByRole('button', { name: 'Start approval' }).click();
  await look(dialog).toBeHidden();
  await look(page.getByTestId('approval-step-1')).toContainText(stepName);
}

test('approval: requested from the contract page, approved from the mail link, then rejected with a reason the requester reads', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const seeded = await seedAccount(baseURL!, 'approvals');
  const vic = `vic-${Date.now().toString(36)}@acme.example`;
  await inviteMember(browser, seeded, { email: vic, name: 'Vic Viewer', role: 'viewer' });
  const adminContext = await browser.newContext();
  await signIn(adminContext, seeded.email, 'en');
  const admin = await adminContext.newPage();

  await test.step('the requester sees no approval yet, the reset rule, and starts one step for Vic', async () => {
    await admin.goto(`/contracts/${seeded.contractId}?tab=approval`);
    await look(admin.getByText('No approval yet')).toBeVisible();
    await look(admin.getByText(/Changing title, partner, business unit, dates or terms restarts/)).toBeVisible();
    await admin.getByRole('button', { name: 'Start approval' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Start an approval' });
    // No name and nobody: the server's field errors land at the step's inputs.
    await dialog.getByRole('button', { name: 'Start approval' }).click();
    await look(dialog.getByRole('textbox', { name: 'Step name' })).toHaveAccessibleDescription(
      en['validation.required'],
    );
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await startOneStep(admin, 'Legal review');
    await look(admin.getByText('In approval')).toBeVisible();
    await look(admin.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  });

  const vicContext = await browser.newContext();
  const vicPage = await vicContext.newPage();
  await test.step('Vic opens the link from the approval mail, signs in and lands on the Approval tab', async () => {
    const link = await linkFromMail(vic, /Approval requested/, '?tab=approval');
    await vicPage.goto(pathOf(link));
    await vicPage.getByRole('textbox', { name: 'E-mail address' }).fill(vic);
    await vicPage.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await vicPage.getByRole('button', { name: 'Sign in', exact: true }).click();
    await look(vicPage).toHaveURL(new RegExp(`/contracts/${seeded.contractId}\\?tab=approval`));
    await look(vicPage.getByRole('tab', { name: 'Approval', selected: true })).toBeVisible();
  });

  await test.step('Vic approves; the contract is approved', async () => {
    await vicPage.getByRole('button', { name: 'Approve' }).click();
    await look(vicPage.getByTestId('approval-step-1')).toContainText('Vic Viewer');
    await look(vicPage.getByText('Approved', { exact: true }).first()).toBeVisible();
    await look(vicPage.getByRole('button', { name: 'Approve' })).toHaveCount(0);
  });

  await test.step('a second round: Vic must give a reason to reject', async () => {
    await admin.reload();
    await startOneStep(admin, 'Finance check');
    // Vic's start page lists the step waiting for him; it opens the Approval tab.
    await vicPage.goto('/');
    const tasks = vicPage.getByRole('region', { name: 'Waiting for my approval' });
    await look(tasks).toContainText('Step 1: Finance check');
    await tasks.getByRole('link', { name: new RegExp(seeded.contractTitle) }).click();
    await look(vicPage).toHaveURL(/\?tab=approval$/);
    await vicPage.getByRole('button', { name: 'Reject' }).click();
    const dialog = vicPage.getByRole('dialog', { name: 'Reject this step?' });
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await look(dialog.getByText('Please say why you reject it.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Why do you reject it?' }).fill('The price is missing.');
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await look(dialog).toBeHidden();
  });

  await test.step('the requester sees the rejection, its reason and the earlier round', async () => {
    await admin.reload();
    await look(admin.getByText('“The price is missing.”')).toBeVisible();
    await look(admin.getByText('Rejected', { exact: true }).first()).toBeVisible();
    await look(admin.getByText('Earlier rounds')).toBeVisible();
    await look(admin.getByRole('button', { name: 'Resubmit' })).toBeVisible();
  });
  await vicContext.close();
  await adminContext.close();
});

test('approval templates: the administrator keeps a two-step template, an editor starts an approval from it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const seeded = await seedAccount(baseURL!, 'templates');
  const run = Date.now().toString(36);
  await inviteMember(browser, seeded, { email: `vic-${run}@acme.example`, name: 'Vic Viewer', role: 'viewer' });
  const eddie = `eddie-${run}@acme.example`;
  await inviteMember(browser, seeded, { email: eddie, name: 'Eddie Editor', role: 'editor' });
  const adminContext = await browser.newContext();
  await signIn(adminContext, seeded.email, 'en');
  const admin = await adminContext.newPage();

  await test.step('the administrator opens Approval templates from the settings and writes two steps', async () => {
    await admin.goto('/settings/users');
    await admin.getByRole('link', { name: 'Approval templates' }).click();
    await look(admin.getByText('No approval templates')).toBeVisible();
    await admin.getByRole('button', { name: 'New template' }).first().click();
    const dialog = admin.getByRole('dialog', { name: 'New approval template' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Two-step review');
    // The step has no name and nobody: the server's field errors land at the step's inputs.
    await dialog.getByRole('button', { name: 'New template' }).click();
    await look(dialog.getByRole('textbox', { name: 'Step name' })).toHaveAccessibleDescription(
      en['validation.required'],
    );
    await dialog.getByRole('textbox', { name: 'Step name' }).fill('Legal');
    await dialog.getByRole('combobox', { name: 'People' }).click();
    await admin.getByRole('option', { name: 'Vic Viewer' }).click();
    await dialog.getByRole('button', { name: 'Add step' }).click();
    const second = dialog.getByRole('group', { name: 'Step 2' });
    await second.getByRole('textbox', { name: 'Step name' }).fill('Finance');
    await second.getByRole('combobox', { name: 'People' }).click();
    await admin.getByRole('option', { name: 'Ada Admin' }).click();
    await dialog.getByRole('combobox', { name: 'Default for category' }).click();
    await admin.getByRole('option', { name: 'Facilities' }).click();
    await dialog.getByRole('button', { name: 'New template' }).click();
    await look(dialog).toBeHidden();
    const row = admin.getByRole('row', { name: /Two-step review/ });
    await look(row).toContainText('Default for Facilities');
    await look(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();
  });

  const editorContext = await browser.newContext();
  await signIn(editorContext, eddie, 'en');
  const editor = await editorContext.newPage();
  await test.step('an editor does not see the settings page, and starts an approval from the template', async () => {
    await editor.goto('/settings/approval-templates');
    await look(editor.getByText('Not available for your role')).toBeVisible();
    await look(editor.getByRole('link', { name: 'Approval templates' })).toHaveCount(0);
    await editor.goto(`/contracts/${seeded.contractId}?tab=approval`);
    await editor.getByRole('button', { name: 'Start approval' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Start an approval' });
    await dialog.getByText('From a template').click();
    await dialog.getByRole('combobox', { name: 'Template' }).click();
    await editor.getByRole('option', { name: 'Two-step review' }).click();
    await dialog.getByRole('button', { name: 'Start approval' }).click();
    await look(dialog).toBeHidden();
    await look(editor.getByTestId('approval-step-1')).toContainText('Legal');
    await look(editor.getByTestId('approval-step-2')).toContainText('Finance');
    await look(editor.getByText('In approval')).toBeVisible();
  });

  await test.step('the grid filters by approval state, kept in the address and in a saved view', async () => {
    await admin.goto('/contracts');
    await look(admin.getByTestId('grid-total')).toHaveText('3 contracts');
    await admin.getByRole('combobox', { name: 'Approval' }).click();
    await admin.getByRole('option', { name: 'In approval' }).click();
    await look(admin).toHaveURL(/approval=in_progress/);
    await look(admin.getByTestId('grid-total')).toHaveText('1 contract');
    await look(admin.getByRole('table').getByRole('link', { name: seeded.contractTitle })).toBeVisible();
    await admin.getByRole('button', { name: 'Views' }).click();
    await admin.getByRole('menuitem', { name: 'Save current view…' }).click();
    const save = admin.getByRole('dialog', { name: 'Save this view' });
    await save.getByRole('textbox', { name: 'Name' }).fill('Waiting for approval');
    await save.getByRole('button', { name: 'Save view' }).click();
    await look(save).toBeHidden();
    await admin.goto('/contracts?approval=none');
    await look(admin.getByTestId('grid-total')).toHaveText('2 contracts');
    await look(admin.getByRole('combobox', { name: 'Approval' })).toHaveValue('Not started');
    await admin.getByRole('button', { name: 'Views' }).click();
    await admin.getByRole('menuitem', { name: 'Waiting for approval' }).click();
    await look(admin).toHaveURL(/approval=in_progress/);
    await look(admin.getByTestId('grid-total')).toHaveText('1 contract');
    await admin.goto('/settings/approval-templates');
  });

  await test.step('the administrator archives the template; it is no longer offered', async () => {
    await admin.getByRole('button', { name: 'Archive Two-step review' }).click();
    await admin
      .getByRole('dialog', { name: 'Archive this template?' })
      .getByRole('button', { name: 'Archive' })
      .click();
    await look(admin.getByText('No approval templates')).toBeVisible();
  });
  await editorContext.close();
  await adminContext.close();
});
