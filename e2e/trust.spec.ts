import { expect, test } from '@playwright/test';
import { apiAs, signUpInBrowser } from './session.js';

// Full page loads on a shared two-core machine: each may take longer than the default five seconds.
const look = expect.configure({ timeout: 20_000 });

test('anyone opens the trust page from sign-in, in English and in German', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Trust and security' }).click();
  await look(page).toHaveURL(/\/trust$/);
  await look(page.getByRole('heading', { name: 'Trust and security', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/Trust and security/);
  await look(page.getByTestId('trust-hosting')).toHaveText('Hetzner Online GmbH, dedicated servers in Falkenstein');
  await expect(page.getByText('Germany (European Union)')).toBeVisible();
  // The SMS adapter the browser tests configure, and the operator's own entry.
  const processors = page.getByTestId('sub-processor');
  await expect(processors.filter({ hasText: 'Twilio' })).toContainText('Sends text messages with sign-in codes');
  await expect(processors.filter({ hasText: 'Zammad GmbH' })).toContainText('Support tickets');
  await expect(page.getByRole('link', { name: 'zammad.com/en' })).toHaveAttribute('href', 'https://zammad.com/en');
  await expect(page.getByText('On, AES-256-GCM')).toBeVisible();
  // No scan summary is configured here: the page says so rather than inventing a date.
  await expect(page.getByTestId('trust-security-test')).toHaveText('Not recorded');
  await expect(page.getByText(/its data is kept for 18 months/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your organization' })).toHaveCount(0);

  await page.getByText('DE', { exact: true }).click();
  await look(page.getByRole('heading', { name: 'Vertrauen und Sicherheit', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Unterauftragsverarbeiter' })).toBeVisible();
  await expect(page.getByTestId('sub-processor').filter({ hasText: 'Twilio' })).toContainText(
    'Versendet SMS mit Anmeldecodes',
  );
  await expect(page.getByTestId('trust-security-test')).toHaveText('Nicht erfasst');
  await expect(page.getByText(/seine Daten bleiben 18 Monate erhalten/)).toBeVisible();

  // Back on sign-in, the link is in German too.
  await page.goto('/sign-in');
  await look(page.getByRole('link', { name: 'Vertrauen und Sicherheit' })).toBeVisible();
});

test('an administrator also sees the own activity-log chain and, once cancelled, the deletion date', async ({
  page,
}) => {
  const email = `ada-${Date.now().toString(36)}@trust.example`;
  await signUpInBrowser(page, { name: 'Ada Admin', email, company: 'Trusting GmbH' });
  // Signed in, the user menu leads there.
  await page.getByRole('button', { name: 'Ada Admin' }).click();
  await page.getByRole('menuitem', { name: 'Trust and security' }).click();
  await look(page).toHaveURL(/\/trust$/);
  await look(page.getByRole('heading', { name: 'Your organization' })).toBeVisible();
  await expect(page.getByText('Only administrators of Trusting GmbH see this part.')).toBeVisible();
  await look(page.getByTestId('trust-chain')).toHaveText('Intact');
  await expect(page.getByTestId('trust-deletion')).toHaveText('None scheduled: the subscription is active');

  const cancelled = await apiAs(page, 'POST', '/subscription/cancel', { confirm: true });
  await page.reload();
  await look(page.getByTestId('trust-chain')).toHaveText('Intact');
  await look(page.getByTestId('trust-deletion')).toContainText('Data will be deleted on');
  await expect(page.getByTestId('trust-deletion')).toContainText(
    String(new Date(cancelled.deletionDate).getUTCFullYear()),
  );
});
