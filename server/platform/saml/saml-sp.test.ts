import { describe, expect, it } from 'vitest';
import {
  type AssertionOptions,
  assertionXml,
  b64,
  EVIL_CERT,
  EVIL_KEY,
  IDP_CERT,
  IDP_ENTITY_ID,
  IDP_SSO_URL,
  idpMetadata,
  requestOf,
  responseXml,
  samlResponse,
  signedAssertion,
  unb64,
} from '../../test/saml-idp.js';
import {
  finishSamlSignIn,
  parseIdpMetadata,
  type SamlIdp,
  SamlRefusal,
  SamlSetupError,
  type SamlSp,
  spMetadataXml,
  startSamlSignIn,
} from './saml-sp.js';

const sp: SamlSp = {
  entityId: 'https://deedbox.test.example/saml/acme',
  acsUrl: 'https://deedbox.test.example/api/v1/auth/sso/saml/acme/acs',
};
const idp: SamlIdp = parseIdpMetadata(idpMetadata());

/** The caller's store of sent requests: each id answers once. */
function requestStore() {
  const sent = new Map<string, Date>();
  return {
    keep: (id: string) => sent.set(id, new Date()),
    take: async (id: string) => {
      const at = sent.get(id) ?? null;
      sent.delete(id);
      return at;
    },
  };
}

/** A fresh sign-in: the request our SP sent, and options for the IdP's answer to it. */
async function signIn(store = requestStore()) {
  const { url, requestId } = await startSamlSignIn(sp, idp, 'relay-1');
  store.keep(requestId);
  const options: AssertionOptions = {
    requestId,
    acsUrl: sp.acsUrl,
    audience: sp.entityId,
    nameId: 'Alice@Acme.example',
    attributes: { givenName: 'Alice', surname: 'Adams' },
  };
  return { url, requestId, options, finish: (response: string) => finishSamlSignIn(sp, idp, response, store.take) };
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof SamlRefusal) return err.reason;
    throw err;
  }
  throw new Error('the response was accepted');
}

