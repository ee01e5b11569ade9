import { dateInputProblem } from '../../../common/terms/dates.js';
import { evidence, type Found } from './suggest.text.js';

const MONTH =
  'januar[y]?|jänner|jaenner|february|februar|feber|march|märz|maerz|april|may|mai|june|juni|july|juli|august|' +
  'september|october|oktober|november|december|dezember|jan|feb|mrz|mar|apr|jun|jul|aug|sept|sep|oct|okt|nov|dec|dez';

/** A date as contracts write it, in English or German; its groups are read by `dateOf`. */
const DATE =
  '(?<![\\p{L}\\p{N}])(?:' +
  '(\\d{4})-(\\d{2})-(\\d{2})' +
  '|(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}|\\d{2})(?!\\d)' +
  `|(\\d{1,2})(?:st|nd|rd|th)?\\.?(?:\\s+day)?\\s+(?:of\\s+)?(${MONTH})\\.?,?\\s+(\\d{4})` +
  `|(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})` +
  ')(?![\\p{L}\\p{N}])';

function monthNumber(name: string): number {
  const n = name.toLowerCase();
  const prefixes: [string, number][] = [
    ['jun', 6],
    ['jul', 7],
    ['j', 1],
    ['f', 2],
    ['mär', 3],
    ['mae', 3],
    ['mrz', 3],
    ['mar', 3],
    ['ap', 4],
    ['ma', 5],
    ['au', 8],
    ['s', 9],
    ['o', 10],
    ['n', 11],
    ['d', 12],
  ];
  return prefixes.find(([p]) => n.startsWith(p))![1];
}

/** A two-digit year in the century that puts it closest to today (within 50 years). */
function fullYear(written: string, today: string): number {
  if (written.length === 4) return Number(written);
  const current = Number(today.slice(0, 4));
  const candidate = Math.floor(current / 100) * 100 + Number(written);
  if (candidate > current + 49) return candidate - 100;
  return candidate < current - 50 ? candidate + 100 : candidate;
}

/** The ISO date a DATE match stands for, or null when it is no calendar date from 1900 to 2200. */
function dateOf(m: RegExpExecArray, offset: number, today: string): string | null {
  const g = (i: number) => m[offset + i];
  let parts: [number, number, number];
  if (g(1)) parts = [Number(g(1)), Number(g(2)), Number(g(3))];
  else if (g(4)) parts = [fullYear(g(6)!, today), Number(g(5)), Number(g(4))];
  else if (g(7)) parts = [Number(g(9)), monthNumber(g(8)!), Number(g(7))];
  else parts = [Number(g(12)), monthNumber(g(10)!), Number(g(11))];
  const [year, month, day] = parts;
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return dateInputProblem(iso) === null ? iso : null;
}

const START_PHRASES = [
  'effective\\s+(?:as\\s+)?(?:of|from|on)',
  'effective\\s+date(?:\\s+(?:is|shall\\s+be))?\\s*:?',
  'with\\s+effect\\s+from',
  '(?:commencing|beginning|starting)(?:\\s+(?:on|from))?',
  '(?:commences|begins|starts)\\s+on',
  'shall\\s+(?:commence|begin|start)\\s+on',
  '(?:commencement|start)\\s+date\\s*:?',
  'entered\\s+into\\s+(?:as\\s+of|on)',
  'gültig\\s+ab',
  'gilt\\s+ab',
  'beginnt\\s+am',
  'beginnend\\s+(?:am|mit\\s+dem)',
  'mit\\s+Wirkung\\s+(?:vom|zum|ab)',
  'Vertragsbeginn\\s*:?',
  'tritt\\s+am',
];
const END_PHRASES = [
  'until(?:\\s+and\\s+including)?',
  'up\\s+to\\s+and\\s+including',
  'expir(?:es|ing)(?:\\s+on)?',
  '(?:expiry|expiration|end|termination)\\s+date\\s*:?',
  '(?:ends|ending|terminates|shall\\s+(?:end|terminate|expire))\\s+on',
  'endet\\s+am',
  'endet\\s+mit\\s+(?:Ablauf\\s+des|dem)',
  'bis\\s+(?:zum|einschließlich)',
  '(?:läuft|befristet)\\s+bis(?:\\s+zum)?',
  'Vertragsende\\s*:?',
  'mit\\s+Ablauf\\s+des',
];
/** Between a phrase and its date: a few words (the 1st day of…, (and including)), never a sentence end. */
const GAP = '[^.;\\n]{0,25}?';
const AFTER = (phrases: string[]) => new RegExp(`(?<![\\p{L}])(?:${phrases.join('|')})${GAP}${DATE}`, 'giu');
const START = AFTER(START_PHRASES);
const END = AFTER(END_PHRASES);
const RANGE = new RegExp(
  `(?<![\\p{L}])(?:from|vom|von)\\s+${DATE}\\s*(?:to|until|through|till|-|–|bis(?:\\s+(?:zum|einschließlich))?)\\s*${DATE}`,
  'giu',
);

function first(re: RegExp, text: string, today: string): Found<string> | null {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const date = dateOf(m, 0, today);
    if (date) return { value: date, at: m.index, evidence: evidence(text, m.index, m.index + m[0].length) };
  }
  return null;
}

function firstRange(text: string, today: string): { start: Found<string>; end: Found<string> } | null {
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(text); m; m = RANGE.exec(text)) {
    const start = dateOf(m, 0, today);
    const end = dateOf(m, 12, today);
    if (start && end && start < end) {
      const passage = evidence(text, m.index, m.index + m[0].length);
      return {
        start: { value: start, at: m.index, evidence: passage },
        end: { value: end, at: m.index, evidence: passage },
      };
    }
  }
  return null;
}

const earliest = <T>(...found: (Found<T> | null | undefined)[]) =>
  found.reduce<Found<T> | null>((best, f) => (f && (!best || f.at < best.at) ? f : best), null);

/**
 * The start and end dates a contract names: "effective as of …", "gültig ab …", "until …",
 * "endet am …", or a range "from … to …" / "vom … bis …". The first mention of each wins; an
 * end that is not after the start is dropped.
 */
export function findTermDates(text: string, today: string): { start: Found<string> | null; end: Found<string> | null } {
  const range = firstRange(text, today);
  const start = earliest(first(START, text, today), range?.start);
  const end = earliest(first(END, text, today), range?.end);
  return { start, end: end && start && end.value <= start.value ? null : end };
}
