import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, type Page, test } from '@playwright/test';
import { addDays, todayIn } from '../common/terms/dates.js';
import { E2E_ENV } from '../playwright.config.js';
import { linkFromMail, mailCount } from './mail.js';
import { apiAs, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const email = `rita-${run}@umbrella.example`;
const title = `Fleet leasing ${run}`;

function signUp(page: Page) {
  return signUpInBrowser(page, { name: 'Rita Reminder', email: email, company: 'Umbrella GmbH' });
}

/** `deedbox reminders run --as-of …` as its own process, as an operator runs it. */
async function remindersRun(orgId: string, asOf: string) {
  const child = spawn(process.execPath, ['bin/deedbox.js', 'reminders', 'run', '--org', orgId, '--as-of', asOf], {
    env: { ...process.env, ...E2E_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number];
  expect(code).toBe(0);
  return JSON.parse(out) as Record<string, number>;
}

test('set a reminder, run the reminder job, acknowledge from the mail, see the delivery record', async ({ page }) => {
  test.setTimeout(120_000);
  await test.step('sign up', () => signUp(page));

  const today = todayIn('Europe/Berlin');
  let me = { user: { id: '' }, org: { id: '' } };
  const contract = await test.step('a contract with a notice deadline (no automatic reminders)', async () => {
    await apiAs(page, 'PATCH', '/settings/reminders', {
      expiryEndDays: [],
      expiryNoticeDays: [],
      weeklySummary: false,
    });
    me = await (await page.request.get('/api/v1/me')).json();
    return apiAs(page, 'POST', '/contracts', {
      title,
      status: 'active',
      ownerId: me.user.id,
      reminders: [],
      lifecycle: {
        type: 'auto_renewal',
        startDate: addDays(today, -30),
        endDate: addDays(today, 400),
        renewalTerm: 'P1Y',
        noticePeriod: 'P3M',
      },
    }) as Promise<{ id: string; computed: { noticeDeadline: string } }>;
  });
  const deadline = contract.computed.noticeDeadline;

  await test.step('set a reminder 30 and 14 days before the notice deadline, to the owner', async () => {
    await page.goto(`/contracts/${contract.id}?tab=events`);
    const card = page.getByRole('article', { name: 'Notice deadline' });
    await card.getByRole('button', { name: 'Add reminder' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a reminder' });
    // A new reminder starts at 30 days before; add 14 days before with a click on the chip.
    await expect(dialog.getByRole('checkbox', { name: '30 days before' })).toBeChecked();
    await dialog.getByText('14 days before', { exact: true }).click();
    await expect(dialog.getByRole('checkbox', { name: '14 days before' })).toBeChecked();
    await dialog.getByRole('checkbox', { name: 'Owner', exact: true }).check();
    await dialog.getByRole('button', { name: 'Add reminder' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByText('30 days before')).toBeVisible();
    await expect(card.getByText('14 days before')).toBeVisible();
  });

  await test.step('run the reminder job on the due day: one mail; again: none', async () => {
    const asOf = `${addDays(deadline, -30)}T08:00`;
    // The worker's `mail.send` may send the queued mail before this run does: either way it goes out once.
    expect(await remindersRun(me.org.id, asOf)).toMatchObject({ deliveries: 1 });
    await expect.poll(() => mailCount(email, new RegExp(title))).toBe(1);
    expect(await remindersRun(me.org.id, asOf)).toMatchObject({ deliveries: 0, sent: 0 });
    expect(await mailCount(email, new RegExp(title))).toBe(1);
  });

  await test.step('follow the acknowledge link from the mail', async () => {
    const link = await linkFromMail(email, new RegExp(title), '/respond/');
    await page.goto(link);
    await expect(page.getByText(`Acknowledge the reminder for ${title}`)).toBeVisible();
    await page.getByRole('button', { name: 'Confirm: I’m on it' }).click();
    await expect(page.getByText(/Thank you\. The reminder is acknowledged/)).toBeVisible();
  });

  await test.step('see the reminder acknowledged and its delivery record', async () => {
    await page.goto(`/contracts/${contract.id}?tab=events`);
    const card = page.getByRole('article', { name: 'Notice deadline' });
    await expect(card.getByText('Acknowledged', { exact: true })).toBeVisible();
    await card.getByRole('button', { name: 'Deliveries' }).click();
    const drawer = page.getByRole('dialog', { name: 'Deliveries' });
    await expect(drawer.getByTitle('The mail server accepted it')).toHaveText('Sent');
    await expect(drawer.getByText(email)).toBeVisible();
    // The SMTP message id the mail server was given, which names the delivery (at APP_URL's host).
    await expect(drawer.getByText(/^<[0-9a-f-]{36}@localhost>$/)).toBeVisible();
  });
});
