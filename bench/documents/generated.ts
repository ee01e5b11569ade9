import { createCipheriv, createHash, randomBytes } from 'node:crypto';

/** The generator's unit, and the largest buffer either side holds at once. */
export const BLOCK = 1024 * 1024;
const PIECE = 64 * 1024;

/**
 * A file of any size that costs almost nothing to make and cannot be compressed: one 1 MiB block
 * of AES-CTR keystream from a seed repeated, with the number of each 64 KiB piece written at its
 * start, framed as a PDF (header, one stream object, trailer, %%EOF) so the upload's type check
 * accepts it. The same size and seed yield the same bytes in any process, so the bare HTTP server
 * serves exactly what the app does and the client can compare byte for byte.
 */
export class GeneratedFile {
  private readonly base: Buffer;
  private readonly head: Buffer;
  private readonly tail = Buffer.from(
    '\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n',
    'latin1',
  );
  private digest: string | undefined;

  constructor(
    readonly size: number,
    readonly seed: string = randomBytes(32).toString('hex'),
  ) {
    this.base = createCipheriv('aes-256-ctr', Buffer.from(seed, 'hex'), Buffer.alloc(16)).update(Buffer.alloc(BLOCK));
    const frame = (length: number) =>
      Buffer.from(`%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length ${length} >>\nstream\n`, 'latin1');
    const headLength = frame(size).length;
    this.head = frame(size - headLength - this.tail.length);
    if (size < BLOCK) throw new RangeError('a generated file is at least 1 MiB');
  }

  *blocks(): Generator<Buffer> {
    const tailAt = this.size - this.tail.length;
    for (let start = 0, index = 0; start < this.size; start += BLOCK, index++) {
      const block = Buffer.allocUnsafe(Math.min(BLOCK, this.size - start));
      this.base.copy(block, 0, 0, block.length);
      for (let at = 0; at + 4 <= block.length; at += PIECE)
        block.writeUInt32BE(index * (BLOCK / PIECE) + at / PIECE, at);
      if (start === 0) this.head.copy(block, 0);
      if (start + block.length > tailAt) {
        const from = Math.max(0, tailAt - start);
        this.tail.copy(block, from, from + start - tailAt);
      }
      yield block;
    }
  }

  /** The file's SHA-256 (hex), computed once, before anything is timed. */
  sha256(): string {
    if (!this.digest) {
      const hash = createHash('sha256');
      for (const block of this.blocks()) hash.update(block);
      this.digest = hash.digest('hex');
    }
    return this.digest;
  }

  /**
   * Checks received bytes against the file in order, chunk by chunk, as memcmp does (far cheaper
   * than hashing them, so the client takes less of the machine the server shares).
   */
  verifier(): { add(chunk: Buffer): void; matches(): boolean } {
    const blocks = this.blocks();
    let block: Buffer | undefined;
    let at = 0;
    let received = 0;
    let equal = true;
    return {
      add: (chunk) => {
        received += chunk.length;
        for (let from = 0; equal && from < chunk.length; ) {
          if (!block || at === block.length) {
            const next = blocks.next();
            if (next.done) {
              equal = false;
              return;
            }
            block = next.value;
            at = 0;
          }
          const n = Math.min(chunk.length - from, block.length - at);
          equal = chunk.compare(block, at, at + n, from, from + n) === 0;
          from += n;
          at += n;
        }
      },
      matches: () => equal && received === this.size,
    };
  }
}
