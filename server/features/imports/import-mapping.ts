import type { FieldDefinition } from '../../../common/custom-fields.js';
import type { ImportMapping } from '../../../common/schemas/imports.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';

/** Target fields of each entity with the header names (English and German) that suggest them. */
const CONTRACT_TARGETS: Record<string, string[]> = {
  title: ['title', 'name', 'contract', 'subject', 'titel', 'bezeichnung', 'vertrag', 'vertragsbezeichnung', 'betreff'],
  contractNumber: ['contract number', 'contract no', 'number', 'no', 'vertragsnummer', 'vertragsnr', 'nummer', 'nr'],
  status: ['status', 'state', 'zustand'],
  description: ['description', 'notes', 'beschreibung', 'notizen', 'bemerkung', 'bemerkungen'],
  tags: ['tags', 'labels', 'schlagworte', 'schlagwörter'],
  partner: [
    'partner',
    'business partner',
    'supplier',
    'customer',
    'vendor',
    'counterparty',
    'vertragspartner',
    'lieferant',
    'kunde',
    'geschäftspartner',
  ],
  category: ['category', 'kategorie', 'vertragsart'],
  orgUnit: [
    'organizational unit',
    'org unit',
    'department',
    'cost centre',
    'cost center',
    'organisationseinheit',
    'abteilung',
    'kostenstelle',
  ],
  businessUnit: ['business unit', 'geschäftsbereich', 'mandant'],
  owner: ['owner', 'responsible', 'verantwortlich', 'verantwortlicher', 'vertragsverantwortlicher', 'owner email'],
  backupOwner: ['backup owner', 'deputy', 'stellvertreter', 'vertretung'],
  'lifecycle.type': ['type', 'contract type', 'vertragstyp', 'laufzeittyp', 'typ'],
  'lifecycle.startDate': ['start', 'start date', 'begin', 'beginn', 'vertragsbeginn', 'startdatum', 'laufzeitbeginn'],
  'lifecycle.endDate': ['end', 'end date', 'ende', 'vertragsende', 'enddatum', 'laufzeitende'],
  'lifecycle.initialTerm': ['initial term', 'term', 'duration', 'laufzeit', 'erstlaufzeit', 'mindestlaufzeit'],
  // Kündigungsfrist is the notice period; a bare "Frist" could as well mean the notice deadline, so it is no synonym.
  'lifecycle.noticePeriod': ['notice period', 'notice', 'kündigungsfrist'],
  'lifecycle.renewalTerm': [
    'renewal term',
    'renewal',
    'verlängerung',
    'verlängerungszeitraum',
    'verlängerungslaufzeit',
  ],
  'lifecycle.noticeAlignment': ['notice alignment', 'kündigungstermin'],
  'lifecycle.maxRenewals': ['max renewals', 'maximum renewals', 'maximale verlängerungen'],
  'lifecycle.deadlineAdjustment': ['deadline adjustment', 'fristanpassung'],
  'lifecycle.noticeGivenOn': ['notice given on', 'notice given', 'gekündigt am', 'kündigung am'],
};

const PARTNER_TARGETS: Record<string, string[]> = {
  name: ['name', 'partner', 'company', 'firma', 'unternehmen', 'firmenname'],
  type: ['type', 'partner type', 'typ', 'art'],
  registrationNumber: ['registration number', 'company number', 'handelsregisternummer', 'registernummer', 'hrb'],
  vatId: ['vat id', 'vat', 'vat number', 'ust-idnr', 'ust id', 'umsatzsteuer-id', 'ustid'],
  'address.street': ['street', 'address', 'straße', 'strasse', 'adresse', 'anschrift'],
  'address.postalCode': ['postal code', 'zip', 'zip code', 'postcode', 'plz', 'postleitzahl'],
  'address.city': ['city', 'town', 'stadt', 'ort'],
  'address.country': ['country', 'land', 'country code', 'ländercode'],
};

/** Compares headers by their letters only: "Start-Date", "start_date" and "Start date" match. */
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');

export function targetsOf(entity: GridEntity, defs: readonly FieldDefinition[]): string[] {
  return [
    ...Object.keys(entity === 'contract' ? CONTRACT_TARGETS : PARTNER_TARGETS),
    ...defs.map((d) => `cf.${d.key}`),
  ];
}

/** Header → target by name; each target is suggested once, for the first header that names it. */
export function suggestMapping(entity: GridEntity, headers: string[], defs: readonly FieldDefinition[]): ImportMapping {
  const names = new Map<string, string>();
  for (const d of defs) {
    names.set(norm(d.label), `cf.${d.key}`);
    names.set(norm(d.key), `cf.${d.key}`);
  }
  for (const [target, aliases] of Object.entries(entity === 'contract' ? CONTRACT_TARGETS : PARTNER_TARGETS)) {
    for (const alias of [target, ...aliases]) if (!names.has(norm(alias))) names.set(norm(alias), target);
  }
  const used = new Set<string>();
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const target = names.get(norm(header)) ?? null;
    mapping[header] = target && !used.has(target) ? target : null;
    if (target) used.add(target);
  }
  return mapping;
}
