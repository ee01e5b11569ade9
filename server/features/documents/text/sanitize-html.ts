import { scanMarkup } from './markup.js';

/** What a Word preview may contain: the elements mammoth writes, without attributes except below. */
const ALLOWED = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'u',
  's',
  'sup',
  'sub',
  'br',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'a',
  'blockquote',
  'pre',
]);
const VOID = new Set(['br']);
/** Elements dropped with everything inside them: their content is code or styling, not text. */
const DROPPED_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'noembed',
  'noframes',
  'svg',
  'math',
  'textarea',
  'title',
  'xmp',
  'select',
  'head',
]);
const SPAN = /^[1-9][0-9]{0,2}$/;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** An https URL without credentials, re-serialised by the URL parser, or null. */
function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    if (url.protocol !== 'https:' || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

function startTag(name: string, attrs: Map<string, string>): string | null {
  if (name === 'a') {
    const href = safeHref(attrs.get('href'));
    return href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">` : null;
  }
  if (name === 'td' || name === 'th') {
    let out = `<${name}`;
    for (const span of ['colspan', 'rowspan']) {
      const value = attrs.get(span);
      if (value && SPAN.test(value)) out += ` ${span}="${value}"`;
    }
    return `${out}>`;
  }
  return `<${name}>`;
}

/**
 * Re-serialises HTML through an allow-list: the elements above and nothing else, no attributes
 * but https link targets and table spans, every text escaped, every element closed. Images are
 * dropped (a preview of the words needs none, and nothing is fetched or inlined). Links keep
 * only https targets; any other link keeps its text and loses the element.
 */
export function sanitizeHtml(html: string): string {
  let out = '';
  const open: string[] = [];
  let dropping: string | null = null;
  let dropDepth = 0;
  for (const token of scanMarkup(html)) {
    if (dropping) {
      if (token.type === 'open' && token.name === dropping && !token.selfClosing) dropDepth++;
      if (token.type === 'close' && token.name === dropping && --dropDepth === 0) dropping = null;
      continue;
    }
    if (token.type === 'text') {
      out += escapeHtml(token.text);
    } else if (token.type === 'open') {
      if (DROPPED_WITH_CONTENT.has(token.name)) {
        if (!token.selfClosing) [dropping, dropDepth] = [token.name, 1];
        continue;
      }
      if (!ALLOWED.has(token.name)) continue;
      const tag = startTag(token.name, token.attrs);
      if (!tag) continue;
      if (VOID.has(token.name)) {
        out += tag;
        continue;
      }
      out += tag;
      if (token.selfClosing) out += `</${token.name}>`;
      else open.push(token.name);
    } else {
      const at = open.lastIndexOf(token.name);
      if (at < 0) continue;
      while (open.length > at) out += `</${open.pop()}>`;
    }
  }
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}
