import { type PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib';
import { type Fonts, fontsFor, wrap } from './fonts.js';

export type CertificateLocale = 'en' | 'de';

/** One recipient's evidence, as the envelope recorded it. */
export interface CertificateRecipient {
  name: string;
  email: string;
  role: 'signer' | 'approver' | 'cc';
  /** How the person was verified: the mailed link alone, or the link and a one-time code by e-mail. */
  verification: 'link' | 'link_and_code' | null;
  sentAt: Date | null;
  viewedAt: Date | null;
  viewIp: string | null;
  viewUserAgent: string | null;
  signedAt: Date | null;
  signIp: string | null;
  signUserAgent: string | null;
  /** The drawn or typed signature as a PNG, shown beside the evidence. */
  signaturePng: Buffer | null;
}

export interface CertificateFacts {
  locale: CertificateLocale;
  /** The organization's time zone: times are given in UTC and in it. */
  timeZone: string;
  envelopeId: string;
  title: string;
  documentName: string;
  /** SHA-256 (hex) of the original document as it was sent. */
  originalSha256: string;
  originalPages: number;
  sender: { name: string; email: string };
  sentAt: Date;
  completedAt: Date;
  recipients: CertificateRecipient[];
  seal: { subject: string; fingerprint: string };
}

const WORDS = {
  en: {
    title: 'Certificate of completion',
    envelope: 'Envelope',
    subject: 'Title',
    document: 'Document',
    sha: 'SHA-256 of the original',
    pages: 'Pages of the original',
    sender: 'Sent by',
    sent: 'Sent',
    completed: 'Completed',
    recipients: 'Recipients',
    role: { signer: 'Signer', approver: 'Approver', cc: 'Copy' },
    verification: { link: 'E-mail link', link_and_code: 'E-mail link and one-time code' },
    verifiedBy: 'Verification',
    mailed: 'Mailed',
    viewed: 'Viewed',
    signed: 'Signed',
    approved: 'Approved',
    from: 'from',
    seal: 'Sealed with the certificate',
    fingerprint: 'SHA-256 fingerprint',
    check:
      'The seal covers every page of this file, this certificate included: any change shows as a broken signature in PDF readers and in pdfsig.',
  },
  de: {
    title: 'Abschlusszertifikat',
    envelope: 'Umschlag',
    subject: 'Titel',
    document: 'Dokument',
    sha: 'SHA-256 des Originals',
    pages: 'Seiten des Originals',
    sender: 'Gesendet von',
    sent: 'Gesendet',
    completed: 'Abgeschlossen',
    recipients: 'Empfänger',
    role: { signer: 'Unterzeichner', approver: 'Genehmiger', cc: 'Kopie' },
    verification: { link: 'E-Mail-Link', link_and_code: 'E-Mail-Link und Einmalcode' },
    verifiedBy: 'Prüfung',
    mailed: 'Gemailt',
    viewed: 'Angesehen',
    signed: 'Unterzeichnet',
    approved: 'Genehmigt',
    from: 'von',
    seal: 'Versiegelt mit dem Zertifikat',
    fingerprint: 'SHA-256-Fingerabdruck',
    check:
      'Das Siegel umfasst jede Seite dieser Datei, dieses Zertifikat eingeschlossen: Jede Änderung zeigt sich in PDF-Readern und in pdfsig als ungültige Signatur.',
  },
} as const;

/** "2026-12-07 10:00:00 UTC (11:00:00 Europe/Berlin)": unambiguous in every locale. */
export function evidenceTime(at: Date, timeZone: string): string {
  const utc = `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  if (timeZone === 'UTC') return utc;
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${utc} (${local} ${timeZone})`;
}

const MARGIN = 56;
const SIZE = 9;
const LEADING = 12.5;
const GREY = rgb(0.35, 0.35, 0.4);

/** Writes top to bottom, starting a new page of the same size when the current one is full. */
class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly size: [number, number],
  ) {
    this.page = doc.addPage(size);
    this.y = size[1] - MARGIN;
  }

  private get width() {
    return this.size[0] - 2 * MARGIN;
  }

  private room(height: number) {
    if (this.y - height >= MARGIN) return;
    this.page = this.doc.addPage(this.size);
    this.y = this.size[1] - MARGIN;
  }

  heading(text: string, size: number) {
    this.room(size + 8);
    this.y -= size;
    this.page.drawText(text, { x: MARGIN, y: this.y, size, font: this.fonts.bold });
    this.y -= 8;
  }

  /** A label (indented under its recipient) and its value in the one value column; the value wraps under itself. */
  field(label: string, value: string, indent = 0) {
    const labelWidth = 150;
    const valueWidth = this.width - labelWidth;
    const lines = wrap(this.fonts.regular, value, SIZE, valueWidth);
    this.room(lines.length * LEADING);
    this.y -= LEADING;
    this.page.drawText(label, { x: MARGIN + indent, y: this.y, size: SIZE, font: this.fonts.regular, color: GREY });
    lines.forEach((line, i) => {
      this.page.drawText(line, {
        x: MARGIN + labelWidth,
        y: this.y - i * LEADING,
        size: SIZE,
        font: this.fonts.regular,
      });
    });
    this.y -= (lines.length - 1) * LEADING;
  }

  /** A label with a long unbroken value (a hash) on the full width below it, small enough to stay on one line. */
  code(label: string, value: string) {
    this.room(2 * LEADING);
    this.y -= LEADING;
    this.page.drawText(label, { x: MARGIN, y: this.y, size: SIZE, font: this.fonts.regular, color: GREY });
    const size = Math.min(SIZE, (SIZE * this.width) / this.fonts.regular.widthOfTextAtSize(value, SIZE));
    this.y -= LEADING;
    this.page.drawText(value, { x: MARGIN, y: this.y, size, font: this.fonts.regular });
  }

  paragraph(text: string, font: PDFFont = this.fonts.oblique) {
    const lines = wrap(font, text, SIZE, this.width);
    this.room(lines.length * LEADING + 6);
    this.y -= 6;
    for (const line of lines) {
      this.y -= LEADING;
      this.page.drawText(line, { x: MARGIN, y: this.y, size: SIZE, font, color: GREY });
    }
  }

  async image(png: Buffer, maxWidth: number, maxHeight: number, indent: number) {
    const image = await this.doc.embedPng(png);
    const scale = Math.min(maxWidth / image.width, maxHeight / image.height, 1);
    const [w, h] = [image.width * scale, image.height * scale];
    this.room(h + 6);
    this.y -= h + 6;
    this.page.drawImage(image, { x: MARGIN + indent, y: this.y, width: w, height: h });
  }

  gap(points: number) {
    this.y -= points;
  }
}

