import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { CertificateFacts } from '../../server/features/signing/pdf/certificate-page.js';
import type { FilledField } from '../../server/features/signing/pdf/draw-fields.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 64;

const WORDS = (
  'the parties agree that this contract shall remain in force until terminated by either party with notice ' +
  'of three months to the end of a quarter Vertragspartner Leistungen gemäß Anlage Gewährleistung Haftung ' +
  'supplier customer services deliverables acceptance invoice payment within thirty days after receipt ' +
  'confidential information shall not be disclosed to third parties except as required by law Kündigung ' +
  'Schriftform Gerichtsstand München governing law jurisdiction liability is limited to foreseeable damage'
).split(' ');

/** The same pseudo-random text in every run: a linear congruential generator over the word list. */
function* words(seed: number): Generator<string> {
  let state = seed;
  for (;;) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    yield WORDS[state % WORDS.length]!;
  }
}

/**
 * A contract of `pages` A4 pages as a word processor would export it: a heading and about 45 lines
 * of justified-looking body text per page in DejaVu Serif embedded whole (as exported PDFs carry their
 * fonts), a page number, and a logo image on every page (one image object).
 */
export async function makeOriginal(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const dejavu = path.join(
    path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
    'ttf',
  );
  const body = await doc.embedFont(await readFile(path.join(dejavu, 'DejaVuSerif.ttf')), { subset: false });
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const logo = await doc.embedPng(signaturePng(7, 240, 80));
  const text = words(42);
  const widths = new Map(WORDS.map((w) => [w, body.widthOfTextAtSize(w, 10)]));
  const widthOf = (word: string) => widths.get(word)!;
  const space = body.widthOfTextAtSize(' ', 10);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(A4);
    page.drawImage(logo, { x: A4[0] - MARGIN - 90, y: A4[1] - MARGIN - 20, width: 90, height: 30 });
    page.drawText(`§ ${n} Clause ${n}`, { x: MARGIN, y: A4[1] - MARGIN, size: 13, font: bold });
    for (let line = 0, y = A4[1] - MARGIN - 40; line < 45; line++, y -= 15) {
      const row: string[] = [];
      for (let width = 0; width < A4[0] - 2 * MARGIN - 60; ) {
        const word = text.next().value;
        row.push(word);
        width += widthOf(word) + space;
      }
      page.drawText(row.join(' '), { x: MARGIN, y, size: 10, font: body });
    }
    page.drawText(`${n} / ${pages}`, { x: A4[0] / 2 - 10, y: 30, size: 8, font: body });
  }
  return Buffer.from(await doc.save());
}

const crcOf = (chunk: Buffer) => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(chunk));
  return out;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([length, body, crcOf(body)]);
}

/**
 * A drawn signature as the signing page's canvas exports it: a transparent RGBA PNG with a dark-blue
 * stroke (a few loops along the line), different for each seed.
 */
export function signaturePng(seed: number, width = 600, height = 200): Buffer {
  const rgba = Buffer.alloc(width * height * 4);
  const dot = (cx: number, cy: number) => {
    for (let dy = -2; dy <= 2; dy++)
      for (let dx = -2; dx <= 2; dx++) {
        const [x, y] = [Math.round(cx + dx), Math.round(cy + dy)];
        if (x < 0 || y < 0 || x >= width || y >= height || dx * dx + dy * dy > 5) continue;
        rgba.set([20, 30, 90, 255], (y * width + x) * 4);
      }
  };
  for (let t = 0; t < 1; t += 0.0005) {
    const x = width * (0.05 + 0.9 * t) + 25 * Math.cos(t * (50 + 7 * seed));
    const y = height * (0.55 + 0.15 * Math.sin(t * (9 + seed))) - 45 * Math.sin(t * (50 + 7 * seed));
    dot(x, y);
  }
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface Signer {
  name: string;
  email: string;
  png: Buffer;
}

export const signers = (secondName: string): Signer[] => [
  { name: 'Jürgen Groß', email: 'juergen.gross@example.com', png: signaturePng(1) },
  { name: secondName, email: 'second.signer@example.org', png: signaturePng(2) },
];

/** Per signer on the last page: signature, name, date, a text note and a checkbox (10 fields in all). */
export function fieldsFor(list: Signer[], pages: number): FilledField[] {
  const page = pages - 1;
  return list.flatMap((s, i): FilledField[] => {
    const x = 0.1 + i * 0.45;
    return [
      { page, rect: { x, y: 0.6, w: 0.35, h: 0.08 }, type: 'signature', png: s.png },
      { page, rect: { x, y: 0.69, w: 0.35, h: 0.03 }, type: 'name', text: s.name },
      { page, rect: { x, y: 0.73, w: 0.2, h: 0.03 }, type: 'date_signed', text: '2026-12-07' },
      {
        page,
        rect: { x, y: 0.77, w: 0.35, h: 0.06 },
        type: 'text',
        text: `Signed for ${s.name}'s company, Abteilung Einkauf, subject to Anlage 3`,
        multiline: true,
      },
      { page, rect: { x, y: 0.84, w: 0.03, h: 0.02 }, type: 'checkbox', checked: true },
    ];
  });
}

/** The certificate of completion's facts: both signers viewed and signed, with IP, browser and signature. */
export function certificateFor(
  original: Buffer,
  pages: number,
  list: Signer[],
  seal: { subject: string; fingerprint: string },
): CertificateFacts {
  const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 9, minutes));
  return {
    locale: 'en',
    timeZone: 'Europe/Berlin',
    envelopeId: '0b7d4c1e-2f3a-4b5c-8d9e-0123456789ab',
    title: 'Framework services agreement',
    documentName: 'framework-services-agreement.pdf',
    originalSha256: createHash('sha256').update(original).digest('hex'),
    originalPages: pages,
    sender: { name: 'Ada Admin', email: 'ada@acme.example' },
    sentAt: at(0),
    completedAt: at(40),
    recipients: list.map((s, i) => ({
      name: s.name,
      email: s.email,
      role: 'signer' as const,
      verification: i === 0 ? ('link' as const) : ('link_and_code' as const),
      sentAt: at(0),
      viewedAt: at(10 + i * 15),
      viewIp: `203.0.113.${10 + i}`,
      viewUserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
      signedAt: at(20 + i * 15),
      signIp: `203.0.113.${10 + i}`,
      signUserAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
      signaturePng: s.png,
    })),
    seal,
  };
}
