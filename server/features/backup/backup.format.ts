import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, pipeline, type Readable, Transform, type Writable } from 'node:stream';
import type { Keyring, VersionedKey } from '../../platform/crypto/keyring.js';
import { IntegrityError, openStream, sealStream } from '../../platform/crypto/seal.js';

/**
 * One backup file (docs/operations.md, "Backups"):
 *   "DEEDBOX-BACKUP 1\n" | header JSON line (kind, key version, created at, deployment) — plaintext
 *   the rest: the sealing format of platform/crypto (chunked AES-256-GCM) under a key derived from
 *   the BACKUP_KEYS version named in the header, with the whole plaintext header as the context, so
 *   an altered header, a reordered, cut or altered chunk and a wrong key are all refused.
 * Inside the seal, entries: type u8 | name length u16 BE | name | frames (u32 BE length | bytes),
 * ended by a zero-length frame; the last entry is 'Z' (end). Data backups: 'D' (the database dump),
 * 'B' per blob (as stored), then 'M' (the manifest, JSON); key snapshots: 'K' (the key rows, JSON).
 */
export const BACKUP_MAGIC = 'DEEDBOX-BACKUP 1\n';
const MAX_HEADER = 4096;
const FRAME = 256 * 1024;
const DERIVE_PURPOSE = 'backup';

export type BackupKind = 'data' | 'keys';
export type EntryType = 'D' | 'B' | 'M' | 'K' | 'Z';
const ENTRY_TYPES = new Set<string>(['D', 'B', 'M', 'K', 'Z']);

export interface BackupHeader {
  kind: BackupKind;
  keyVersion: number;
  createdAt: string;
  deployment: string;
}

/** A backup that cannot be used: not a backup, a wrong or missing key, altered, cut short. One line, no key material. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

function headerText(header: BackupHeader): string {
  return `${BACKUP_MAGIC}${JSON.stringify(header)}\n`;
}

const sealContext = (text: string) => `deedbox/backup/v1\n${text}`;

function backupKey(keys: Keyring | null, version: number): VersionedKey {
  if (!keys) throw new BackupError('BACKUP_KEYS is not set: backups are sealed with it (see docs/operations.md)');
  if (!keys.versions.includes(version)) {
    throw new BackupError(`the backup is sealed under BACKUP_KEYS version ${version}, which is not configured`);
  }
  return keys.deriveKey(DERIVE_PURPOSE, version);
}

/** Reads and checks the plaintext header; the seal authenticates it later (it is the seal's context). */
export async function readHeader(file: string): Promise<{ header: BackupHeader; text: string }> {
  let head: Buffer;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(MAX_HEADER);
      const { bytesRead } = await handle.read(buffer, 0, MAX_HEADER, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new BackupError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (!head.subarray(0, BACKUP_MAGIC.length).equals(Buffer.from(BACKUP_MAGIC))) {
    throw new BackupError(`${file} is not a Deedbox backup (no DEEDBOX-BACKUP header)`);
  }
  const end = head.indexOf(0x0a, BACKUP_MAGIC.length);
  if (end < 0) throw new BackupError(`${file}: the backup header is cut short or too long`);
  const text = head.subarray(0, end + 1).toString('utf8');
  let parsed: Partial<BackupHeader>;
  try {
    parsed = JSON.parse(text.slice(BACKUP_MAGIC.length)) as Partial<BackupHeader>;
  } catch {
    throw new BackupError(`${file}: the backup header is not valid JSON`);
  }
  if (
    (parsed.kind !== 'data' && parsed.kind !== 'keys') ||
    !Number.isInteger(parsed.keyVersion) ||
    typeof parsed.createdAt !== 'string' ||
    typeof parsed.deployment !== 'string'
  ) {
    throw new BackupError(`${file}: the backup header lacks kind, keyVersion, createdAt or deployment`);
  }
  return { header: parsed as BackupHeader, text };
}

/** What a reader of the sealed body says when the seal refuses: one line naming what failed. */
export function integrityMessage(error: IntegrityError, header: BackupHeader): string {
  switch (error.check) {
    case 'truncated':
      return `the backup is truncated (${error.message})`;
    case 'trailing':
      return `the backup has data after its end (${error.message})`;
    case 'tag':
      return error.chunk === 0
        ? `the backup does not open with BACKUP_KEYS version ${header.keyVersion}: a wrong key, or the header or first chunk was altered`
        : `the backup is corrupted: ${error.message}`;
    default:
      return `the backup is corrupted: ${error.message}`;
  }
}

/** Counts bytes and hashes them on the way through. */
export class Digest extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void) {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }
}

/** Writes entries into a new sealed backup; `output` is the whole file's bytes (header, then the seal). */
export class BackupWriter {
  readonly output: PassThrough;
  private readonly sealer: Transform;

  constructor(keys: Keyring | null, header: Omit<BackupHeader, 'keyVersion'>) {
    if (!keys) backupKey(keys, 0);
    const keyVersion = keys!.activeVersion;
    const text = headerText({ ...header, keyVersion });
    this.sealer = sealStream(backupKey(keys, keyVersion).key, sealContext(text));
    this.output = new PassThrough();
    this.output.write(text);
    this.sealer.on('error', (error) => this.output.destroy(error));
    this.sealer.pipe(this.output);
  }

