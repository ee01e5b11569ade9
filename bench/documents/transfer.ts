import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type { GeneratedFile } from './generated.js';

export interface Transfer {
  status: number;
  seconds: number;
  bytes: number;
  /** Download: whether the bytes received are the file's, byte for byte. */
  matches: boolean;
  /** The response body of an upload (JSON), or of a failed download. */
  body: string;
}

function collect(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    res.on('data', (c: Buffer) => parts.push(c));
    res.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    res.on('error', reject);
  });
}

/**
 * POSTs the generated file as the multipart part `file`, written block by block as the socket
 * drains (never more than a block in hand), with its Content-Length. The caller compares the
 * server's recorded SHA-256 with the file's (GeneratedFile.sha256, computed before the timing).
 * An answer before the last byte (413, 4xx) stops the writing and is returned as it is.
 */
export async function upload(url: string, headers: http.OutgoingHttpHeaders, file: GeneratedFile): Promise<Transfer> {
  const boundary = `deedbox-bench-${randomBytes(16).toString('hex')}`;
  const before = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.pdf"\r\n` +
      'Content-Type: application/pdf\r\n\r\n',
  );
  const after = Buffer.from(`\r\n--${boundary}--\r\n`);
  const start = process.hrtime.bigint();
  const req = http.request(url, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': before.length + file.size + after.length,
    },
  });
  let answered = false;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      answered = true;
      collect(res).then((body) => resolve({ status: res.statusCode ?? 0, body }), reject);
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
  });
  let sent = 0;
  req.write(before);
  for (const block of file.blocks()) {
    if (answered) break;
    sent += block.length;
    if (!req.write(block)) await Promise.race([once(req, 'drain'), response]);
  }
  if (answered) req.destroy();
  else req.end(after);
  const { status, body } = await response;
  return {
    status,
    body,
    bytes: sent,
    matches: sent === file.size,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
  };
}

/** GETs url, comparing the body with `file` byte for byte without keeping it. */
export function download(url: string, headers: http.OutgoingHttpHeaders, file: GeneratedFile): Promise<Transfer> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    http
      .get(url, { headers }, (res) => {
        const verifier = file.verifier();
        let bytes = 0;
        let body = '';
        res.on('data', (c: Buffer) => {
          bytes += c.length;
          verifier.add(c);
          if (res.statusCode !== 200 && body.length < 4096) body += c.toString('utf8');
        });
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body,
            bytes,
            matches: res.statusCode === 200 && verifier.matches(),
            seconds: Number(process.hrtime.bigint() - start) / 1e9,
          }),
        );
      })
      .on('error', reject);
  });
}
