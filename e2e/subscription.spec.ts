import { expect, test } from '@playwright/test';
import { apiAs, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
/** Each page load asks /me, then the banner its own question; a busy machine takes more than the default 5 s. */
const ui = expect.configure({ timeout: 20_000 });

test('an administrator cancels a trial, sees the read-only banner and deletion date, is refused a write, reactivates', async ({
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
