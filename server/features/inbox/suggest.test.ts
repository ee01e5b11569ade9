import { describe, expect, it } from 'vitest';
import { suggestFromText } from './suggest.js';
import { evidence } from './suggest.text.js';

const PARTNERS = [
  { id: 'acme', name: 'Acme GmbH' },
  { id: 'acme-cloud', name: 'ACME Cloud Services GmbH' },
  { id: 'mueller', name: 'Müller & Söhne GmbH & Co. KG' },
  { id: 'data', name: 'Data GmbH' },
  { id: 'ag', name: 'AG' },
  { id: 'xy', name: 'XY Ltd' },
];
const suggest = (text: string, today = '2026-06-15') => suggestFromText(text, { partners: PARTNERS, today });

const ENGLISH = `CONFIDENTIAL
Page 1 of 12

MASTER SERVICES AGREEMENT

This Master Services Agreement (the "Agreement") is entered into by and between Acme Cloud
Services Ltd., a company incorporated in England and Wales, and Example Corp. ("Customer").

1. Term. This Agreement is effective as of January 1, 2027 (the "Effective Date") and shall
remain in force until 31 December 2028, unless terminated earlier in accordance with clause 9.

3. Fees. Customer shall pay an annual fee of EUR 12,500.00. Travel expenses of up to
EUR 25,000.00 per year are reimbursed at cost. Late payments bear interest of 5% per annum.

9. Termination. Either party may terminate this Agreement for convenience by giving three (3)
months' prior written notice to the other party.`;

const GERMAN = `Rahmenvertrag über IT-Dienstleistungen

zwischen der
Mueller & Soehne GmbH & Co. KG, Hauptstraße 1, 80331 München
– nachfolgend „Auftragnehmer“ –
und der Beispiel AG

§ 2 Laufzeit
(1) Der Vertrag beginnt am 1. März 2027 und läuft bis zum 28.02.2029.
(2) Er kann von jeder Partei mit einer Frist von sechs Wochen zum Quartalsende gekündigt werden.

§ 3 Vergütung
Die monatliche Vergütung beträgt 12.500,00 € zzgl. USt. Reisekosten bis 50.000 € werden gesondert erstattet.`;

describe('suggestFromText on whole contracts', () => {
  it('finds title, term, notice, fee and partner in an English agreement, each with its passage', () => {
    const s = suggest(ENGLISH);
    expect(s).toMatchObject({
      title: 'MASTER SERVICES AGREEMENT',
      startDate: '2027-01-01',
      endDate: '2028-12-31',
      noticePeriod: { count: 3, unit: 'months' },
      amount: { value: '12500.00', currency: 'EUR' },
      partnerId: 'acme-cloud',
    });
    expect(s.evidence.startDate).toContain('effective as of January 1, 2027');
    expect(s.evidence.endDate).toContain('until 31 December 2028');
    expect(s.evidence.noticePeriod).toContain("three (3) months' prior written notice");
    expect(s.evidence.amount).toContain('annual fee of EUR 12,500.00');
    expect(s.evidence.partnerId).toContain('Acme Cloud Services Ltd.');
    expect(s.evidence.title).toBe('MASTER SERVICES AGREEMENT');
  });

  it('finds the same in a German agreement', () => {
    const s = suggest(GERMAN);
    expect(s).toMatchObject({
      title: 'Rahmenvertrag über IT-Dienstleistungen',
      startDate: '2027-03-01',
      endDate: '2029-02-28',
      noticePeriod: { count: 6, unit: 'weeks' },
      amount: { value: '12500.00', currency: 'EUR' },
      partnerId: 'mueller',
    });
    expect(s.evidence.startDate).toContain('beginnt am 1. März 2027');
    expect(s.evidence.endDate).toContain('bis zum 28.02.2029');
    expect(s.evidence.amount).toContain('Vergütung beträgt 12.500,00 €');
  });

  it('keeps every passage to 120 characters, even on one endless line', () => {
    const line = `${'x '.repeat(500)}effective as of 2027-01-31 ${'y '.repeat(500)} a fee of EUR 100 ${'z '.repeat(500)}`;
    const s = suggest(line);
    expect(s.startDate).toBe('2027-01-31');
    for (const passage of Object.values(s.evidence)) expect(passage.length).toBeLessThanOrEqual(120);
    for (const passage of Object.values(suggest(ENGLISH).evidence)) expect(passage.length).toBeLessThanOrEqual(120);
  });

  it.each([
    [
      'a letter',
      `Dear Mr Smith,\n\nthank you for your e-mail of 3 March 2027. We will send the signed copy next week.\nOur office is closed until further notice.\n\nBest regards\nAnna`,
    ],
    [
      'a German cover e-mail',
      `Hallo Frau Schmidt,\n\nanbei wie besprochen die Unterlagen. Die Zahlung erfolgt mit einer Frist von 14 Tagen nach Rechnungseingang.\n\nViele Grüße\nTom`,
    ],
    [
      'a privacy notice',
      `we process personal data only as described here. last updated: 2027-01-15.\nyou may object at any time by written notice to privacy@example.com.`,
    ],
    ['an empty text', ''],
    ['whitespace', ' \n\n\t \f '],
  ])('suggests nothing from %s', (_what, text) => {
    expect(suggest(text)).toEqual({ evidence: {} });
  });
});

