import { rng } from './lifecycles.js';

const list = (text: string) => text.trim().split(/\s*\|\s*/);

const FIRST = list(`Nordwind | Alpen | Rhein | Elbe | Bavaria | Hansa | Sonnen | Bergland | Taunus | Stern | Adler |
  Falken | Löwen | Eichen | Linden | Kristall | Atlas | Orion | Vega | Polar | Müller | Schmidt | Schneider | Fischer |
  Weber | Meyer | Wagner | Becker | Schulz | Hoffmann | Koch | Richter | Klein | Wolf | Schröder | Neumann | Schwarz |
  Zimmermann | Braun | Krüger | Acme | Globex | Initech | Umbrella | Stark | Wayne | Wonka | Tyrell | Cyberdyne | Soylent`);
const SECOND = list(`Logistik | Software | Consulting | Bau | Energie | Versicherung | Immobilien | Medien | Systems |
  Technik | Services | Handel | Pharma | Telecom | Facility | Reinigung | Catering | Druck | Leasing | Security | Cloud |
  Data | Solutions | Finanz | Personal`);
const LEGAL = list('GmbH | AG | GmbH & Co. KG | SE | KG | Ltd | Inc. | S.A. | B.V. | e.K.');

/** `count` distinct company names such as "Nordwind Logistik GmbH" (at most 12,500), shuffled by `seed`. */
export function partnerNames(count: number, seed: number): string[] {
  const all = FIRST.flatMap((a) => SECOND.flatMap((b) => LEGAL.map((c) => `${a} ${b} ${c}`)));
  const r = rng(seed);
  for (let i = all.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}

export const UNITS = list('Sales | Procurement | IT | Facilities');
export const CATEGORIES = list(`Software licence | SaaS subscription | Hardware maintenance | Office lease |
  Vehicle leasing | Insurance | Energy supply | Telecommunications | Cleaning | Catering | Security services |
  Consulting | Temporary staff | Framework agreement | Non-disclosure agreement | Customer contract | Distribution |
  Logistics | Marketing services | Banking`);
export const ORG_UNITS = Array.from({ length: 30 }, (_, i) => `Cost centre ${4100 + i * 10}`);
/** Options of the dropdown custom field, most frequent first. */
export const REGIONS = list(
  'DACH | Benelux | Nordics | France | UK & Ireland | Iberia | Italy | CEE | North America | APAC',
);
export const TAGS = list(
  'critical | gdpr | auto-renew | review | it | hr | finance | strategic | legacy | audit | esg | ops',
);
export const TITLES = list(`Maintenance agreement | Licence agreement | Lease | Framework agreement |
  Service level agreement | Supply contract | Insurance policy | Consulting agreement | Cleaning services |
  Vehicle leasing`);
export const CITIES = list(
  'Berlin | Hamburg | Munich | Cologne | Frankfurt | Stuttgart | Leipzig | Vienna | Zurich | Amsterdam',
);
