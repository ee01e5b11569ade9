import { expect, type Page, test } from '@playwright/test';
import { addDays, todayIn } from '../common/terms/dates.js';
import { computeTerms } from '../common/terms/engine.js';
import { noticeOutcome } from '../common/terms/notice.js';
import { apiAs, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const email = `nora-${run}@hooli.example`;

function signUp(page: Page) {
  return signUpInBrowser(page, { name: 'Nora Notice', email: email, company: 'Hooli GmbH' });
}

test('record notice after the deadline: the dialog says the later end and needs confirmation; the deadline then stops', async ({
  page,
}) => {
  await test.step('sign up', () => signUp(page));
  const today = todayIn('Europe/Berlin');
  // The running term ends in 30 days; its deadline (three months before) passed unused.
  const lifecycle = {
    type: 'auto_renewal',
    startDate: addDays(today, -200),
    endDate: addDays(today, 30),
    renewalTerm: 'P1Y',
    noticePeriod: 'P3M',
  } as const;
  const contract = (await apiAs(page, 'POST', '/contracts', {
    title: `Printer lease ${run}`,
    status: 'active',
    reminders: [],
    lifecycle,
  })) as { id: string };
  const outcome = noticeOutcome(lifecycle, today);
  expect(outcome).toMatchObject({ late: true, termsLater: 1 });

  await test.step('the proof says why the deadline belongs to the next term', async () => {
    await page.goto(`/contracts/${contract.id}`);
    await expect(page.getByRole('heading', { name: `Printer lease ${run}` })).toBeVisible({ timeout: 15_000 });
    const expected = computeTerms(lifecycle, today);
    await expect(page.getByTestId('deadline-proof')).toHaveText(expected.proof!);
    await expect(page.getByTestId('deadline-proof')).toContainText('passed without notice');
  });

  const dialog = page.getByRole('dialog', { name: 'Record notice' });
  await test.step('a day after today is refused before anything is sent', async () => {
    await page.getByRole('button', { name: 'Record notice' }).click();
    await dialog.getByLabel('Notice given on').fill(addDays(today, 1));
    await expect(dialog.getByText('Notice can only be recorded once given')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Record notice' })).toBeDisabled();
  });

  await test.step('notice today is late: the dialog says the end, one term later, and waits for confirmation', async () => {
    await dialog.getByLabel('Notice given on').fill(today);
    const warning = dialog.getByTestId('notice-outcome');
    await expect(warning).toContainText('After the notice deadline');
    await expect(warning).toContainText(`ends on ${outcome.endsOn}, one term later`);
    await expect(dialog.getByRole('button', { name: 'Record notice' })).toBeDisabled();
    await dialog.getByRole('checkbox', { name: `I understand: the contract ends on ${outcome.endsOn}.` }).check();
    await dialog.getByRole('button', { name: 'Record notice' }).click();
    await expect(page.getByText('Notice recorded.')).toBeVisible();
  });

  await test.step('the page says notice was given and when the contract ends, with no countdown left', async () => {
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('deadline-none')).toHaveText(`Notice given on ${today} — ends on ${outcome.endsOn}`);
    await expect(page.getByTestId('notice-deadline')).toHaveCount(0);
    // Status and phase agree, in the header as in the details.
    await expect(page.getByText('Terminated', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Notice given', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Running', { exact: true })).toHaveCount(0);
    await expect(page.getByText('Open-ended')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Record notice' })).toHaveCount(0);
  });
});
