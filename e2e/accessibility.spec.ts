import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { pdfWithText } from '../server/test/files.js';
import { de } from '../web/src/i18n/de.js';
import { en, type Messages } from '../web/src/i18n/en.js';
import {
  call,
  PASSWORD,
  pathOf,
  type Seeded,
  seedAccount,
  sendForSignature,
  signIn,
  uploadDocument,
  uploadToInbox,
} from './seed.js';

// WCAG 2.1 A and AA; label-in-name (2.5.3) is an "experimental" axe rule, so it is switched on by name.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDE = { width: 1280, height: 900 };
const NARROW = { width: 390, height: 844 };

type Screen = {
  name: string;
  path: string;
  /** Opens a dialog or tab after the page is ready; the audit then covers it. */
  open?: (page: Page, t: Messages) => Promise<void>;
  /** Also audited at 390 px. */
  narrow?: boolean;
};

/** Opens a tab of the page, as a person clicks it, and waits for its panel's content. */
function tab(key: keyof Messages) {
  return async (page: Page, t: Messages) => {
    await page.getByRole('tab', { name: t[key] }).click();
    await expect(page.getByRole('tabpanel', { name: t[key] })).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  };
}

function publicScreens(s: Seeded, documents: Documents): Screen[] {
  return [
    { name: 'sign-in', path: '/sign-in', narrow: true },
    { name: 'sign-up', path: '/sign-up' },
    { name: 'forgot password', path: '/forgot-password' },
    { name: 'reset password', path: pathOf(s.resetLink) },
    // A well-formed link nobody was sent: the page asks the server, then says the link no longer works.
    // (A real one signs the browser in and moves on to the start page, audited below.)
    { name: 'sign-up confirmation', path: `/confirm-sign-up?token=${'A'.repeat(43)}` },
    { name: 'invitation', path: pathOf(s.inviteLink) },
    { name: 'reminder response', path: pathOf(s.respondLink), narrow: true },
    { name: 'not found', path: '/no-such-page' },
    // A well-formed link nobody was sent: the page asks the server, then says the link no longer works.
    { name: 'end session link', path: `/end-session?token=${'A'.repeat(43)}`, narrow: true },
    { name: 'single sign-on error', path: '/sso-error?code=domain_not_verified', narrow: true },
    { name: 'trust page', path: '/trust', narrow: true },
    { name: 'signing page', path: documents.sign, narrow: true },
    {
      name: 'signing page (signature dialog)',
      path: documents.sign,
      narrow: true,
      open: signingDialog('signPage.addSignature'),
    },
    { name: 'signing page (decline dialog)', path: documents.sign, open: signingDialog('signPage.decline.open') },
    // A well-formed link nobody was sent: the page says it is not valid.
    { name: 'signing link invalid', path: `/sign/${'A'.repeat(96)}`, narrow: true },
    // After a page of another shape: the same page for another link keeps its h1 element (see visit).
    { name: 'signing page (code step)', path: documents.signWithCode, narrow: true },
    {
      name: 'signing page (code sent)',
      path: documents.signWithCode,
      narrow: true,
      // The code is mailed (or, the second time round, refused as too soon): either way the code input shows.
      open: async (page) => {
        await page.getByTestId('code-step').getByRole('button').last().click();
        await expect(page.getByTestId('code-step').getByRole('textbox')).toBeVisible();
      },
    },
  ];
}