describe('dates', () => {
  it.each([
    ['2027-01-31', '2027-01-31'],
    ['31.01.2027', '2027-01-31'],
    ['1.2.2027', '2027-02-01'],
    ['31 January 2027', '2027-01-31'],
    ['31st January, 2027', '2027-01-31'],
    ['31st of January 2027', '2027-01-31'],
    ['the 1st day of March 2027', '2027-03-01'],
    ['31. Januar 2027', '2027-01-31'],
    ['1. März 2027', '2027-03-01'],
    ['1. Maerz 2027', '2027-03-01'],
    ['3. Jänner 2027', '2027-01-03'],
    ['January 31, 2027', '2027-01-31'],
    ['Jan. 31, 2027', '2027-01-31'],
    ['Sept 30 2027', '2027-09-30'],
    ['31 Dez. 2027', '2027-12-31'],
    ['1. Okt 2027', '2027-10-01'],
  ])('reads %s', (written, iso) => {
    expect(suggest(`This agreement is effective as of ${written}.`).startDate).toBe(iso);
  });

  it('puts two-digit years in the century nearest to today', () => {
    expect(suggest('gültig ab 01.01.27', '2026-06-15').startDate).toBe('2027-01-01');
    expect(suggest('gültig ab 01.01.98', '2026-06-15').startDate).toBe('1998-01-01');
    expect(suggest('gültig ab 01.01.75', '2026-06-15').startDate).toBe('2075-01-01');
    expect(suggest('gültig ab 01.01.76', '2026-06-15').startDate).toBe('1976-01-01');
  });

  it.each([
    'effective as of 1 January 1850',
    'effective as of 2250-01-01',
    'effective as of 31.02.2027',
    'effective as of 2027-13-01',
    'effective as of 32 January 2027',
    'effective as of 12.500,00',
  ])('ignores what is no date from 1900 to 2200: %s', (text) => {
    expect(suggest(text).startDate).toBeUndefined();
  });

  it('takes the first valid date a phrase introduces', () => {
    expect(suggest('effective as of 31.02.2027. The agreement is effective from 1 March 2027.').startDate).toBe(
      '2027-03-01',
    );
  });

  it.each([
    ['effective as of', 'effective as of 1 March 2027'],
    ['effective from', 'Effective from 1 March 2027'],
    ['effective date', 'Effective Date: 1 March 2027'],
    ['with effect from', 'with effect from (and including) 1 March 2027'],
    ['commencing on', 'for a term commencing on 1 March 2027'],
    ['commences on', 'the term commences on 1 March 2027'],
    ['beginning', 'beginning 1 March 2027'],
    ['starting on', 'starting on March 1, 2027'],
    ['commencement date', 'Commencement Date: 2027-03-01'],
    ['gültig ab', 'Dieser Vertrag ist gültig ab 01.03.2027.'],
    ['beginnt am', 'Das Mietverhältnis beginnt am 01.03.2027.'],
    ['mit Wirkung vom', 'mit Wirkung vom 1. März 2027'],
    ['Vertragsbeginn', 'Vertragsbeginn: 01.03.2027'],
    ['tritt am … in Kraft', 'Die Vereinbarung tritt am 1. März 2027 in Kraft.'],
  ])('finds a start after "%s"', (_phrase, text) => {
    expect(suggest(text).startDate).toBe('2027-03-01');
  });

  it.each([
    ['until', 'remains in force until 28 February 2029'],
    ['expires on', 'This agreement expires on 2029-02-28.'],
    ['expiry date', 'Expiry date: 28.02.2029'],
    ['ends on', 'The initial term ends on February 28, 2029.'],
    ['terminates on', 'and terminates on 28 February 2029'],
    ['endet am', 'Der Vertrag endet am 28.02.2029.'],
    ['endet mit Ablauf des', 'Der Vertrag endet mit Ablauf des 28. Februar 2029.'],
    ['bis zum', 'befristet, und zwar bis zum 28.02.2029'],
    ['läuft bis', 'Der Vertrag läuft bis 28.02.2029.'],
    ['Vertragsende', 'Vertragsende: 28.02.2029'],
  ])('finds an end after "%s"', (_phrase, text) => {
    expect(suggest(text).endDate).toBe('2029-02-28');
  });

  it('reads a range as start and end', () => {
    expect(suggest('for the period from 1 March 2027 to 28 February 2029')).toMatchObject({
      startDate: '2027-03-01',
      endDate: '2029-02-28',
    });
    expect(suggest('Mietzeit: vom 01.03.2027 bis 28.02.2029')).toMatchObject({
      startDate: '2027-03-01',
      endDate: '2029-02-28',
    });
  });

  it('drops an end that is not after the start, and finds no date without a phrase', () => {
    const s = suggest('effective as of 1 March 2027. The offer was valid until 15 December 2026.');
    expect(s.startDate).toBe('2027-03-01');
    expect(s.endDate).toBeUndefined();
    expect(suggest('Signed in Munich on 1 March 2027 and 28.02.2029.')).toEqual({ evidence: {} });
  });
});

