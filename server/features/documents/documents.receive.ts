import { createHash, randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sealStream } from '../../platform/crypto/seal.js';
import { AppError } from '../../platform/errors.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';

/** A private folder for plaintext that is read for text or a Word preview; nothing stays there. Uploads never write one. */
export async function scratchDir(): Promise<string> {
  const dir = path.join(os.tmpdir(), `deedbox-scratch-${process.getuid?.() ?? 'u'}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export async function scratchFile(): Promise<string> {
  return path.join(await scratchDir(), randomBytes(16).toString('hex'));
}

/** The meter passes bytes on in blocks of about this size: one write each to the sealer, not one per network read. */
const BLOCK = 1024 * 1024;

/** Counts and hashes what passes, in blocks of about BLOCK bytes, and fails the stream once it is longer than max bytes. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  private held: Buffer[] = [];
  private heldLength = 0;

  constructor(private readonly max: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.max) {
      done(tooLarge(this.max));
      return;
    }
    this.hash.update(chunk);
    this.held.push(chunk);
    this.heldLength += chunk.length;
    if (this.heldLength >= BLOCK) this.release();
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.heldLength > 0) this.release();
    done();
  }

  private release(): void {
    this.push(this.held.length === 1 ? this.held[0] : Buffer.concat(this.held, this.heldLength));
    this.held = [];
    this.heldLength = 0;
  }
}

export function tooLarge(max: number): AppError {
  const mb = Math.floor(max / (1024 * 1024));
  return new AppError('payload_too_large', `file is larger than ${mb} MB`, {
    errors: [{ field: 'file', rule: 'file_too_large', message: `must be at most ${mb} MB`, params: { max: mb } }],
  });
}

export interface Received {
  size: number;
  sha256: string;
  sealedSize: number;
}

/**
 * One pass over an upload: counted, hashed and sealed into the store under blobName; only
 * ciphertext reaches the disk (the policy inspects the sealed blob, files/sealed-source.ts).
 * Memory stays constant (backpressure from the store holds the upload). On any failure no blob stays.
 */
export async function receive(
  source: Readable,
  opts: { store: BlobStore; blobName: string; key: Buffer; context: string; maxBytes: number },
): Promise<Received> {
  const meter = new Meter(opts.maxBytes);
  const sealer = sealStream(opts.key, opts.context);
  // One failure stops both sides; each stream reports it once, through the promise that owns it.
  for (const s of [meter, sealer]) s.on('error', () => undefined);
  const failAll = (error: unknown) => {
    for (const s of [meter, sealer]) s.destroy(error as Error);
  };
  const sides = [opts.store.put(opts.blobName, meter.pipe(sealer)), pipeline(source, meter)] as const;
  for (const side of sides) side.catch(failAll);
  const outcome = await Promise.allSettled(sides);
  const failed = outcome.find((o) => o.status === 'rejected');
  if (failed) {
    await opts.store.delete(opts.blobName).catch(() => undefined);
    const reason = (failed as PromiseRejectedResult).reason;
    if (reason instanceof AppError) throw reason;
    // The client went away or sent a broken multipart body: nothing was kept.
    if (source.destroyed || source.errored || (reason as { code?: string })?.code?.startsWith('FST_')) {
      throw new AppError('bad_request', 'The upload was cut off before the file was complete; nothing was stored.');
    }
    throw reason;
  }
  const stored = (outcome[0] as PromiseFulfilledResult<{ size: number }>).value;
  return { size: meter.size, sha256: meter.hash.digest('hex'), sealedSize: stored.size };
}
