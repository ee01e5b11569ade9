import { createHash } from 'node:crypto';
import { type Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { drained } from '../exports/writers.js';

/** One file in the ZIP as the manifest lists it: its bytes before compression. */
export interface ManifestEntry {
  path: string;
  size: number;
  sha256: string;
}

/** Counts and hashes what passes through: an entry on its way into the ZIP, the ZIP on its way to the sealer. */
export class Tap extends Transform {
  readonly hash = createHash('sha256');
  size = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    this.hash.update(chunk);
    done(null, chunk);
  }
}

/** Writes text with backpressure: waits when the ZIP (and the store behind it) is slower than the reader. */
export async function writeText(out: Writable, text: string): Promise<void> {
  if (out.destroyed) return;
  out.write(text);
  await drained(out);
}

/**
 * A ZIP written with yazl one entry at a time, each entry streamed (memory stays flat), its size and
 * SHA-256 kept for the manifest. A failure behind the ZIP (`fail`) stops the entry being written.
 */
export class ExportZip {
  private readonly zip = new ZipFile();
  readonly entries: ManifestEntry[] = [];
  private current: Tap | null = null;
  private failure: Error | null = null;

  constructor(private readonly mtime: Date) {}

  get output(): Readable {
    return this.zip.outputStream as Readable;
  }

  /** Stops the entry being written and every later one: the store or the sealer failed. */
  fail(error: Error): void {
    this.failure ??= error;
    this.current?.destroy(error);
  }

  /** An entry filled by `fill`, which writes to the stream it is given and ends it. */
  async write(path: string, compress: boolean, fill: (out: Writable) => Promise<void>): Promise<void> {
    if (this.failure) throw this.failure;
    const tap = new Tap();
    this.current = tap;
    // Handed over lazily and then forgotten: yazl keeps every entry (for the central directory), and an
    // entry that held its stream would hold, through it, every byte that went through (memory grew
    // with the export's size).
    let handOver: Tap | null = tap;
    this.zip.addReadStreamLazy(path, { compress, mtime: this.mtime }, (give) => {
      const stream = handOver!;
      handOver = null;
      give(null, stream);
    });
    try {
      await fill(tap);
      if (!tap.writableEnded) tap.end();
      await finished(tap);
    } catch (error) {
      tap.destroy();
      throw this.failure ?? error;
    } finally {
      this.current = null;
    }
    if (this.failure) throw this.failure;
    this.entries.push({ path, size: tap.size, sha256: tap.hash.digest('hex') });
  }

  /** An entry copied from a stream (a document's opened bytes). */
  copy(path: string, source: Readable, compress = false): Promise<void> {
    return this.write(path, compress, (out) => pipeline(source, out));
  }

  text(path: string, content: string): Promise<void> {
    return this.write(path, true, async (out) => {
      await writeText(out, content);
      out.end();
    });
  }

  /** No more entries: the central directory is written and the output ends. */
  end(): void {
    this.zip.end();
  }
}

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;
const MAX_NAME = 120;

/**
 * A file or folder name that every unzip tool and file system takes: no separators, control, direction-changing or
 * reserved characters, no leading dots (nothing hidden, no `..`), no trailing dots or spaces, not a
 * Windows device name, at most 120 characters with the extension kept.
 */
export function safeName(name: string, fallback: string): string {
  let s = name
    .normalize('NFC')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu, '')
    .replace(/[/\\:*?"<>|]/g, '_')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (RESERVED.test(s)) s = `_${s}`;
  const chars = [...s];
  if (chars.length > MAX_NAME) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 10 ? s.slice(dot) : '';
    s =
      chars
        .slice(0, MAX_NAME - [...ext].length)
        .join('')
        .trimEnd() + ext;
  }
  return s || fallback;
}

/** Splits "report.final.pdf" into "report.final" and ".pdf". */
function splitExtension(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

/** Hands out paths that differ from every earlier one, ignoring case (as Windows and macOS do): "a.pdf", "a (2).pdf". */
export class PathPlanner {
  private readonly taken = new Set<string>();

  /** Keeps a path (a folder's name) from being handed out. */
  take(path: string): void {
    this.taken.add(path.toLowerCase());
  }

  unique(folder: string, name: string): string {
    const [stem, ext] = splitExtension(name);
    for (let n = 1; ; n++) {
      const candidate = `${folder}/${n === 1 ? name : `${stem} (${n})${ext}`}`;
      const key = candidate.toLowerCase();
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return candidate;
      }
    }
  }
}
