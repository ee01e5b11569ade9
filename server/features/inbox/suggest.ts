import { findAmount, type Money } from './suggest.amount.js';
import { findTermDates } from './suggest.dates.js';
import { findNoticePeriod, type NoticePeriod } from './suggest.notice.js';
import { findPartner } from './suggest.partner.js';
import { EVIDENCE_MAX, type Found } from './suggest.text.js';

export type SuggestionField = 'title' | 'startDate' | 'endDate' | 'noticePeriod' | 'amount' | 'partnerId';

/** What an inbox document's text suggests for a new contract; each value with the passage it came from. */
export interface Suggestions {
  title?: string;
  startDate?: string;
  endDate?: string;
  noticePeriod?: NoticePeriod;
  amount?: Money;
  partnerId?: string;
  evidence: Partial<Record<SuggestionField, string>>;
}

export interface SuggestionContext {
  partners: { id: string; name: string }[];
  /** YYYY-MM-DD; places two-digit years (31.01.27) in the century nearest to it. */
  today: string;
}

/** Headings are among a document's first lines; what follows is body text. */
const TITLE_LINES = 15;
const CONTRACT_WORDS =
  /\b(agreement|contract|terms|lease|licen[cs]e|order|addendum|amendment|annex|schedule|statement of work|nda|policy)\b|vertrag|vereinbarung|bedingungen|auftrag|angebot|nachtrag|anlage/i;
const NOT_TITLES =
  /^((page|seite)\s+\d+.*|confidential|strictly confidential|vertraulich|streng vertraulich|draft|entwurf|execution (copy|version)|final|copy|kopie)$/i;

/** A line of running text ends the heading area: it closes with punctuation or has many words. */
const isProse = (line: string) => /[.,;:!?]$/.test(line) || line.split(' ').length > 12;

/** A heading candidate: 1 = names a contract, 2 = written in capitals or Title Case, 0 = neither. */
function headingRank(line: string): 0 | 1 | 2 {
  if (line.length < 3 || line.length > EVIDENCE_MAX || NOT_TITLES.test(line)) return 0;
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3 || letters < line.replace(/\s/g, '').length / 2) return 0;
  if (CONTRACT_WORDS.test(line)) return 1;
  if (line === line.toUpperCase()) return 2;
  const words = line.split(' ');
  const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
  // Title Case: a short line of several words whose longer words all start with a capital.
  return words.length >= 2 && words.length <= 6 && long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w)) ? 2 : 0;
}

/**
 * The document's title: among its first lines, before the running text begins, the first
 * heading that names a contract ("Mietvertrag …", "… AGREEMENT"), or else the first in
 * capitals or Title Case ("Hosting Services Schedule").
 */
function findTitle(text: string): string | null {
  let fallback: string | null = null;
  let seen = 0;
  for (const raw of text.slice(0, 8192).split(/\r?\n|\f/)) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line === '') continue;
    if (isProse(line) || ++seen > TITLE_LINES) break;
    const rank = headingRank(line);
    if (rank === 1) return line;
    if (rank === 2) fallback ??= line;
  }
  return fallback;
}

function put<K extends Exclude<SuggestionField, 'title'>>(
  to: Suggestions,
  field: K,
  found: Found<NonNullable<Suggestions[K]>> | null,
): void {
  if (!found) return;
  to[field] = found.value;
  to.evidence[field] = found.evidence;
}

/**
 * Suggestions for turning an inbox document into a contract, found in its extracted text
 * (English or German). Pure: no I/O, and linear in the text's length.
 */
export function suggestFromText(text: string, context: SuggestionContext): Suggestions {
  const suggestions: Suggestions = { evidence: {} };
  const title = findTitle(text);
  if (title) {
    suggestions.title = title;
    suggestions.evidence.title = title;
  }
  const { start, end } = findTermDates(text, context.today);
  put(suggestions, 'startDate', start);
  put(suggestions, 'endDate', end);
  put(suggestions, 'noticePeriod', findNoticePeriod(text));
  put(suggestions, 'amount', findAmount(text));
  put(suggestions, 'partnerId', findPartner(text, context.partners));
  return suggestions;
}
