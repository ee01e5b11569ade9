/**
 * Highlighted excerpts, made in the app because the text is sealed in the database. A word
 * counts as a match when, lower-cased and without accents, it starts with one of the keys: the
 * query's own words and the stems PostgreSQL reduced them to, so "Verträge" is marked for
 * "vertrag" and "leases" for "lease". Keys shorter than three letters must match whole words.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const MIN_PREFIX = 3;
/** Characters of context kept before the first match, and the excerpt's length at most. */
const LEAD = 60;
const WIDTH = 240;

/** Only characters below U+0080 (no control character written into the pattern). */
const ASCII = /^[^\u0080-\uffff]*$/;

/** Lower case without accents, as unaccent makes it ("Straße" → "strasse"). */
export function fold(text: string): string {
  // Most words of a page are plain ASCII, which needs no normalising (a search excerpts up to 60 pages).
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/** The keys a search marks: its words and the stems of them (from queryStems), folded, without duplicates. */
export function matchKeys(q: string, stems: string[] = []): string[] {
  const words = [...(q.match(WORD) ?? []), ...stems.flatMap((s) => s.match(WORD) ?? [])];
  return [...new Set(words.map(fold).filter((k) => k.length > 0))];
}

function matches(word: string, keys: string[]): boolean {
  const folded = fold(word);
  return keys.some((k) => {
    if (k.length < MIN_PREFIX) return folded === k;
    // The English stemmer writes a final y as i ("study" → "studi").
    return folded.startsWith(k) || (k.endsWith('i') && folded.startsWith(`${k.slice(0, -1)}y`));
  });
}

/** Moves a cut past the next space (forward) or back to the previous one, so no word is halved. */
function atSpace(text: string, at: number, forward: boolean): number {
  if (at <= 0 || at >= text.length) return Math.max(0, Math.min(at, text.length));
  const found = forward ? text.indexOf(' ', at) : text.lastIndexOf(' ', at);
  return found === -1 ? at : forward ? found + 1 : found;
}

/**
 * An excerpt of text around its first match, as parts that alternate plain and matched text
 * (parts[0] is plain, possibly empty). Null when nothing in the text matches.
 */
export function excerpt(raw: string, keys: string[]): string[] | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  // The matching words from the first to the excerpt's end; the rest of the page is not looked at.
  const spans: [number, number][] = [];
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(WORD)) {
    const to = m.index + m[0].length;
    if (spans.length > 0 && to > end) break;
    if (!matches(m[0], keys)) continue;
    if (spans.length === 0) {
      start = Math.min(m.index, atSpace(text, m.index - LEAD, true));
      end = Math.max(to, atSpace(text, start + WIDTH, false));
    }
    spans.push([m.index, to]);
  }
  if (spans.length === 0) return null;
  const parts: string[] = [start > 0 ? '…' : ''];
  let at = start;
  for (const [from, to] of spans) {
    parts[parts.length - 1] += text.slice(at, from);
    parts.push(text.slice(from, to), '');
    at = to;
  }
  parts[parts.length - 1] += text.slice(at, end) + (end < text.length ? '…' : '');
  return parts;
}
