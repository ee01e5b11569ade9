/**
 * A small HTML tokenizer for the suite's checks: it reads tags and their attributes as a browser's
 * tokenizer would (quoted, unquoted and bare attributes; comments skipped) and names everything in
 * the markup that could run script. Text between tags is not its concern: escaped text is inert.
 */
export interface Tag {
  name: string;
  attributes: Record<string, string>;
}

const TAG = /<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

const decode = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  for (const match of html.replace(/<!--[\s\S]*?-->/g, '').matchAll(TAG)) {
    const attributes: Record<string, string> = {};
    for (const a of (match[2] ?? '').matchAll(ATTRIBUTE)) {
      attributes[a[1]!.toLowerCase()] = decode(a[2] ?? a[3] ?? a[4] ?? '');
    }
    tags.push({ name: match[1]!.toLowerCase(), attributes });
  }
  return tags;
}

/** What a mail may contain: the frame, paragraphs, lists and links. */
const MAIL_TAGS = new Set(['html', 'head', 'meta', 'body', 'div', 'p', 'br', 'ul', 'li', 'a', 'span', 'strong']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href']);

/** Everything in `html` that could run script or came from data as markup; empty when the HTML is inert. */
export function scriptableParts(html: string, allowedTags: ReadonlySet<string> = MAIL_TAGS): string[] {
  const problems: string[] = [];
  for (const tag of tagsOf(html)) {
    if (!allowedTags.has(tag.name)) problems.push(`<${tag.name}> element`);
    for (const [name, value] of Object.entries(tag.attributes)) {
      if (name.startsWith('on')) problems.push(`${name}= on <${tag.name}>`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers skip them inside a URL scheme
      const scheme = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (URL_ATTRIBUTES.has(name) && /^(javascript|vbscript|data):/.test(scheme)) {
        problems.push(`${name}="${value}" on <${tag.name}>`);
      }
    }
  }
  return problems;
}
