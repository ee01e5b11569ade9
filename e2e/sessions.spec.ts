import { expect, test } from '@playwright/test';
import { signIn } from './seed.js';
import { signUpInBrowser } from './session.js';

// Full page loads on a shared two-core machine: each may take longer than the default five seconds.
const look = expect.configure({ timeout: 20_000 });

test('one browser signs the other out from the sessions page; the other is sent to sign in', async ({ browser }) => {
  const email = `ada-${Date.now().toString(36)}@sessions.example`;
  const laptop = await (await browser.newContext()).newPage();
  await signUpInBrowser(laptop, { name: 'Ada Admin', email, company: 'Sessions GmbH' });

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await signIn(phoneContext, email, 'en');
  const phone = await phoneContext.newPage();
  await phone.goto('/settings/sessions');
  await look(phone.getByRole('heading', { name: 'Sessions', exact: true })).toBeVisible();
  await look(phone.getByRole('list', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(2);

  await laptop.goto('/settings/sessions');
  const rows = laptop.getByRole('list', { name: 'Sessions' }).getByRole('listitem');
  await look(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'This session' })).toHaveCount(1);
  const other = rows.filter({ hasNotText: 'This session' });
  await other.getByRole('button', { name: /^Sign out the session of/ }).click();
  const dialog = laptop.getByRole('dialog', { name: 'Sign out this session?' });
  await dialog.getByRole('button', { name: 'Sign out', exact: true }).click();
  await look(laptop.getByText('The session has been signed out.')).toBeVisible();
  await look(rows).toHaveCount(1);
  await expect(laptop.getByText('This is your only session in this account.')).toBeVisible();

  // The phone's next request finds its session gone and lands on sign-in.
  await phone.reload();
  await look(phone).toHaveURL(/\/sign-in/);
  await look(phone.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();

  // The laptop is still signed in.
  await laptop.reload();
  await look(laptop.getByRole('heading', { name: 'Sessions', exact: true })).toBeVisible();
});
