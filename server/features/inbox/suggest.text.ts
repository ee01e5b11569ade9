import { excerpt } from '../../../common/excerpt.js';

export const EVIDENCE_MAX = 120;

/** A value found in the text, where it starts, and the passage that shows it. */
export interface Found<T> {
  value: T;
  at: number;
  evidence: string;
}

/**
 * The passage a suggestion came from, for a person to check it: the match with a little of
 * its line around it, whitespace collapsed, at most EVIDENCE_MAX characters.
 */
export function evidence(text: string, start: number, end: number): string {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const lineStop = lineEnd < 0 ? text.length : lineEnd;
  let from = Math.max(lineStart, start - 30);
  let to = Math.min(lineStop, end + 60);
  // Whole words only: a word the window cuts into is left out ("…mmences on" reads as a typo).
  if (from > lineStart && /\S/.test(text[from - 1]!)) {
    const space = text.slice(from, start).search(/\s/);
    from = space < 0 ? start : from + space + 1;
  }
  if (to < lineStop && /\S/.test(text[to]!)) {
    const space = text.slice(end, to).search(/\s\S*$/);
    to = space < 0 ? end : end + space;
  }
  const passage = text.slice(from, Math.max(to, end)).replace(/\s+/g, ' ').trim();
  return excerpt(passage, EVIDENCE_MAX - 1);
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  a: 1,
  an: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  'twenty-four': 24,
  thirty: 30,
  sixty: 60,
  ninety: 90,
  ein: 1,
  eine: 1,
  einem: 1,
  einer: 1,
  eines: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  vierzehn: 14,
  fünfzehn: 15,
  achtzehn: 18,
  zwanzig: 20,
  vierundzwanzig: 24,
  dreißig: 30,
  sechzig: 60,
  neunzig: 90,
};

/** Number words in English and German, longest first so "twenty-four" wins over "twenty". */
export const NUMBER_WORDS = Object.keys(WORD_NUMBERS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A count written in digits or as a word; null when it is neither. */
export function countOf(written: string): number | null {
  if (/^\d+$/.test(written)) return Number(written);
  return WORD_NUMBERS[written.toLowerCase()] ?? null;
}
