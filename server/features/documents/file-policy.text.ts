import { CsvError, parse } from 'csv-parse/sync';
import { scanBytes } from '../../platform/files/scan.js';
import type { ByteSource } from '../../platform/files/zip-directory.js';
import { detectDelimiter } from '../imports/import-file.js';

export type TextKind =
  | { kind: 'text' }
  | { kind: 'csv' }
  | { kind: 'eml' }
  | { kind: 'markup'; what: string }
  | { kind: 'script'; what: string }
  | { kind: 'binary' };

/** Control bytes no text file holds: all of C0 but tab, LF, FF and CR, and DEL. */
const CONTROL_BYTES = [...Array.from({ length: 32 }, (_, i) => i).filter((b) => ![9, 10, 12, 13].includes(b)), 0x7f];
const CHUNK = 1024 * 1024;

/** True when no byte of the whole file is a control byte: UTF-8, Latin-1 or Windows-1252 text. */
async function isText(source: ByteSource): Promise<boolean> {
  for await (const chunk of scanBytes(source, 0, source.size, CHUNK)) {
    if (CONTROL_BYTES.some((b) => chunk.includes(b))) return false;
  }
  return true;
}

function decode(head: Buffer): string {
  try {
    // stream: a character cut in half at the end of the head is not an error.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(head, { stream: true });
  } catch {
    return head.toString('latin1');
  }
}

/** A document that is markup: what a browser or an XML reader would take it for. */
function markup(text: string): string | null {
  if (!/^\s*<[!?a-z]/i.test(text)) return null;
  if (/<svg[\s>/]/i.test(text)) return 'SVG';
  if (/<(!doctype\s+html|html|head|body|script|iframe|meta|title|div|table|p|a|b|br|h1|style|font)[\s>/]/i.test(text))
    return 'HTML';
  return 'XML';
}

/** Lines that only a script starts with; a contract or a note does not. */
const SCRIPT_SIGNS: [RegExp, string][] = [
  [/^#!/, 'a script (#!)'],
  [/^\s*@?(echo\s+(off|on)|setlocal|goto\s+:?\w+|call\s+:\w+)\b/im, 'a Windows batch script'],
  [
    /^\s*(\[CmdletBinding\(|param\s*\(|Set-StrictMode\b|\$ErrorActionPreference\s*=|Import-Module\s|(Invoke-Expression|Invoke-WebRequest|Start-Process)\s|iex\s*\()/im,
    'a PowerShell script',
  ],
  [
    /^\s*(['"]use strict['"]|import\s+[\w{*][^\n]*\sfrom\s+['"]|(const|let|var)\s+[\w${}\s,]+=\s*require\(|module\.exports\s*=|export\s+(default|function|const|class)\s|function\s*[\w$]*\s*\([^)\n]*\)\s*\{|document\.write\(|eval\()/m,
    'JavaScript',
  ],
  [/\b(CreateObject\s*\(\s*"WScript\.|WScript\.(Shell|Echo|CreateObject))|^\s*On Error Resume Next\b/im, 'a VBScript'],
  [
    /^\s*(set\s+-[euxo]+\b|export\s+\w+=|if\s+\[\[?\s|fi$|\w+\s*\(\)\s*\{$)|\b(curl|wget)\s[^\n|]*\|\s*(ba|z)?sh\b/m,
    'a shell script',
  ],
];

function script(text: string): string | null {
  return SCRIPT_SIGNS.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

/** Header names only a message starts with (RFC 5322); a note that merely begins "From:" has no second one. */
const MAIL_HEADERS = new Set(['from', 'received', 'mime-version', 'return-path', 'message-id', 'delivered-to']);

/** An e-mail message: header fields from the first line up to a blank line, at least two of them telling. */
function isMessage(text: string): boolean {
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return false;
  let telling = 0;
  let fields = 0;
  for (const line of text.slice(0, end).split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && fields > 0) continue;
    const field = /^([!-9;-~]+):/.exec(line);
    if (!field) return false;
    fields++;
    if (MAIL_HEADERS.has(field[1]!.toLowerCase())) telling++;
  }
  return fields >= 2 && telling >= 1;
}

/** Delimited lines with the same number of fields each, as far as the head goes. */
function isDelimited(text: string, complete: boolean): boolean {
  const lastBreak = text.lastIndexOf('\n');
  const lines = complete || lastBreak < 0 ? text : text.slice(0, lastBreak);
  try {
    const rows = parse(lines, { bom: true, delimiter: detectDelimiter(lines), skip_empty_lines: true }) as string[][];
    return rows.length > 0;
  } catch (error) {
    if (error instanceof CsvError) return false;
    throw error;
  }
}

/**
 * What a file that no binary signature matched is: text (plain, CSV when its name says .csv
 * and it reads as CSV, an e-mail message), markup or a script we refuse, or unknown binary.
 * Only the head is decoded; the whole file is scanned for control bytes.
 */
export async function classifyText(source: ByteSource, head: Buffer, ext: string | null): Promise<TextKind> {
  if (!(await isText(source))) return { kind: 'binary' };
  const text = decode(head).replace(/^\ufeff/, '');
  const markupKind = markup(text);
  if (markupKind) return { kind: 'markup', what: markupKind };
  if (isMessage(text)) return { kind: 'eml' };
  const scriptKind = script(text);
  if (scriptKind) return { kind: 'script', what: scriptKind };
  if (ext === 'csv' && isDelimited(text, head.length === source.size)) return { kind: 'csv' };
  return { kind: 'text' };
}
