import { finished, type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Runs a driver's upload on a counted copy of body. Every way the input can stop short (an
 * error, or a close before its end) reaches the upload as an error, so no driver mistakes a
 * cut-off input for a whole one; when the input broke first, its error is the one reported.
 */
export async function guardedPut(
  body: Readable,
  upload: (stream: Readable) => Promise<unknown>,
): Promise<{ size: number }> {
  let inputError: unknown = null;
  finished(body, (error) => {
    if (error) inputError ??= error;
  });
  let size = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(null, chunk);
    },
  });
  const flowing = pipeline(body, counted);
  flowing.catch(() => {});
  try {
    await upload(counted);
    await flowing;
    return { size };
  } catch (error) {
    const cause = inputError ?? error;
    counted.destroy();
    body.destroy();
    throw cause;
  }
}
