import { expect, type Page, test } from '@playwright/test';
import { type IdpAccount, startTestIdp, type TestIdp } from '../server/test/oidc-provider.js';
import { IDP_ENTITY_ID, IDP_SSO_URL, idpMetadata, requestOf, samlResponse } from '../server/test/saml-idp.js';
import { domainVerify } from './seed.js';
import { apiAs, signUpInBrowser } from './session.js';

const run = Date.now().toString(36);
const domain = `sso-${run}.test`;
const email = `olga@${domain}`;

let idp: TestIdp;
test.beforeAll(async ({ baseURL }) => {
  idp = await startTestIdp(`${baseURL}/api/v1/auth/sso/oidc/callback`);
});
test.afterAll(() => idp?.close());

/** The provider's development pages @import Google Fonts: nothing leaves loopback here. */
async function loopbackOnly(page: Page) {
  await page.context().route(/^https?:\/\/(?!(127\.0\.0\.1|localhost)[:/])/, (route) => route.abort());
}

/** From the sign-in page, through the provider's own login page, as a person does it. */
async function signInThroughIdp(page: Page, address: string, login: string) {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(address);
  await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
  await page.waitForURL((url) => url.href.startsWith(idp.issuer));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('provider-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('an administrator connects an OpenID provider; a member signs in through it; a refusal explains itself', async ({
  page,
}) => {
  await loopbackOnly(page);
  await signUpInBrowser(page, { name: 'Olga Owner', email, company: 'Single Sign-on GmbH' });
  const me = await apiAs(page, 'GET', '/me');

  await test.step('Settings → Single sign-on: provider, redirect URI, domain and its TXT record', async () => {
    await page.goto('/settings/sso');
    await expect(page.getByRole('heading', { name: 'Single sign-on', exact: true })).toBeVisible();
    await expect(page.getByTestId('sso-redirect-uri')).toHaveText(/\/api\/v1\/auth\/sso\/oidc\/callback$/);
    await page.getByRole('textbox', { name: 'Issuer URL' }).fill(idp.issuer);
    await page.getByRole('textbox', { name: 'Client ID' }).fill(idp.clientId);
    await page.getByLabel('Client secret').fill(idp.clientSecret);
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByText('A secret is stored (encrypted). Leave empty to keep it.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Domain' }).fill(domain);
    await page.getByRole('button', { name: 'Add domain' }).click();
    await expect(page.getByText(`_deedbox.${domain}`)).toBeVisible();
    await expect(page.getByText('Waiting for verification')).toBeVisible();
    await domainVerify(me.org.id, domain);
    await page.reload();
    await expect(page.getByText('Verified', { exact: true })).toBeVisible();
  });

  await test.step('sign out; sign in again through the provider (PKCE, state, nonce): the start page', async () => {
    const olga: IdpAccount = { sub: `olga-${run}`, email, email_verified: true, name: 'Olga Owner' };
    idp.accounts.set('olga', olga);
    await page.getByRole('button', { name: 'Olga Owner', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await signInThroughIdp(page, email, 'olga');
    await expect(page.getByRole('button', { name: 'Olga Owner', exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveURL(/\/$/);
  });

  await test.step('someone of the domain without membership (no just-in-time membership): the error page', async () => {
    await page.getByRole('button', { name: 'Olga Owner', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    // Another person: the provider must not know Olga's session (its cookies live on this host too).
    await page.context().clearCookies();
    const stranger = `sven@${domain}`;
    idp.accounts.set('sven', { sub: `sven-${run}`, email: stranger, email_verified: true });
    await signInThroughIdp(page, stranger, 'sven');
    await expect(page).toHaveURL(/\/sso-error\?code=no_membership$/);
    await expect(page.getByTestId('sso-error')).toHaveText(
      'You do not belong to this account yet. Ask an administrator to invite you.',
    );
    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  });

  await test.step('an address at a domain without single sign-on is told so on the sign-in page', async () => {
    await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(`x@no-sso-${run}.test`);
    await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await expect(
      page.getByText('Single sign-on is not set up for this address. Sign in with your password.'),
    ).toBeVisible();
  });
});

test('SAML 2.0: an administrator pastes the IdP metadata; a member signs in through the IdP’s cross-site POST', async ({
  page,
}) => {
  const samlRun = `${run}-saml`;
  const samlDomain = `saml-${samlRun}.test`;
  const sara = `sara@${samlDomain}`;
  await signUpInBrowser(page, { name: 'Sara Saml', email: sara, company: 'SAML GmbH' });
  const me = await apiAs(page, 'GET', '/me');

  await test.step('Settings → Single sign-on → SAML 2.0: our values to copy, the IdP by its metadata', async () => {
    await page.goto('/settings/sso');
    await page.getByRole('radio', { name: 'SAML 2.0' }).check();
    await expect(page.getByTestId('saml-acs-url')).toHaveText(/\/api\/v1\/auth\/sso\/saml\/[0-9a-f-]{36}\/acs$/);
    const metadata = page.getByRole('textbox', { name: 'Identity provider metadata (XML)' });
    await metadata.fill('<html/>');
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByText(/^This is not SAML metadata/)).toBeVisible();
    await metadata.fill(idpMetadata());
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect(page.getByRole('textbox', { name: 'Identity provider entity ID (issuer)' })).toHaveValue(
      IDP_ENTITY_ID,
    );
    const certificate = page.getByRole('textbox', { name: 'Signing certificate' });
    await expect(certificate).toHaveValue(/^-----BEGIN CERTIFICATE-----\n/);
    // Saved again from the values shown: the same IdP.
    const before = (await apiAs(page, 'GET', '/settings/sso')).connection;
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect
      .poll(async () => (await apiAs(page, 'GET', '/settings/sso')).connection.updatedAt)
      .not.toBe(before.updatedAt);
    expect((await apiAs(page, 'GET', '/settings/sso')).connection.saml).toEqual(before.saml);
    await apiAs(page, 'POST', '/settings/sso/domains', { domain: samlDomain });
    await domainVerify(me.org.id, samlDomain);
  });

  await test.step('sign out; sign in through the IdP, whose page posts the response to our ACS', async () => {
    // The IdP: answers the AuthnRequest with a page that posts a signed assertion, as Entra ID or Okta do.
    await page.context().route(`${IDP_SSO_URL}?**`, async (route) => {
      const request = requestOf(route.request().url());
      const relayState = new URL(route.request().url()).searchParams.get('RelayState') ?? '';
      const response = samlResponse({
        requestId: request.id,
        acsUrl: request.acsUrl!,
        audience: request.issuer!,
        nameId: sara,
      });
      const field = (name: string, value: string) => `<input type="hidden" name="${name}" value="${value}">`;
      await route.fulfill({
        contentType: 'text/html',
        body: `<form method="post" action="${request.acsUrl}">${field('SAMLResponse', response)}${field('RelayState', relayState)}</form><script>document.forms[0].submit()</script>`,
      });
    });
    await page.getByRole('button', { name: 'Sara Saml', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
    await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(sara);
    await page.getByRole('button', { name: 'Continue with single sign-on' }).click();
    await expect(page.getByRole('button', { name: 'Sara Saml', exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveURL(/\/$/);
    const history = await apiAs(page, 'GET', '/audit?limit=20');
    expect(JSON.stringify(history)).toContain('auth.sso_linked');
  });
});
