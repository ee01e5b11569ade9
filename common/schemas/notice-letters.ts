import { z } from 'zod';
import { countryCode } from './codes.js';
import { isoDate } from './common.js';
import { contractOutput } from './contracts.js';
import { document } from './documents.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((value) => (value ? value : null));

/** The org as the sender of letters: its legal name, postal address and, optionally, who signs. */
export const companyDetails = z.object({
  legalName: text(200),
  street: text(200),
  postalCode: text(20),
  city: text(120),
  country: countryCode,
  signatoryName: optionalText(120),
  signatoryTitle: optionalText(120),
});
export type CompanyDetails = z.infer<typeof companyDetails>;

/** As GET and PUT answer: null until an administrator has entered them. */
export const companySettings = z.object({
  company: z
    .object({
      legalName: z.string(),
      street: z.string(),
      postalCode: z.string(),
      city: z.string(),
      country: z.string(),
      signatoryName: z.string().nullable(),
      signatoryTitle: z.string().nullable(),
    })
    .nullable(),
});

export const LETTER_KINDS = ['termination', 'non_renewal'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];
export const LETTER_LOCALES = ['en', 'de'] as const;
export type LetterLocale = (typeof LETTER_LOCALES)[number];

export const LETTER_SUBJECT_MAX = 300;
export const LETTER_BODY_MAX = 10_000;

export const noticeLetterQuery = z.object({
  kind: z.enum(LETTER_KINDS),
  locale: z.enum(LETTER_LOCALES),
});

/** A letter's parts, drafted from the contract, the partner and the company details; subject and body are editable. */
export const noticeLetterDraft = z.object({
  kind: z.enum(LETTER_KINDS),
  locale: z.enum(LETTER_LOCALES),
  /** The one-line return address above the address window. */
  senderLine: z.string(),
  sender: z.array(z.string()),
  recipient: z.array(z.string()),
  /** "Berlin, 24 November 2026". */
  placeAndDate: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The lines under the signature rule: signatory, title, company. */
  signature: z.array(z.string()),
  date: isoDate,
  noticeDeadline: isoDate,
  endsOn: isoDate,
});
export type NoticeLetterDraft = z.infer<typeof noticeLetterDraft>;

export const noticeLetterInput = z.object({
  kind: z.enum(LETTER_KINDS),
  locale: z.enum(LETTER_LOCALES),
  subject: text(LETTER_SUBJECT_MAX),
  body: text(LETTER_BODY_MAX),
  /** Also records notice given today, in the same step. */
  recordNotice: z.boolean().default(false),
});
export type NoticeLetterInput = z.infer<typeof noticeLetterInput>;

export const noticeLetterOutput = z.object({
  document,
  contract: contractOutput,
});
