import type { GridEntity } from './schemas/vocabulary.js';

/**
 * The fields an import fills, with the web app's message key for each label, that label in
 * English and German (held equal to the dictionaries by import-fields.test.ts, so a renamed
 * label fails the build until it is recognised here) and common synonyms of both languages.
 * The server suggests mappings from it and the web labels its choices with it.
 */
export interface ImportField {
  labelKey: string;
  labels: { en: string; de: string };
  synonyms: string[];
}

const f = (labelKey: string, en: string, de: string, synonyms: string[] = []): ImportField => ({
  labelKey,
  labels: { en, de },
  synonyms,
});

export const CONTRACT_FIELDS: Record<string, ImportField> = {
  title: f('contract.title', 'Title', 'Titel', [
    'name',
    'contract',
    'contract title',
    'contract name',
    'subject',
    'bezeichnung',
    'vertrag',
    'vertragsbezeichnung',
    'vertragstitel',
    'betreff',
  ]),
  contractNumber: f('contract.number', 'Contract number', 'Vertragsnummer', [
    'contract no',
    'contract id',
    'number',
    'no',
    'reference',
    'ref',
    'vertragsnr',
    'nummer',
    'nr',
    'aktenzeichen',
  ]),
  status: f('contract.status', 'Status', 'Status', ['state', 'zustand', 'vertragsstatus']),
  description: f('contract.description', 'Description', 'Beschreibung', [
    'notes',
    'comment',
    'comments',
    'notizen',
    'bemerkung',
    'bemerkungen',
    'kommentar',
  ]),
  tags: f('contract.tags', 'Tags', 'Schlagwörter', ['labels', 'keywords', 'schlagworte', 'stichworte']),
  partner: f('contract.partner', 'Business partner', 'Geschäftspartner', [
    'partner',
    'supplier',
    'customer',
    'vendor',
    'counterparty',
    'contracting party',
    'vertragspartner',
    'lieferant',
    'kunde',
    'dienstleister',
  ]),
  category: f('contract.category', 'Category', 'Kategorie', ['contract category', 'vertragskategorie']),
  orgUnit: f('contract.orgUnit', 'Organizational unit', 'Organisationseinheit', [
    'organisational unit',
    'org unit',
    'department',
    'cost centre',
    'cost center',
    'abteilung',
    'kostenstelle',
  ]),
  businessUnit: f('field.businessUnit', 'Business unit', 'Geschäftsbereich', ['mandant', 'unit']),
  owner: f('importTarget.owner', 'Owner (e-mail)', 'Verantwortlich (E-Mail)', [
    'owner',
    'owner email',
    'contract owner',
    'responsible',
    'verantwortlich',
    'verantwortlicher',
    'vertragsverantwortlicher',
  ]),
  backupOwner: f('importTarget.backupOwner', 'Backup owner (e-mail)', 'Stellvertretung (E-Mail)', [
    'backup owner',
    'deputy',
    'stellvertreter',
    'stellvertretung',
    'vertretung',
  ]),
  'lifecycle.type': f('lifecycle.type', 'Contract type', 'Vertragsart', [
    'type',
    'term type',
    'renewal type',
    'vertragstyp',
    'laufzeittyp',
    'laufzeitart',
    'typ',
  ]),
  'lifecycle.startDate': f('lifecycle.startDate', 'Start date', 'Beginn', [
    'start',
    'begin',
    'commencement',
    'effective date',
    'vertragsbeginn',
    'startdatum',
    'laufzeitbeginn',
  ]),
  'lifecycle.endDate': f('lifecycle.endDate', 'End date', 'Enddatum', [
    'end',
    'expiry',
    'expiry date',
    'expiration date',
    'ende',
    'vertragsende',
    'laufzeitende',
  ]),
  'lifecycle.initialTerm': f('lifecycle.initialTerm', 'Initial term', 'Erstlaufzeit', [
    'term',
    'duration',
    'minimum term',
    'laufzeit',
    'mindestlaufzeit',
    'grundlaufzeit',
  ]),
  'lifecycle.noticePeriod': f('lifecycle.noticePeriod', 'Notice period', 'Kündigungsfrist', [
    'notice',
    'termination notice',
    // Kündigungsfrist is the notice period; a bare "Frist" could as well mean the notice deadline.
    'cancellation period',
  ]),
  'lifecycle.renewalTerm': f('lifecycle.renewalTerm', 'Renews for', 'Verlängert sich um', [
    'renewal term',
    'renewal',
    'renewal period',
    'renews',
    'auto renewal term',
    'extension',
    'verlängerung',
    'verlängerungszeitraum',
    'verlängerungslaufzeit',
    'verlängerungsdauer',
    'verlängert um',
  ]),
  'lifecycle.noticeAlignment': f('lifecycle.noticeAlignment', 'Notice takes effect at', 'Kündigung wirksam zum', [
    'notice alignment',
    'kündigungstermin',
    'kündigung zum',
  ]),
  'lifecycle.maxRenewals': f('lifecycle.maxRenewals', 'Maximum renewals', 'Höchstens Verlängerungen', [
    'max renewals',
    'maximale verlängerungen',
    'anzahl verlängerungen',
  ]),
  'lifecycle.deadlineAdjustment': f(
    'lifecycle.deadlineAdjustment',
    'Deadline on a weekend',
    'Letzter Kündigungstag am Wochenende',
    ['deadline adjustment', 'frist am wochenende', 'fristanpassung'],
  ),
  'lifecycle.noticeGivenOn': f('lifecycle.noticeGivenOn', 'Notice given on', 'Gekündigt am', [
    'notice given',
    'terminated on',
    'kündigung am',
    'kündigungsdatum',
  ]),
};

export const PARTNER_FIELDS: Record<string, ImportField> = {
  name: f('partner.name', 'Name', 'Name', ['partner', 'company', 'company name', 'firma', 'unternehmen', 'firmenname']),
  type: f('partner.type', 'Type', 'Art', ['partner type', 'typ', 'partnertyp']),
  registrationNumber: f('partner.registrationNumber', 'Registration number', 'Registernummer', [
    'company number',
    'handelsregisternummer',
    'hrb',
  ]),
  vatId: f('partner.vatId', 'VAT id', 'USt-IdNr.', ['vat', 'vat number', 'ust id', 'umsatzsteuer-id', 'ustid']),
  'address.street': f('partner.street', 'Street', 'Straße', ['address', 'strasse', 'adresse', 'anschrift']),
  'address.postalCode': f('partner.postalCode', 'Postal code', 'Postleitzahl', ['zip', 'zip code', 'postcode', 'plz']),
  'address.city': f('partner.city', 'City', 'Ort', ['town', 'stadt']),
  'address.country': f('partner.country', 'Country', 'Land', ['country code', 'ländercode']),
};

export const importFields = (entity: GridEntity) => (entity === 'contract' ? CONTRACT_FIELDS : PARTNER_FIELDS);

/**
 * Compares headers by their letters only: "Start-Date", "start_date" and "START DATE" match.
 * German umlauts become ae/oe/ue ("Kündigung" = "Kuendigung"); with `plainUmlauts` they lose
 * their dots instead ("Kundigung"), so a name is registered both ways.
 */
export const normalizeHeader = (s: string, plainUmlauts = false) => {
  const lower = s.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
  const spelled = plainUmlauts ? lower : lower.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  return spelled
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
};
