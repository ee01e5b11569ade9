import { crc32, deflateRawSync } from 'node:zlib';

/** Small files of many formats for tests, written byte by byte (zip, Office, OLE2, PDF, images). */

export interface ZipItem {
  name: string;
  data: Buffer | string;
  /** Deflate the data (default: store it); 'already': the data is deflated, `declared` says to what size. */
  deflate?: boolean | 'already';
  /** What the directory claims it unpacks to, when it should lie. */
  declared?: number;
  flags?: number;
}

/** A zip archive (no zip64). */
export function zip(items: ZipItem[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const item of items) {
    const raw = Buffer.from(item.data);
    const data = item.deflate === true ? deflateRawSync(raw) : raw;
    const name = Buffer.from(item.name, 'utf8');
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at);
      b.writeUInt16LE((item.flags ?? 0) | 0x0800, at + 2);
      b.writeUInt16LE(item.deflate ? 8 : 0, at + 4);
      b.writeUInt32LE(item.deflate === 'already' ? 0 : crc32(raw), at + 10);
      b.writeUInt32LE(data.length, at + 14);
      b.writeUInt32LE(item.declared ?? raw.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(items.length, 8);
  end.writeUInt16LE(items.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const OOXML_MAIN: Record<'docx' | 'xlsx' | 'pptx' | 'docm', [string, string]> = {
  docx: ['word/document.xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
  docm: ['word/document.xml', 'application/vnd.ms-word.document.macroEnabled.main+xml'],
  xlsx: ['xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  pptx: ['ppt/presentation.xml', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'],
};

/** An Office Open XML package: [Content_Types].xml naming the main part, the part, and any extra items. */
export function ooxml(kind: keyof typeof OOXML_MAIN, extra: ZipItem[] = []): Buffer {
  const [part, type] = OOXML_MAIN[kind];
  const types =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${part}" ContentType="${type}"/></Types>`;
  return zip([
    { name: '[Content_Types].xml', data: types, deflate: true },
    { name: part, data: '<?xml version="1.0"?><document>Service Agreement</document>', deflate: true },
    ...extra,
  ]);
}

/** An OpenDocument package: the stored mimetype first, then content and manifest. */
export function odf(mime: string, manifestExtra = ''): Buffer {
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">' +
    `<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifestExtra}</manifest:file-entry>` +
    '</manifest:manifest>';
  return zip([
    { name: 'mimetype', data: mime },
    { name: 'content.xml', data: '<?xml version="1.0"?><office:document-content/>', deflate: true },
    { name: 'META-INF/manifest.xml', data: manifest, deflate: true },
  ]);
}

const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

/**
 * An OLE2 compound file (version 3, 512-byte sectors) with the given streams below the root,
 * each padded to 4,096 bytes so it lives in regular sectors, not the mini stream.
 */
export function cfb(streams: { name: string; data?: Buffer }[]): Buffer {
  const datas = streams.map((s) => {
    const d = Buffer.alloc(Math.max(4096, Math.ceil((s.data?.length ?? 0) / SECTOR) * SECTOR));
    s.data?.copy(d);
    return d;
  });
  const dirSectors = Math.ceil((streams.length + 1) / 4);
  const fat: number[] = [0xfffffffd];
  const chain = (count: number) => {
    const first = fat.length;
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? END_OF_CHAIN : fat.length + 1);
    return first;
  };
  const dirStart = chain(dirSectors);
  const starts = datas.map((d) => chain(d.length / SECTOR));
  if (fat.length > SECTOR / 4) throw new Error('cfb fixture too large for one FAT sector');
  const fatSector = Buffer.alloc(SECTOR, 0xff);
  for (const [i, v] of fat.entries()) fatSector.writeUInt32LE(v, i * 4);
  const dir = Buffer.alloc(dirSectors * SECTOR);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = i * 128;
    dir.write(`${name}\u0000`, at, 'utf16le');
    dir.writeUInt16LE((name.length + 1) * 2, at + 0x40);
    dir[at + 0x42] = type;
    dir[at + 0x43] = 1;
    dir.writeUInt32LE(NO_STREAM, at + 0x44);
    dir.writeUInt32LE(right, at + 0x48);
    dir.writeUInt32LE(child, at + 0x4c);
    dir.writeUInt32LE(start, at + 0x74);
    dir.writeUInt32LE(size, at + 0x78);
  };
  entry(0, 'Root Entry', 5, streams.length > 0 ? 1 : NO_STREAM, NO_STREAM, END_OF_CHAIN, 0);
  for (const [i, s] of streams.entries()) {
    const right = i + 1 < streams.length ? i + 2 : NO_STREAM;
    entry(i + 1, s.name, 2, NO_STREAM, right, starts[i]!, datas[i]!.length);
  }
  const header = Buffer.alloc(SECTOR);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c);
  header.writeUInt32LE(dirStart, 0x30);
  header.writeUInt32LE(4096, 0x38);
  header.writeUInt32LE(END_OF_CHAIN, 0x3c);
  header.writeUInt32LE(END_OF_CHAIN, 0x44);
  header.fill(0xff, 0x4c);
  header.writeUInt32LE(0, 0x4c);
  return Buffer.concat([header, fatSector, dir, ...datas]);
}

/** Word's file information block: wIdent, then the flags word at 0x0A. */
export function wordFib(flags: number): Buffer {
  const fib = Buffer.alloc(32);
  fib.writeUInt16LE(0xa5ec, 0);
  fib.writeUInt16LE(flags, 0x0a);
  return fib;
}

/** An Excel workbook stream: BOF, then (when protected) FILEPASS. */
export function excelStream(password: boolean): Buffer {
  const bof = Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06, 0x05, 0x00, ...Array(12).fill(0)]);
  const next = password
    ? Buffer.from([0x2f, 0x00, 0x02, 0x00, 0x00, 0x00])
    : Buffer.from([0xe1, 0x00, 0x02, 0x00, 0xb0, 0x04]);
  return Buffer.concat([bof, next]);
}