describe('SAML sign-in as a service provider', () => {
  it('sends the person to the IdP with a request naming us, and accepts the signed answer once', async () => {
    const { url, requestId, options, finish } = await signIn();
    expect(url.startsWith(`${IDP_SSO_URL}?`)).toBe(true);
    expect(new URL(url).searchParams.get('RelayState')).toBe('relay-1');
    expect(requestOf(url)).toEqual({ id: requestId, acsUrl: sp.acsUrl, issuer: sp.entityId });

    const response = samlResponse(options);
    const who = await finish(response);
    expect(who).toMatchObject({
      nameId: 'Alice@Acme.example',
      email: 'alice@acme.example',
      givenName: 'Alice',
      familyName: 'Adams',
    });
    expect(who.assertionId).toMatch(/^_[0-9a-f]{32}$/);
    expect(who.notOnOrAfter!.getTime()).toBeGreaterThan(Date.now());
    // The same response posted again answers a request already answered.
    expect(await refusal(finish(response))).toBe('replayed');
  });

  it('accepts a signed response around a signed assertion, and reads e-mail attributes as Entra ID sends them', async () => {
    const { options, finish } = await signIn();
    const who = await finish(
      samlResponse({
        ...options,
        signResponse: true,
        nameId: '1f0c9e2a-opaque-id',
        nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
        attributes: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': 'Bob@Acme.example' },
      }),
    );
    expect(who).toMatchObject({ nameId: '1f0c9e2a-opaque-id', email: 'bob@acme.example' });
  });

  it('refuses an assertion changed after signing, or signed by another key', async () => {
    const tampered = await signIn();
    const xml = unb64(samlResponse(tampered.options)).replace('Alice@Acme.example', 'Mallory@Acme.example');
    expect(await refusal(tampered.finish(b64(xml)))).toBe('invalid_signature');

    const forged = await signIn();
    expect(await refusal(forged.finish(samlResponse({ ...forged.options, key: EVIL_KEY, cert: EVIL_CERT })))).toBe(
      'invalid_signature',
    );
  });

  it('refuses an unsigned assertion, even inside a signed response', async () => {
    const bare = await signIn();
    expect(await refusal(bare.finish(samlResponse({ ...bare.options, signAssertion: false })))).toBe(
      'invalid_signature',
    );
    const wrapped = await signIn();
    const onlyResponseSigned = samlResponse({ ...wrapped.options, signAssertion: false, signResponse: true });
    expect(await refusal(wrapped.finish(onlyResponseSigned))).toBe('invalid_signature');
  });

  it('refuses signature wrapping: an unsigned assertion beside or around the signed one', async () => {
    const before = await signIn();
    const genuine = signedAssertion(before.options);
    const evil = assertionXml({ ...before.options, nameId: 'mallory@acme.example' });
    const xswBefore = b64(responseXml(before.options, evil + genuine));
    expect(await refusal(before.finish(xswBefore))).toBe('invalid_signature');

    const advice = await signIn();
    const hidden = signedAssertion(advice.options);
    const carrier = assertionXml({ ...advice.options, nameId: 'mallory@acme.example' }).replace(
      '<saml:AuthnStatement',
      `<saml:Advice>${hidden}</saml:Advice><saml:AuthnStatement`,
    );
    expect(await refusal(advice.finish(b64(responseXml(advice.options, carrier))))).toBe('invalid_signature');
  });

  it('refuses an expired assertion, one for another audience, from another issuer, and unsolicited ones', async () => {
    const expired = await signIn();
    expect(await refusal(expired.finish(samlResponse({ ...expired.options, validMinutes: -5 })))).toBe('expired');

    const audience = await signIn();
    expect(
      await refusal(audience.finish(samlResponse({ ...audience.options, audience: 'https://other.example/sp' }))),
    ).toBe('wrong_audience');

    const issuer = await signIn();
    expect(await refusal(issuer.finish(samlResponse({ ...issuer.options, issuer: 'https://evil.example/idp' })))).toBe(
      'wrong_issuer',
    );

    const unsolicited = await signIn();
    expect(await refusal(unsolicited.finish(samlResponse({ ...unsolicited.options, requestId: null })))).toBe(
      'unsolicited',
    );
    const unknown = await signIn();
    expect(await refusal(unknown.finish(samlResponse({ ...unknown.options, requestId: '_not-ours' })))).toBe(
      'replayed',
    );
  });

  it('refuses what is not a SAML response at all', async () => {
    const { finish } = await signIn();
    expect(await refusal(finish('not base64 at all!'))).toBe('malformed');
    expect(await refusal(finish(b64('<html>hello</html>')))).toBe('unsolicited');
    expect(await refusal(finish(b64('<!DOCTYPE x [<!ENTITY a "b">]><x InResponseTo="_1">&a;</x>')))).toBe('malformed');
  });
});

describe('IdP settings', () => {
  it('reads entity id, redirect SSO URL and signing certificate from metadata', () => {
    expect(idp).toEqual({
      entityId: IDP_ENTITY_ID,
      ssoUrl: IDP_SSO_URL,
      certificates: [IDP_CERT.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '')],
    });
  });

  it('names the field and the rule when the metadata or the values cannot work', () => {
    const problem = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        if (err instanceof SamlSetupError) return `${err.field}:${err.rule}`;
        throw err;
      }
      return 'accepted';
    };
    expect(problem(() => parseIdpMetadata('<html/>'))).toBe('metadataXml:not_metadata');
    expect(problem(() => parseIdpMetadata('not xml <'))).toBe('metadataXml:not_metadata');
    expect(problem(() => parseIdpMetadata(`<!DOCTYPE x>${idpMetadata()}`))).toBe('metadataXml:doctype');
    expect(problem(() => parseIdpMetadata(idpMetadata().replace(/HTTP-Redirect/, 'SOAP')))).toBe('ssoUrl:url');
    expect(problem(() => parseIdpMetadata(idpMetadata().replace(/https:\/\/idp/g, 'http://idp')))).toBe('ssoUrl:https');
    expect(
      problem(() => parseIdpMetadata(idpMetadata('-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----'))),
    ).toBe('certificate:pem');
  });

  it('describes us for the IdP administrator: entity id and where responses go', () => {
    const xml = spMetadataXml(sp);
    expect(xml).toContain(`entityID="${sp.entityId}"`);
    expect(xml).toContain(`Location="${sp.acsUrl}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
  });
});
