import { type CDPSession, expect, type Page, test } from '@playwright/test';
import { PASSWORD, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const email = `pia-${run}@acme.example`;

/** Chromium's virtual authenticator: a platform authenticator with user verification that always consents. */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Pia Passkey', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
}

test('register a passkey, then sign in with it as the second factor and without a password', async ({ page }) => {
  // Created before the first page load: the authenticator belongs to this page's target.
  const { cdp, authenticatorId } = await virtualAuthenticator(page);
  await signUpInBrowser(page, { name: 'Pia Passkey', email, company: 'Passkey GmbH' });

  await test.step('register: name it, the device creates it, the first factor brings backup codes', async () => {
    await page.goto('/settings/security');
    await page.getByRole('button', { name: 'Add passkey' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a passkey' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Laptop');
    await dialog.getByRole('button', { name: 'Create passkey' }).click();
    await expect(dialog.getByText('Save these codes now')).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByTestId('backup-codes').locator('code')).toHaveCount(10);
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    await expect(dialog).toBeHidden();
    const list = page.getByRole('list', { name: 'Passkeys' });
    await expect(list.getByText('Laptop', { exact: true })).toBeVisible();
    await expect(list.getByText(/Not used for a sign-in yet/)).toBeVisible();
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]!.isResidentCredential).toBe(true);
    expect(credentials[0]!.rpId).toBe('localhost');
  });

  await test.step('rename it', async () => {
    await page.getByRole('button', { name: 'Rename Laptop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename “Laptop”' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Work laptop');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('list', { name: 'Passkeys' }).getByText('Work laptop', { exact: true })).toBeVisible();
  });

  await test.step('sign out, sign in: after the password, the passkey confirms', async () => {
    await signOut(page);
    await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('Confirm your sign-in with one of your passkeys.')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await expect(page.getByRole('button', { name: 'Pia Passkey', exact: true })).toBeVisible();
  });

  await test.step('sign out, sign in with the passkey alone', async () => {
    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByRole('button', { name: 'Pia Passkey', exact: true })).toBeVisible();
    await page.goto('/settings/security');
    await expect(page.getByRole('list', { name: 'Passkeys' }).getByText(/Last used/)).toBeVisible();
  });

  await test.step('remove it with the password: the next sign-in needs no second factor', async () => {
    await page.getByRole('button', { name: 'Remove Work laptop' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove “Work laptop”?' });
    await dialog.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('No passkey yet.')).toBeVisible();
  });
});

test('a cancelled passkey prompt is no error', async ({ page }) => {
  // An authenticator without a passkey for us: the browser ends the prompt with NotAllowedError, as when the person cancels.
  await virtualAuthenticator(page);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('status').getByText(/No passkey was used/)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});
