import { type CacheProvider, type Profile, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';

/**
 * Deedbox as a SAML 2.0 service provider (`@node-saml/node-saml`), without storage of its own: the
 * caller keeps the ids of the requests it sent (single use) and gets back who signed in, or a
 * refusal with a reason. Signed assertions are required (a signed response alone is not enough:
 * most IdPs sign the assertion, and an unsigned assertion in a signed response is what signature
 * wrapping needs); every response must answer a request we sent, once (`validateInResponseTo:
 * 'always'`, the request taken atomically by the caller before validation).
 */

/** The identity provider as its administrator describes it (metadata XML, or the three values). */
export interface SamlIdp {
  entityId: string;
  /** Where AuthnRequests go (HTTP-Redirect binding). */
  ssoUrl: string;
  /** Signing certificates, PEM or the base64 body; several while the IdP rolls its key. */
  certificates: string[];
}

export interface SamlSp {
  /** Our entity id (the audience the IdP must address). */
  entityId: string;
  /** Assertion consumer service: where the IdP posts the response. */
  acsUrl: string;
}

export interface SamlIdentity {
  nameId: string;
  nameIdFormat: string;
  /** From an e-mail NameID or the usual e-mail attributes (Entra ID, Okta, Google); null when none. */
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  /** The assertion's ID: keep it until the assertion expires to refuse a second use. */
  assertionId: string | null;
  /** When the assertion stops being valid (for how long its ID must be remembered). */
  notOnOrAfter: Date | null;
}

export type SamlRefusalReason =
  | 'malformed'
  | 'unsolicited'
  | 'replayed'
  | 'invalid_signature'
  | 'expired'
  | 'wrong_audience'
  | 'wrong_issuer'
  | 'idp_status';

/** A response refused; `reason` is for the person's error page and the log, `detail` for the log only. */
export class SamlRefusal extends Error {
  constructor(
    readonly reason: SamlRefusalReason,
    readonly detail: string,
  ) {
    super(`SAML response refused (${reason}): ${detail}`);
    this.name = 'SamlRefusal';
  }
}

/** A setting that does not describe a usable IdP: the field it concerns and why. */
export class SamlSetupError extends Error {
  constructor(
    readonly field: 'metadataXml' | 'entityId' | 'ssoUrl' | 'certificate',
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'SamlSetupError';
  }
}

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
/** A minute for clocks that disagree; assertions live minutes, requests ten. */
const CLOCK_SKEW_MS = 60_000;
export const REQUEST_TTL_MS = 10 * 60_000;

function parseXml(xml: string): Document | null {
  let failed = false;
  const doc = new DOMParser({
    errorHandler: {
      warning: () => {},
      error: () => {
        failed = true;
      },
      fatalError: () => {
        failed = true;
      },
    },
  }).parseFromString(xml, 'text/xml');
  return failed || !doc?.documentElement ? null : (doc as unknown as Document);
}

/** The entity id, redirect SSO URL and signing certificates from an IdP's metadata document. */
export function parseIdpMetadata(xml: string): SamlIdp {
  if (/<!DOCTYPE/i.test(xml)) throw new SamlSetupError('metadataXml', 'doctype', 'must not contain a DOCTYPE');
  const doc = parseXml(xml);
  const entity = doc ? first(doc, MD, 'EntityDescriptor') : null;
  if (!entity) throw new SamlSetupError('metadataXml', 'not_metadata', 'is not SAML metadata (no EntityDescriptor)');
  const idp = first(entity, MD, 'IDPSSODescriptor');
  if (!idp) throw new SamlSetupError('metadataXml', 'not_idp', 'describes no identity provider (no IDPSSODescriptor)');
  const services = Array.from(idp.getElementsByTagNameNS(MD, 'SingleSignOnService'));
  const redirect = services.find((s) => s.getAttribute('Binding') === REDIRECT);
  const certificates = Array.from(idp.getElementsByTagNameNS(MD, 'KeyDescriptor'))
    .filter((k) => (k.getAttribute('use') ?? 'signing') === 'signing')
    .flatMap((k) => Array.from(k.getElementsByTagNameNS(DS, 'X509Certificate')))
    .map((c) => (c.textContent ?? '').replace(/\s+/g, ''))
    .filter(Boolean);
  return checkIdp({
    entityId: entity.getAttribute('entityID') ?? '',
    ssoUrl: redirect?.getAttribute('Location') ?? '',
    certificates,
  });
}

/** The three values checked: an entity id, an https (or loopback http) SSO URL, a readable certificate. */
export function checkIdp(idp: SamlIdp): SamlIdp {
  if (!idp.entityId.trim()) throw new SamlSetupError('entityId', 'required', 'is required');
  let url: URL;
  try {
    url = new URL(idp.ssoUrl);
  } catch {
    throw new SamlSetupError('ssoUrl', 'url', 'must be the URL of the IdP’s single sign-on service (HTTP-Redirect)');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:')) {
    throw new SamlSetupError('ssoUrl', 'https', 'must be an https:// URL');
  }
  if (idp.certificates.length === 0) throw new SamlSetupError('certificate', 'required', 'is required');
  const certificates = idp.certificates.map((c) => pemBody(c));
  for (const body of certificates) {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length < 200) {
      throw new SamlSetupError('certificate', 'pem', 'must be an X.509 certificate (PEM or base64)');
    }
  }
  return { entityId: idp.entityId.trim(), ssoUrl: url.toString(), certificates };
}