/** Every string the certificate prints, so the fonts can be chosen for all of them. */
function textsOf(facts: CertificateFacts): string[] {
  return [
    facts.title,
    facts.documentName,
    facts.sender.name,
    facts.sender.email,
    facts.seal.subject,
    ...facts.recipients.flatMap((r) => [r.name, r.email, r.viewUserAgent ?? '', r.signUserAgent ?? '']),
    ...Object.values(WORDS[facts.locale]).flatMap((w): string[] =>
      typeof w === 'string' ? [w] : Object.values(w as Record<string, string>),
    ),
  ];
}

/**
 * Appends the certificate of completion after the document's last page (in that page's size, A4 when
 * there is none): what was signed (the original's SHA-256), by whom, verified how, viewed and signed
 * when and from where, and which certificate seals the file. It wraps onto further pages as needed.
 */
export async function addCertificatePages(doc: PDFDocument, facts: CertificateFacts): Promise<void> {
  const w = WORDS[facts.locale];
  const last = doc.getPages().at(-1);
  const size: [number, number] = last ? [last.getWidth(), last.getHeight()] : [595.28, 841.89];
  // A landscape last page still gets a portrait certificate.
  const portrait: [number, number] = size[0] > size[1] ? [size[1], size[0]] : size;
  const out = new Writer(doc, await fontsFor(doc, textsOf(facts)), portrait);
  const at = (d: Date) => evidenceTime(d, facts.timeZone);

  out.heading(w.title, 18);
  out.field(w.envelope, facts.envelopeId);
  out.field(w.subject, facts.title);
  out.field(w.document, facts.documentName);
  out.code(w.sha, facts.originalSha256);
  out.field(w.pages, String(facts.originalPages));
  out.field(w.sender, `${facts.sender.name} <${facts.sender.email}>`);
  out.field(w.sent, at(facts.sentAt));
  out.field(w.completed, at(facts.completedAt));
  out.gap(10);
  out.heading(w.recipients, 12);
  for (const r of facts.recipients) {
    out.gap(6);
    out.field(w.role[r.role], `${r.name} <${r.email}>`);
    if (r.verification) out.field(w.verifiedBy, w.verification[r.verification], 12);
    if (r.sentAt) out.field(w.mailed, at(r.sentAt), 12);
    if (r.viewedAt) {
      out.field(w.viewed, `${at(r.viewedAt)} ${w.from} ${r.viewIp ?? '?'}`, 12);
      if (r.viewUserAgent) out.field('', r.viewUserAgent, 12);
    }
    if (r.signedAt) {
      out.field(r.role === 'approver' ? w.approved : w.signed, `${at(r.signedAt)} ${w.from} ${r.signIp ?? '?'}`, 12);
      if (r.signUserAgent) out.field('', r.signUserAgent, 12);
    }
    if (r.signaturePng) await out.image(r.signaturePng, 180, 50, 150);
  }
  out.gap(10);
  out.field(w.seal, facts.seal.subject);
  out.code(w.fingerprint, facts.seal.fingerprint);
  out.paragraph(w.check);
}
