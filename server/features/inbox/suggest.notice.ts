import { countOf, evidence, type Found, NUMBER_WORDS } from './suggest.text.js';

export type NoticeUnit = 'days' | 'weeks' | 'months' | 'years';
export interface NoticePeriod {
  count: number;
  unit: NoticeUnit;
}

/** A count, "three (3)" or "3" or "drei", with the digits in brackets taking precedence. */
const COUNT = `(\\d{1,3}|${NUMBER_WORDS})(?:\\s*\\(\\s*(\\d{1,3})\\s*\\))?`;
/** Calendar units only: business days are not a unit a notice period is kept in. */
const UNIT =
  '(?:calendar\\s+)?(days?|weeks?|months?|years?)|(?:Kalender)?(Tagen|Tage|Tag|Wochen|Woche|Monaten|Monate|Monat|Jahren|Jahre|Jahr)';
const NOTICE = [
  // three (3) months' notice; 90 days' prior written notice
  `${COUNT}\\s+(?:${UNIT})(?:['’]s?)?\\s+(?:prior\\s+|advance\\s+)?(?:written\\s+)?notice`,
  // a notice period of 90 days; written notice of at least 30 days
  `notice(?:\\s+period)?\\s+(?:of|is|shall\\s+be)\\s+(?:at\\s+least\\s+)?${COUNT}\\s+(?:${UNIT})`,
  // Kündigungsfrist von 3 Monaten; die Kündigungsfrist beträgt drei Monate
  `Kündigungsfrist(?:\\s+(?:von|beträgt)|\\s*:)\\s*(?:mindestens\\s+)?${COUNT}\\s+(?:${UNIT})`,
  // mit einer Frist von sechs Wochen; unter Einhaltung einer Frist von 3 Monaten
  `(?:mit|unter\\s+Einhaltung)\\s+einer\\s+(?:Kündigungs)?[Ff]rist\\s+von\\s+(?:mindestens\\s+)?${COUNT}\\s+(?:${UNIT})`,
];
const PATTERNS = NOTICE.map((p) => new RegExp(`(?<![\\p{L}\\p{N}])${p}(?![\\p{L}])`, 'giu'));
/** "mit einer Frist von …" alone may be a payment term; it counts when the sentence is about termination. */
const TERMINATION = /kündig/i;

function unitOf(english: string | undefined, german: string | undefined): NoticeUnit {
  const u = (english ?? german!).toLowerCase();
  if (u.startsWith('d') || u.startsWith('tag')) return 'days';
  if (u.startsWith('w')) return 'weeks';
  if (u.startsWith('m')) return 'months';
  return 'years';
}

function period(m: RegExpExecArray): NoticePeriod | null {
  const count = countOf(m[2] ?? m[1]!);
  if (count === null || count < 1 || count > 999) return null;
  return { count, unit: unitOf(m[3], m[4]) };
}

/** The notice period a contract sets, from its first mention in English or German. */
export function findNoticePeriod(text: string): Found<NoticePeriod> | null {
  let best: Found<NoticePeriod> | null = null;
  for (const [i, re] of PATTERNS.entries()) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && (!best || m.index < best.at); m = re.exec(text)) {
      const value = period(m);
      const around = text.slice(Math.max(0, m.index - 100), m.index + m[0].length + 200);
      if (!value || (i === 3 && !TERMINATION.test(around))) continue;
      best = { value, at: m.index, evidence: evidence(text, m.index, m.index + m[0].length) };
      break;
    }
  }
  return best;
}