const pemBody = (cert: string) => cert.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');

function first(node: Document | Element, ns: string, name: string): Element | null {
  if (
    'documentElement' in node &&
    node.documentElement.namespaceURI === ns &&
    node.documentElement.localName === name
  ) {
    return node.documentElement;
  }
  return node.getElementsByTagNameNS(ns, name)[0] ?? null;
}

function client(sp: SamlSp, idp: SamlIdp, cacheProvider: CacheProvider): SAML {
  return new SAML({
    callbackUrl: sp.acsUrl,
    issuer: sp.entityId,
    audience: sp.entityId,
    entryPoint: idp.ssoUrl,
    idpIssuer: idp.entityId,
    idpCert: idp.certificates,
    wantAssertionsSigned: true,
    wantAuthnResponseSigned: false,
    validateInResponseTo: ValidateInResponseTo.always,
    requestIdExpirationPeriodMs: REQUEST_TTL_MS,
    acceptedClockSkewMs: CLOCK_SKEW_MS,
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    cacheProvider,
  });
}

/** The metadata the IdP's administrator imports: our entity id and where to post responses. */
export function spMetadataXml(sp: SamlSp): string {
  return client(
    sp,
    { entityId: 'unused', ssoUrl: 'https://unused.invalid/', certificates: [] },
    noCache(),
  ).generateServiceProviderMetadata(null, null);
}

/** The URL that sends the person to the IdP, and the request's id for the caller to keep (single use). */
export async function startSamlSignIn(
  sp: SamlSp,
  idp: SamlIdp,
  relayState: string,
): Promise<{ url: string; requestId: string }> {
  let requestId: string | null = null;
  const capture: CacheProvider = {
    ...noCache(),
    saveAsync: async (key, value) => {
      requestId = key;
      return { value, createdAt: Date.now() };
    },
  };
  const url = await client(sp, idp, capture).getAuthorizeUrlAsync(relayState, undefined, {});
  if (!requestId) throw new Error('node-saml kept no request id');
  return { url, requestId };
}

/**
 * Checks a posted `SAMLResponse` (base64). `takeRequest` removes the request id it answers from
 * the caller's store and says when it was sent, or null when it is unknown or already used: taken
 * before the signature is checked, so two posts of one response cannot both pass.
 */
