import { rng } from '../repository/lifecycles.js';
import { CITIES, partnerNames } from '../repository/names.js';

/**
 * Generated contract text: English and German clauses with their parties, places, sums, dates and
 * article numbers filled in, so the search documents hold the words of real contracts (frequent
 * legal terms, many numbers and names) in about their proportions. Deterministic per document.
 */

const list = (text: string) => text.trim().split(/\s*\n\s*/);

const EN = list(`
  This {title} (the "Agreement") is entered into on {date} between {party} and {partner}, {city}.
  The Supplier shall provide the services described in Annex {n} in accordance with the service levels set out therein.
  The term of this Agreement begins on {date} and runs for an initial period of {months} months.
  Thereafter the Agreement renews automatically for successive periods of twelve months unless terminated.
  Either party may terminate this Agreement by giving written notice of at least {months} months before the end of the current term.
  Termination for cause remains unaffected; a material breach not remedied within {days} days entitles the other party to terminate without notice.
  The Customer shall pay the fees of EUR {amount} per month, invoiced quarterly in advance and payable within {days} days of the invoice date.
  Late payments bear interest at nine percentage points above the base rate of the European Central Bank.
  The Supplier warrants that the deliverables conform to the specification for a period of {months} months after acceptance.
  Liability for slight negligence is limited to foreseeable damages typical for this type of contract, at most EUR {amount} per year.
  Neither party is liable for delays caused by force majeure, including strikes, pandemics, floods and failures of public networks.
  Each party shall keep confidential all information received from the other party and use it solely for the purposes of this Agreement.
  Personal data is processed on behalf of the Customer under the data processing agreement attached as Annex {n}.
  The Supplier maintains insurance against public and product liability with a cover of at least EUR {amount} per claim.
  Changes to the scope of services require a written change request signed by authorised representatives of both parties.
  Prices may be adjusted once per contract year in line with the consumer price index published by the Federal Statistical Office.
  The Supplier may engage subcontractors only with the prior written consent of the Customer, which shall not be unreasonably withheld.
  All intellectual property rights in the deliverables pass to the Customer upon full payment of the fees.
  The Customer grants the Supplier access to its premises at {street} {n}, {city}, during normal business hours.
  Service credits of {n} percent of the monthly fee apply for each full hour of unavailability beyond the agreed maintenance window.
  Notices under this Agreement shall be sent to {person}, {street} {n}, {zip} {city}, or to such other address as a party may notify.
  This Agreement is governed by the laws of the Federal Republic of Germany; the courts of {city} have exclusive jurisdiction.
  Should any provision of this Agreement be invalid, the validity of the remaining provisions shall not be affected.
  The Supplier shall return or destroy all documents and data of the Customer within {days} days after termination of this Agreement.
  Reference number {ref}; purchase order {po}; cost centre {cc}.
  Signed for and on behalf of {party} by {person}, and for and on behalf of {partner} by {person2}.
`);

