import type { BILLING_FREQUENCIES, BILLING_KINDS } from './schemas/vocabulary.js';
import { compareDates, type IsoDate, parseDate } from './terms/dates.js';
import { addMonths } from './terms/periods.js';

/** What the values need of a billing line (amount and rate as the decimal strings stored). */
export interface BillingValueLine {
  kind: (typeof BILLING_KINDS)[number];
  frequency: (typeof BILLING_FREQUENCIES)[number];
  amount: string;
  rate: string;
  firstBillingOn: IsoDate;
  lastBillingOn: IsoDate | null;
}

/** Money in the company currency as decimal strings with 2 decimals; a total is null when open-ended. */
export interface BillingValues {
  annualCost: string;
  annualRevenue: string;
  /** Revenue − cost. */
  annualValue: string;
  totalCost: string | null;
  totalRevenue: string | null;
  /** Revenue − cost; null when either side is open-ended. */
  totalValue: string | null;
  /** A recurring line bills with no last date and the contract has no end. */
  totalOpenEnded: boolean;
  /** The last day the annual values hold: after it a running line has passed its last billing (null: never). */
  validUntil: IsoDate | null;
}

const MONTHS_PER_OCCURRENCE = { monthly: 1, quarterly: 3, yearly: 12 } as const;
const PER_YEAR = { monthly: 12n, quarterly: 4n, yearly: 1n } as const;

/** A decimal string as an integer count of 10^-scale units (the schemas allow at most `scale` decimals). */
function toUnits(value: string, scale: number): bigint {
  const [whole = '0', fraction = ''] = value.trim().split('.');
  return BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
}

/** Cents as a decimal string, "-1234.50". */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const abs = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** amount × rate in cents, rounded half away from zero — as each line shows it (PostgreSQL's round). */
export function convertedCents(amount: string, rate: string): bigint {
  const exact = toUnits(amount, 2) * toUnits(rate, 8); // in 10^-10
  const half = 50_000_000n;
  return (exact + half) / 100_000_000n;
}

/** How many times a line bills from `first` to `last` inclusive, on days anchored at `first` (month ends stay month ends). */
export function occurrences(frequency: BillingValueLine['frequency'], first: IsoDate, last: IsoDate): number {
  if (compareDates(last, first) < 0) return 0;
  if (frequency === 'one_time') return 1;
  const step = MONTHS_PER_OCCURRENCE[frequency];
  const a = parseDate(first);
  const b = parseDate(last);
  let k = Math.floor((b.year * 12 + b.month - (a.year * 12 + a.month)) / step);
  // The month count can overshoot by one when `last` falls earlier in its month than the anchor day.
  if (compareDates(addMonths(first, k * step), last) > 0) k -= 1;
  return k + 1;
}

/**
 * A contract's annual and total values (docs/api.md, "Billing values"). A line without a last billing
 * date runs to `contractEndsOn`; a line counts towards the annual value until that last day has passed.
 */
export function billingValues(
  lines: BillingValueLine[],
  contractEndsOn: IsoDate | null,
  today: IsoDate,
): BillingValues {
  const annual = { cost: 0n, revenue: 0n };
  const total = { cost: 0n as bigint | null, revenue: 0n as bigint | null };
  let validUntil: IsoDate | null = null;
  for (const line of lines) {
    const each = convertedCents(line.amount, line.rate);
    const last = line.lastBillingOn ?? contractEndsOn;
    if (line.frequency !== 'one_time' && (last === null || compareDates(last, today) >= 0)) {
      annual[line.kind] += each * PER_YEAR[line.frequency];
      if (last !== null && (validUntil === null || compareDates(last, validUntil) < 0)) validUntil = last;
    }
    const sum = total[line.kind];
    if (line.frequency === 'one_time') total[line.kind] = sum === null ? null : sum + each;
    else if (last === null) total[line.kind] = null;
    else
      total[line.kind] =
        sum === null ? null : sum + each * BigInt(occurrences(line.frequency, line.firstBillingOn, last));
  }
  const cost = total.cost;
  const revenue = total.revenue;
  return {
    annualCost: formatCents(annual.cost),
    annualRevenue: formatCents(annual.revenue),
    annualValue: formatCents(annual.revenue - annual.cost),
    totalCost: cost === null ? null : formatCents(cost),
    totalRevenue: revenue === null ? null : formatCents(revenue),
    totalValue: cost === null || revenue === null ? null : formatCents(revenue - cost),
    totalOpenEnded: cost === null || revenue === null,
    validUntil,
  };
}
