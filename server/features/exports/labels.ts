import type { LOCALES } from '../../../common/schemas/auth.js';

export type Locale = (typeof LOCALES)[number];

/** Codes the export writes as words in the reader's language (the same words as the web app). */
const WORDS = {
  en: {
    status: {
      draft: 'Draft',
      in_negotiation: 'In negotiation',
      active: 'Active',
      terminated: 'Terminated',
      archived: 'Archived',
    },
    phase: { upcoming: 'Upcoming', running: 'Running', notice_given: 'Notice given', ended: 'Ended' },
    contractType: { fixed: 'Fixed term', auto_renewal: 'Auto-renewing', indefinite: 'Indefinite' },
    partnerType: { supplier: 'Supplier', customer: 'Customer', both: 'Supplier and customer' },
    boolean: { true: 'Yes', false: 'No' },
  },
  de: {
    status: {
      draft: 'Entwurf',
      in_negotiation: 'In Verhandlung',
      active: 'Aktiv',
      terminated: 'Gekündigt',
      archived: 'Archiviert',
    },
    phase: { upcoming: 'Noch nicht begonnen', running: 'Läuft', notice_given: 'Gekündigt', ended: 'Beendet' },
    contractType: { fixed: 'Befristet', auto_renewal: 'Verlängert sich', indefinite: 'Unbefristet' },
    partnerType: { supplier: 'Lieferant', customer: 'Kunde', both: 'Lieferant und Kunde' },
    boolean: { true: 'Ja', false: 'Nein' },
  },
} as const satisfies Record<Locale, Record<string, Record<string, string>>>;

export type WordKind = keyof (typeof WORDS)['en'];

/** A code as a word; an unknown code stays as it is rather than vanish. */
export function word(locale: Locale, kind: WordKind, code: unknown): string | null {
  if (code === null || code === undefined || code === '') return null;
  const words = WORDS[locale][kind] as Record<string, string>;
  return words[String(code)] ?? String(code);
}

/** Column headers in German; English is how columns.ts names them. */
const HEADERS_DE: Record<string, string> = {
  ID: 'ID',
  'Contract number': 'Vertragsnummer',
  Title: 'Titel',
  Status: 'Status',
  Partner: 'Partner',
  Category: 'Kategorie',
  'Organizational unit': 'Organisationseinheit',
  'Business unit': 'Geschäftsbereich',
  Owner: 'Verantwortlich',
  'Backup owner': 'Vertretung',
  Description: 'Beschreibung',
  Tags: 'Schlagwörter',
  'Contract type': 'Vertragsart',
  'Start date': 'Beginn',
  'End date': 'Enddatum',
  'Initial term': 'Erstlaufzeit',
  'Renewal term': 'Verlängerung um',
  'Notice period': 'Kündigungsfrist',
  'Notice alignment': 'Kündigung zum',
  'Maximum renewals': 'Höchstens Verlängerungen',
  'Notice given on': 'Gekündigt am',
  'Notice deadline': 'Kündigungstermin',
  'Ends on': 'Endet am',
  'Earliest end': 'Frühestes Ende',
  'Current term ends': 'Laufende Laufzeit endet',
  'Renewals so far': 'Bisherige Verlängerungen',
  'Annual cost': 'Jährliche Kosten',
  'Annual revenue': 'Jährliche Erlöse',
  'Total cost': 'Gesamtkosten',
  'Total revenue': 'Gesamterlöse',
  Phase: 'Phase',
  Created: 'Angelegt',
  Updated: 'Zuletzt geändert',
  Name: 'Name',
  Type: 'Art',
  'Registration number': 'Registernummer',
  'VAT ID': 'USt-IdNr.',
  Street: 'Straße',
  'Postal code': 'Postleitzahl',
  City: 'Ort',
  Country: 'Land',
  Contacts: 'Ansprechpartner',
  Contracts: 'Verträge',
  'Annual value': 'Jahreswert',
  'Total value': 'Gesamtwert',
};

/** A built-in column's header in the reader's language; custom fields keep the label the org gave them. */
export function header(locale: Locale, label: string, custom: boolean): string {
  return locale === 'de' && !custom ? (HEADERS_DE[label] ?? label) : label;
}
