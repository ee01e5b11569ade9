import { expect, test } from '@playwright/test';
import { pdfWithText } from '../server/test/files.js';
import { en } from '../web/src/i18n/en.js';
import { linkFromMail } from './mail.js';
import { centreOf, dragTo } from './pointer.js';
import { call, PASSWORD, seedAccount, signIn, uploadDocument } from './seed.js';

// The shared two-core machine can take many seconds to load a lazy page or draw a PDF.
const look = expect.configure({ timeout: 30_000 });
const NAME = 'Lease for signature.pdf';
const TOLERANCE = 0.01;

type Field = {
  id: string;
  recipientId: string;
  type: string;
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
};
type Recipient = { id: string; name: string; role: string };

test('the signing editor: recipients, fields dragged onto the page, moved and resized, saved and shown again', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const seeded = await seedAccount(baseURL!, 'sign');
  // Tall enough that the whole first page is on the screen: the mouse presses only what it can see.
  const context = await browser.newContext({ viewport: { width: 1280, height: 1500 } });
  await signIn(context, seeded.email, 'en');
  const pdf = { name: NAME, mimeType: 'application/pdf', buffer: pdfWithText(['Lease agreement', 'Annex']) };
  await uploadDocument(context.request, seeded.contractId, pdf);
  const page = await context.newPage();

  const envelopeId = await test.step('"Send for signature" on the PDF opens a draft in the editor', async () => {
    await page.goto(`/contracts/${seeded.contractId}?tab=documents`);
    await page.getByRole('button', { name: en['documents.actionsFor'].replace('{name}', NAME) }).click();
    await page.getByRole('menuitem', { name: 'Send for signature' }).click();
    await look(page).toHaveURL(/\/envelopes\/[0-9a-f-]{36}\/edit/);
    return /envelopes\/([0-9a-f-]{36})/.exec(page.url())![1]!;
  });
  const envelope = () => call(context.request, 'GET', `/envelopes/${envelopeId}`);

  await test.step('two signers and a copy; a bad address is named at its input, in words', async () => {
    const rows = page.getByRole('list', { name: 'Recipients' });
    const row = (n: number) => rows.getByRole('listitem', { name: `Recipient ${n}` });
    await row(1).getByRole('textbox', { name: 'Name' }).fill('Sam Signer');
    await row(1).getByRole('textbox', { name: 'E-mail address' }).fill('sam-at-example');
    await page.getByRole('button', { name: 'Add recipient' }).click();
    await row(2).getByRole('textbox', { name: 'Name' }).fill('Tina Two');
    await row(2).getByRole('textbox', { name: 'E-mail address' }).fill('tina@partner.example');
    await page.getByRole('button', { name: 'Add recipient' }).click();
    await row(3).getByRole('textbox', { name: 'Name' }).fill('Carl Copy');
    await row(3).getByRole('textbox', { name: 'E-mail address' }).fill('carl@partner.example');
    await row(3).getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Receives a copy' }).click();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const email = row(1).getByRole('textbox', { name: 'E-mail address' });
    await look(email).toHaveAttribute('aria-invalid', 'true');
    await look(row(1)).toContainText(en['validation.email']);
    await email.fill('sam@partner.example');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await look(page.getByTestId('field-layer-1')).toBeVisible();
    const saved = (await envelope()).recipients as Recipient[];
    expect(saved.map((r) => [r.name, r.role])).toEqual([
      ['Sam Signer', 'signer'],
      ['Tina Two', 'signer'],
      ['Carl Copy', 'cc'],
    ]);
  });

  const layer = page.getByTestId('field-layer-1');
  const palette = page.getByRole('complementary', { name: 'Fields to place' });
  const saved = page.getByTestId('save-state');
  const fieldsOf = async () => {
    await look(saved).toHaveAttribute('data-state', 'saved');
    const answer = await envelope();
    const byName = new Map((answer.recipients as Recipient[]).map((r) => [r.id, r.name]));
    return new Map((answer.fields as Field[]).map((f) => [byName.get(f.recipientId)!, f]));
  };
  const expectCentre = (field: Field | undefined, x: number, y: number) => {
    expect(Math.abs(field!.x + field!.w / 2 - x), `x of ${JSON.stringify(field)}`).toBeLessThan(TOLERANCE);
    expect(Math.abs(field!.y + field!.h / 2 - y), `y of ${JSON.stringify(field)}`).toBeLessThan(TOLERANCE);
  };

  await test.step('drag a signature field onto the page for each signer; the saved fractions are where it was dropped', async () => {
    await look(page.locator('section[data-drawn]').first()).toBeVisible();
    const box = (await layer.boundingBox())!;
    const at = (fx: number, fy: number) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
    const signature = palette.getByRole('button', { name: 'Signature', exact: true });
    await dragTo(page, await centreOf(signature), at(0.3, 0.4));
    await look(layer.getByTestId('placed-field')).toHaveCount(1);
    await palette.getByRole('radio', { name: 'Tina Two' }).check();
    await dragTo(page, await centreOf(signature), at(0.6, 0.7));
    await look(layer.getByTestId('placed-field')).toHaveCount(2);
    const fields = await fieldsOf();
    expect(fields.get('Sam Signer')).toMatchObject({ type: 'signature', page: 1 });
    expectCentre(fields.get('Sam Signer'), 0.3, 0.4);
    expectCentre(fields.get('Tina Two'), 0.6, 0.7);
  });

  await test.step("move Sam's field by dragging it, resize Tina's by its corner, nudge with the keyboard", async () => {
    const box = (await layer.boundingBox())!;
    const sam = layer.getByRole('button', { name: 'Signature for Sam Signer, page 1' });
    const tina = layer.getByRole('button', { name: 'Signature for Tina Two, page 1' });
    const from = await centreOf(sam);
    await dragTo(page, from, { x: from.x + 0.2 * box.width, y: from.y + 0.1 * box.height });
    const before = (await fieldsOf()).get('Tina Two')!;
    const handle = await centreOf(tina.getByTestId('resize-handle'));
    await dragTo(page, handle, { x: handle.x + 0.1 * box.width, y: handle.y + 0.05 * box.height });
    const fields = await fieldsOf();
    expectCentre(fields.get('Sam Signer'), 0.5, 0.5);
    const after = fields.get('Tina Two')!;
    expect(Math.abs(after.w - before.w - 0.1)).toBeLessThan(TOLERANCE);
    expect(Math.abs(after.h - before.h - 0.05)).toBeLessThan(TOLERANCE);
    expect(after.x).toBeCloseTo(before.x, 3);
    await tina.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await look(saved).toHaveAttribute('data-state', 'saving');
    expect((await fieldsOf()).get('Tina Two')!.x).toBeCloseTo(before.x - 0.01, 3);
  });

  await test.step('after a reload the fields are where they were saved', async () => {
    const fields = await fieldsOf();
    await page.reload();
    await look(page.locator('section[data-drawn]').first()).toBeVisible();
    const box = (await layer.boundingBox())!;
    for (const [name, field] of fields) {
      const shown = (await layer.getByRole('button', { name: `Signature for ${name}, page 1` }).boundingBox())!;
      expect(Math.abs((shown.x - box.x) / box.width - field.x)).toBeLessThan(TOLERANCE);
      expect(Math.abs((shown.y - box.y) / box.height - field.y)).toBeLessThan(TOLERANCE);
      expect(Math.abs(shown.width / box.width - field.w)).toBeLessThan(TOLERANCE);
    }
  });

  await test.step('the last step reviews the signers; the envelope page and the Signing tab show the draft', async () => {
    await page.getByRole('button', { name: 'Next' }).click();
    await look(page.getByText('Every signer has a signature field.')).toBeVisible();
    await look(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
    await page.getByRole('link', { name: 'Overview' }).click();
    await look(page.getByTestId('envelope-status')).toHaveText('Draft');
    await look(
      page.getByRole('list', { name: 'Recipients' }).getByRole('listitem', { name: 'Carl Copy' }),
    ).toContainText('Receives a copy');
    await page.getByRole('link', { name: 'Back to the contract' }).click();
    const list = page.getByRole('list', { name: 'Signature requests' });
    await look(list.getByRole('listitem')).toHaveCount(1);
    await look(list).toContainText('Draft');
  });

  await test.step('a viewer of the contract is offered no "Send for signature"', async () => {
    const me = await call(context.request, 'GET', '/me');
    const email = `vic-${Date.now().toString(36)}@acme.example`;
    await call(context.request, 'POST', '/users/invitations', {
      email,
      name: 'Vic Viewer',
      isAdmin: false,
      roles: { [me.roles[0].businessUnitId]: 'viewer' },
    });
    const token = new URL(await linkFromMail(email, /invited/, '/invite/')).pathname.split('/invite/')[1]!;
    const viewer = await browser.newContext();
    await call(viewer.request, 'POST', `/invitations/${token}/accept`, { name: 'Vic Viewer', password: PASSWORD });
    const seen = await viewer.newPage();
    await seen.goto(`/contracts/${seeded.contractId}?tab=documents`);
    await seen.getByRole('button', { name: en['documents.actionsFor'].replace('{name}', NAME) }).click();
    await look(seen.getByRole('menuitem', { name: en['documents.versions'] })).toBeVisible();
    await expect(seen.getByRole('menuitem', { name: 'Send for signature' })).toHaveCount(0);
    await viewer.close();
  });

  await test.step('the draft can be deleted after a confirmation', async () => {
    await page.goto(`/envelopes/${envelopeId}`);
    await page.getByRole('button', { name: 'Delete draft' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete draft' }).click();
    await look(page.getByText('No signature requests yet')).toBeVisible();
  });
  await context.close();
});
