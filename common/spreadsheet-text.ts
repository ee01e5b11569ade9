/**
 * Text a spreadsheet could run as a formula when it opens a file we wrote (CSV injection, after
 * OWASP): a cell whose first visible character is = + - or @ — also behind blanks, quotes or
 * invisible joiners, and in full-width form (＝＋－＠, which NFKC folds to the ASCII ones) — or one
 * that starts with a tab, carriage return or line feed.
 */
const LEAD = /^[\s"'\u200B-\u200D\u2060]+/u;
const FORMULA = /^[=+\-@]/;
const CONTROL_START = /^[\t\r\n]/;

export function looksLikeFormula(text: string): boolean {
  return CONTROL_START.test(text) || FORMULA.test(text.normalize('NFKC').replace(LEAD, ''));
}

/** The text as a cell of a file we write: a leading apostrophe keeps formula-like text plain text. */
export function spreadsheetText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