/** Opens a dialog of the signing page from its button. */
function signingDialog(button: keyof Messages) {
  return async (page: Page, t: Messages) => {
    await page.getByRole('button', { name: t[button] }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  };
}

/** Opens the contract's documents tab, then the menu of its one document and an item of it. */
function documentMenu(item: keyof Messages) {
  return async (page: Page, t: Messages) => {
    await tab('documents.title')(page, t);
    await page.getByRole('button', { name: t['documents.actionsFor'].replace('{name}', DOCUMENT_NAME) }).click();
    await page.getByRole('menuitem', { name: t[item] }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  };
}

const DOCUMENT_NAME = 'Lease agreement.pdf';

/** Types into the header's search box (opened from its icon at 390 px) and waits for the results. */
async function headerSearch(page: Page, t: Messages) {
  const icon = page.getByRole('button', { name: t['search.open'], exact: true });
  if (await icon.isVisible()) await icon.click();
  await page.getByRole('searchbox', { name: t['search.label'] }).fill('cleaning');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Office cleaning');
}

/**
 * The PDF and the text file uploaded to the seeded contract, a PDF waiting in the inbox, a signing draft
 * of the PDF, and the paths of two signers' links to the PDF sent for signature (the second must confirm a code).
 */
type Documents = { pdf: string; text: string; inbox: string; envelope: string; sign: string; signWithCode: string };

function appScreens(s: Seeded, documents: Documents): Screen[] {
  const contract = `/contracts/${s.contractId}`;
  return [
    { name: 'dashboard', path: '/', narrow: true },
    { name: 'contract grid', path: '/contracts', narrow: true },
    { name: 'contract form (new)', path: '/contracts/new', narrow: true },
    { name: 'contract form (edit)', path: `${contract}/edit` },
    { name: 'contract overview', path: contract, narrow: true },
    { name: 'contract documents', path: contract, open: tab('documents.title'), narrow: true },
    {
      name: 'add link dialog',
      path: contract,
      open: async (page, t) => {
        await tab('documents.title')(page, t);
        await page.getByRole('button', { name: t['documents.addLink'] }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
      },
    },
    { name: 'document versions', path: contract, open: documentMenu('documents.versions') },
    { name: 'rename document', path: contract, open: documentMenu('documents.rename') },
    { name: 'document preview (PDF)', path: `/documents/${documents.pdf}/preview`, narrow: true },
    { name: 'document preview (text)', path: `/documents/${documents.text}/preview`, narrow: true },
    { name: 'header search', path: '/contracts', open: headerSearch, narrow: true },
    { name: 'search results', path: '/search?q=cleaning', narrow: true },
    { name: 'contract events', path: contract, open: tab('contractEvents.tab') },
    { name: 'contract billing', path: contract, open: tab('contract.billing') },
    { name: 'contract hierarchy', path: contract, open: tab('contract.hierarchy') },
    { name: 'contract history', path: contract, open: tab('contract.history') },
    { name: 'contract signing', path: contract, open: tab('signing.tab.title'), narrow: true },
    {
      name: 'signing editor (recipients)',
      path: `/envelopes/${documents.envelope}/edit?step=recipients`,
      narrow: true,
    },
    { name: 'signing editor (fields)', path: `/envelopes/${documents.envelope}/edit?step=fields`, narrow: true },
    { name: 'signing editor (send)', path: `/envelopes/${documents.envelope}/edit?step=send`, narrow: true },
    { name: 'signing envelope', path: `/envelopes/${documents.envelope}`, narrow: true },
    { name: 'contract access', path: contract, open: tab('access.tab'), narrow: true },
    {
      name: 'reminder dialog',
      path: contract,
      open: async (page, t) => {
        await tab('contractEvents.tab')(page, t);
        const card = page.getByRole('article', { name: t['contract.noticeDeadline'] });
        await card.getByRole('button', { name: t['reminder.add'] }).click();
        await expect(page.getByRole('dialog', { name: t['reminder.addTitle'] })).toBeVisible();
      },
    },
    { name: 'inbox', path: '/inbox', narrow: true },
    { name: 'inbox review (create contract)', path: `/inbox/${documents.inbox}`, narrow: true },
    {
      name: 'inbox review (attach)',
      path: `/inbox/${documents.inbox}`,
      open: async (page, t) => {
        await page.getByRole('radiogroup', { name: t['inbox.actions'] }).getByText(t['inbox.attach']).click();
        await expect(page.getByRole('button', { name: t['inbox.attachSubmit'] })).toBeVisible();
      },
      narrow: true,
    },
    { name: 'calendar', path: '/calendar', narrow: true },
    { name: 'partners', path: '/partners', narrow: true },
    {
      name: 'partner form',
      path: '/partners',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['partners.create'] }).click();
        await expect(page.getByRole('dialog')).toBeVisible();
      },
    },
    { name: 'partner', path: `/partners/${s.partnerId}` },
    { name: 'import', path: '/imports/new' },
    { name: 'settings', path: '/settings' },
    { name: 'users', path: '/settings/users' },
    { name: 'business units', path: '/settings/business-units' },
    { name: 'categories', path: '/settings/categories' },
    { name: 'org units', path: '/settings/org-units' },
    { name: 'custom fields', path: '/settings/custom-fields' },
    { name: 'approval templates', path: '/settings/approval-templates', narrow: true },
    {
      name: 'approval template form',
      path: '/settings/approval-templates',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['approvalTemplates.create'] }).first().click();
        await expect(page.getByRole('dialog')).toBeVisible();
      },
    },
    { name: 'repository settings', path: '/settings/repository' },
    { name: 'company settings', path: '/settings/company', narrow: true },
    { name: 'notice letter', path: `${contract}/notice-letter?kind=non_renewal`, narrow: true },
    { name: 'inbox settings', path: '/settings/inbox', narrow: true },
    {
      name: 'replace inbox address dialog',
      path: '/settings/inbox',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['inbox.address.regenerate'] }).click();
        await expect(page.getByRole('dialog', { name: t['inbox.address.regenerateTitle'] })).toBeVisible();
      },
    },
    { name: 'mail templates', path: '/settings/mail-templates' },
    { name: 'reminder settings', path: '/settings/reminders' },
    { name: 'recycle bin', path: '/settings/recycle-bin' },
    { name: 'API keys', path: '/settings/api-keys' },
    { name: 'provisioning', path: '/settings/provisioning', narrow: true },
    {
      name: 'provisioning token dialog',
      path: '/settings/provisioning',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['scim.rotate'] }).click();
        const confirm = page.getByRole('dialog', { name: t['scim.rotateTitle'] });
        await confirm.getByRole('button', { name: t['scim.rotate'] }).click();
        await expect(page.getByRole('dialog', { name: t['scim.createdTitle'] })).toBeVisible();
      },
    },
    { name: 'activity', path: '/settings/activity' },
    { name: 'account export', path: '/settings/export' },
    { name: 'personal settings', path: '/settings/personal' },
    { name: 'sessions', path: '/settings/sessions', narrow: true },
    {
      name: 'sign out everywhere dialog',
      path: '/settings/sessions',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['sessions.signOutEverywhere'] }).click();
        await expect(page.getByRole('dialog', { name: t['sessions.signOutEverywhereTitle'] })).toBeVisible();
      },
    },
    { name: 'security settings', path: '/settings/security' },
    {
      name: 'add passkey dialog',
      path: '/settings/security',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['security.addPasskey'] }).click();
        await expect(page.getByRole('dialog', { name: t['security.addPasskeyTitle'] })).toBeVisible();
      },
    },
    { name: 'single sign-on settings', path: '/settings/sso', narrow: true },
    { name: 'subscription settings', path: '/settings/subscription', narrow: true },
    // An administrator's view adds the own account's chain status and deletion date.
    { name: 'trust page (administrator)', path: '/trust', narrow: true },
    {
      name: 'cancel subscription dialog',
      path: '/settings/subscription',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['subscription.cancel'] }).click();
        await expect(page.getByRole('dialog', { name: t['subscription.cancelTitle'] })).toBeVisible();
      },
    },
    {
      name: 'add phone number dialog',
      path: '/settings/security',
      open: async (page, t) => {
        await page.getByRole('button', { name: t['security.addSms'] }).click();
        await expect(page.getByRole('dialog', { name: t['security.smsAddTitle'] })).toBeVisible();
      },
    },
    {
      name: 'single sign-on settings, SAML 2.0',
      path: '/settings/sso',
      narrow: true,
      open: async (page, t) => {
        await page.getByRole('radio', { name: t['sso.protocol.saml'] }).check();
        await expect(page.getByTestId('saml-acs-url')).toBeVisible();
      },
    },
  ];
}

