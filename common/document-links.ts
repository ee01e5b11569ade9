import type { LinkProvider } from './schemas/documents.js';

/** Longer than any share link the providers hand out; the same bound as `linkInput`. */
export const DOCUMENT_LINK_MAX = 2000;

export type DocumentLinkRule = 'url_format' | 'url_scheme' | 'url_credentials' | 'url_length';

export type ParsedDocumentLink =
  | { ok: true; url: string; provider: LinkProvider }
  | { ok: false; rule: DocumentLinkRule };

/**
 * C0 and C1 controls and the invisible or direction-changing characters that make a link read
 * differently from where it goes. Refused, never stripped: what is stored is what was sent.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const HIDDEN = /[\u0000-\u001f\u007f-\u00a0\u00ad\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]/;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** The last label of a real host name: letters (or an IDN's punycode form), never digits only. */
const TOP_LABEL = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

function providerOf(host: string): LinkProvider {
  const h = host.endsWith('.') ? host.slice(0, -1) : host;
  const is = (domain: string) => h === domain;
  const under = (domain: string) => h.endsWith(`.${domain}`);
  if (is('dropbox.com') || under('dropbox.com') || is('db.tt') || under('dropboxusercontent.com')) return 'dropbox';
  if (under('sharepoint.com')) return 'sharepoint';
  if (is('onedrive.live.com') || is('1drv.ms') || is('onedrive.com') || under('onedrive.com')) return 'onedrive';
  if (is('drive.google.com') || is('docs.google.com')) return 'google_drive';
  return 'web';
}

/** A host a person would recognise: a dotted name, not an IP address, not this machine. */
function isRealHostName(host: string): boolean {
  if (host.startsWith('[') || IPV4.test(host)) return false;
  const labels = (host.endsWith('.') ? host.slice(0, -1) : host).split('.');
  const top = labels[labels.length - 1]!;
  if (labels.length < 2 || labels.some((l) => l === '') || !TOP_LABEL.test(top)) return false;
  return top !== 'localhost';
}

/**
 * Checks a link to a file kept elsewhere and says which service holds it. Only `https:` with a
 * real host name and no user name or password passes; the result is the WHATWG-normalised URL.
 * The server never fetches it, so IP addresses and `localhost` are refused only because a
 * document link to them cannot be what a colleague can open.
 */
export function parseDocumentLink(raw: string): ParsedDocumentLink {
  if (raw.length > DOCUMENT_LINK_MAX) return { ok: false, rule: 'url_length' };
  // A space inside is percent-encoded like any browser does; one at either end means the paste went wrong.
  if (raw === '' || HIDDEN.test(raw) || /^\s|\s$/.test(raw)) return { ok: false, rule: 'url_format' };
  const scheme = SCHEME.exec(raw);
  if (!scheme) return { ok: false, rule: 'url_format' };
  if (scheme[1]!.toLowerCase() !== 'https') return { ok: false, rule: 'url_scheme' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, rule: 'url_format' };
  }
  // An empty user part (https://@host) is dropped by the parser, but it still says "credentials here".
  const authority = raw.slice(scheme[0].length).replace(/^[/\\]*/, '');
  const end = authority.search(/[/\\?#]/);
  if ((end < 0 ? authority : authority.slice(0, end)).includes('@')) return { ok: false, rule: 'url_credentials' };
  if (url.username !== '' || url.password !== '') return { ok: false, rule: 'url_credentials' };
  if (!isRealHostName(url.hostname)) return { ok: false, rule: 'url_format' };
  if (url.href.length > DOCUMENT_LINK_MAX) return { ok: false, rule: 'url_length' };
  return { ok: true, url: url.href, provider: providerOf(url.hostname) };
}
