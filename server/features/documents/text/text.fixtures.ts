// Small documents made in the tests themselves: hand-written PDFs (text, scanned, encrypted), zips
// for Word, PowerPoint and OpenDocument, and renderings through poppler. Nothing binary is committed.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, deflateSync } from 'node:zlib';

const WIN_ANSI: Record<string, number> = { '€': 0x80, '„': 0x84, '–': 0x96, '—': 0x97, '“': 0x93, '”': 0x94 };

/** A string as a PDF literal in WinAnsiEncoding, the encoding of the standard Helvetica font. */
function winAnsi(text: string): Buffer {
  const bytes = Array.from(text, (c) => WIN_ANSI[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f));
  const escaped: number[] = [];
  for (const b of bytes) escaped.push(...(b === 0x28 || b === 0x29 || b === 0x5c ? [0x5c, b] : [b]));
  return Buffer.from(escaped);
}

type PdfObject = Buffer | { dict: string; stream: Buffer };

/** Serialises numbered objects (1 is the catalog) with a correct xref table. */
function writePdf(objects: PdfObject[], trailer: string, encrypt?: (n: number, data: Buffer) => Buffer): Buffer {
  const chunks = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    let body: Buffer;
    if (Buffer.isBuffer(object)) body = object;
    else {
      const data = encrypt ? encrypt(i + 1, object.stream) : object.stream;
      body = Buffer.concat([
        Buffer.from(`<< ${object.dict} /Length ${data.length} >>\nstream\n`),
        data,
        Buffer.from('\nendstream'),
      ]);
    }
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(offset);
    chunks.push(chunk);
    offset += chunk.length;
  });
  const xref = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  chunks.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${offset}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(chunks);
}

export type FixturePage =
  | { lines: string[]; size?: [number, number] }
  | { gray: Buffer; width: number; height: number; size: [number, number] };

