import type {
  CompanyDetails,
  LetterKind,
  LetterLocale,
  NoticeLetterDraft,
} from '../../../common/schemas/notice-letters.js';
import type { PartnerAddress } from '../../../common/schemas/partners.js';

/** What a letter is drafted from: all of it already checked (a deadline, a partner with an address, the company). */
export interface LetterFacts {
  kind: LetterKind;
  locale: LetterLocale;
  company: CompanyDetails;
  partner: { name: string; address: PartnerAddress };
  contract: { title: string; contractNumber: string | null; startDate: string };
  /** The letter's date: today in the org's zone, the day notice is given. */
  date: string;
  noticeDeadline: string;
  /** The day the contract ends with notice given on `date` (the term engine's answer). */
  endsOn: string;
}

const LANGUAGE_TAG: Record<LetterLocale, string> = { en: 'en-GB', de: 'de-DE' };

/** "31 December 2027" or "31. Dezember 2027": a letter spells its dates out. */
export function letterDate(iso: string, locale: LetterLocale): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAG[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

function countryName(code: string, locale: LetterLocale): string {
  return new Intl.DisplayNames([LANGUAGE_TAG[locale]], { type: 'region' }).of(code) ?? code;
}

/** The address lines; the country only when the letter crosses a border (written last, in capitals, as the post asks). */
function addressLines(
  address: { street: string | null; postalCode: string | null; city: string | null; country: string | null },
  homeCountry: string,
  locale: LetterLocale,
): string[] {
  const lines = [address.street ?? '', [address.postalCode, address.city].filter(Boolean).join(' ')];
  if (address.country && address.country !== homeCountry) {
    lines.push(countryName(address.country, locale).toLocaleUpperCase(LANGUAGE_TAG[locale]));
  }
  return lines.filter((line) => line.length > 0);
}

const WORDS = {
  en: {
    subject: { termination: 'Termination of', non_renewal: 'Non-renewal of' },
    number: 'contract no.',
    salutation: 'Dear Sir or Madam,',
    closing: 'Yours faithfully,',
  },
  de: {
    subject: { termination: 'Kündigung', non_renewal: 'Nichtverlängerung' },
    number: 'Vertragsnr.',
    salutation: 'Sehr geehrte Damen und Herren,',
    closing: 'Mit freundlichen Grüßen',
  },
} as const;

function subjectOf(f: LetterFacts): string {
  const w = WORDS[f.locale];
  const number = f.contract.contractNumber ? ` ${w.number} ${f.contract.contractNumber}` : '';
  if (f.locale === 'de') {
    return `${w.subject[f.kind]} des Vertrags „${f.contract.title}“${number ? ` (${number.trim()})` : ''}`;
  }
  return `${w.subject[f.kind]} the contract "${f.contract.title}"${number ? ` (${number.trim()})` : ''}`;
}

function bodyOf(f: LetterFacts): string {
  const d = (iso: string) => letterDate(iso, f.locale);
  const { contract } = f;
  if (f.locale === 'de') {
    const named = `den zwischen uns bestehenden Vertrag „${contract.title}“${
      contract.contractNumber ? ` (Vertragsnr. ${contract.contractNumber})` : ''
    } vom ${d(contract.startDate)}`;
    const first =
      f.kind === 'termination'
        ? `hiermit kündigen wir ${named} fristgerecht zum ${d(f.endsOn)}.`
        : `hiermit teilen wir Ihnen mit, dass wir ${named} nicht verlängern. Der Vertrag endet mit Ablauf des ${d(f.endsOn)} und verlängert sich nicht.`;
    return [
      WORDS.de.salutation,
      '',
      first,
      '',
      `Diese Erklärung erfolgt am ${d(f.date)} und damit innerhalb der Kündigungsfrist, die am ${d(f.noticeDeadline)} endet.`,
      '',
      'Bitte bestätigen Sie uns den Eingang dieses Schreibens und das Vertragsende schriftlich.',
      '',
      WORDS.de.closing,
    ].join('\n');
  }
  const named = `the contract "${contract.title}"${
    contract.contractNumber ? ` (contract no. ${contract.contractNumber})` : ''
  } between us, dated ${d(contract.startDate)}`;
  const first =
    f.kind === 'termination'
      ? `We hereby give notice to terminate ${named}, with effect from the end of ${d(f.endsOn)}.`
      : `We hereby give notice that we will not renew ${named}. The contract ends at the end of ${d(f.endsOn)} and is not to be renewed.`;
  return [
    WORDS.en.salutation,
    '',
    first,
    '',
    `This notice is given on ${d(f.date)}, on or before the notice deadline of ${d(f.noticeDeadline)}.`,
    '',
    'Please confirm in writing that you have received this notice and the date on which the contract ends.',
    '',
    WORDS.en.closing,
  ].join('\n');
}

/** The letter's parts: sender and recipient blocks, place and date, subject, body, signature lines. */
export function draftLetter(f: LetterFacts): NoticeLetterDraft {
  const { company } = f;
  const sender = [company.legalName, ...addressLines(company, company.country, f.locale)];
  return {
    kind: f.kind,
    locale: f.locale,
    senderLine: [company.legalName, company.street, `${company.postalCode} ${company.city}`].join(' · '),
    sender,
    recipient: [f.partner.name, ...addressLines(f.partner.address, company.country, f.locale)],
    placeAndDate: `${company.city}, ${letterDate(f.date, f.locale)}`,
    subject: subjectOf(f),
    body: bodyOf(f),
    signature: [company.signatoryName, company.signatoryTitle, company.legalName].filter(
      (line): line is string => typeof line === 'string' && line.length > 0,
    ),
    date: f.date,
    noticeDeadline: f.noticeDeadline,
    endsOn: f.endsOn,
  };
}
