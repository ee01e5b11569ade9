import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Config } from '../../config.js';
import { resolveTarget } from './webhooks.url.js';

const SECRET_PREFIX = 'whsec_';

/** A new signing secret as Standard Webhooks writes it: `whsec_` and base64 of 24 random bytes. */
export const newSecret = () => `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;

/** `v1,` and base64 of HMAC-SHA256 over `id.timestamp.body`, keyed with the secret's bytes. */
export function sign(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The Standard Webhooks headers; during a rotation's overlap the signature header holds both, space-separated. */
export function webhookHeaders(secrets: string[], id: string, at: Date, body: string): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Deedbox-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((s) => sign(s, id, timestamp, body)).join(' '),
  };
}

export interface PostResult {
  /** The answer's status code; null when none came (timeout, refused, DNS, a refused address). */
  statusCode: number | null;
  ok: boolean;
  durationMs: number;
  error: string | null;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * POSTs one signed delivery. Only 2xx counts as delivered; a redirect is not followed (it is a
 * failure, its Location ignored), and the request goes to the address checked after resolving.
 */
export async function postWebhook(
  config: Pick<Config, 'webhooks'>,
  req: { url: string; headers: Record<string, string>; body: string },
  clock: () => number = performance.now.bind(performance),
): Promise<PostResult> {
  const started = clock();
  const elapsed = () => Math.max(0, Math.round(clock() - started));
  let target: Awaited<ReturnType<typeof resolveTarget>>;
  try {
    target = await resolveTarget(config.webhooks, req.url);
  } catch (error) {
    return { statusCode: null, ok: false, durationMs: elapsed(), error: describe(error) };
  }
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const client = target.url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const done = (result: Omit<PostResult, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = client.request(
      target.url,
      {
        method: 'POST',
        headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
        lookup: pinned,
        agent: false,
      },
      (res) => {
        const code = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => {
          const ok = code >= 200 && code < 300;
          const error = ok ? null : code >= 300 && code < 400 ? `redirect ${code} not followed` : `HTTP ${code}`;
          done({ statusCode: code, ok, error });
        });
        res.on('error', (error) => done({ statusCode: code, ok: false, error: describe(error) }));
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${config.webhooks.timeoutMs} ms`));
    }, config.webhooks.timeoutMs);
    request.on('error', (error) => done({ statusCode: null, ok: false, error: describe(error) }));
    request.end(req.body);
  });
}
