import { MONEY_AMOUNT } from '../../../common/custom-fields.js';
import { isCurrencyCode } from '../../../common/iso-codes.js';
import { evidence, type Found } from './suggest.text.js';

export interface Money {
  value: string;
  currency: string;
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', US$: 'USD', '£': 'GBP', Euro: 'EUR', Euros: 'EUR' };
/** Digits with thousands separated by . , ' ’ or a (no-break) space, and up to two decimals; "12.500,-" too. */
const NUMBER = "\\d{1,3}(?:[.,'’ \\u00a0\\u202f]\\d{3})+(?:[.,]\\d{1,2}|,-)?|\\d+(?:[.,]\\d{1,2}|,-)?";
const CURRENCY = '€|US\\$|\\$|£|[A-Z]{3}';
const AMOUNT = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${CURRENCY})\\s?(${NUMBER})|(${NUMBER})\\s?(${CURRENCY}|Euros?))(?![\\p{L}\\p{N}%])`,
  'gu',
);
/** Words that say an amount is what the contract costs; the first amount after one (within 80 characters) is preferred. */
const PRICE_WORDS =
  /\b(fees?|price|remuneration|compensation|consideration|payment|rent|charges?|costs?|salary|amount|Vergütung|Preis|Entgelt|Gebühr|Honorar|Betrag|Miete|Pauschale|Kosten|Gehalt|Summe)/i;

/** "12,500.00", "12.500,00", "3'000", "1,200" → "12500.00", "12500.00", "3000", "1200"; null when no money amount. */
export function decimalOf(written: string): string | null {
  const t = written.replace(/,-$/, '');
  const last = Math.max(t.lastIndexOf('.'), t.lastIndexOf(','));
  const decimals = last >= 0 && /^\d{1,2}$/.test(t.slice(last + 1)) ? t.slice(last + 1) : null;
  const whole = (decimals === null ? t : t.slice(0, last)).replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const value = decimals === null ? whole : `${whole}.${decimals}`;
  return MONEY_AMOUNT.test(value) && Number(value) > 0 ? value : null;
}

function currencyOf(written: string): string | null {
  const code = SYMBOLS[written] ?? written;
  return isCurrencyCode(code) ? code : null;
}

/**
 * The amount a contract is about: of all amounts with a currency, the largest one that a price
 * word ("fee", "Vergütung", …) shortly before it introduces, or else the largest of all.
 */
export function findAmount(text: string): Found<Money> | null {
  let best: (Found<Money> & { priced: boolean; size: number }) | null = null;
  AMOUNT.lastIndex = 0;
  let previousEnd = 0;
  for (let m = AMOUNT.exec(text); m; m = AMOUNT.exec(text)) {
    // Only the words since the previous amount: "a fee of EUR 100 plus expenses of EUR 900" prices the 100.
    const before = text.slice(Math.max(previousEnd, m.index - 80), m.index);
    previousEnd = m.index + m[0].length;
    const currency = currencyOf(m[1] ?? m[4]!);
    const value = decimalOf(m[2] ?? m[3]!);
    if (!currency || !value) continue;
    const priced = PRICE_WORDS.test(before);
    const size = Number(value);
    if (best && ((best.priced && !priced) || (best.priced === priced && best.size >= size))) continue;
    best = {
      value: { value, currency },
      at: m.index,
      evidence: evidence(text, m.index, m.index + m[0].length),
      priced,
      size,
    };
  }
  return best && { value: best.value, at: best.at, evidence: best.evidence };
}
