import { z } from 'zod';
import { MONEY_AMOUNT } from '../custom-fields.js';
import { calendarDate } from '../terms/lifecycle.js';
import { currencyCode } from './codes.js';
import { isoDateTime } from './common.js';
import { BILLING_FREQUENCIES, BILLING_KINDS } from './vocabulary.js';

/** Units of the company currency per unit of the line's currency: positive, at most 10 + 8 digits. */
export const RATE = /^\d{1,10}(\.\d{1,8})?$/;

const amount = z
  .string()
  .trim()
  .regex(MONEY_AMOUNT, 'must be a decimal string with at most 2 decimals, e.g. "1200.50"')
  .refine((v) => !v.startsWith('-'), { message: 'must not be negative', params: { rule: 'not_negative' } });
const currency = currencyCode;
const rate = z
  .string()
  .trim()
  .regex(RATE, 'must be a decimal string with at most 8 decimals, e.g. "1.0825"')
  .refine((v) => /[1-9]/.test(v), { message: 'must be greater than 0', params: { rule: 'positive' } });
const description = z.string().trim().max(2_000).nullable();

export const billingLineInput = z
  .object({
    kind: z.enum(BILLING_KINDS),
    frequency: z.enum(BILLING_FREQUENCIES),
    amount,
    currency,
    /** Omitted for the company currency (it is 1 there); required for any other. */
    rate: rate.optional(),
    firstBillingOn: calendarDate,
    lastBillingOn: calendarDate.nullable().default(null),
    description: description.default(null),
  })
  .meta({
    example: {
      kind: 'cost',
      frequency: 'monthly',
      amount: '1250.00',
      currency: 'EUR',
      firstBillingOn: '2026-01-01',
      lastBillingOn: null,
      description: 'Rent',
    },
  });
export type BillingLineInput = z.infer<typeof billingLineInput>;

export const billingLinePatch = z
  .object({
    kind: z.enum(BILLING_KINDS),
    frequency: z.enum(BILLING_FREQUENCIES),
    amount,
    currency,
    rate,
    firstBillingOn: calendarDate,
    lastBillingOn: calendarDate.nullable(),
    description,
  })
  .partial();
export type BillingLinePatch = z.infer<typeof billingLinePatch>;

export const billingLine = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  kind: z.enum(BILLING_KINDS),
  frequency: z.enum(BILLING_FREQUENCIES),
  amount: z.string(),
  currency: z.string(),
  rate: z.string(),
  /** amount × rate in the org's currency, rounded half away from zero to 2 decimals (exact decimal arithmetic). */
  amountInCompanyCurrency: z.string(),
  companyCurrency: z.string(),
  firstBillingOn: z.iso.date(),
  lastBillingOn: z.iso.date().nullable(),
  description: z.string().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type BillingLine = z.infer<typeof billingLine>;

export const billingLineParams = z.object({ id: z.uuid(), lineId: z.uuid() });
