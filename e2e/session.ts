import { expect, type Page } from '@playwright/test';
import { linkFromMail } from './mail.js';

export const PASSWORD = 'Tr0ub4dor&3-horse-staple';

/**
 * A new account signed up through the form and confirmed from the mailed link, as a person does
 * it; waits for the start page's greeting.
 */
export async function signUpInBrowser(page: Page, who: { name: string; email: string; company: string }) {
  await page.goto('/sign-up');
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(who.name);
  await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(who.email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: 'Company name', exact: true }).fill(who.company);
  await page.getByRole('button', { name: 'Create account' }).click();
  await followSignUpLink(page, who.email);
  const firstName = who.name.split(' ')[0]!;
  await expect(page.getByRole('heading', { name: new RegExp(`\\b${firstName}\\b`) })).toBeVisible({
    timeout: 20_000,
  });
}

/**
 * After "Create account": the page asks to check the inbox; the browser then opens the link from
 * the sign-up mail (English or German), which creates the account and signs in.
 */
export async function followSignUpLink(page: Page, email: string) {
  // Sign-up hashes the password with scrypt on purpose: slow on a busy machine, so more than the default 5 s.
  await expect(page.getByRole('heading', { name: /Check your inbox|Sehen Sie in Ihr Postfach/ })).toBeVisible({
    timeout: 30_000,
  });
  const link = new URL(await linkFromMail(email, /Finish signing up|Registrierung bei Deedbox/, '/confirm-sign-up'));
  await page.goto(`${link.pathname}${link.search}`);
}

/** The JSON API as the signed-in page (its session cookie and CSRF token); anything but a 2xx fails the test. */
export async function apiAs(
  page: Page,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  data?: unknown,
) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'dbx_csrf')!.value;
  const res = await page.request.fetch(`/api/v1${url}`, { method, data, headers: { 'x-csrf-token': csrf } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.status() === 204 ? null : res.json();
}
