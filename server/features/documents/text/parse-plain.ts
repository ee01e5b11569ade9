import type { AddressObject } from 'mailparser';
import { failed, type ParsedText } from './worker-protocol.js';

const one = (text: string): ParsedText =>
  text.trim() ? { status: 'pages', pages: [text.trim()], scanned: [] } : { status: 'no_text' };

/** Windows-1252's characters at 0x80–0x9f, where Latin-1 has control codes; the five it leaves out stay as they are. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Node 20's TextDecoder('windows-1252') decodes 0x80–0x9f as Latin-1 control codes, so they are mapped here. */
function windows1252(data: Buffer): string {
  return data.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]!);
}

/**
 * Text in UTF-8, or UTF-16 when it starts with that byte-order mark; bytes that are not valid
 * UTF-8 are read as Windows-1252 (what "latin1" text from Windows really is, with €).
 */
export function decodeText(data: Buffer): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  try {
    // stream: a character cut by the maxChars read limit at the very end is not an error.
    return new TextDecoder('utf-8', { fatal: true }).decode(data, { stream: true });
  } catch {
    return windows1252(data);
  }
}

export function plainText(data: Buffer): ParsedText {
  return one(decodeText(data));
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).map((a) => a.text).join(', ');

/** The headers people search for and the text body; attachments are not opened. */
export async function emailText(data: Buffer): Promise<ParsedText> {
  const { simpleParser } = await import('mailparser');
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(data, { skipImageLinks: true, skipTextToHtml: true });
  } catch {
    return failed('unreadable');
  }
  const headers = [
    mail.subject ? `Subject: ${mail.subject}` : '',
    mail.from ? `From: ${mail.from.text}` : '',
    mail.to ? `To: ${addresses(mail.to)}` : '',
    mail.cc ? `Cc: ${addresses(mail.cc)}` : '',
    mail.date ? `Date: ${mail.date.toISOString()}` : '',
  ].filter(Boolean);
  return one(`${headers.join('\n')}\n\n${mail.text ?? ''}`);
}
