import { expect, type Page, test } from '@playwright/test';
import { followSignUpLink } from './session.js';

const run = Date.now().toString(36);
const PASSWORD = 'Tr0ub4dor&3-horse-staple';

async function signUp(page: Page, who: string, locale: 'en' | 'de') {
  await page.addInitScript({ content: `window.localStorage.setItem('dbx_locale', '${locale}')` });
  await page.goto('/sign-up');
  const de = locale === 'de';
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Fiona Former');
  await page
    .getByRole('textbox', { name: de ? 'E-Mail-Adresse' : 'E-mail address', exact: true })
    .fill(`${who}-${run}@forms.example`);
  await page.getByRole('textbox', { name: de ? 'Passwort' : 'Password', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: de ? 'Firmenname' : 'Company name', exact: true }).fill('Formtech GmbH');
  await page.getByRole('button', { name: de ? 'Konto erstellen' : 'Create account' }).click();
  await followSignUpLink(page, `${who}-${run}@forms.example`);
  // Sign-up hashes a password on purpose slowly; on a busy machine that takes a while.
  await expect(page.getByRole('heading', { name: /, Fiona$/ })).toBeVisible({ timeout: 30_000 });
}

async function contractCount(page: Page): Promise<number> {
  const res = await page.request.get('/api/v1/contracts');
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: unknown[] }).items.length;
}

/** Every <button> inside a <form> must say what it does: the HTML default type is "submit". */
async function untypedFormButtons(page: Page): Promise<number> {
  return page.locator('form button:not([type])').count();
}

test('the inline “+” buttons of the contract form create entries without saving the contract', async ({ page }) => {
  // Sign-up and three dialogs, each checked against the API: longer than one screen's test.
  test.setTimeout(120_000);
  await signUp(page, 'plus', 'en');
  await page.goto('/contracts/new');
  await page.getByRole('textbox', { name: 'Title' }).fill('Half-filled lease');
  // Valid enough to save: a submit that leaked out of a modal would create the contract.
  await page.getByLabel('Start date').fill('2025-01-01');
  await page.getByLabel('End date').fill('2025-12-31');
  expect(await untypedFormButtons(page)).toBe(0);

  const inline = [
    { button: 'New partner', field: 'Name', submit: 'Create partner', name: 'Inline Partner AG' },
    { button: 'New category', field: 'Name', submit: 'New category', name: 'Inline category' },
    { button: 'New organizational unit', field: 'Name', submit: 'New organizational unit', name: 'Inline unit' },
  ];
  for (const step of inline) {
    await test.step(step.button, async () => {
      await page.getByRole('button', { name: step.button, exact: true }).click();
      const dialog = page.getByRole('dialog');
      expect(await untypedFormButtons(page)).toBe(0);
      await dialog.getByRole('textbox', { name: step.field, exact: true }).fill(step.name);
      // Enter submits the modal's own form, the path that used to bubble to the contract form.
      await dialog.getByRole('textbox', { name: step.field, exact: true }).press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page).toHaveURL(/\/contracts\/new$/);
      await expect(page.getByRole('textbox', { name: 'Title' })).toHaveValue('Half-filled lease');
      expect(await contractCount(page)).toBe(0);
    });
  }
  await expect(page.getByRole('combobox', { name: 'Business partner' })).toHaveValue('Inline Partner AG');
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('Inline category');
});

test('a long form scrolls to and focuses its first error, sums them up, and stops typing at the limit', async ({
  page,
}) => {
  await signUp(page, 'long', 'en');
  await page.goto('/contracts/new');
  const title = page.getByRole('textbox', { name: 'Title' });
  await expect(title).toBeVisible({ timeout: 20_000 });
  await title.fill('x'.repeat(320));
  await expect(title).toHaveValue('x'.repeat(300));
  await expect(title).toHaveAttribute('maxlength', '300');
  await title.fill('');
  await page.getByLabel('Start date').fill('2025-01-01');
  await page.getByLabel('End date').fill('2024-01-01');
  await page.getByRole('button', { name: 'Create contract' }).click();
  await expect(title).toBeFocused();
  const summary = page.getByRole('alert').filter({ hasText: 'Please check the highlighted fields.' });
  await expect(summary).toContainText('To check: Title, ');
  await expect(summary).toContainText('End date');
  expect(await contractCount(page)).toBe(0);
});

test('a duplicate name says it exists, in German too, never in the validator’s English', async ({ page }) => {
  await signUp(page, 'dup', 'de');
  await page.goto('/settings/categories');
  for (const attempt of [1, 2]) {
    await page.getByRole('button', { name: 'Neue Kategorie' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('IT');
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).press('Enter');
    if (attempt === 1) await expect(dialog).toBeHidden();
  }
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Eine Kategorie mit dem Namen „IT“ gibt es bereits.')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await expect(dialog.getByRole('textbox', { name: 'Name', exact: true })).toHaveAttribute('maxlength', '120');
  await expect(dialog).not.toContainText('already');
});
