import { z } from 'zod';
import { isoDate, isoDateTime } from './common.js';
import { contractOutput } from './contracts.js';
import { document, TEXT_STATUSES } from './documents.js';

/** Moves an inbox document onto a contract the caller may edit. */
export const inboxAttachInput = z.object({ contractId: z.uuid() });

/** What converting an inbox document made: the new contract and the document, now on it. */
export const inboxConvertOutput = z.object({ contract: contractOutput, document });

export const PERIOD_UNITS = ['day', 'week', 'month', 'year'] as const;

/**
 * Values for the contract form found in a document's text, each only a suggestion until a person
 * confirms it; `evidence` holds, per suggested field, the words of the document it was read from.
 */
export const contractSuggestion = z.object({
  title: z.string().optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  noticePeriod: z.object({ count: z.number().int().min(1), unit: z.enum(PERIOD_UNITS) }).optional(),
  /** A decimal string such as "1200.50" and an ISO 4217 code. */
  amount: z.object({ value: z.string(), currency: z.string() }).optional(),
  /** One of the org's business partners, named in the text. */
  partnerId: z.uuid().optional(),
  evidence: z.record(z.string(), z.string()),
});
export type ContractSuggestion = z.infer<typeof contractSuggestion>;

export const inboxSuggestions = z.object({
  /** How far reading the current version's text got; suggestions need its text. */
  textStatus: z.enum(TEXT_STATUSES),
  /** null while no text can be read (not yet extracted, none in the file). */
  suggestions: contractSuggestion.nullable(),
});

/** The org's secret address for mailing documents into its inbox. */
export const inboxAddress = z.object({
  /** null when this installation receives no mail (INBOUND_MAIL_DOMAIN is not set). */
  address: z.string().nullable(),
  createdAt: isoDateTime,
});
