import { createReadStream, createWriteStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type AttachmentStream, MailParser } from 'mailparser';

export interface SpooledAttachment {
  fileName: string;
  contentType: string;
  file: string;
  size: number;
}

export interface ParsedMessage {
  /** The first address of the From header, if it has one. */
  from: string | null;
  subject: string | null;
  messageId: string | null;
  attachments: SpooledAttachment[];
}

export class TooManyAttachmentsError extends Error {
  constructor(readonly limit: number) {
    super(`the message has more than ${limit} attachments`);
    this.name = 'TooManyAttachmentsError';
  }
}

export class ParseTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`parsing the message took longer than ${ms} ms`);
    this.name = 'ParseTimeoutError';
  }
}

export interface ParseLimits {
  maxAttachments: number;
  timeoutMs: number;
}

/**
 * Parses a spooled message with mailparser's streaming parser and writes each attachment to a
 * file of its own (mode 0600) in `dir`, named `<prefix>.<n>`: never after anything in the mail.
 * Images embedded in HTML (multipart/related with a Content-ID) are not documents and are
 * skipped. Every file created is pushed to `created` before it is opened, so the caller can
 * delete them whatever happens; on failure the parse settles only after every file is closed.
 */
export async function parseSpooledMessage(
  spool: string,
  dir: string,
  prefix: string,
  limits: ParseLimits,
  created: string[],
): Promise<ParsedMessage> {
  const parser = new MailParser({
    checksumAlgo: false,
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipImageLinks: true,
  });
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new ParseTimeoutError(limits.timeoutMs)), limits.timeoutMs);
  const attachments: SpooledAttachment[] = [];
  const reading = new Set<Readable>();
  const writes: Promise<void>[] = [];

  const keep = (part: AttachmentStream) => {
    if (attachments.length >= limits.maxAttachments) throw new TooManyAttachmentsError(limits.maxAttachments);
    const file = path.join(dir, `${prefix}.${attachments.length + 1}`);
    const entry = { fileName: part.filename ?? 'attachment', contentType: part.contentType, file, size: 0 };
    attachments.push(entry);
    created.push(file);
    reading.add(part.content);
    const written = pipeline(part.content, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    writes.push(
      written
        .then(() => {
          entry.size = part.size ?? 0;
        })
        .catch((error: unknown) => abort.abort(error))
        .finally(() => {
          reading.delete(part.content);
          part.release?.();
        }),
    );
  };

  parser.on('data', (part) => {
    if (part.type !== 'attachment') return;
    if (part.related || abort.signal.aborted) {
      // A released attachment is drained by the parser itself.
      part.release?.();
      return;
    }
    try {
      keep(part);
    } catch (error) {
      part.release?.();
      abort.abort(error);
    }
  });
  // Attachments still being written when the parse stops would otherwise never end.
  abort.signal.addEventListener('abort', () => {
    for (const content of reading) content.destroy(abort.signal.reason);
  });

  try {
    await pipeline(createReadStream(spool), parser, { signal: abort.signal });
    await Promise.all(writes);
    if (abort.signal.aborted) throw abort.signal.reason;
  } catch (error) {
    await Promise.allSettled(writes);
    throw abort.signal.aborted ? abort.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
  const from = parser.from?.value.find((entry) => entry.address)?.address ?? null;
  return { from, subject: parser.subject ?? null, messageId: parser.messageId ?? null, attachments };
}
