import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/**
 * The floor of the export: the documents' plaintext read from files and zipped with yazl, stored
 * (not deflated, as the export stores documents), one entry streamed after the other, into a file
 * fsynced once. No database, keys, sealing, hashing or records.
 */
export async function rawZip(files: string[], out: string): Promise<{ size: number }> {
  const zip = new ZipFile();
  const mtime = new Date();
  const written = pipeline(
    zip.outputStream,
    createWriteStream(out, { flags: 'wx', mode: 0o600, highWaterMark: 1 << 20 }),
  );
  for (const file of files) {
    // Lazy: each file is opened when its turn comes, as the export opens one document after the other.
    zip.addReadStreamLazy(`documents/${path.basename(file)}`, { compress: false, mtime }, (done) =>
      done(null, createReadStream(file, { highWaterMark: 1 << 20 })),
    );
  }
  zip.end();
  await written;
  const handle = await open(out, 'r');
  try {
    await handle.sync();
    return { size: (await handle.stat()).size };
  } finally {
    await handle.close();
  }
}