/** Serious and critical violations on the page as it is now, one readable block each. */
async function audit(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .withTags(TAGS)
    // Runs axe in the page itself instead of opening a blank page per audit: half the time.
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes.slice(0, 6).map((n) => {
        const why = (n.failureSummary ?? '').split('\n').slice(1).join(' ').trim();
        return `    ${n.target.join(' > ')}\n      ${n.html.slice(0, 160)}\n      ${why}`;
      });
      const more = v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : '';
      return `${label}: [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${nodes.join('\n')}${more}`;
    });
}

/**
 * Moves the loaded app to `path` as its own links do (history and popstate, which React Router
 * follows), so each screen costs its data and not another load of the whole bundle. The old
 * heading is marked first, so waiting for an unmarked one waits for the new screen.
 */
async function visit(page: Page, path: string) {
  const here = page.url() === 'about:blank' ? null : new URL(page.url());
  if (here === null) return void (await page.goto(path));
  // Another tab or dialog of the screen already shown: opening it is the step.
  if (`${here.pathname}${here.search}` === path && (await page.getByRole('dialog').count()) === 0) return;
  if (here.pathname === path.split('?')[0]) return void (await page.goto(path));
  // A string, because the browser tests are type-checked without the DOM library.
  await page.evaluate(`{
    for (const h1 of document.querySelectorAll('h1')) h1.dataset.left = 'true';
    window.history.pushState(null, '', ${JSON.stringify(path)});
    window.dispatchEvent(new PopStateEvent('popstate'));
  }`);
}

