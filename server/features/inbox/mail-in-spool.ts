import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export type SpoolResult = 'complete' | 'too-large';

/** The sender went away (or the stream broke) before the message was complete. */
export class SpoolAbortedError extends Error {
  constructor(cause?: unknown) {
    super('message stream ended before the message was complete', { cause });
    this.name = 'SpoolAbortedError';
  }
}

/**
 * Copies a message stream to a new file (mode 0600) while counting its bytes. The moment the
 * count passes `maxBytes` it stops writing, closes the file and lets the rest of the stream
 * drain unread; the caller deletes the file. Listeners are attached before this returns, so a
 * stream that is destroyed right away still settles the promise. Never holds more than the
 * stream's own buffers in memory.
 */
export function spoolMessage(stream: Readable, file: string, maxBytes: number): Promise<SpoolResult> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
    let bytes = 0;
    let settled = false;
    let ended = false;

    // The file is closed before the promise settles, so nothing writes to it after the caller deletes it.
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      stream.off('data', onData);
      if (out.closed) outcome();
      else out.once('close', outcome);
    };
    const fail = (error?: unknown) => {
      if (settled) return;
      out.destroy();
      settle(() => reject(new SpoolAbortedError(error)));
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        out.destroy();
        settle(() => resolve('too-large'));
        // Nothing reads on: the rest of the message is discarded as it arrives.
        stream.resume();
        return;
      }
      if (!out.write(chunk)) {
        stream.pause();
        out.once('drain', () => stream.resume());
      }
    };

    stream.on('data', onData);
    stream.once('end', () => {
      ended = true;
      if (settled) return;
      out.end();
      settle(() => (out.errored ? reject(new SpoolAbortedError(out.errored)) : resolve('complete')));
    });
    stream.on('error', fail);
    stream.once('close', () => {
      if (!ended) fail();
    });
    out.on('error', (error) => {
      if (settled) return;
      // A full disk or a vanished directory: stop reading into it, let the sender's data drain.
      stream.off('data', onData);
      stream.resume();
      fail(error);
    });
  });
}
