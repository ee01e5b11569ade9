import { randomBytes } from 'node:crypto';

/** The generator's unit, and the largest buffer either side holds at once. */
export const BLOCK = 1024 * 1024;
const PIECE = 64 * 1024;

/**
 * A file of any size that costs almost nothing to make and cannot be compressed: one random 1 MiB
 * block repeated, with the number of each 64 KiB piece written at its start, framed as a PDF
 * (header, one stream object, trailer, %%EOF) so the upload's type check accepts it. The same
 * object yields the same bytes every time, so both sides can hash them.
 */
export class GeneratedFile {
  private readonly base = randomBytes(BLOCK);
  private readonly head: Buffer;
  private readonly tail = Buffer.from(
    '\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n',
    'latin1',
  );

  constructor(readonly size: number) {
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
}