/** Visits the screen, waits for its content, checks the single h1 and audits it. */
async function check(page: Page, t: Messages, screen: Screen, label: string): Promise<string[]> {
  await visit(page, screen.path);
  // Lazy pages load their code first; on a busy machine that can take a while.
  await expect(page.locator('h1:not([data-left])')).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
  await screen.open?.(page, t);
  const headings = await page.getByRole('heading', { level: 1 }).count();
  const problems = headings === 1 ? [] : [`${label}: ${headings} level-one headings instead of one`];
  return [...problems, ...(await audit(page, label))];
}

async function auditAll(browser: Browser, seeded: Seeded, documents: Documents, locale: 'en' | 'de') {
  const t = locale === 'de' ? de : en;
  const context = await browser.newContext({ locale, viewport: WIDE, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  const pass = async (screens: Screen[]) => {
    for (const screen of screens) problems.push(...(await check(page, t, screen, `${locale} ${screen.name}`)));
    await page.setViewportSize(NARROW);
    for (const screen of screens.filter((s) => s.narrow)) {
      problems.push(...(await check(page, t, screen, `${locale} 390px ${screen.name}`)));
    }
    await page.setViewportSize(WIDE);
  };
  await pass(publicScreens(seeded, documents));
  await signIn(context, seeded.email, locale);
  // The app asked who is signed in when it loaded; after signing in it must load afresh.
  await page.goto('/');
  await pass(appScreens(seeded, documents));
  await context.close();
  expect(problems.length, `\n${problems.join('\n\n')}\n`).toBe(0);
}

test.describe('accessibility (axe, WCAG 2.1 AA)', () => {
  let seeded: Seeded;
  let documents: Documents;
  test.beforeAll(async ({ baseURL, playwright }) => {
    // Sending for signature waits for the signer's mail from the background outbox.
    test.setTimeout(120_000);
    seeded = await seedAccount(baseURL!, 'a11y');
    const api = await playwright.request.newContext({ baseURL });
    await call(api, 'POST', '/auth/sign-in', { email: seeded.email, password: PASSWORD });
    const buffer = pdfWithText(['Deedbox lease agreement']);
    const file = { name: DOCUMENT_NAME, mimeType: 'application/pdf', buffer };
    const notes = { name: 'Notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Handover notes\nKeys: 3\n') };
    const pdf = (await uploadDocument(api, seeded.contractId, file)).id;
    // The notice letter is drafted from the company details and the partner's address.
    await call(api, 'PUT', '/settings/company', {
      legalName: 'Deedbox Test GmbH',
      street: 'Friedrichstraße 12',
      postalCode: '10117',
      city: 'Berlin',
      country: 'DE',
    });
    await call(api, 'PATCH', `/partners/${seeded.partnerId}`, {
      address: { street: 'Bahnhofstraße 1', postalCode: '8001', city: 'Zürich', country: 'CH' },
    });
    const envelope = await call(api, 'POST', '/envelopes', { documentId: pdf });
    const { recipients } = await call(api, 'PUT', `/envelopes/${envelope.id}/recipients`, {
      recipients: [
        { role: 'signer', name: 'Sam Signer', email: 'sam@partner.example', position: 1 },
        { role: 'cc', name: 'Carl Copy', email: 'carl@partner.example', position: 2 },
      ],
    });
    await call(api, 'PUT', `/envelopes/${envelope.id}/fields`, {
      fields: [{ recipientId: recipients[0].id, type: 'signature', page: 1, x: 0.1, y: 0.1, w: 0.3, h: 0.06 }],
    });
    documents = {
      pdf,
      text: (await uploadDocument(api, seeded.contractId, notes)).id,
      inbox: (await uploadToInbox(api, { ...file, name: 'Scanned lease.pdf' })).id,
      envelope: envelope.id,
      sign: await sendForSignature(api, pdf, {
        name: 'Sam Signer',
        email: `sam-${Date.now().toString(36)}@partner.example`,
        message: 'Please sign the lease.',
        textLabel: 'Office',
      }),
      signWithCode: await sendForSignature(api, pdf, {
        name: 'Cora Code',
        email: `cora-${Date.now().toString(36)}@partner.example`,
        requireCode: true,
      }),
    };
    // A provisioning token and a group pushed with it, so the Provisioning page shows both.
    const { secret } = await call(api, 'POST', '/settings/scim/token');
    const pushed = await api.post('/scim/v2/Groups', {
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/scim+json' },
      data: JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Legal team' }),
    });
    expect(pushed.status()).toBe(201);
    await api.dispose();
  });

  test('every page and main dialog in English has no serious or critical violation', async ({ browser }) => {
    test.setTimeout(600_000);
    await auditAll(browser, seeded, documents, 'en');
  });

  test('every page and main dialog in German has no serious or critical violation', async ({ browser }) => {
    test.setTimeout(600_000);
    await auditAll(browser, seeded, documents, 'de');
  });
});
