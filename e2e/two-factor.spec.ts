import { expect, type Page, test } from '@playwright/test';
import { timeStep, totpCode } from '../server/features/factors/totp.js';
import { PASSWORD, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const email = `tia-${run}@acme.example`;

/** The code an authenticator app would show, for a time step later than the last one used (codes work once). */
function nextCode(secret: string, lastStep: number): { code: string; step: number } {
  const step = Math.max(timeStep(Date.now()), lastStep + 1);
  return { code: totpCode(secret, step * 30_000), step };
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Tia Two', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
}

async function enterPassword(page: Page) {
  await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible({ timeout: 20_000 });
}

test('enrol an authenticator app, then sign in with its code and with a backup code', async ({ page }) => {
  await signUpInBrowser(page, { name: 'Tia Two', email, company: 'Two Factor GmbH' });
  let secret = '';
  let lastStep = 0;
  let backupCodes: string[] = [];

  await test.step('enrol: scan (here: read) the key, confirm with the first code, keep the backup codes', async () => {
    await page.goto('/settings/security');
    await page.getByRole('button', { name: 'Add authenticator app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an authenticator app' });
    await expect(dialog.getByRole('img', { name: 'QR code to scan with your authenticator app' })).toBeVisible();
    secret = (await dialog.getByTestId('totp-secret').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const first = nextCode(secret, 0);
    lastStep = first.step;
    await dialog.getByRole('textbox', { name: '2. Enter the code the app shows' }).fill(first.code);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog.getByText('Save these codes now')).toBeVisible();
    backupCodes = (await dialog.getByTestId('backup-codes').locator('code').allTextContents()).map((c) => c.trim());
    expect(backupCodes).toHaveLength(10);
    await dialog.getByRole('button', { name: 'I have saved them' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('10 unused backup codes left.')).toBeVisible();
  });

  await test.step('sign out, sign in: the password asks for the code, the code signs in', async () => {
    await signOut(page);
    await enterPassword(page);
    const next = nextCode(secret, lastStep);
    lastStep = next.step;
    await page.getByRole('textbox', { name: 'Code from your authenticator app' }).fill(next.code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Tia Two', exact: true })).toBeVisible();
  });

  await test.step('sign out, sign in with a backup code instead', async () => {
    await signOut(page);
    await enterPassword(page);
    await page.getByRole('button', { name: 'Use a backup code instead' }).click();
    await page.getByRole('textbox', { name: 'Backup code' }).fill(backupCodes[0]!);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Tia Two', exact: true })).toBeVisible();
    await page.goto('/settings/security');
    await expect(page.getByText('9 unused backup codes left.')).toBeVisible();
  });
});
