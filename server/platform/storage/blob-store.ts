import type { Readable } from 'node:stream';

/**
 * Where sealed bytes live. Every driver (local disk, Azure Blob Storage, S3-compatible) keeps
 * this one contract; only ciphertext ever reaches it, and names are ours, never user input.
 */
export interface BlobStore {
  readonly kind: 'local' | 'azure' | 's3';
  /**
   * Stores the whole stream under name. Resolves once the bytes are durable; if the stream or
   * the store fails, it rejects and nothing is left under name (no partial blob is ever readable).
   */
  put(name: string, body: Readable): Promise<{ size: number }>;
  /** Streams the blob, or the bytes start..end (inclusive). Rejects with BlobNotFoundError. */
  get(name: string, range?: { start: number; end: number }): Promise<Readable>;
  /** The stored size in bytes, or null when there is no such blob. */
  size(name: string): Promise<number | null>;
  /** Removes the blob; removing one that is not there is not an error. */
  delete(name: string): Promise<void>;
  /** Every name under the prefix, in no particular order. */
  list(prefix: string): AsyncIterable<string>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(readonly blobName: string) {
    super(`No stored blob named ${blobName}`);
  }
}

/** Blob names are built from ids: lower-case letters, digits, '-' and '/' between parts. */
const NAME = /^[a-z0-9]+(?:[-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[-][a-z0-9]+)*)*$/;

export function assertBlobName(name: string): void {
  if (name.length > 200 || !NAME.test(name)) throw new Error(`Invalid blob name: ${JSON.stringify(name)}`);
}

/**
 * The name prefix list(prefix) covers, the same for every driver: whole name parts, so 'a/b'
 * lists 'a/b/…' and never 'a/bc'; '' lists everything.
 */
export function listPrefix(prefix: string): string {
  const base = prefix.replace(/\/+$/, '');
  if (!base) return '';
  assertBlobName(base);
  return `${base}/`;
}
