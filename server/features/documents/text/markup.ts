/**
 * A small tokenizer for the well-formed markup we read: the XML inside office files and the
 * HTML mammoth writes. It never resolves DTDs or external entities. A '<' that does not start
 * a tag is text, and no tag or quoted value reaches past the next '<' (XML forbids it there),
 * so every character is looked at a bounded number of times whatever the input.
 */
export type MarkupToken =
  | { type: 'open'; name: string; attrs: Map<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string };

const OPEN = /<([A-Za-z_][^\s=<>/"']*)((?:\s+[^\s=<>/"']+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?)*)\s*(\/?)>/y;
const CLOSE = /<\/([A-Za-z_][^\s=<>/"']*)\s*>/y;
const ATTR = /([^\s=<>/"']+)(?:\s*=\s*(?:"([^"<]*)"|'([^'<]*)'|([^\s"'=<>`]+)))?/g;
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Replaces the XML entities, numeric references and &nbsp;; anything else stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? '';
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

function attributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of source.matchAll(ATTR)) {
    const name = match[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attrs;
}

/** Where the construct starting with `opener` at `at` ends, or the end of the source. */
function skipPast(source: string, at: number, closer: string): number {
  const end = source.indexOf(closer, at);
  return end < 0 ? source.length : end + closer.length;
}

export function* scanMarkup(source: string): Generator<MarkupToken> {
  let at = 0;
  let text = '';
  const flush = function* (): Generator<MarkupToken> {
    if (text) yield { type: 'text', text: decodeEntities(text) };
    text = '';
  };
  while (at < source.length) {
    const lt = source.indexOf('<', at);
    if (lt < 0) {
      text += source.slice(at);
      break;
    }
    text += source.slice(at, lt);
    if (source.startsWith('<!--', lt)) {
      at = skipPast(source, lt + 4, '-->');
      continue;
    }
    if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      yield* flush();
      yield { type: 'text', text: source.slice(lt + 9, end < 0 ? source.length : end) };
      at = end < 0 ? source.length : end + 3;
      continue;
    }
    if (source[lt + 1] === '!' || source[lt + 1] === '?') {
      at = skipPast(source, lt + 2, '>');
      continue;
    }
    CLOSE.lastIndex = lt;
    const close = CLOSE.exec(source);
    if (close) {
      yield* flush();
      yield { type: 'close', name: close[1]!.toLowerCase() };
      at = CLOSE.lastIndex;
      continue;
    }
    OPEN.lastIndex = lt;
    const open = OPEN.exec(source);
    if (open) {
      yield* flush();
      yield { type: 'open', name: open[1]!.toLowerCase(), attrs: attributes(open[2]!), selfClosing: open[3] === '/' };
      at = OPEN.lastIndex;
      continue;
    }
    text += '<';
    at = lt + 1;
  }
  yield* flush();
}
