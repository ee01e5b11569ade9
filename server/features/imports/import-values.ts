import { CURRENCY, type FieldDefinition, MONEY_AMOUNT } from '../../../common/custom-fields.js';
import { isCurrencyCode } from '../../../common/iso-codes.js';
import { dateInputProblem } from '../../../common/terms/dates.js';
import { periodProblem } from '../../../common/terms/periods.js';

/** A cell turned into a value, or the reason it could not be. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (reason: string): Parsed<never> => ({ ok: false, reason });

/** YYYY-MM-DD or the German DD.MM.YYYY (one-digit day and month allowed). */
export function parseDate(text: string, format: 'auto' | 'YYYY-MM-DD' | 'DD.MM.YYYY'): Parsed<string> {
  const t = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  let iso: string | null = null;
  if (german && format !== 'YYYY-MM-DD')
    iso = `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
  else if (/^\d{4}-\d{2}-\d{2}$/.test(t) && format !== 'DD.MM.YYYY') iso = t;
  if (!iso)
    return no(format === 'auto' ? 'is not a date (YYYY-MM-DD or DD.MM.YYYY)' : `is not a date in the format ${format}`);
  const problem = dateInputProblem(iso);
  return problem ? no(problem.message) : ok(iso);
}

const UNITS: [RegExp, string][] = [
  [/^(d|days?|tage?n?)$/, 'D'],
  [/^(w|weeks?|wochen?)$/, 'W'],
  [/^(m|months?|monate?n?|mon)$/, 'M'],
  [/^(y|years?|jahre?n?|j)$/, 'Y'],
];

/** An ISO period (P3M) or words: "3 months", "3 Monate", "1 Jahr", "30 days". */
export function parsePeriodText(text: string): Parsed<string> {
  const t = text.trim();
  if (/^P/i.test(t)) {
    const problem = periodProblem(t.toUpperCase());
    return problem ? no(problem) : ok(t.toUpperCase());
  }
  const m = /^(\d{1,4})\s*([a-zA-ZäöüÄÖÜ]+)\.?$/.exec(t);
  const unit = m && UNITS.find(([re]) => re.test(m[2]!.toLowerCase()))?.[1];
  if (!m || !unit) return no('is not a period such as P3M, "3 months" or "3 Monate"');
  const iso = `P${Number(m[1])}${unit}`;
  const problem = periodProblem(iso);
  return problem ? no(problem) : ok(iso);
}

/** A value of a closed list, by its code or one of its English or German names. */
export function parseChoice<T extends string>(text: string, choices: Record<T, string[]>): Parsed<T> {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  for (const [code, names] of Object.entries(choices) as [T, string[]][]) {
    if (t === code || names.some((n) => n.replace(/[\s-]+/g, '_') === t)) return ok(code);
  }
  return no(`is not one of ${Object.keys(choices).join(', ')}`);
}

const TRUE = ['true', 'yes', 'ja', 'y', 'j', 'x', '1', 'wahr'];
const FALSE = ['false', 'no', 'nein', 'n', '0', 'falsch'];

/** A number as written in English (1234.5) or German (1.234,5). */
function parseDecimal(text: string): string | null {
  let t = text.trim().replace(/\s/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t) || /^-?\d+,\d+$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? t : null;
}

/** A custom field cell as the value checker expects it; the checker gives the final verdict. */
export function customRaw(
  def: FieldDefinition,
  text: string,
  ctx: { currency: string; userByEmail: Map<string, string>; dateFormat: 'auto' | 'YYYY-MM-DD' | 'DD.MM.YYYY' },
): Parsed<unknown> {
  const t = text.trim();
  switch (def.type) {
    case 'number': {
      const d = parseDecimal(t);
      return d === null ? no('is not a number') : ok(Number(d));
    }
    case 'money': {
      const m = /^(.*?)\s*([A-Z]{3})?$/.exec(t);
      const amount = m ? parseDecimal(m[1]!) : null;
      const currency = m?.[2] ?? ctx.currency;
      if (amount === null || !MONEY_AMOUNT.test(amount) || !CURRENCY.test(currency) || !isCurrencyCode(currency))
        return no('is not an amount such as 1200.50 EUR');
      return ok({ amount, currency });
    }
    case 'date':
      return parseDate(t, ctx.dateFormat);
    case 'checkbox':
      if (TRUE.includes(t.toLowerCase())) return ok(true);
      if (FALSE.includes(t.toLowerCase())) return ok(false);
      return no('is not yes or no');
    case 'multi_select':
      return ok(
        t
          .split(/[;,]/)
          .map((s) => s.trim())
          .filter(Boolean),
      );
    case 'user': {
      const id = ctx.userByEmail.get(t.toLowerCase());
      return id ? ok(id) : no('is not the e-mail address of a member of this account');
    }
    default:
      return ok(t);
  }
}
