import { expect, test } from '@playwright/test';
import { todayIn } from '../common/terms/dates.js';
import { pdfText } from '../server/features/documents/text/parse-pdf.js';
import { apiAs, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);

test('draft a termination letter, edit a line, generate it with notice recorded: the PDF is on the contract', async ({
  page,
}) => {
  await test.step('sign up and enter the company details', async () => {
    await signUpInBrowser(page, { name: 'Lena Letter', email: `lena-${run}@initech.example`, company: 'Initech GmbH' });
    await page.goto('/settings/company');
    await page.getByLabel('Legal company name').fill('Initech Deutschland GmbH');
    await page.getByLabel('Street and number').fill('Torstraße 5');
    await page.getByLabel('Postal code').fill('10119');
    await page.getByLabel('City').fill('Berlin');
    await page.getByLabel('Name', { exact: true }).fill('Lena Letter');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Company details saved.')).toBeVisible();
  });

  const partner = (await apiAs(page, 'POST', '/partners', {
    name: `Umbrella Services ${run}`,
    type: 'supplier',
    address: { street: 'Hauptstraße 1', postalCode: '80331', city: 'München', country: 'DE' },
  })) as { id: string };
  const contract = (await apiAs(page, 'POST', '/contracts', {
    title: `Canteen catering ${run}`,
    contractNumber: `CC-${run}`,
    status: 'active',
    partnerId: partner.id,
    reminders: [],
    lifecycle: {
      type: 'auto_renewal',
      startDate: '2025-01-01',
      endDate: '2099-12-31',
      renewalTerm: 'P1Y',
      noticePeriod: 'P3M',
    },
  })) as { id: string };
  const today = todayIn('Europe/Berlin');

  await test.step('the deadline card offers the letter; the draft names partner, contract and dates', async () => {
    await page.goto(`/contracts/${contract.id}`);
    await page.getByRole('link', { name: 'Draft termination letter' }).click({ timeout: 15_000 });
    await expect(page.getByTestId('letter-facts')).toHaveText(
      'Notice deadline 2099-09-30. With this notice the contract ends on 2099-12-31.',
    );
    await expect(page.getByText(`Umbrella Services ${run}`)).toBeVisible();
    await expect(page.getByText('80331 München')).toBeVisible();
    await expect(page.getByLabel('Subject')).toHaveValue(
      `Termination of the contract "Canteen catering ${run}" (contract no. CC-${run})`,
    );
  });

  await test.step('edit a line and generate the PDF with notice recorded', async () => {
    const body = page.getByLabel('Text');
    const drafted = await body.inputValue();
    await body.fill(drafted.replace('Yours faithfully,', `Our reference: ${run}\n\nYours faithfully,`));
    await expect(page.getByRole('checkbox', { name: `Record notice given today (${today})` })).toBeChecked();
    await page.getByRole('button', { name: 'Generate PDF' }).click();
    // Laid out, sealed, inspected like an upload and committed with the notice: allow for a loaded machine.
    await expect(
      page.getByText('The letter is stored with the contract’s documents and notice is recorded.'),
    ).toBeVisible({ timeout: 30_000 });
  });

  await test.step('the document is on the contract, its text as edited, and notice is given', async () => {
    await expect(page).toHaveURL(new RegExp(`/contracts/${contract.id}\\?tab=documents`));
    await expect(page.getByText(`Termination ${today}.pdf`)).toBeVisible();
    const { items } = (await apiAs(page, 'GET', `/contracts/${contract.id}/documents`)) as { items: { id: string }[] };
    const content = await page.request.get(`/api/v1/documents/${items[0]!.id}/content`);
    const parsed = await pdfText(await content.body(), 100_000);
    expect(parsed.status).toBe('pages');
    const text = parsed.status === 'pages' ? parsed.pages.join(' ').replace(/\s+/g, ' ') : '';
    expect(text).toContain(`Our reference: ${run}`);
    expect(text).toContain('Initech Deutschland GmbH');
    expect(text).toContain(`CC-${run}`);
    await page.goto(`/contracts/${contract.id}`);
    await expect(page.getByTestId('deadline-none')).toHaveText(`Notice given on ${today} — ends on 2099-12-31`, {
      timeout: 15_000,
    });
    await expect(page.getByRole('link', { name: 'Draft termination letter' })).toHaveCount(0);
  });
});
