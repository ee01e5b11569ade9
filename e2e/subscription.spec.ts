import { expect, test } from '@playwright/test';
import { apiAs, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);

test('an administrator cancels a trial, sees the read-only banner and deletion date, is refused a write, reactivates', async ({
  page,
}) => {
  await signUpInBrowser(page, { name: 'Carla Cancel', email: `carla-${run}@example.com`, company: 'Cancel GmbH' });

  await test.step('Settings → Subscription: the trial, its seats; cancel says what happens, then does it', async () => {
    await page.goto('/settings/subscription');
    await expect(page.getByRole('heading', { name: 'Subscription', exact: true })).toBeVisible();
    await expect(page.getByText('Trial', { exact: true })).toBeVisible();
    await expect(page.getByText('1 used, no limit')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel subscription' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel the subscription?' });
    await expect(dialog.getByText(/becomes read-only at once/)).toBeVisible();
    await expect(dialog.getByText(/kept for 18 months/)).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel subscription' }).click();
    await expect(page.getByText('The subscription is cancelled.')).toBeVisible();
    await expect(page.getByText('Cancelled', { exact: true })).toBeVisible();
    await expect(page.getByTestId('deletion-date')).toHaveText(/\d/);
  });

  await test.step('a banner on every page says why and until when; a write is refused in words', async () => {
    const { deletionDate } = await apiAs(page, 'GET', '/subscription');
    await page.goto('/partners');
    const banner = page.getByRole('status').filter({ hasText: 'This account is read-only' });
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('The data is kept until');
    expect(deletionDate).not.toBeNull();
    await page.goto('/settings/categories');
    await expect(banner).toBeVisible();
    await page.getByRole('button', { name: /New category|Add category/ }).first().click();
    await page.getByRole('dialog').getByRole('textbox').first().fill(`Read-only ${run}`);
    await page.getByRole('dialog').getByRole('button', { name: /Save|Create|Add/ }).first().click();
    await expect(page.getByText('This account is read-only').last()).toBeVisible();
    await expect(page.getByText(/The subscription was cancelled: since .* nothing can be changed/)).toBeVisible();
  });

  await test.step('reactivating brings everything back', async () => {
    await page.goto('/settings/subscription');
    await page.getByRole('button', { name: 'Reactivate subscription' }).click();
    await expect(page.getByText('The subscription is active again.')).toBeVisible();
    await expect(page.getByText('Trial', { exact: true })).toBeVisible();
    await page.goto('/partners');
    await expect(page.getByText('This account is read-only')).toHaveCount(0);
    expect((await apiAs(page, 'GET', '/subscription/access')).readOnly).toBe(false);
  });
});
