import { evidence, type Found } from './suggest.text.js';

/**
 * Legal forms, as folded words, dropped from the end of a partner's name so "ACME GmbH"
 * matches "Acme Ltd." and "Acme". Longest first.
 */
const LEGAL_FORMS = [
  'sp z o o',
  'ug haftungsbeschraenkt',
  'gmbh co kg',
  'e k',
  'e v',
  's a',
  'b v',
  'n v',
  'pty ltd',
  ...'gmbh mbh ag kg kgaa ohg gbr ug haftungsbeschraenkt ek ev se co ltd limited plc llc llp lp inc incorporated corp corporation company sa sas sarl srl spa bv nv ab oy as aps pty pte kft sro'.split(
    ' ',
  ),
].map((form) => form.split(' '));

const MIN_CORE_LETTERS = 3;

/** Umlauts spelled out (Müller = Mueller), other accents dropped; the word is already lower case. */
function fold(lower: string): string {
  return lower
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '');
}

/** Letters and digits of a lower-cased text: ASCII ones, and from U+00C0 on all but ×, ÷, punctuation and spaces. */
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x206f) && c !== 0x3000 && c !== 0xfeff;
}

/** Where the words of a lower-cased text start and end, found in one pass without cutting any out. */
class Words {
  /** Word i spans starts[i] to ends[i]; typed arrays sized for the most words a text this long can hold. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly length: number;
  /** The text in lower case, as long as the text (İ is the one letter whose lower case is longer). */
  readonly lower: string;

  constructor(text: string) {
    this.lower = text.replace(/\u0130/g, 'I').toLowerCase();
    const most = Math.ceil(this.lower.length / 2);
    this.starts = new Int32Array(most);
    this.ends = new Int32Array(most);
    let count = 0;
    let start = -1;
    for (let i = 0; i <= this.lower.length; i++) {
      const word = i < this.lower.length && isWordChar(this.lower.charCodeAt(i));
      if (word && start < 0) start = i;
      else if (!word && start >= 0) {
        this.starts[count] = start;
        this.ends[count++] = i;
        start = -1;
      }
    }
    this.length = count;
  }

  /** Word i, folded; undefined past the end. */
  at(i: number): string | undefined {
    if (i >= this.length) return undefined;
    const word = this.lower.slice(this.starts[i], this.ends[i]);
    return /[^ -~]/.test(word) ? fold(word) : word;
  }

  firstCode(i: number): number {
    return this.lower.charCodeAt(this.starts[i]!);
  }
}

const endsWith = (words: string[], form: string[]) =>
  words.length > form.length && form.every((w, i) => words[words.length - form.length + i] === w);

/** A partner's name without its legal forms: the words that must occur in the text. */
function core(name: string): string[] {
  const found = new Words(name);
  const list = Array.from({ length: found.length }, (_, i) => found.at(i)!);
  for (let form = LEGAL_FORMS.find((f) => endsWith(list, f)); form; form = LEGAL_FORMS.find((f) => endsWith(list, f)))
    list.splice(list.length - form.length);
  return list;
}

const isLegalFormAt = (text: Words, i: number) =>
  LEGAL_FORMS.some((form) => form.every((w, k) => text.at(i + k) === w));

/**
 * The partner whose name occurs in the text, ignoring case, spacing, accents and legal forms;
 * the longest name wins. A one-word name counts only where it is written as a name: followed by
 * a legal form or capitalised, so the partner "Data GmbH" is not found in "personal data".
 */
export function findPartner(text: string, partners: { id: string; name: string }[]): Found<string> | null {
  const byFirstWord = new Map<string, { id: string; words: string[]; letters: number }[]>();
  for (const p of partners) {
    const words = core(p.name);
    const letters = words.join('').length;
    if (words.length === 0 || letters < MIN_CORE_LETTERS) continue;
    const list = byFirstWord.get(words[0]!) ?? [];
    list.push({ id: p.id, words, letters });
    byFirstWord.set(words[0]!, list);
  }
  if (byFirstWord.size === 0) return null;
  const inText = new Words(text);
  // Most words cannot start a name: skip them by their first letter without cutting them out.
  const firstCodes = new Set([...byFirstWord.keys()].map((w) => w.charCodeAt(0)));
  let best: { id: string; letters: number; from: number; to: number } | null = null;
  for (let i = 0; i < inText.length; i++) {
    const code = inText.firstCode(i);
    if (code < 0x80 && !firstCodes.has(code)) continue;
    for (const candidate of byFirstWord.get(inText.at(i)!) ?? []) {
      if (best && candidate.letters <= best.letters) continue;
      if (!candidate.words.every((w, k) => inText.at(i + k) === w)) continue;
      const after = i + candidate.words.length;
      const capital = text.charCodeAt(inText.starts[i]!) !== inText.firstCode(i);
      if (candidate.words.length === 1 && !capital && !isLegalFormAt(inText, after)) continue;
      best = { id: candidate.id, letters: candidate.letters, from: inText.starts[i]!, to: inText.ends[after - 1]! };
    }
  }
  return best && { value: best.id, at: best.from, evidence: evidence(text, best.from, best.to) };
}