/** A one-page PDF; `trailer` adds entries to its trailer dictionary. */
export function pdf(options: { trailer?: string; afterHeader?: string; xrefStream?: boolean } = {}): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
  ];
  let body = `%PDF-1.7\n%\xe2\xe3\xcf\xd3\n${options.afterHeader ?? ''}`;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  if (options.xrefStream) {
    body += `4 0 obj\n<< /Type /XRef /Size 5 /Root 1 0 R ${options.trailer ?? ''} /W [1 2 1] /Length 0 >>\nstream\n\nendstream\nendobj\n`;
  } else {
    body += `xref\n0 4\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    body += `trailer\n<< /Size 4 /Root 1 0 R ${options.trailer ?? ''} >>\n`;
  }
  body += `startxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** A 1×1 grey PNG; `text` adds a tEXt chunk before the image data. */
export function png(text?: string): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    pngChunk('IHDR', ihdr),
    ...(text ? [pngChunk('tEXt', Buffer.from(`Comment\u0000${text}`, 'latin1'))] : []),
    pngChunk('IDAT', deflateRawSync(Buffer.from([0, 0x80]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG's segments up to end of image (enough for signatures); `comment` adds a COM segment. */
export function jpeg(comment?: string, app0Length = 16): Buffer {
  const app0 = Buffer.concat([
    Buffer.from([0xff, 0xe0, app0Length >> 8, app0Length & 0xff]),
    Buffer.from('JFIF\u0000\u0001\u0001\u0000\u0000\u0001\u0000\u0001\u0000\u0000', 'latin1'),
  ]);
  const com = comment
    ? Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), Buffer.from(comment, 'latin1')])
    : Buffer.alloc(0);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, com, Buffer.from([0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9])]);
}

/** A 1×1 GIF89a; `width` lets a test write the bytes a GIF/JavaScript polyglot uses. */
export function gif(width = 1): Buffer {
  const lsd = Buffer.alloc(7);
  lsd.writeUInt16LE(width, 0);
  lsd.writeUInt16LE(1, 2);
  return Buffer.concat([
    Buffer.from('GIF89a', 'latin1'),
    lsd,
    Buffer.from([0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b]),
  ]);
}

export function webp(): Buffer {
  const vp8 = Buffer.from('9d012a0100010002003425a400037000fefb94000000', 'hex');
  const chunk = Buffer.concat([Buffer.from('VP8 ', 'latin1'), Buffer.from([vp8.length, 0, 0, 0]), vp8]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(4 + chunk.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, Buffer.from('WEBP', 'latin1'), chunk]);
}

/** A little-endian TIFF header with one IFD entry (image width). */
export function tiff(): Buffer {
  return Buffer.from('49492a00080000000100000103000100000001000000000000000000', 'hex');
}

/** An ISO BMFF file type box with the given major brand (heic, mif1, …). */
export function heif(brand: string): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write('ftyp', 4, 'latin1');
  box.write(brand, 8, 'latin1');
  box.write(`mif1${brand}`, 16, 'latin1');
  return Buffer.concat([box, Buffer.alloc(64)]);
}

/** A valid PDF with one page per entry of `pages`, each showing its text in Helvetica (ASCII only). */
export function pdfWithText(pages: string[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) - 0;
  const pageIds = pages.map((_, i) => 4 + i * 2);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  for (const [i, text] of pages.entries()) {
    const escaped = text.replace(/[\\()]/g, (c) => `\\${c}`);
    const stream = `BT /F1 14 Tf 72 720 Td (${escaped}) Tj ET`;
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (const [i, body] of objects.entries()) {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A multipart/form-data body with one file part. */
export function multipart(field: string, fileName: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = `----deedbox${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
  );
  const body = Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
