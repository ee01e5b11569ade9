import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

/**
 * A SAML identity provider made in the tests: it reads the AuthnRequest our service provider
 * sends and answers with a Response whose Assertion (and, when asked, the Response too) is signed
 * with xml-crypto, as Entra ID, Okta and Google sign theirs (RSA-SHA256, exclusive c14n,
 * enveloped). Options make the faults a test needs: another key, an expired assertion, another
 * audience, no signature; the XML can be edited after signing to tamper with it.
 */
const fixture = (name: string) => readFileSync(new URL(`./fixtures/saml/${name}`, import.meta.url), 'utf8');
export const IDP_KEY = fixture('idp.key');
export const IDP_CERT = fixture('idp.crt');
export const EVIL_KEY = fixture('evil.key');
export const EVIL_CERT = fixture('evil.crt');
export const IDP_ENTITY_ID = 'https://idp.test.example/saml';
export const IDP_SSO_URL = 'https://idp.test.example/saml/sso';

export interface AssertionOptions {
  requestId: string | null;
  acsUrl: string;
  audience: string;
  nameId: string;
  nameIdFormat?: string;
  attributes?: Record<string, string>;
  /** Minutes the assertion stays valid from now (negative: expired that long ago). */
  validMinutes?: number;
  key?: string;
  cert?: string;
  signAssertion?: boolean;
  signResponse?: boolean;
  issuer?: string;
}

const id = () => `_${randomBytes(16).toString('hex')}`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** The ID of the AuthnRequest in a redirect URL our SP made (deflated, base64 `SAMLRequest`). */
export function requestOf(url: string): { id: string; acsUrl: string | null; issuer: string | null } {
  const encoded = new URL(url).searchParams.get('SAMLRequest');
  if (!encoded) throw new Error(`no SAMLRequest in ${url}`);
  const xml = inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8');
  return {
    id: /\sID="([^"]+)"/.exec(xml)?.[1] ?? '',
    acsUrl: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? null,
    issuer: /<saml:Issuer[^>]*>([^<]+)</.exec(xml)?.[1] ?? null,
  };
}

export function assertionXml(o: AssertionOptions, assertionId = id()): string {
  const now = new Date();
  const until = new Date(now.getTime() + (o.validMinutes ?? 5) * 60_000);
  const notBefore = new Date(Math.min(now.getTime(), until.getTime()) - 60_000);
  const issuer = o.issuer ?? IDP_ENTITY_ID;
  const inResponseTo = o.requestId ? ` InResponseTo="${esc(o.requestId)}"` : '';
  const attributes = Object.entries(o.attributes ?? {})
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${esc(name)}"><saml:AttributeValue>${esc(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${assertionId}" Version="2.0" IssueInstant="${now.toISOString()}">` +
    `<saml:Issuer>${esc(issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${o.nameIdFormat ?? 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress'}">${esc(o.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData${inResponseTo} NotOnOrAfter="${until.toISOString()}" Recipient="${esc(o.acsUrl)}"/></saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${notBefore.toISOString()}" NotOnOrAfter="${until.toISOString()}"><saml:AudienceRestriction><saml:Audience>${esc(o.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${now.toISOString()}" SessionIndex="${id()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    (attributes ? `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` : '') +
    `</saml:Assertion>`
  );
}

function sign(xml: string, element: 'Assertion' | 'Response', key: string, cert: string): string {
  const signer = new SignedXml({
    privateKey: key,
    publicCert: cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  const xpath = `//*[local-name(.)='${element}']`;
  signer.addReference({
    xpath,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  signer.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' },
  });
  return signer.getSignedXml();
}

/** The signed assertion alone (for wrapping attacks that move it around). */
export function signedAssertion(o: AssertionOptions): string {
  return sign(assertionXml(o), 'Assertion', o.key ?? IDP_KEY, o.cert ?? IDP_CERT);
}

/** A whole Response around `assertion` (signed or not as given), as the IdP posts it: base64. */
export function responseXml(o: AssertionOptions, assertion: string): string {
  const inResponseTo = o.requestId ? ` InResponseTo="${esc(o.requestId)}"` : '';
  const xml =
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${id()}" Version="2.0" IssueInstant="${new Date().toISOString()}" Destination="${esc(o.acsUrl)}"${inResponseTo}>` +
    `<saml:Issuer>${esc(o.issuer ?? IDP_ENTITY_ID)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertion +
    `</samlp:Response>`;
  return o.signResponse ? sign(xml, 'Response', o.key ?? IDP_KEY, o.cert ?? IDP_CERT) : xml;
}

/** The posted form value: a Response with a signed assertion unless told otherwise. */
export function samlResponse(o: AssertionOptions): string {
  const assertion = o.signAssertion === false ? assertionXml(o) : signedAssertion(o);
  return Buffer.from(responseXml(o, assertion)).toString('base64');
}

export const b64 = (xml: string) => Buffer.from(xml).toString('base64');
export const unb64 = (value: string) => Buffer.from(value, 'base64').toString('utf8');

/** The IdP's metadata document, as an administrator downloads it from Entra ID or Okta. */
export function idpMetadata(cert = IDP_CERT): string {
  const body = cert.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return (
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${IDP_ENTITY_ID}">` +
    `<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>${body}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${IDP_SSO_URL}/post"/>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${IDP_SSO_URL}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}