describe('notice period', () => {
  it.each([
    ["three (3) months' notice", 3, 'months'],
    ["90 days' prior written notice", 90, 'days'],
    ['30 days written notice', 30, 'days'],
    ["one month's notice", 1, 'months'],
    ['a notice period of 90 days', 90, 'days'],
    ['written notice of at least 30 calendar days', 30, 'days'],
    ['twelve (12) weeks notice', 12, 'weeks'],
    ['Die Kündigungsfrist beträgt drei Monate.', 3, 'months'],
    ['mit einer Kündigungsfrist von 3 Monaten zum Jahresende', 3, 'months'],
    ['kann mit einer Frist von sechs Wochen zum Quartalsende gekündigt werden', 6, 'weeks'],
    ['unter Einhaltung einer Frist von einem Jahr kündigen', 1, 'years'],
    ['Kündigungsfrist: 14 Tage', 14, 'days'],
  ])('reads "%s"', (text, count, unit) => {
    expect(suggest(text).noticePeriod).toEqual({ count, unit });
  });

  it.each([
    'Either party may terminate this agreement by written notice.',
    "upon 30 business days' notice",
    'Invoices are payable within 30 days of receipt.',
    'Die Zahlung erfolgt mit einer Frist von 14 Tagen nach Rechnungseingang.',
    'Kündigungsfrist: siehe Anlage 2',
  ])('finds none in "%s"', (text) => {
    expect(suggest(text).noticePeriod).toBeUndefined();
  });
});

describe('amount', () => {
  it.each([
    ['a fee of EUR 12,500.00', '12500.00', 'EUR'],
    ['Vergütung: 12.500,00 €', '12500.00', 'EUR'],
    ['price: $1,200', '1200', 'USD'],
    ['Preis CHF 3’000 pro Jahr', '3000', 'CHF'],
    ["Preis CHF 3'000.50 pro Jahr", '3000.50', 'CHF'],
    ['Miete 1.250,- EUR monatlich', '1250', 'EUR'],
    ['rent of GBP 950', '950', 'GBP'],
    ['a fee of 99.5 USD', '99.5', 'USD'],
    ['Honorar von 12 500,00 Euro', '12500.00', 'EUR'],
  ])('reads "%s"', (text, value, currency) => {
    expect(suggest(text).amount).toEqual({ value, currency });
  });

  it('prefers an amount a price word introduces, else the largest', () => {
    expect(suggest('a fee of EUR 100 plus expenses of up to EUR 900').amount).toEqual({
      value: '100',
      currency: 'EUR',
    });
    expect(suggest('EUR 100 for setup, EUR 900 for support').amount).toEqual({ value: '900', currency: 'EUR' });
    expect(suggest('fee: EUR 100; price per seat: EUR 40').amount).toEqual({ value: '100', currency: 'EUR' });
  });

  it.each([
    'interest of 5% per annum',
    'a fee of 12,500.00',
    'clause ABC 100 applies',
    'reference XYZ 2027',
    'a fee of EUR 0.00',
  ])('finds none in "%s"', (text) => {
    expect(suggest(text).amount).toBeUndefined();
  });
});

