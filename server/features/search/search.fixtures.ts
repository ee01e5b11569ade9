import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Document } from '../../../common/schemas/documents.js';
import { type Actor, runInOrg } from '../../platform/context.js';
import type { Caller } from '../../test/api.js';
import type { Harness } from '../../test/harness.js';
import { receive } from '../documents/documents.receive.js';
import { commitUpload, type Place, prepareUpload } from '../documents/documents.service.js';
import { pdf, renderGray } from '../documents/text/text.fixtures.js';

const SETUP: Actor = { type: 'system', name: 'test set-up' };

/**
 * Stores a file as a document through the upload's own steps (prepare, receive sealed, commit),
 * as someone who may: for the inbox, which has no upload route yet.
 */
export async function storeDocument(
  h: Harness,
  who: Caller,
  place: Place,
  file: { name: string; content: Buffer; mimeType: string },
): Promise<Document> {
  const deps = h.app.deps;
  const principal = { orgId: who.me!.org.id, actor: SETUP };
  const request = () => ({ id: randomUUID(), ip: null, userAgent: 'vitest', via: 'cli' as const });
  const slot = await runInOrg(deps, principal, request(), (ctx) => prepareUpload(ctx, { place }));
  const received = await receive(Readable.from([file.content]), {
    store: deps.blobs,
    blobName: slot.blobName,
    key: slot.key,
    context: slot.blobContext,
    maxBytes: deps.config.uploadMaxBytes,
  });
  return runInOrg(deps, principal, request(), (ctx) =>
    commitUpload(ctx, slot, { ...received, mimeType: file.mimeType, name: file.name }),
  );
}

/** A PDF whose first page has text and whose second is a picture of `lines`, as a scanner makes it. */
export function scannedPdf(cover: string, lines: string[]): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-scan-'));
  try {
    const size: [number, number] = [420, 160];
    const source = path.join(dir, 'source.pdf');
    writeFileSync(source, pdf([{ lines, size }]));
    return pdf([{ lines: [cover] }, { ...renderGray(source, 1, 150), size }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page of grey noise: nothing to read, and slow for OCR to find that out. */
export function noisePdf(): Buffer {
  const width = 1200;
  const height = 1600;
  const gray = Buffer.alloc(width * height);
  let seed = 7;
  for (let i = 0; i < gray.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    gray[i] = seed >> 23;
  }
  return pdf([{ gray, width, height, size: [595, 842] }]);
}
