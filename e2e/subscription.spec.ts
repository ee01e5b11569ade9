import { expect, test } from '@playwright/test';
import { apiAs, PASSWORD, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
/** Each page load asks /me, then the banner its own question; a busy machine takes more than the default 5 s. */
const ui = expect.configure({ timeout: 20_000 });

test('an administrator cancels a trial, sees the read-only banner and deletion date, is refused a write, exports, asks for deletion and cancels it, reactivates', async ({
  page,
}) => {
  await signUpInBrowser(page, { name: 'Carla Cancel', email: `carla-${run}@example.com`, company: 'Cancel GmbH' });

  await test.step('Settings → Subscription: the trial, its seats; cancel says what happens, then does it', async () => {
    await page.goto('/settings/subscription');
    await ui(page.getByRole('heading', { name: 'Subscription', exact: true })).toBeVisible();
    await ui(page.getByText('Trial', { exact: true })).toBeVisible();
    await ui(page.getByText('1 used, no limit')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the subscription?' });
    await ui(dialog.getByText(/becomes read-only at once/)).toBeVisible();
    await ui(dialog.getByText(/kept for 18 months/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel subscription' }).click();
    await ui(page.getByText('The subscription is cancelled.')).toBeVisible();
    await ui(page.getByText('Cancelled', { exact: true })).toBeVisible();
    await ui(page.getByTestId('deletion-date')).toHaveText(/\d/);
  });

  await test.step('a banner on every page says why and until when; a write is refused in words', async () => {
    const { deletionDate } = await apiAs(page, 'GET', '/subscription');
    await page.goto('/partners');
    const banner = page.getByRole('status').filter({ hasText: 'This account is read-only' });
    await ui(banner).toBeVisible();
    await ui(banner).toContainText('The data is kept until');
    expect(deletionDate).not.toBeNull();
    await page.goto('/settings/categories');
    await ui(banner).toBeVisible();
    await page.getByRole('button', { name: 'New category' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New category' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`Read-only ${run}`);
    await dialog.getByRole('button', { name: 'New category' }).click();
    await ui(page.getByText(/The subscription was cancelled: since .* nothing can be changed/).first()).toBeVisible();
  });

  await test.step('a read-only account still exports itself', async () => {
    await page.goto('/settings/export');
    await page.getByRole('button', { name: 'Start export' }).first().click();
    const row = page.getByRole('table', { name: 'Exports' }).getByRole('row').nth(1);
    await expect(row.getByText('Ready')).toBeVisible({ timeout: 60_000 });
  });

  await test.step('asking for deletion takes the exact name and the password; it can be cancelled', async () => {
    await page.goto('/settings/subscription');
    await page.getByRole('button', { name: 'Delete account…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this account for good?' });
    await dialog.getByRole('textbox', { name: /Type the account’s name/ }).fill('Cancel');
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    await ui(dialog.getByText('That is not the account’s exact name.')).toBeVisible();
    await dialog.getByRole('textbox', { name: /Type the account’s name/ }).fill('Cancel GmbH');
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill('not my password');
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    await ui(dialog.getByText('This is not your password.')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Delete account' }).click();
    await ui(page.getByTestId('deletion-request')).toContainText('Carla Cancel asked for this account to be deleted.');
    expect((await apiAs(page, 'GET', '/subscription')).deletionRequest).not.toBeNull();
    await page.getByRole('button', { name: 'Cancel the deletion' }).click();
    await ui(page.getByText('The deletion is cancelled. The account stays.')).toBeVisible();
    await ui(page.getByTestId('deletion-request')).toHaveCount(0);
    expect((await apiAs(page, 'GET', '/subscription')).deletionRequest).toBeNull();
  });

  await test.step('reactivating brings everything back', async () => {
    await page.goto('/settings/subscription');
    await page.getByRole('button', { name: 'Reactivate subscription' }).click();
    await ui(page.getByText('The subscription is active again.')).toBeVisible();
    await ui(page.getByText('Trial', { exact: true })).toBeVisible();
    await page.goto('/partners');
    await ui(page.getByText('This account is read-only')).toHaveCount(0);
    expect((await apiAs(page, 'GET', '/subscription/access')).readOnly).toBe(false);
  });
});