describe('partner', () => {
  it.each([
    ['ignores case and legal form', 'between ACME Ltd. and the Customer', 'acme'],
    ['ignores spacing and line breaks', 'between Acme   Cloud\nServices and us', 'acme-cloud'],
    ['prefers the longest name', 'ACME Cloud Services GmbH, a subsidiary of Acme GmbH', 'acme-cloud'],
    ['spells out umlauts', 'zwischen der MÜLLER & SÖHNE KG und uns', 'mueller'],
    ['takes a one-word name written as a name', 'Data GmbH processes the orders.', 'data'],
    ['takes a one-word name followed by a legal form', 'between data gmbh and us', 'data'],
  ])('%s', (_what, text, id) => {
    expect(suggest(text).partnerId).toBe(id);
  });

  it.each([
    ['a name inside a longer word', 'Acmeology Inc. is a different company'],
    ['a one-word name that is just a word of the text', 'we process personal data on your behalf'],
    ['a partner whose name is only a legal form', 'the AG shall deliver'],
    ['a name shorter than three letters', 'XY shall deliver'],
  ])('ignores %s', (_what, text) => {
    expect(suggest(text).partnerId).toBeUndefined();
  });

  it('finds nothing without partners', () => {
    expect(suggestFromText(ENGLISH, { partners: [], today: '2026-06-15' }).partnerId).toBeUndefined();
  });
});

describe('title', () => {
  it.each([
    [
      'skips markings and page numbers',
      'CONFIDENTIAL\nPage 1 of 3\nDRAFT\n\nNon-Disclosure Agreement\n\nThis…',
      'Non-Disclosure Agreement',
    ],
    [
      'takes a German heading',
      '\n\n  Mietvertrag   für Gewerberäume  \n§ 1 Mietgegenstand',
      'Mietvertrag für Gewerberäume',
    ],
    ['takes a Title Case heading', 'Hosting Services Schedule\nThe supplier shall host…', 'Hosting Services Schedule'],
    [
      'prefers a heading naming a contract to a letterhead',
      'Acme Cloud Services\nHauptstraße 1\n80331 München\n\nService Agreement\n\nThe parties agree…',
      'Service Agreement',
    ],
  ])('%s', (_what, text, title) => {
    expect(suggest(text).title).toBe(title);
  });

  it.each([
    ['a sentence', 'The parties agree as follows.\nMore text.'],
    ['a salutation', 'Dear Ms Jones,\nplease find attached.'],
    ['a line longer than 120 characters', `SERVICE AGREEMENT ${'X'.repeat(120)}`],
    ['a heading below the first fifteen lines', `${'some notes\n'.repeat(20)}SERVICE AGREEMENT`],
    ['a heading after the running text began', 'We hereby confirm your order.\nSERVICE AGREEMENT'],
    ['numbers only', '2027-01-31\n12345'],
  ])('is not %s', (_what, text) => {
    expect(suggest(text).title).toBeUndefined();
  });
});

describe('evidence', () => {
  it('shows whole words only around the match, never a word cut in half', () => {
    const line =
      'Whereas the parties agree: this agreement commences on 1 January 2027 and continues for the whole of the term of two years thereafter.';
    const start = line.indexOf('1 January 2027');
    const passage = evidence(line, start, start + '1 January 2027'.length);
    expect(passage).toContain('1 January 2027');
    const words = line.split(' ');
    for (const word of passage.replace(/…/g, '').trim().split(' ')) expect(words).toContain(word);
    expect(passage.startsWith('this agreement commences') || passage.startsWith('agreement commences')).toBe(true);
  });
});
