/**
 * Contract-number patterns such as `CT-{YYYY}-{SEQ:5}`: validation, the counter period a
 * pattern implies, and formatting. Pure, shared by server and web.
 */

const TOKEN = /\{(YYYY|YY|MM|SEQ:\d+)\}/g;
const SEQ = /\{SEQ:(\d+)\}/;
const LITERAL = /^[\p{L}0-9\-_/. ]*$/u;
const DAY = /^(\d{4})-(\d{2})-\d{2}$/;
export const NUMBER_PATTERN_MAX = 60;

/** Why a pattern cannot be used, as a code the web app translates (`validation.invalid_pattern.<code>`). */
export const PATTERN_FAULTS = {
  empty: 'must not be empty',
  too_long: `must be at most ${NUMBER_PATTERN_MAX} characters`,
  counter: 'must contain exactly one counter {SEQ:n}, e.g. {SEQ:5}',
  counter_width: 'the counter width n in {SEQ:n} must be 1 to 9',
  placeholder: 'may only use the placeholders {YYYY}, {YY}, {MM} and {SEQ:n}',
  text: 'text may only contain letters, digits, spaces and - _ / .',
  month_without_year: '{MM} needs {YYYY} or {YY} as well',
} as const;
export type PatternFault = keyof typeof PATTERN_FAULTS;

/** What is wrong with a pattern, or null when it can be used. */
export function patternFault(pattern: string): PatternFault | null {
  if (pattern.trim() === '') return 'empty';
  if (pattern.length > NUMBER_PATTERN_MAX) return 'too_long';
  const seqs = [...pattern.matchAll(/\{SEQ:(\d+)\}/g)];
  if (seqs.length !== 1) return 'counter';
  const width = Number(seqs[0]?.[1]);
  if (!(width >= 1 && width <= 9)) return 'counter_width';
  const literal = pattern.replace(TOKEN, '');
  if (/[{}]/.test(literal)) return 'placeholder';
  if (!LITERAL.test(literal)) return 'text';
  // Without a year, a monthly counter would restart every month of every year and repeat numbers.
  if (pattern.includes('{MM}') && !/\{YY(YY)?\}/.test(pattern)) return 'month_without_year';
  return null;
}

/** Why a pattern cannot be used (in the API's English), or null when it can. */
export function patternProblem(pattern: string): string | null {
  const fault = patternFault(pattern);
  return fault ? PATTERN_FAULTS[fault] : null;
}

function dayParts(day: string): { year: string; month: string } {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a day YYYY-MM-DD: ${day}`);
  return { year: match[1] as string, month: match[2] as string };
}

/** The counter period: 'YYYY-MM' with a month token, 'YYYY' with a year token, '' (never resets) otherwise. */
export function numberPeriod(pattern: string, day: string): string {
  const { year, month } = dayParts(day);
  if (pattern.includes('{MM}')) return `${year}-${month}`;
  if (/\{YY(YY)?\}/.test(pattern)) return year;
  return '';
}

/** The number for counter value `seq` on `day`; the counter is zero-padded to its width, never cut. */
export function formatNumber(pattern: string, day: string, seq: number): string {
  const { year, month } = dayParts(day);
  return pattern.replace(TOKEN, (token: string) => {
    if (token === '{YYYY}') return year;
    if (token === '{YY}') return year.slice(2);
    if (token === '{MM}') return month;
    const width = Number(SEQ.exec(token)?.[1] ?? 1);
    return String(seq).padStart(width, '0');
  });
}
