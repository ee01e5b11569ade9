import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

/**
 * Twilio's Messages API at its HTTP boundary, on loopback: the request shape Twilio documents
 * (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, HTTP Basic with the account SID and auth
 * token, form-encoded `To`, `Body` and `From` or `MessagingServiceSid`) and its answers: 201 with
 * the message resource, or an error body `{ code, message, more_info, status }`.
 */
export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  /** Messages accepted, oldest first. */
  messages: { sid: string; to: string; body: string; from: string | null; messagingServiceSid: string | null }[];
  /** The next request is answered with this status and Twilio error code instead. */
  failNext(status: number, code: number, message: string): void;
  close(): Promise<void>;
}

/** `port` and credentials fixed for the browser tests' standalone instance; random otherwise. */
export async function startFakeTwilio(
  options: { port?: number; accountSid?: string; authToken?: string } = {},
): Promise<FakeTwilio> {
  const accountSid = options.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = options.authToken ?? randomBytes(16).toString('hex');
  const messages: FakeTwilio['messages'] = [];
  let failure: { status: number; code: number; message: string } | null = null;

  const answer = (status: number, body: unknown) => ({ status, body: JSON.stringify(body) });
  const error = (status: number, code: number, message: string) =>
    answer(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

  async function handle(req: IncomingMessage) {
    // Not Twilio's: how the browser tests read what was sent.
    if (req.method === 'GET' && req.url === '/health') return answer(200, { ok: true });
    if (req.method === 'GET' && req.url === '/messages') return answer(200, messages);
    if (req.method !== 'POST' || req.url !== `/2010-04-01/Accounts/${accountSid}/Messages.json`) {
      return error(404, 20404, 'The requested resource was not found');
    }
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return error(401, 20003, 'Authenticate');
    if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
      return error(400, 20001, 'Unsupported content type');
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    if (failure) {
      const f = failure;
      failure = null;
      return error(f.status, f.code, f.message);
    }
    const to = form.get('To');
    const body = form.get('Body');
    const from = form.get('From');
    const messagingServiceSid = form.get('MessagingServiceSid');
    if (!to) return error(400, 21604, "A 'To' phone number is required.");
    if (!body) return error(400, 21602, 'Message body is required.');
    if (!from && !messagingServiceSid) return error(400, 21603, "A 'From' phone number is required.");
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return error(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    const sid = `SM${randomBytes(16).toString('hex')}`;
    messages.push({ sid, to, body, from, messagingServiceSid });
    const now = new Date().toUTCString();
    return answer(201, {
      account_sid: accountSid,
      api_version: '2010-04-01',
      body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: 'outbound-api',
      error_code: null,
      error_message: null,
      from,
      messaging_service_sid: messagingServiceSid,
      num_media: '0',
      num_segments: '1',
      price: null,
      price_unit: 'USD',
      sid,
      status: 'queued',
      to,
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
    });
  }

  const server: Server = createServer((req, res) => {
    handle(req).then(
      ({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    messages,
    failNext(status, code, message) {
      failure = { status, code, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The environment that points a Deedbox at this fake (sending from a phone number). */
export function twilioEnv(twilio: Pick<FakeTwilio, 'url' | 'accountSid' | 'authToken'>): Record<string, string> {
  return {
    SMS_PROVIDER: 'twilio',
    TWILIO_API_URL: twilio.url,
    TWILIO_ACCOUNT_SID: twilio.accountSid,
    TWILIO_AUTH_TOKEN: twilio.authToken,
    TWILIO_FROM: '+4930901820',
  };
}

// Standalone for browser tests: on FAKE_TWILIO_PORT with the account of FAKE_TWILIO_SID / FAKE_TWILIO_TOKEN.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await startFakeTwilio({
    port: Number(process.env.FAKE_TWILIO_PORT ?? 2527),
    accountSid: process.env.FAKE_TWILIO_SID!,
    authToken: process.env.FAKE_TWILIO_TOKEN!,
  });
}
