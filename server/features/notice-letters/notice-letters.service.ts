import type {
  LetterKind,
  LetterLocale,
  NoticeLetterDraft,
  NoticeLetterInput,
} from '../../../common/schemas/notice-letters.js';
import { computeTerms } from '../../../common/terms/engine.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { getVisible, orgToday, requireWrite } from '../contracts/contracts.access.js';
import * as contracts from '../contracts/contracts.service.js';
import * as documents from '../documents/documents.service.js';
import * as partners from '../partners/partners.repo.js';
import * as settings from '../settings/settings.repo.js';
import type { LetterPrint } from './notice-letters.pdf.js';
import { draftLetter, type LetterFacts } from './notice-letters.text.js';

const PAGE_LABEL: Record<LetterLocale, (page: number, pages: number) => string> = {
  en: (page, pages) => `Page ${page} of ${pages}`,
  de: (page, pages) => `Seite ${page} von ${pages}`,
};

/**
 * Everything a letter needs, checked in the order a writer can fix it: the contract (its unit's
 * writers only), a notice deadline ahead, a renewal to refuse, the partner and its postal address,
 * the company details.
 */
async function factsOf(ctx: Ctx, contractId: string, kind: LetterKind, locale: LetterLocale): Promise<LetterFacts> {
  const row = await getVisible(ctx, contractId);
  requireWrite(ctx, row.businessUnitId);
  const today = await orgToday(ctx);
  const { noticeDeadline, earliestEndDate } = computeTerms(row.lifecycle, today);
  if (!noticeDeadline || !earliestEndDate) {
    throw AppError.because(
      'conflict',
      'no_notice_deadline',
      'The contract has no notice deadline ahead: it is fixed-term, notice is recorded, or its last deadline has passed.',
    );
  }
  if (kind === 'non_renewal' && row.lifecycle.type !== 'auto_renewal') {
    throw AppError.because('conflict', 'not_renewing', 'The contract does not renew; draft a termination letter.');
  }
  const partner = row.partnerId ? await partners.find(ctx.tx, ctx.orgId, row.partnerId) : null;
  if (!partner) {
    throw AppError.because('conflict', 'no_partner', 'The contract names no business partner to address.');
  }
  const address = partner.address;
  if (!address?.street || !address.postalCode || !address.city) {
    throw AppError.because(
      'conflict',
      'partner_address_missing',
      'The business partner has no complete postal address (street, postal code, city).',
      { partnerId: partner.id },
    );
  }
  const company = await settings.findCompany(ctx.tx, ctx.orgId);
  if (!company) {
    throw AppError.because(
      'conflict',
      'company_details_missing',
      'The company name and postal address are missing; an administrator enters them in the settings.',
    );
  }
  return {
    kind,
    locale,
    company,
    partner: { name: partner.name, address },
    contract: { title: row.title, contractNumber: row.contractNumber, startDate: row.lifecycle.startDate },
    date: today,
    noticeDeadline,
    // The end that notice given by the deadline fixes (terms.md: the term whose deadline it is).
    endsOn: earliestEndDate,
  };
}

export async function draft(
  ctx: Ctx,
  contractId: string,
  query: { kind: LetterKind; locale: LetterLocale },
): Promise<NoticeLetterDraft> {
  return draftLetter(await factsOf(ctx, contractId, query.kind, query.locale));
}

/** Step 1 (its own transaction): everything checked, the letter laid out and a document slot reserved. */
export async function prepare(ctx: Ctx, contractId: string, input: NoticeLetterInput) {
  const drafted = draftLetter(await factsOf(ctx, contractId, input.kind, input.locale));
  const print: LetterPrint = {
    ...drafted,
    subject: input.subject,
    body: input.body,
    pageLabel: PAGE_LABEL[input.locale],
  };
  const slot = await documents.prepareUpload(ctx, { place: { contractId } });
  const kindName = {
    en: { termination: 'Termination', non_renewal: 'Non-renewal' },
    de: { termination: 'Kündigung', non_renewal: 'Nichtverlängerung' },
  }[input.locale][input.kind];
  const fileName = `${kindName} ${drafted.date}.pdf`;
  return { print, slot, fileName, date: drafted.date };
}

/**
 * Step 3, in the transaction that makes the document: notice recorded through the contract's own
 * operation when asked, and the letter logged on the contract. Anything failing here undoes the document too.
 */
export async function finish(
  ctx: Ctx,
  contractId: string,
  input: NoticeLetterInput,
  prepared: { date: string; documentId: string; fileName: string },
): Promise<void> {
  if (input.recordNotice) await contracts.recordNotice(ctx, contractId, { givenOn: prepared.date });
  await record(ctx, {
    action: 'contract.notice_letter_created',
    objectType: 'contract',
    objectId: contractId,
    changes: {
      letter: { before: null, after: input.kind },
      locale: { before: null, after: input.locale },
      name: { before: null, after: prepared.fileName },
    },
    extra: { documentId: prepared.documentId, noticeRecorded: input.recordNotice },
  });
}

/** The answer after the commit: the new document and the contract as it now is. */
export async function result(ctx: Ctx, contractId: string, documentId: string) {
  return { document: await documents.get(ctx, documentId), contract: await contracts.get(ctx, contractId) };
}
