import { expect, type Locator, type Page, test } from '@playwright/test';
import { en as t } from '../web/src/i18n/en.js';
import { type Seeded, seedAccount, signIn } from './seed.js';

/** A page loads its code on first visit; on a busy machine that takes longer than a click. */
const LOAD = 20_000;

/** Where one key press left the focus: its name, whether it moved forward in the page, whether it shows. */
type Stop = { name: string; forward: boolean; visible: boolean };

// A string, because the browser tests are type-checked without the DOM library. A stop "shows" when
// the element, the label drawn for a hidden input (chips, segments) or its input box has an outline or
// ring, or an input's border turns the primary colour (indigo.8) as Mantine draws input focus.
const PROBE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { name: 'body', forward: false, visible: false };
  const prev = window.__lastFocus;
  window.__lastFocus = el;
  const forward = !prev || !prev.isConnected || prev === el || prev.contains(el)
    || Boolean(prev.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
  const shows = (node) => {
    if (!node) return false;
    const s = getComputedStyle(node);
    return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'
      || s.borderColor === 'rgb(59, 91, 219)';
  };
  // Pill inputs (tags, several members) draw the ring on a box a few levels up.
  const boxes = [el.parentElement, el.parentElement?.parentElement, el.parentElement?.parentElement?.parentElement];
  const visible = [el, el.nextElementSibling, el.closest('label'), ...boxes].some(shows);
  const name = el.getAttribute('aria-label') || el.labels?.[0]?.textContent || el.textContent || el.tagName;
  return { name: name.trim().replace(/\\s+/g, ' ').slice(0, 50), forward, visible };
})()`;

async function press(page: Page, key: string): Promise<Stop> {
  await page.keyboard.press(key);
  return page.evaluate<Stop>(PROBE);
}

type InDocument = { ownerDocument: { activeElement: unknown }; contains: (other: unknown) => boolean };

async function focused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => (el as unknown as InDocument).ownerDocument.activeElement === el);
}

/** Tabs (or Shift+Tabs) until `target` has focus; every stop on the way must move forward and show. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 40) {
  const stops: Stop[] = [];
  while (stops.length < max) {
    stops.push(await press(page, key));
    if (await focused(target)) break;
  }
  const path = stops.map((s) => `${s.name}${s.forward ? '' : ' (backwards)'}${s.visible ? '' : ' (no focus ring)'}`);
  expect(await focused(target), `not reached: ${path.join(' → ')}`).toBe(true);
  if (key === 'Tab')
    expect(
      stops.filter((s) => !s.forward),
      path.join(' → '),
    ).toEqual([]);
  expect(
    stops.filter((s) => !s.visible),
    path.join(' → '),
  ).toEqual([]);
  return stops;
}

/** The first Tab on a page reaches "Skip to content"; Enter moves on to the page itself. */
async function skipToContent(page: Page) {
  const skip = page.getByRole('link', { name: t['nav.skipToContent'] });
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
}

test.describe('keyboard alone', () => {
  let seeded: Seeded;
  let page: Page;
  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(60_000);
    seeded = await seedAccount(baseURL!, 'keys');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    await signIn(context, seeded.email, 'en');
    page = await context.newPage();
  });

  test('fill and save the contract form', async () => {
    await page.goto('/contracts/new');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: LOAD });
    await skipToContent(page);
    const title = page.getByRole('textbox', { name: t['contract.title'] });
    await tabTo(page, title);
    await page.keyboard.type('Keyboard lease');

    await page.keyboard.press('Tab');
    const partner = page.getByRole('combobox', { name: t['contract.partner'] });
    await expect(partner).toBeFocused();
    // The options come from the server a moment after the last key; choose from that answer.
    const searched = page.waitForResponse(
      (res) => res.url().includes('/api/v1/partners') && res.url().includes('q=Globex'),
    );
    await page.keyboard.type('Globex');
    await searched;
    await expect(page.getByRole('option', { name: 'Globex AG' })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(partner).toHaveValue('Globex AG');

    await tabTo(page, page.getByLabel(t['lifecycle.startDate']));
    await page.keyboard.type('01012025');
    await expect(page.getByLabel(t['lifecycle.startDate'])).toHaveValue('2025-01-01');
    await tabTo(page, page.getByLabel(t['lifecycle.endDate']));
    await page.keyboard.type('12312025');
    await expect(page.getByLabel(t['lifecycle.endDate'])).toHaveValue('2025-12-31');

    await tabTo(page, page.getByRole('button', { name: t['contract.createSubmit'] }), 'Tab', 80);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Keyboard lease' })).toBeVisible();
  });

  test('sort, filter and open a row of the contract grid', async () => {
    await page.goto('/contracts');
    await expect(page.getByRole('link', { name: seeded.contractTitle })).toBeVisible({ timeout: LOAD });
    await skipToContent(page);
    const sortByTitle = page.getByRole('button', {
      name: t['contracts.sortBy'].replace('{column}', t['contract.title']),
    });
    await tabTo(page, sortByTitle);
    const header = page.getByRole('columnheader').filter({ has: sortByTitle });
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect(sortByTitle).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByRole('row').nth(1)).toContainText('Software licence');

    await tabTo(page, page.getByRole('textbox', { name: t['contracts.search'] }), 'Shift+Tab');
    await page.keyboard.type('Office cleaning');
    await expect(page.getByRole('link', { name: /^Software licence/ })).toBeHidden();
    const row = page.getByRole('link', { name: seeded.contractTitle });
    await tabTo(page, row);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: seeded.contractTitle })).toBeVisible();
  });

  test('open, fill, save and close the reminder dialog; focus returns to its button', async () => {
    await page.goto(`/contracts/${seeded.contractId}?tab=events`);
    const card = page.getByRole('article', { name: t['contract.noticeDeadline'] });
    const trigger = card.getByRole('button', { name: t['reminder.add'] });
    await expect(trigger).toBeVisible({ timeout: LOAD });
    await skipToContent(page);
    await tabTo(page, trigger);

    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t['reminder.addTitle'] });
    await expect(dialog).toBeVisible();
    const holdsFocus = (el: unknown) => (el as InDocument).contains((el as InDocument).ownerDocument.activeElement);
    expect(await dialog.evaluate(holdsFocus)).toBe(true);
    const fortnight = dialog.getByRole('checkbox', { name: '14 days before' });
    await tabTo(page, fortnight);
    await page.keyboard.press('Space');
    await expect(fortnight).toBeChecked();
    const owner = dialog.getByRole('checkbox', { name: t['reminder.to.owner'], exact: true });
    await tabTo(page, owner);
    if (!(await owner.isChecked())) await page.keyboard.press('Space');
    await expect(owner).toBeChecked();
    await tabTo(page, dialog.getByRole('button', { name: t['reminder.add'] }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(card.getByText('14 days before')).toBeVisible();
    await expect(trigger).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(trigger).toBeFocused();
  });
});