const DE = list(`
  Dieser {title} (der „Vertrag") wird am {date} zwischen der {party} und der {partner}, {city}, geschlossen.
  Der Auftragnehmer erbringt die in Anlage {n} beschriebenen Leistungen nach Maßgabe der dort vereinbarten Servicelevel.
  Der Vertrag beginnt am {date} und hat eine Mindestlaufzeit von {months} Monaten.
  Er verlängert sich danach automatisch um jeweils zwölf Monate, sofern er nicht fristgerecht gekündigt wird.
  Die Kündigungsfrist beträgt {months} Monate zum Ende der jeweiligen Vertragslaufzeit; die Kündigung bedarf der Schriftform.
  Das Recht zur außerordentlichen Kündigung aus wichtigem Grund bleibt unberührt, insbesondere bei Zahlungsverzug von mehr als {days} Tagen.
  Die monatliche Vergütung beträgt {amount} Euro zuzüglich der gesetzlichen Umsatzsteuer und ist binnen {days} Tagen nach Rechnungsstellung fällig.
  Bei Zahlungsverzug sind Verzugszinsen in Höhe von neun Prozentpunkten über dem Basiszinssatz zu zahlen.
  Die Gewährleistungsfrist beträgt {months} Monate ab Abnahme; Mängel sind unverzüglich schriftlich anzuzeigen.
  Die Haftung für leichte Fahrlässigkeit ist auf den vertragstypischen, vorhersehbaren Schaden begrenzt, höchstens {amount} Euro je Vertragsjahr.
  Keine Partei haftet für Verzögerungen durch höhere Gewalt, insbesondere Streik, Pandemie, Hochwasser oder Störungen öffentlicher Netze.
  Die Parteien verpflichten sich, alle vertraulichen Informationen der jeweils anderen Partei geheim zu halten und nur für Zwecke dieses Vertrags zu verwenden.
  Personenbezogene Daten verarbeitet der Auftragnehmer ausschließlich im Auftrag gemäß der Vereinbarung zur Auftragsverarbeitung in Anlage {n}.
  Der Auftragnehmer unterhält eine Betriebshaftpflichtversicherung mit einer Deckungssumme von mindestens {amount} Euro je Schadensfall.
  Änderungen des Leistungsumfangs bedürfen eines schriftlichen Änderungsantrags, der von beiden Parteien unterzeichnet ist.
  Die Preise können einmal je Vertragsjahr entsprechend dem vom Statistischen Bundesamt veröffentlichten Verbraucherpreisindex angepasst werden.
  Der Einsatz von Unterauftragnehmern ist nur mit vorheriger schriftlicher Zustimmung des Auftraggebers zulässig.
  Sämtliche Nutzungsrechte an den Arbeitsergebnissen gehen mit vollständiger Zahlung der Vergütung auf den Auftraggeber über.
  Der Auftraggeber gewährt dem Auftragnehmer während der üblichen Geschäftszeiten Zugang zu seinen Räumlichkeiten in der {street} {n}, {city}.
  Für jede volle Stunde Nichtverfügbarkeit außerhalb des Wartungsfensters wird eine Gutschrift von {n} Prozent der Monatsvergütung gewährt.
  Erklärungen zu diesem Vertrag sind an {person}, {street} {n}, {zip} {city}, zu richten, sofern keine andere Anschrift mitgeteilt wurde.
  Es gilt das Recht der Bundesrepublik Deutschland; ausschließlicher Gerichtsstand ist {city}.
  Sollte eine Bestimmung dieses Vertrags unwirksam sein, bleibt die Wirksamkeit der übrigen Bestimmungen unberührt.
  Nach Vertragsende gibt der Auftragnehmer alle Unterlagen und Daten des Auftraggebers binnen {days} Tagen zurück oder löscht sie nachweislich.
  Aktenzeichen {ref}; Bestellnummer {po}; Kostenstelle {cc}.
  Für die {party} gezeichnet von {person}, für die {partner} gezeichnet von {person2}.
`);

const TITLES_EN = list(`
  Maintenance Agreement
  Software Licence Agreement
  Lease Agreement
  Framework Agreement
  Service Level Agreement
  Supply Agreement
  Consulting Agreement
  Cleaning Services Agreement
`);
const TITLES_DE = list(`
  Wartungsvertrag
  Softwarelizenzvertrag
  Mietvertrag
  Rahmenvertrag
  Dienstleistungsvertrag
  Liefervertrag
  Beratungsvertrag
  Reinigungsvertrag
`);
const FIRST_NAMES = list(`
  Anna\nJonas\nLena\nLukas\nMarie\nFelix\nSophie\nPaul\nLaura\nMaximilian\nJulia\nTobias\nKatharina\nSebastian\nClara\nDavid
`);
const SURNAMES = list(`
  Müller\nSchmidt\nSchneider\nFischer\nWeber\nMeyer\nWagner\nBecker\nSchulz\nHoffmann\nKoch\nRichter\nKlein\nWolf\nSchröder
  Neumann\nSchwarz\nZimmermann\nBraun\nKrüger\nHofmann\nHartmann\nLange\nSchmitt\nWerner\nKrause\nMeier\nLehmann\nSchmid
`);
const STREETS = list(`
  Hauptstraße\nBahnhofstraße\nGartenweg\nIndustriestraße\nSchillerstraße\nGoethestraße\nLindenallee\nHafenstraße\nAm Markt
`);