export async function finishSamlSignIn(
  sp: SamlSp,
  idp: SamlIdp,
  samlResponse: string,
  takeRequest: (requestId: string) => Promise<Date | null>,
): Promise<SamlIdentity> {
  const xml = decode(samlResponse);
  if (/<!DOCTYPE/i.test(xml)) throw new SamlRefusal('malformed', 'DOCTYPE in response');
  const doc = parseXml(xml);
  if (!doc) throw new SamlRefusal('malformed', 'not XML');
  const inResponseTo = doc.documentElement.getAttribute('InResponseTo');
  if (!inResponseTo) throw new SamlRefusal('unsolicited', 'the response answers no request of ours');
  const sentAt = await takeRequest(inResponseTo);
  if (!sentAt) throw new SamlRefusal('replayed', 'the request it answers is unknown or already answered');
  const cache: CacheProvider = {
    ...noCache(),
    getAsync: async (key) => (key === inResponseTo ? sentAt.toISOString() : null),
  };
  let profile: Profile | null;
  try {
    ({ profile } = await client(sp, idp, cache).validatePostResponseAsync({ SAMLResponse: samlResponse }));
  } catch (err) {
    throw refusalOf(err);
  }
  if (!profile) throw new SamlRefusal('malformed', 'no profile in the response');
  // node-saml checks `idpIssuer` on logout messages only: the assertion's issuer is checked here.
  if (profile.issuer !== idp.entityId) {
    throw new SamlRefusal('wrong_issuer', `assertion issued by ${profile.issuer}, expected ${idp.entityId}`);
  }
  return identityOf(profile);
}

function decode(samlResponse: string): string {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(samlResponse)) throw new SamlRefusal('malformed', 'SAMLResponse is not base64');
  return Buffer.from(samlResponse, 'base64').toString('utf8');
}

/** node-saml says why in its message only; sorted into the reasons a person can be told. */
function refusalOf(err: unknown): SamlRefusal {
  const message = err instanceof Error ? err.message : String(err);
  const m = message.toLowerCase();
  if (m.includes('signature')) return new SamlRefusal('invalid_signature', message);
  // node-saml checks a subject confirmation only by its time window: none valid means none in time.
  const late = ['expired', 'notonorafter', 'notbefore', 'too old', 'subject confirmation'];
  if (late.some((word) => m.includes(word))) {
    return new SamlRefusal('expired', message);
  }
  if (m.includes('audience')) return new SamlRefusal('wrong_audience', message);
  if (m.includes('issuer')) return new SamlRefusal('wrong_issuer', message);
  if (m.includes('inresponseto')) return new SamlRefusal('replayed', message);
  if (m.includes('status')) return new SamlRefusal('idp_status', message);
  return new SamlRefusal('malformed', message);
}

const EMAIL_ATTRIBUTES = [
  'email',
  'mail',
  'emailaddress',
  'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  'urn:oid:0.9.2342.19200300.100.1.3',
];

function attribute(profile: Profile, names: string[]): string | null {
  for (const name of names) {
    const value = profile[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (typeof text === 'string' && text.trim()) return text.trim();
  }
  return null;
}

function identityOf(profile: Profile): SamlIdentity {
  const assertion = profile.getAssertion?.() as
    | { Assertion?: { $?: { ID?: string }; Conditions?: { $?: { NotOnOrAfter?: string } }[] } }
    | undefined;
  const until = assertion?.Assertion?.Conditions?.[0]?.$?.NotOnOrAfter;
  const fromNameId = profile.nameIDFormat === EMAIL_FORMAT || /^[^@\s]+@[^@\s]+$/.test(profile.nameID);
  return {
    nameId: profile.nameID,
    nameIdFormat: profile.nameIDFormat,
    email: (attribute(profile, EMAIL_ATTRIBUTES) ?? (fromNameId ? profile.nameID : null))?.toLowerCase() ?? null,
    givenName: attribute(profile, [
      'givenName',
      'firstName',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
      'urn:oid:2.5.4.42',
    ]),
    familyName: attribute(profile, [
      'sn',
      'surname',
      'lastName',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
      'urn:oid:2.5.4.4',
    ]),
    assertionId: assertion?.Assertion?.$?.ID ?? null,
    notOnOrAfter: until ? new Date(until) : null,
  };
}

function noCache(): CacheProvider {
  return {
    saveAsync: async (_key, value) => ({ value, createdAt: Date.now() }),
    getAsync: async () => null,
    removeAsync: async () => null,
  };
}