/** Pages of Helvetica text (24 pt, from the top left) or of one grey image filling the page, as a scanner makes. */
function pdfObjects(pages: FixturePage[]): PdfObject[] {
  const objects: PdfObject[] = [Buffer.alloc(0), Buffer.alloc(0)];
  const font = objects.push(
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
  );
  const kids: number[] = [];
  for (const page of pages) {
    const [w, h] = page.size ?? [595, 842];
    let resources: string;
    let content: Buffer;
    if ('lines' in page) {
      const shown = page.lines.map((line) =>
        Buffer.concat([Buffer.from('('), winAnsi(line), Buffer.from(') Tj T*\n')]),
      );
      content = Buffer.concat([Buffer.from(`BT /F1 24 Tf 30 TL 40 ${h - 60} Td\n`), ...shown, Buffer.from('ET')]);
      resources = `<< /Font << /F1 ${font} 0 R >> >>`;
    } else {
      const image = objects.push({
        dict: `/Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
        stream: deflateSync(page.gray),
      });
      content = Buffer.from(`q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q`);
      resources = `<< /XObject << /Im1 ${image} 0 R >> >>`;
    }
    const contents = objects.push({ dict: '', stream: content });
    kids.push(
      objects.push(
        Buffer.from(
          `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources ${resources} /Contents ${contents} 0 R >>`,
        ),
      ),
    );
  }
  objects[0] = Buffer.from('<< /Type /Catalog /Pages 2 0 R >>');
  objects[1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  return objects;
}

export function pdf(pages: FixturePage[]): Buffer {
  return writePdf(pdfObjects(pages), '');
}

const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');
const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/** RC4, which the PDF standard security handler (revision 2) uses and OpenSSL 3 no longer offers by default. */
function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

/** A PDF that opens only with the user password (standard security handler, RC4 40-bit, revision 2). */
export function encryptedPdf(pages: FixturePage[], userPassword: string): Buffer {
  const objects = pdfObjects(pages);
  const id = createHash('md5').update('deedbox fixture').digest();
  const permissions = -4;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const owner = rc4(md5(padded('owner secret')).subarray(0, 5), padded(userPassword));
  const key = md5(padded(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(key, PAD);
  const encryptId = objects.push(
    Buffer.from(
      `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${permissions} >>`,
    ),
  );
  const objectKey = (n: number) =>
    md5(key, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 10);
  return writePdf(
    objects,
    `/Encrypt ${encryptId} 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>]`,
    (n, data) => rc4(objectKey(n), data),
  );
}

/** A page of the PDF as 8-bit grey pixels, rendered by pdftoppm. */
export function renderGray(
  pdfFile: string,
  page: number,
  dpi: number,
): { gray: Buffer; width: number; height: number } {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdfFile]);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40));
  if (!header) throw new Error('pdftoppm did not write a PGM image');
  return { gray: pgm.subarray(header[0].length), width: Number(header[1]), height: Number(header[2]) };
}

/** A page of the PDF as a PNG file, rendered by pdftoppm. */
export function renderPng(pdfFile: string, page: number, dpi: number, outPrefix: string): string {
  execFileSync('pdftoppm', [
    '-png',
    '-singlefile',
    '-r',
    String(dpi),
    '-f',
    String(page),
    '-l',
    String(page),
    pdfFile,
    outPrefix,
  ]);
  return `${outPrefix}.png`;
}

/** A zip of the entries, deflated; `declare` overrides the unpacked size an entry claims (a zip bomb's lie). */
export function zip(entries: [string, string | Buffer][], declare: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0);
    fields.writeUInt16LE(0x0800, 2);
    fields.writeUInt16LE(8, 4);
    fields.writeUInt16LE(0x21, 8);
    fields.writeUInt32LE(crc32(data), 10);
    fields.writeUInt32LE(packed.length, 14);
    fields.writeUInt32LE(declare[name] ?? data.length, 18);
    fields.writeUInt16LE(nameBytes.length, 22);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), fields, nameBytes, packed]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields.copy(central, 6, 0, 26);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A Word paragraph of plain text, or a heading when style is given (styles.xml below names Heading1). */
export const wordParagraph = (text: string, style?: string, bold = false) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r></w:p>`;

/** A .docx whose body is the given WordprocessingML; links maps relationship ids to external targets. */
export function docx(body: string, links: Record<string, string> = {}): Buffer {
  const linkRels = Object.entries(links)
    .map(
      ([id, target]) =>
        `<Relationship Id="${id}" Type="${REL_TYPE}/hyperlink" Target="${xmlText(target)}" TargetMode="External"/>`,
    )
    .join('');
  return zip([
    [
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ],
    [
      '_rels/.rels',
      `<Relationships ${RELS}><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ],
    [
      'word/_rels/document.xml.rels',
      `<Relationships ${RELS}><Relationship Id="rIdStyles" Type="${REL_TYPE}/styles" Target="styles.xml"/>${linkRels}</Relationships>`,
    ],
    [
      'word/styles.xml',
      `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>`,
    ],
    [
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${R}><w:body>${body}</w:body></w:document>`,
    ],
  ]);
}

/** A .pptx reduced to what text extraction reads: one slide part per slide, each line a paragraph. */
export function pptx(slides: string[][]): Buffer {
  const A =
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const slide = (lines: string[]) =>
    `<p:sld ${A}><p:cSld><p:spTree><p:sp><p:txBody>${lines.map((l) => `<a:p><a:r><a:t>${xmlText(l)}</a:t></a:r></a:p>`).join('')}</p:txBody></p:sp></p:spTree></p:cSld></p:sld>`;
  // Slide 10 comes after slide 2: the order is by number, not by name.
  return zip(slides.map((lines, i) => [`ppt/slides/slide${i === 2 ? 10 : i + 1}.xml`, slide(lines)]));
}

const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"';

/** An OpenDocument file with the given office:body content. */
export function odf(mimeType: string, body: string): Buffer {
  return zip([
    ['mimetype', mimeType],
    [
      'content.xml',
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ODF_NS}><office:body>${body}</office:body></office:document-content>`,
    ],
  ]);
}