/** Pages per document: 2 to 5, and about this many characters each. */
const PAGE_CHARS = 2_500;
/**
 * The rare word of the bench (`RARE_WORD`): one clause naming it goes into every RARE_EVERY-th
 * document, so it matches a known handful of documents among all.
 */
export const RARE_WORD = 'Zollfreilager';
export const RARE_EVERY = 10_000;
const RARE_CLAUSE_EN = `The goods are stored in the ${RARE_WORD} at the port until customs clearance.`;
const RARE_CLAUSE_DE = `Die Ware lagert bis zur Verzollung im ${RARE_WORD} des Hafens.`;

/** The bench's company: the party of every contract. */
const PARTY = 'Bench GmbH';
export const PARTNERS = partnerNames(5_000, 7);

export interface GeneratedDocument {
  language: 'en' | 'de';
  /** The contract's title and its partner, as the text names them. */
  title: string;
  partner: string;
  /** The document's name, as an upload would have it. */
  name: string;
  pages: string[];
}

const AMOUNT_DE = new Intl.NumberFormat('de-DE');
const AMOUNT_EN = new Intl.NumberFormat('en-GB');

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Document number `n` (from 0) of the bench: 60 % German, 40 % English. */
export function generateDocument(n: number): GeneratedDocument {
  const r = rng(n + 1);
  const language = r() < 0.6 ? 'de' : 'en';
  const clauses = language === 'de' ? DE : EN;
  const title = pick(r, language === 'de' ? TITLES_DE : TITLES_EN);
  const partner = PARTNERS[Math.floor(r() ** 2 * PARTNERS.length)]!;
  const city = pick(r, CITIES);
  const person = () => `${pick(r, FIRST_NAMES)} ${pick(r, SURNAMES)}`;
  const fill = (clause: string) =>
    clause.replace(/\{(\w+)\}/g, (_, slot: string) => {
      switch (slot) {
        case 'title':
          return title;
        case 'party':
          return PARTY;
        case 'partner':
          return partner;
        case 'city':
          return r() < 0.7 ? city : pick(r, CITIES);
        case 'date':
          return `${pad(1 + Math.floor(r() * 28), 2)}.${pad(1 + Math.floor(r() * 12), 2)}.${2015 + Math.floor(r() * 12)}`;
        case 'months':
          return String(pick(r, [1, 3, 6, 12, 24, 36]));
        case 'days':
          return String(pick(r, [7, 14, 30, 60, 90]));
        case 'amount':
          return (language === 'de' ? AMOUNT_DE : AMOUNT_EN).format(Math.floor(r() * 500_000) + 100);
        case 'n':
          return String(1 + Math.floor(r() * 20));
        case 'street':
          return pick(r, STREETS);
        case 'zip':
          return pad(10_000 + Math.floor(r() * 89_999), 5);
        case 'person':
        case 'person2':
          return person();
        case 'ref':
          return `${language === 'de' ? 'AZ' : 'REF'}-${2015 + Math.floor(r() * 12)}-${pad(n, 6)}`;
        case 'po':
          return `PO${pad(Math.floor(r() * 10_000_000), 7)}`;
        case 'cc':
          return String(4100 + Math.floor(r() * 300));
        default:
          return slot;
      }
    });
  const pageCount = 2 + Math.floor(r() * 4);
  const pages: string[] = [];
  let clause = 0;
  for (let p = 0; p < pageCount; p++) {
    const parts: string[] = [];
    let length = 0;
    // Section numbers and headings between runs of clauses, as in a real contract's pages.
    while (length < PAGE_CHARS - 100 + r() * 200) {
      const text =
        r() < 0.12
          ? `\n§ ${++clause} ${fill(pick(r, clauses)).split(' ').slice(0, 3).join(' ')}\n`
          : fill(pick(r, clauses));
      parts.push(text);
      length += text.length + 1;
    }
    pages.push(parts.join(' '));
  }
  if (n % RARE_EVERY === 0) {
    const p = Math.floor(r() * pageCount);
    pages[p] = `${pages[p]} ${language === 'de' ? RARE_CLAUSE_DE : RARE_CLAUSE_EN}`;
  }
  const name = `${title} ${partner} ${2015 + Math.floor(r() * 12)}.pdf`;
  return { language, title, partner, name, pages };
}
