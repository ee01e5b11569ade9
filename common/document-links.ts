import type { LinkProvider } from './schemas/documents.js';

// Interim recognition until the full rules land: https only, no credentials.
export type LinkCheck =
  | { ok: true; url: string; provider: LinkProvider }
  | { ok: false; rule: 'url_format' | 'url_scheme' | 'url_credentials' | 'url_length' };

export function parseDocumentLink(raw: string): LinkCheck {
  if (raw.length > 2000) return { ok: false, rule: 'url_length' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, rule: 'url_format' };
  }
  if (url.protocol !== 'https:') return { ok: false, rule: 'url_scheme' };
  if (url.username || url.password) return { ok: false, rule: 'url_credentials' };
  return { ok: true, url: url.href, provider: 'web' };
}
