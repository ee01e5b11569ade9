import {
  assertChunkSize,
  assertKey,
  ChunkCipher,
  HEADER_LENGTH,
  IntegrityError,
  openRecord,
  parseHeader,
  TAG_LENGTH,
} from './seal-format.js';

/** Where plaintext bytes [from, to] (inclusive) live in a sealed blob: whole records to fetch, then bytes to keep. */
export interface SealedRange {
  firstChunk: number;
  lastChunk: number;
  /** Sealed byte offsets of the records to fetch, end exclusive (the header is fetched apart). */
  start: number;
  end: number;
  /** Plaintext bytes to drop from the first opened chunk, then bytes to keep. */
  skip: number;
  length: number;
}

/** The plaintext length of a sealed blob of this size, or IntegrityError when no blob has this size. */
export function plaintextLength(sealedLength: number, chunkSize: number): number {
  assertChunkSize(chunkSize);
  const body = sealedLength - HEADER_LENGTH;
  const record = chunkSize + TAG_LENGTH;
  const records = Math.max(1, Math.ceil(body / record));
  const lastRecord = body - (records - 1) * record;
  if (body < TAG_LENGTH || lastRecord < TAG_LENGTH) {
    throw new IntegrityError('truncated', `truncated: a sealed blob cannot be ${sealedLength} bytes long`);
  }
  return body - records * TAG_LENGTH;
}

export function sealedRange(chunkSize: number, plainLength: number, from: number, to: number): SealedRange {
  assertChunkSize(chunkSize);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from || to >= plainLength) {
    throw new RangeError(`range ${from}-${to} is not within 0-${plainLength - 1}`);
  }
  const record = chunkSize + TAG_LENGTH;
  const firstChunk = Math.floor(from / chunkSize);
  const lastChunk = Math.floor(to / chunkSize);
  const lastPlain = Math.min(chunkSize, plainLength - lastChunk * chunkSize);
  return {
    firstChunk,
    lastChunk,
    start: HEADER_LENGTH + firstChunk * record,
    end: HEADER_LENGTH + lastChunk * record + lastPlain + TAG_LENGTH,
    skip: from - firstChunk * chunkSize,
    length: to - from + 1,
  };
}

/** Opens one record of a blob on its own (range reads); final is true only for the blob's last chunk. */
export function openChunkAt(
  key: Buffer,
  context: string,
  header: Buffer,
  index: number,
  final: boolean,
  record: Buffer,
): Buffer {
  assertKey(key);
  if (header.length !== HEADER_LENGTH) throw new IntegrityError('header', 'bad header: wrong length');
  const { chunkSize } = parseHeader(header);
  if (record.length < TAG_LENGTH || record.length > chunkSize + TAG_LENGTH) {
    throw new IntegrityError('truncated', `truncated: chunk ${index} is incomplete`, index);
  }
  return openRecord(new ChunkCipher(key, header, context), record, index, final);
}

/** Where each record of a blob with this plaintext length lies, and whether it is the final one. */
export class RecordLayout {
  readonly lastIndex: number;

  constructor(
    readonly chunkSize: number,
    readonly plainLength: number,
  ) {
    this.lastIndex = Math.max(0, Math.ceil(plainLength / chunkSize) - 1);
  }

  /** Sealed offset where record `index` starts. */
  start(index: number): number {
    return HEADER_LENGTH + index * (this.chunkSize + TAG_LENGTH);
  }

  length(index: number): number {
    const plain = index < this.lastIndex ? this.chunkSize : this.plainLength - index * this.chunkSize;
    return plain + TAG_LENGTH;
  }
}

/**
 * Opens records first..last as their sealed bytes arrive (`sealed` starts at record `first`),
 * yielding each chunk's plaintext only after its tag verified with its index and final flag.
 * Holds at most one record and one piece of input; a source that ends early is truncation.
 */
export async function* openRecords(
  sealed: AsyncIterable<Buffer>,
  cipher: ChunkCipher,
  layout: RecordLayout,
  first: number,
  last: number,
): AsyncGenerator<{ index: number; plain: Buffer }> {
  let parts: Buffer[] = [];
  let held = 0;
  let index = first;
  for await (const piece of sealed) {
    parts.push(piece);
    held += piece.length;
    while (index <= last && held >= layout.length(index)) {
      const need = layout.length(index);
      const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
      parts = [all.subarray(need)];
      held -= need;
      yield { index, plain: openRecord(cipher, all.subarray(0, need), index, index === layout.lastIndex) };
      index += 1;
    }
    if (index > last) return;
  }
  if (index <= last)
    throw new IntegrityError('truncated', `truncated: the stored blob ends inside chunk ${index}`, index);
}
