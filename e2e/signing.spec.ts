import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { SINK_URL } from '../playwright.config.js';
import { pdfWithText } from '../server/test/files.js';
import { pdfsig } from '../server/test/pdfsig.js';
import { en } from '../web/src/i18n/en.js';
import { linkFromMail, mailTo } from './mail.js';
import { centreOf, dragTo } from './pointer.js';
import { call, inviteMember, pathOf, seedAccount, signIn, uploadDocument } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page or draw a PDF.
const look = expect.configure({ timeout: 30_000 });
const NAME = 'Service agreement.pdf';
const SIGN_MAIL = /asks you to sign/;

/** How many mails the SMTP sink holds for `to` whose subject matches, right now. */
async function mailsTo(to: string, subject: RegExp): Promise<number> {
  const mails = (await (await fetch(`${SINK_URL}/messages`)).json()) as { to: string[]; subject: string }[];
  return mails.filter((m) => m.to.includes(to) && subject.test(m.subject)).length;
}

test('signing: two signers in order sign from their mail links (one draws, one types), the sealed PDF verifies', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const seeded = await seedAccount(baseURL!, 'signing');
  const run = Date.now().toString(36);
  const eve = `eve-${run}@acme.example`;
  const sam = `sam-${run}@partner.example`;
  const tina = `tina-${run}@partner.example`;
  await inviteMember(browser, seeded, { email: eve, name: 'Eve Editor', role: 'editor' });
  const senderContext = await browser.newContext({ viewport: { width: 1280, height: 1500 } });
  await signIn(senderContext, eve, 'en');
  const pdf = { name: NAME, mimeType: 'application/pdf', buffer: pdfWithText(['Service agreement', 'Terms']) };
  await uploadDocument(senderContext.request, seeded.contractId, pdf);
  const sender = await senderContext.newPage();

  const envelopeId =
    await test.step('the editor opens "Send for signature" on the PDF and adds two signers', async () => {
      await sender.goto(`/contracts/${seeded.contractId}?tab=documents`);
      await sender.getByRole('button', { name: en['documents.actionsFor'].replace('{name}', NAME) }).click();
      await sender.getByRole('menuitem', { name: 'Send for signature' }).click();
      await look(sender).toHaveURL(/\/envelopes\/[0-9a-f-]{36}\/edit/);
      const rows = sender.getByRole('list', { name: 'Recipients' });
      const row = (n: number) => rows.getByRole('listitem', { name: `Recipient ${n}` });
      await row(1).getByRole('textbox', { name: 'Name' }).fill('Sam Signer');
      await row(1).getByRole('textbox', { name: 'E-mail address' }).fill(sam);
      await sender.getByRole('button', { name: 'Add recipient' }).click();
      await row(2).getByRole('textbox', { name: 'Name' }).fill('Tina Two');
      await row(2).getByRole('textbox', { name: 'E-mail address' }).fill(tina);
      await row(2).getByRole('textbox', { name: 'Position' }).fill('2');
      await row(2).getByRole('checkbox', { name: 'Require a code by e-mail' }).check();
      await sender.getByRole('button', { name: 'Save and continue' }).click();
      await look(sender.getByTestId('field-layer-1')).toBeVisible();
      return /envelopes\/([0-9a-f-]{36})/.exec(sender.url())![1]!;
    });

  await test.step('a signature and a text field for Sam, a signature field for Tina, dragged onto the page', async () => {
    await look(sender.locator('section[data-drawn]').first()).toBeVisible();
    const layer = sender.getByTestId('field-layer-1');
    const palette = sender.getByRole('complementary', { name: 'Fields to place' });
    const box = (await layer.boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
    const tool = (name: string) => palette.getByRole('button', { name, exact: true });
    await dragTo(sender, await centreOf(tool('Signature')), at(0.3, 0.6));
    await look(layer.getByTestId('placed-field')).toHaveCount(1);
    await dragTo(sender, await centreOf(tool('Text')), at(0.3, 0.45));
    await look(layer.getByTestId('placed-field')).toHaveCount(2);
    await palette.getByRole('radio', { name: 'Tina Two' }).check();
    await dragTo(sender, await centreOf(tool('Signature')), at(0.65, 0.8));
    await look(layer.getByTestId('placed-field')).toHaveCount(3);
    await look(sender.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  });

  await test.step('in order, and sent: only Sam is mailed', async () => {
    await sender.getByRole('button', { name: 'Next' }).click();
    await sender.getByRole('switch', { name: 'Sign in order' }).check();
    await sender.getByRole('button', { name: 'Send', exact: true }).click();
    await look(sender).toHaveURL(new RegExp(`/envelopes/${envelopeId}$`));
    await look(sender.getByTestId('envelope-status')).toHaveText('Out for signature');
  });

  const samLink = pathOf(await linkFromMail(sam, SIGN_MAIL, '/sign/'));
  expect(await mailsTo(tina, SIGN_MAIL)).toBe(0);

  await test.step('an altered link shows "invalid link"', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const token = samLink.split('/sign/')[1]!;
    const altered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    await page.goto(`/sign/${altered}`);
    await look(page.getByRole('heading', { name: en['signPage.invalid.title'] })).toBeVisible();
    await context.close();
  });

  await test.step('Sam opens the link in a browser of his own, fills the text, draws the signature and signs', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    await page.goto(samLink);
    await look(page.getByText('Eve Editor of Acme GmbH asks you to sign')).toBeVisible();
    await look(page.locator('section[data-drawn]').first()).toBeVisible();
    await expect(page.getByTestId('fields-left')).toHaveText('Fields still to fill in: 2');
    // Signing without the fields done leads to the first one that is open.
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await look(page.getByRole('alert').filter({ hasText: 'Add your signature first.' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Text' }).fill('Berlin office');
    await page.getByRole('button', { name: 'Signature: sign here' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your signature' });
    const pad = dialog.getByTestId('signature-pad');
    await look(pad).toBeVisible();
    const area = (await pad.boundingBox())!;
    const point = (fx: number, fy: number) => ({ x: area.x + fx * area.width, y: area.y + fy * area.height });
    await dragTo(page, point(0.15, 0.6), point(0.35, 0.3));
    await dragTo(page, point(0.35, 0.3), point(0.6, 0.7));
    await dragTo(page, point(0.6, 0.7), point(0.85, 0.35));
    await dialog.getByRole('button', { name: 'Use this signature' }).click();
    await look(dialog).toBeHidden();
    await look(
      page.getByRole('button', { name: 'Signature: signed, change the signature' }).locator('img'),
    ).toBeVisible();
    await expect(page.getByTestId('fields-left')).toHaveText('All your fields are filled in.');
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await look(page.getByText('Tick this box to sign.')).toBeVisible();
    await page.getByRole('checkbox', { name: 'I agree to sign electronically' }).check();
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await look(page.getByRole('heading', { name: en['signPage.done.title'] })).toBeVisible();

    await page.goto(samLink);
    await look(page.getByRole('heading', { name: en['signPage.alreadySigned.title'] })).toBeVisible();
    await context.close();
  });

  await test.step('only now is Tina mailed; she confirms a mailed code, types her signature and signs', async () => {
    const tinaLink = pathOf(await linkFromMail(tina, SIGN_MAIL, '/sign/'));
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(tinaLink);
    // The sender asked for a code: no document until it is confirmed.
    await look(page.getByTestId('code-step')).toBeVisible();
    await expect(page.locator('section[data-drawn]')).toHaveCount(0);
    await page.getByRole('button', { name: 'E-mail me a code' }).click();
    const code = (await mailTo(tina, /Your code to sign/)).text.match(/^(\d{6})$/m)![1]!;
    const input = page.getByRole('textbox', { name: 'Code from the e-mail' });
    await input.fill(code === '000000' ? '000001' : '000000');
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await look(page.getByText('That is not the code we sent. 4 tries left.')).toBeVisible();
    await input.fill(code);
    await page.getByRole('button', { name: 'Confirm code' }).click();
    await look(page.locator('section[data-drawn]').first()).toBeVisible();
    await page.getByRole('button', { name: 'Add signature' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your signature' });
    await dialog.getByRole('tab', { name: 'Type' }).click();
    await look(dialog.getByRole('textbox', { name: 'Your name as signature' })).toHaveValue('Tina Two');
    await dialog.getByRole('button', { name: 'Use this signature' }).click();
    await look(page.getByRole('button', { name: 'Signature: signed, change the signature' })).toContainText('Tina Two');
    await page.getByRole('checkbox', { name: 'I agree to sign electronically' }).check();
    await page.getByRole('button', { name: 'Sign', exact: true }).click();
    await look(page.getByRole('heading', { name: en['signPage.done.title'] })).toBeVisible();
    await context.close();
  });

  await test.step('sealed in the background: the editor downloads the signed PDF and pdfsig calls it valid', async () => {
    await expect
      .poll(async () => (await call(senderContext.request, 'GET', `/envelopes/${envelopeId}`)).sealedVersion, {
        timeout: 60_000,
      })
      .toBe(2);
    await sender.reload();
    await look(sender.getByTestId('envelope-status')).toHaveText('Signed');
    const [download] = await Promise.all([
      sender.waitForEvent('download'),
      sender.getByRole('link', { name: 'Download signed PDF' }).click(),
    ]);
    const path = await download.path();
    const report = await pdfsig(await readFile(path));
    expect(report.signatures, report.output).toBe(1);
    expect(report.valid, report.output).toBe(true);
    expect(report.wholeDocument, report.output).toBe(true);
  });
  await senderContext.close();
});