  private failure: Error | null = null;

  private async write(data: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.sealer.write(data)) await once(this.sealer, 'drain');
    if (this.failure) throw this.failure;
  }

  /** One entry with its body streamed in frames; returns its size and SHA-256. */
  async entry(
    type: EntryType,
    name: string,
    body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  ): Promise<{ size: number; sha256: string }> {
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(3);
    head.write(type, 0, 'ascii');
    head.writeUInt16BE(nameBytes.length, 1);
    await this.write(Buffer.concat([head, nameBytes]));
    const hash = createHash('sha256');
    let size = 0;
    for await (const piece of body) {
      const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
      for (let at = 0; at < chunk.length; at += FRAME) {
        const part = chunk.subarray(at, at + FRAME);
        const length = Buffer.alloc(4);
        length.writeUInt32BE(part.length, 0);
        hash.update(part);
        size += part.length;
        await this.write(Buffer.concat([length, part]));
      }
    }
    await this.write(Buffer.alloc(4));
    return { size, sha256: hash.digest('hex') };
  }

  /** Ends the backup (the 'Z' entry and the seal's final chunk). */
  async finish(): Promise<void> {
    await this.entry('Z', '', []);
    this.sealer.end();
  }

  /** Stops writing: the output fails, so nothing incomplete is kept. */
  abort(error: Error): void {
    this.failure ??= error;
    // A writer waiting for 'drain' hears of it through the 'error' the sealer emits.
    this.sealer.destroy(error);
    this.output.destroy(error);
  }
}

/** Reads exact byte counts from the opened (authenticated) plaintext. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;

  constructor(private readonly source: AsyncIterator<Buffer>) {}

  async exactly(n: number): Promise<Buffer | null> {
    while (this.length < n) {
      const next = await this.source.next();
      if (next.done) {
        if (this.length === 0) return null;
        throw new BackupError('the backup is malformed: an entry is cut short inside its seal');
      }
      this.buffered.push(next.value);
      this.length += next.value.length;
    }
    const all = this.buffered.length === 1 ? this.buffered[0]! : Buffer.concat(this.buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.length = rest.length;
    return out;
  }
}

export interface Entry {
  type: EntryType;
  name: string;
  /** The entry's bytes; read it to the end (or not at all: the reader skips what is left). */
  body: AsyncIterable<Buffer>;
}

/**
 * The entries of a backup file, each chunk authenticated before its bytes are handed out.
 * Throws BackupError with one line saying what is wrong (wrong key, truncated, altered).
 */
export async function* readEntries(
  file: string,
  keys: Keyring | null,
  expected: BackupKind,
): AsyncGenerator<Entry, void, undefined> {
  const { header, text } = await readHeader(file);
  if (header.kind !== expected) {
    throw new BackupError(
      `${file} is a ${header.kind === 'keys' ? 'key-store snapshot' : 'data backup'}, not a ${expected === 'keys' ? 'key-store snapshot' : 'data backup'}`,
    );
  }
  const key = backupKey(keys, header.keyVersion);
  const opener = openStream(key.key, sealContext(text));
  const source = createReadStream(file, { start: Buffer.byteLength(text), highWaterMark: FRAME });
  pipeline(source, opener, () => {});
  const reader = new ByteReader(opener[Symbol.asyncIterator]() as AsyncIterator<Buffer>);
  try {
    let ended = false;
    for (;;) {
      const head = await reader.exactly(3);
      if (head === null) break;
      if (ended) throw new BackupError('the backup is malformed: entries after its end');
      const type = head.toString('ascii', 0, 1);
      if (!ENTRY_TYPES.has(type))
        throw new BackupError(`the backup is malformed: unknown entry type ${JSON.stringify(type)}`);
      const nameBytes = await reader.exactly(head.readUInt16BE(1));
      const name = (nameBytes ?? Buffer.alloc(0)).toString('utf8');
      let done = false;
      const body = (async function* () {
        try {
          for (;;) {
            const length = (await reader.exactly(4))?.readUInt32BE(0);
            if (length === undefined) throw new BackupError('the backup is malformed: an entry is cut short');
            if (length === 0) break;
            const part = await reader.exactly(length);
            if (!part) throw new BackupError('the backup is malformed: an entry is cut short');
            yield part;
          }
        } catch (error) {
          // The entry's reader runs outside this generator's try: the seal's refusal is translated here too.
          throw error instanceof IntegrityError ? new BackupError(integrityMessage(error, header)) : error;
        }
        done = true;
      })();
      yield { type: type as EntryType, name, body };
      if (!done) for await (const _ of body);
      if (type === 'Z') ended = true;
    }
    if (!ended) throw new BackupError('the backup is malformed: it has no end entry');
  } catch (error) {
    if (error instanceof IntegrityError) throw new BackupError(integrityMessage(error, header));
    throw error;
  } finally {
    source.destroy();
    opener.destroy();
  }
}

/** The whole body of an entry as one buffer (manifests, key rows: small). */
export async function readAll(body: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

/** Writes `output` to `sink` (a file stream or a blob upload) and hashes the bytes written. */
export function tap(output: Readable): { stream: Readable; digest: Digest } {
  const digest = new Digest();
  pipeline(output, digest, () => {});
  return { stream: digest, digest };
}

export type { Writable };
