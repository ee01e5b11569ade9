import { expect, test } from '@playwright/test';
import { linkFromMail } from './mail.js';
import { followSignUpLink } from './session.js';

const run = Date.now().toString(36);
const adminEmail = `ada-${run}@acme.example`;
const memberEmail = `max-${run}@acme.example`;
const PASSWORD = 'Tr0ub4dor&3-horse-staple';

test('sign up, invite a user by mail, set their role; they see only what it allows; all of it is in the activity log; then delete them with their personal data', async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();

  await test.step('sign up as the first Administrator', async () => {
    await admin.goto('/sign-up');
    await admin.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada Admin');
    await admin.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(adminEmail);
    await admin.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await admin.getByRole('textbox', { name: 'Company name', exact: true }).fill('Acme GmbH');
    await admin.getByRole('button', { name: 'Create account' }).click();
    await followSignUpLink(admin, adminEmail);
    await expect(admin.getByRole('heading', { name: /, Ada$/ })).toBeVisible();
  });

  await test.step('invite a user by e-mail', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('button', { name: 'Invite user' }).click();
    const dialog = admin.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(memberEmail);
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await expect(dialog).toBeHidden();
    await expect(admin.getByRole('row', { name: new RegExp(memberEmail) })).toBeVisible();
  });

  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await test.step('the invitee opens the link from the mail and sets a password', async () => {
    const link = await linkFromMail(memberEmail, /invited to Acme GmbH/);
    await member.goto(new URL(link).pathname);
    await expect(member.getByRole('heading', { name: 'Join Acme GmbH' })).toBeVisible();
    await member.getByRole('textbox', { name: 'Name', exact: true }).fill('Max Member');
    await member.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await member.getByRole('button', { name: 'Accept invitation' }).click();
    await expect(member.getByRole('heading', { name: /, Max$/ })).toBeVisible();
  });

  await test.step('the Administrator makes them a Viewer of the default unit', async () => {
    await admin.reload();
    const roleSelect = admin.getByRole('combobox', { name: 'Role of Max Member in General' });
    await roleSelect.click();
    await admin.getByRole('option', { name: 'Viewer' }).click();
    await expect(admin.getByText('Access for Max Member updated.')).toBeVisible();
    await expect(roleSelect).toHaveValue('Viewer');
  });

  await test.step('the member signs in again and sees only what a Viewer may', async () => {
    await member.getByRole('button', { name: 'Max Member', exact: true }).click();
    await member.getByRole('menuitem', { name: 'Sign out' }).click();
    await member.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(memberEmail);
    await member.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await member.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(member.getByRole('heading', { name: /, Max$/ })).toBeVisible();
    await expect(member.getByText('Viewer').first()).toBeVisible();
    const nav = member.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Personal settings' })).toBeVisible();
    for (const hidden of ['Users', 'Business units', 'API keys', 'Activity log']) {
      await expect(nav.getByRole('link', { name: hidden })).toHaveCount(0);
    }
    await member.goto('/settings/users');
    await expect(member.getByText('Not available for your role')).toBeVisible();
  });

  await test.step('the Administrator sees all of it in the activity log, and the chain is intact', async () => {
    await admin.getByRole('link', { name: 'Activity log' }).click();
    const log = admin.getByRole('table');
    for (const action of ['Invited user', 'Accepted invitation', 'Changed roles', 'Signed in']) {
      await expect(log.getByText(action, { exact: true }).first()).toBeVisible();
    }
    await expect(log.getByText('Max Member').first()).toBeVisible();
    await admin.getByRole('button', { name: 'Verify chain' }).click();
    await expect(admin.getByText('The activity log is intact')).toBeVisible();
  });

  await test.step('the Administrator deletes the member with their personal data; the log shows a pseudonym', async () => {
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('button', { name: 'Actions for Max Member' }).click();
    await admin.getByRole('menuitem', { name: 'Delete person and personal data' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Delete Max Member and their personal data?' });
    const confirm = dialog.getByRole('textbox', { name: `Type ${memberEmail} to confirm` });
    await confirm.fill(adminEmail);
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    await expect(dialog.getByText('That is not the person’s exact e-mail address.')).toBeVisible();
    await expect(admin.getByRole('row', { name: new RegExp(memberEmail) })).toBeVisible();
    await confirm.fill(memberEmail);
    await dialog.getByRole('button', { name: 'Delete for good' }).click();
    const done = admin.getByText(/^Max Member was deleted\. They now appear as Person [0-9A-Z]{8}\.$/);
    await expect(done).toBeVisible();
    const pseudonym = /Person [0-9A-Z]{8}/.exec((await done.textContent()) ?? '')![0];
    await expect(admin.getByRole('row', { name: new RegExp(memberEmail) })).toHaveCount(0);

    await admin.getByRole('link', { name: 'Activity log' }).click();
    const log = admin.getByRole('table');
    await expect(log.getByText('Erased person', { exact: true })).toBeVisible();
    await expect(log.getByText(pseudonym).first()).toBeVisible();
    await expect(log.getByText('Max Member')).toHaveCount(0);
    await expect(log.getByText(memberEmail)).toHaveCount(0);
    await admin.getByRole('button', { name: 'Verify chain' }).click();
    await expect(admin.getByText('The activity log is intact')).toBeVisible();

    // Their session ended with the membership: the next page they ask for is the sign-in.
    await member.reload();
    await expect(member.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  });

  await adminContext.close();
  await memberContext.close();
});
