import { fileTypeFromBlob } from 'file-type';
import { ALLOWED_DOCUMENT_TYPES } from '../../../common/document-types.js';
import type { ByteSource } from '../../platform/files/zip-directory.js';
import { classifyCfb } from './file-policy.cfb.js';
import { nameExtension, nameVerdict } from './file-policy.names.js';
import { isEncryptedPdf } from './file-policy.pdf.js';
import { polyglotProblem } from './file-policy.polyglot.js';
import { classifyText } from './file-policy.text.js';
import { zipProblem } from './file-policy.zip.js';

export {
  ALLOWED_DOCUMENT_TYPES,
  type AllowedDocumentType,
  DOCUMENT_ACCEPT,
  MAX_UPLOAD_BYTES_DEFAULT,
} from '../../../common/document-types.js';

export type RefusalRule =
  | 'file_empty'
  | 'file_type_refused'
  | 'file_type_mismatch'
  | 'file_encrypted'
  | 'file_zip_bomb'
  | 'file_polyglot';

export type Accepted = { ok: true; mimeType: string; extension: string };
export type Refused = { ok: false; rule: RefusalRule; detail: string };

/** What the content is: a type we take (by MIME type), or something we refuse, described for people. */
type Content =
  | { kind: 'allowed'; mimeType: string }
  | { kind: 'refused'; what: string; text: boolean }
  | { kind: 'encrypted'; what: string };

const BY_MIME = new Map(ALLOWED_DOCUMENT_TYPES.map((t) => [t.mimeType, t]));
const HEAD = 64 * 1024;
const ZIP_BASED = new Set(['zip', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp']);
const POLYGLOT_PRONE = new Set(['pdf', 'png', 'jpg', 'gif', 'webp', 'tif', 'heic']);
const CFB_TYPES = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  msg: 'application/vnd.ms-outlook',
} as const;
const TEXT_TYPES = { text: 'text/plain', csv: 'text/csv', eml: 'message/rfc822' } as const;

/** Names for formats file-type knows and we refuse. */
const DESCRIBED: Record<string, string> = {
  exe: 'a Windows program (PE)',
  elf: 'a Linux program (ELF)',
  macho: 'a macOS program (Mach-O)',
  class: 'a compiled Java class',
  wasm: 'a WebAssembly module',
  jar: 'a Java archive',
  apk: 'an Android app',
};

const refuse = (rule: RefusalRule, detail: string): Refused => ({ ok: false, rule, detail });

/**
 * file-type reads a Blob only through size, type and slice(…).arrayBuffer() (strtok3's BlobTokenizer,
 * random access like a file), so the source stands in for one and file-type reads only what it needs.
 */
function asBlob(source: ByteSource, start = 0, end = source.size): Blob {
  const blob = {
    size: end - start,
    type: '',
    slice: (from = 0, to = end - start) => asBlob(source, start + from, start + Math.min(to, end - start)),
    arrayBuffer: async () => new Uint8Array(await source.read(start, end - start)).buffer,
  };
  return blob as unknown as Blob;
}

async function detect(source: ByteSource, head: Buffer, ext: string | null): Promise<Content> {
  const found = await fileTypeFromBlob(asBlob(source));
  if (found === undefined || found.mime === 'application/xml') {
    const text = await classifyText(source, head, ext);
    if (text.kind === 'binary') return { kind: 'refused', what: 'an unknown binary format', text: false };
    if (text.kind === 'markup') return { kind: 'refused', what: `an ${text.what} document`, text: true };
    if (text.kind === 'script') return { kind: 'refused', what: text.what, text: true };
    return { kind: 'allowed', mimeType: TEXT_TYPES[text.kind] };
  }
  if (found.mime === 'application/x-cfb') {
    const cfb = await classifyCfb(source);
    if (cfb.kind === 'encrypted') return cfb;
    if (cfb.kind === 'other') return { kind: 'refused', what: cfb.what, text: false };
    return { kind: 'allowed', mimeType: CFB_TYPES[cfb.kind] };
  }
  if (BY_MIME.has(found.mime)) return { kind: 'allowed', mimeType: found.mime };
  const what = DESCRIBED[found.ext] ?? `${found.mime} (.${found.ext})`;
  return { kind: 'refused', what, text: false };
}

/** The checks an accepted type still has to pass: password, zip bomb, polyglot. */
async function contentProblem(source: ByteSource, head: Buffer, extension: string): Promise<Refused | null> {
  if (extension === 'pdf' && (await isEncryptedPdf(source)))
    return refuse('file_encrypted', 'the PDF is password-protected');
  if (POLYGLOT_PRONE.has(extension)) {
    const problem = await polyglotProblem(source, head, extension);
    if (problem) return refuse('file_polyglot', problem);
  }
  if (ZIP_BASED.has(extension)) {
    const problem = await zipProblem(source, extension);
    if (problem) return refuse(problem.rule, problem.detail);
  }
  return null;
}

/**
 * Decides whether an upload may be kept, from its bytes: the type file-type finds (or our own
 * text, e-mail and OLE2 checks where it finds none), then whether the name claims another type,
 * then passwords, zip bombs and polyglots. The name only ever makes the answer stricter.
 * `source` reads the complete upload (its sealed blob, files/sealed-source.ts); most checks read
 * its head, its tail and a few offsets, text and ZIP entries are scanned in order.
 */
export async function inspectUpload(input: { source: ByteSource; name: string }): Promise<Accepted | Refused> {
  const { source } = input;
  if (source.size === 0) return refuse('file_empty', 'the file is empty');
  const head = await source.read(0, HEAD);
  const ext = nameExtension(input.name);
  const content = await detect(source, head, ext);
  if (content.kind === 'encrypted') return refuse('file_encrypted', `the file is ${content.what}`);
  if (content.kind === 'refused') {
    const verdict = nameVerdict(ext, { refusedText: content.text });
    if (verdict === 'mismatch')
      return refuse('file_type_mismatch', `the name ends in .${ext} but the file is ${content.what}`);
    return refuse('file_type_refused', `the file is ${content.what}`);
  }
  const type = BY_MIME.get(content.mimeType)!;
  const verdict = nameVerdict(ext, type.extension);
  if (verdict === 'runnable')
    return refuse('file_type_refused', `a text file named .${ext} runs as a script when opened`);
  if (verdict === 'mismatch')
    return refuse('file_type_mismatch', `the name ends in .${ext} but the file is ${type.label} (.${type.extension})`);
  const problem = await contentProblem(source, head, type.extension);
  return problem ?? { ok: true, mimeType: type.mimeType, extension: type.extension };
}
