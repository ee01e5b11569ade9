import { describe, expect, it } from 'vitest';
import { pdfText } from '../documents/text/parse-pdf.js';
import { renderLetter } from './notice-letters.pdf.js';
import { draftLetter, type LetterFacts } from './notice-letters.text.js';

const facts: LetterFacts = {
  kind: 'non_renewal',
  locale: 'en',
  company: {
    legalName: 'Acme GmbH',
    street: 'Hauptstraße 1',
    postalCode: '10115',
    city: 'Berlin',
    country: 'DE',
    signatoryName: null,
    signatoryTitle: null,
  },
  partner: { name: 'Ωmega Α.Ε.', address: { street: 'Οδός 5', postalCode: '105 57', city: 'Αθήνα', country: 'GR' } },
  contract: { title: 'Cleaning', contractNumber: null, startDate: '2024-03-01' },
  date: '2026-11-24',
  noticeDeadline: '2027-01-31',
  endsOn: '2027-02-28',
};

async function textOf(bytes: Buffer): Promise<string[]> {
  const parsed = await pdfText(bytes, 1_000_000);
  if (parsed.status !== 'pages') throw new Error(`no text: ${parsed.status}`);
  return parsed.pages.map((page) => page.replace(/\s+/g, ' '));
}

describe('the letter as a PDF', () => {
  it('drafts without a contract number or signatory, and writes Greek names in an embedded font', async () => {
    const draft = draftLetter(facts);
    expect(draft.subject).toBe('Non-renewal of the contract "Cleaning"');
    expect(draft.recipient).toEqual(['Ωmega Α.Ε.', 'Οδός 5', '105 57 Αθήνα', 'GREECE']);
    expect(draft.signature).toEqual(['Acme GmbH']);
    const [page] = await textOf(await renderLetter({ ...draft, pageLabel: (p, n) => `Page ${p} of ${n}` }));
    expect(page).toContain('Ωmega Α.Ε.');
    expect(page).toContain('105 57 Αθήνα');
    expect(page).toContain('28 February 2027');
    expect(page).not.toContain('Page 1');
  });

  it('goes on to numbered pages when the text is long, the signature after the last line', async () => {
    const draft = draftLetter({ ...facts, locale: 'de' });
    const body = Array.from({ length: 90 }, (_, i) => `Absatz ${i + 1}: Lorem ipsum dolor sit amet.`).join('\n');
    const pages = await textOf(await renderLetter({ ...draft, body, pageLabel: (p, n) => `Seite ${p} von ${n}` }));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain(`Seite 1 von ${pages.length}`);
    expect(pages.at(-1)).toContain('Absatz 90');
    expect(pages.at(-1)!.indexOf('Acme GmbH')).toBeGreaterThan(pages.at(-1)!.indexOf('Absatz 90'));
  });
});
