import { expect, type Page, test } from '@playwright/test';
import { timeStep, totpCode } from '../server/features/factors/totp.js';
import { type IdpAccount, startTestIdp, type TestIdp } from '../server/test/oidc-provider.js';
import { IDP_ENTITY_ID, IDP_SSO_URL, idpMetadata, requestOf, samlResponse } from '../server/test/saml-idp.js';
import { domainVerify } from './seed.js';
import { apiAs, PASSWORD, signUpInBrowser } from './session.js';

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

test('required single sign-on: passwords refused except a break-glass administrator with a second factor; new people of the domain join', async ({
  page,
}) => {
  await loopbackOnly(page);
  const enfDomain = `enf-${run}.test`;
  const erik = `erik@${enfDomain}`;
  await signUpInBrowser(page, { name: 'Erik Enforcer', email: erik, company: 'Enforced GmbH' });
  const me = await apiAs(page, 'GET', '/me');
  await apiAs(page, 'PUT', '/settings/sso/connection', {
    protocol: 'oidc',
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
  });
  await apiAs(page, 'POST', '/settings/sso/domains', { domain: enfDomain });
  await domainVerify(me.org.id, enfDomain);
  idp.accounts.set('erik', { sub: `erik-${run}`, email: erik, email_verified: true, name: 'Erik Enforcer' });
  const signOut = async () => {
    await page.getByRole('button', { name: 'Erik Enforcer', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
  };
  const passwordSignIn = async () => {
    await page.getByRole('textbox', { name: 'E-mail address', exact: true }).fill(erik);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  };
  const enforcement = () => page.getByRole('switch', { name: 'Require single sign-on for every member' });
  const breakGlass = () => page.getByRole('combobox', { name: 'Break-glass administrators' });

  await test.step('an administrator without a second factor cannot be break-glass: the form says why', async () => {
    await page.goto('/settings/sso');
    await enforcement().check();
    await breakGlass().click();
    await page.getByRole('option', { name: `Erik Enforcer (${erik})` }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('This administrator has no second factor. They must set one up first.')).toBeVisible();
    expect((await apiAs(page, 'GET', '/settings/sso')).connection.enforced).toBe(false);
  });

  await test.step('required without break-glass: the password is refused, the provider signs Erik in', async () => {
    await page.reload();
    await enforcement().check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await signOut();
    await passwordSignIn();
    await expect(
      page.getByText('This account signs in with single sign-on. Use “Continue with single sign-on”.'),
    ).toBeVisible();
    await signInThroughIdp(page, erik, 'erik');
    await expect(page.getByRole('button', { name: 'Erik Enforcer', exact: true })).toBeVisible({ timeout: 20_000 });
  });

  await test.step('new people of the domain join as Viewer at their first sign-in', async () => {
    await page.goto('/settings/sso');
    await page.getByRole('combobox', { name: 'New people from your domains' }).click();
    await page.getByRole('option', { name: 'Join as Viewer' }).click();
    await page.getByRole('button', { name: 'Save connection' }).click();
    await expect.poll(async () => (await apiAs(page, 'GET', '/settings/sso')).connection.jit.role).toBe('viewer');
    await signOut();
    await page.context().clearCookies();
    const vera = `vera@${enfDomain}`;
    idp.accounts.set('vera', { sub: `vera-${run}`, email: vera, email_verified: true, name: 'Vera Viewer' });
    await signInThroughIdp(page, vera, 'vera');
    await expect(page.getByRole('button', { name: 'Vera Viewer', exact: true })).toBeVisible({ timeout: 20_000 });
    const vme = await apiAs(page, 'GET', '/me');
    expect(vme.org.id).toBe(me.org.id);
    expect(vme.isAdmin).toBe(false);
    expect(vme.roles.map((r: { role: string }) => r.role)).toEqual(['viewer']);
    await page.getByRole('button', { name: 'Vera Viewer', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.context().clearCookies();
  });

  await test.step('with an authenticator app Erik becomes break-glass: password and code sign him in', async () => {
    await signInThroughIdp(page, erik, 'erik');
    await expect(page.getByRole('button', { name: 'Erik Enforcer', exact: true })).toBeVisible({ timeout: 20_000 });
    const factor = await apiAs(page, 'POST', '/me/factors/totp', {});
    const firstStep = timeStep(Date.now());
    await apiAs(page, 'POST', `/me/factors/totp/${factor.id}/confirm`, {
      code: totpCode(factor.secret, firstStep * 30_000),
    });
    await page.goto('/settings/sso');
    await breakGlass().click();
    await page.getByRole('option', { name: `Erik Enforcer (${erik})` }).click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await signOut();
    await passwordSignIn();
    await page
      .getByRole('textbox', { name: 'Code from your authenticator app' })
      .fill(totpCode(factor.secret, Math.max(timeStep(Date.now()), firstStep + 1) * 30_000));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Erik Enforcer', exact: true })).toBeVisible();
  });
});
