import { expect, type Page, test } from '@playwright/test';
import pg from 'pg';
import { E2E_DATABASE_URL, TWILIO_URL } from '../playwright.config.js';
import { timeStep, totpCode } from '../server/features/factors/totp.js';
import { PASSWORD, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const email = `sam-${run}@acme.example`;
/** A number of this run only: the fake Twilio keeps the texts of every test. */
const phone = `+4917${String(Date.now()).slice(-9)}`;

/** The code of the newest text to the number, as the fake Twilio received it. */
async function smsCode(count: number): Promise<string> {
  let body = '';
  await expect
    .poll(async () => {
      const texts = (await (await fetch(`${TWILIO_URL}/messages`)).json()) as { to: string; body: string }[];
      const mine = texts.filter((m) => m.to === phone);
      body = mine.at(-1)?.body ?? '';
      return mine.length;
    })
    .toBe(count);
  const match = body.match(/^Your Deedbox code is (\d{6})\. It expires in 5 minutes\.$/);
  expect(match, body).not.toBeNull();
  return match![1]!;
}

/** A minute later, as far as the one-text-a-minute limit knows: the person's texts are moved back (as the database owner). */
async function aMinuteLater() {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `update sms_codes set created_at = created_at - interval '61 seconds'
        where user_id = (select id from users where email = $1)`,
      [email],
    );
  } finally {
    await client.end();
  }
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sam Sms', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
}

test('an administrator adds a phone number beside an app, then signs in with a code by text message', async ({
  page,
}) => {
  await signUpInBrowser(page, { name: 'Sam Sms', email, company: 'Text Message GmbH' });
  await page.goto('/settings/security');

  await test.step('as the only factor of an administrator, SMS is refused with the reason', async () => {
    await page.getByRole('button', { name: 'Add phone number' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a phone number' });
    await dialog.getByRole('textbox', { name: 'Mobile number' }).fill('0170 123');
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expect(dialog.getByText('Enter the number in international format with the country code')).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Mobile number' }).fill(phone);
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expect(dialog.getByText('add an authenticator app or a passkey first')).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  await test.step('with an authenticator app first, the number is added with the texted code', async () => {
    await page.getByRole('button', { name: 'Add authenticator app' }).click();
    const app = page.getByRole('dialog', { name: 'Add an authenticator app' });
    const secret = (await app.getByTestId('totp-secret').textContent())!.trim();
    await app
      .getByRole('textbox', { name: '2. Enter the code the app shows' })
      .fill(totpCode(secret, timeStep(Date.now()) * 30_000));
    await app.getByRole('button', { name: 'Confirm' }).click();
    await app.getByRole('button', { name: 'I have saved them' }).click();

    await page.getByRole('button', { name: 'Add phone number' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a phone number' });
    await dialog.getByRole('textbox', { name: 'Mobile number' }).fill(phone);
    await dialog.getByRole('button', { name: 'Send code' }).click();
    await expect(dialog.getByText(`We sent a code to +49 ••• ••• ${phone.slice(-2)}`)).toBeVisible();
    await expect(dialog.getByRole('button', { name: /Send a new code in \d+ s/ })).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Code from the text message' }).fill(await smsCode(1));
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('sms-number')).toHaveText(`+49 ••• ••• ${phone.slice(-2)}`);
  });

  await test.step('sign out, sign in: a code by text message signs in', async () => {
    await signOut(page);
    await aMinuteLater();
    await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Get a code by text message instead' }).click();
    await page.getByRole('button', { name: 'Send a code by text message' }).click();
    await expect(page.getByText(`We sent a code to +49 ••• ••• ${phone.slice(-2)}.`)).toBeVisible();
    await expect(page.getByRole('button', { name: /Send a new code in \d+ s/ })).toBeDisabled();
    await page.getByRole('textbox', { name: 'Code from the text message' }).fill(await smsCode(2));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Sam Sms', exact: true })).toBeVisible();
  });
});
