import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { type RunningServer, startServer } from './server.js';
import { PASSWORD, uniqueEmail } from './test/api.js';
import { TEST_DATABASE_ENV } from './test/harness.js';
import { linkIn, SmtpSink } from './test/smtp-sink.js';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let dir: string;
let cert: Buffer;
let sink: SmtpSink;
let sinkPort: number;
let server: RunningServer;
let port: number;
let redirectPort: number;

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function env(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    TLS_CERT_FILE: path.join(dir, 'cert.pem'),
    TLS_KEY_FILE: path.join(dir, 'key.pem'),
    SMTP_URL: `smtp://127.0.0.1:${sinkPort}`,
    SCRYPT_LOG_N: '12',
    LOG_LEVEL: 'warn',
    // The database is shared with other test files: no background worker acting on their orgs.
    WORKER: 'false',
    ...TEST_DATABASE_ENV,
    ...extra,
  };
}

const quiet = () =>
  new Writable({
    write(_chunk, _enc, done) {
      done();
    },
  });

function request(
  client: typeof http | typeof https,
  url: string,
  opts: https.RequestOptions,
  body?: unknown,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = client.request(
      url,
      { agent: false, ...opts, ...(payload ? { headers: { 'content-type': 'application/json' } } : {}) },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const secure = (): https.RequestOptions => ({ ca: cert, servername: 'localhost' });

/** 'connected', or the error code of a refused connection. */
function connectOutcome(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Resolves with the negotiated protocol, or rejects with the handshake error. */
function handshake(options: tls.ConnectionOptions): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', ca: cert, ...options });
    socket.once('secureConnect', () => {
      resolve(socket.getProtocol());
      socket.end();
    });
    socket.once('error', reject);
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'deedbox-tls-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1'].concat(
      ['-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'],
      ['-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
    ),
    { stdio: 'ignore' },
  );
  cert = readFileSync(path.join(dir, 'cert.pem'));
  sink = new SmtpSink();
  sinkPort = await sink.start();
  redirectPort = await freePort();
  server = await startServer(loadConfig(env({ PORT: '0', HTTP_REDIRECT_PORT: String(redirectPort) })), {
    logStream: quiet(),
  });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.stop();
  await sink?.stop();
});

describe('the server over TLS', () => {
  it('listens on HTTPS at the port it reports', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(port).toBeGreaterThan(0);
  });

  it('negotiates TLS 1.2 or 1.3', async () => {
    expect(['TLSv1.2', 'TLSv1.3']).toContain(await handshake({}));
    expect(await handshake({ maxVersion: 'TLSv1.2' })).toBe('TLSv1.2');
  });

  it('refuses a client that offers at most TLS 1.1', async () => {
    // SECLEVEL=0 lets OpenSSL 3 offer TLS 1.1 at all, so the refusal comes from the server.
    const legacy = handshake({ minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' });
    await expect(legacy).rejects.toMatchObject({ code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' });
  });

  it('sends HSTS', async () => {
    const res = await request(https, `${server.url}/healthz`, secure());
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('says so on the trust page: TLS by the app, its minimum version, HSTS as sent', async () => {
    const res = await request(https, `${server.url}/api/v1/trust`, secure());
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).tls).toEqual({
      terminatedBy: 'app',
      minVersion: 'TLS 1.2',
      hsts: { enabled: true, maxAgeSeconds: 31_536_000, includeSubDomains: true },
    });
  });

  it('sets a __Host- session cookie that is Secure and HttpOnly', async () => {
    const body = { name: 'Tia Tls', email: uniqueEmail('tls'), password: PASSWORD, companyName: 'Secure GmbH' };
    const asked = await request(https, `${server.url}/api/v1/auth/sign-up`, { ...secure(), method: 'POST' }, body);
    expect(asked.status).toBe(202);
    const mail = await sink.waitFor((m) => m.to.includes(body.email) && m.text.includes('/confirm-sign-up?token='));
    const token = new URL(linkIn(mail)).searchParams.get('token');
    const confirm = `${server.url}/api/v1/auth/sign-up/confirm`;
    const res = await request(https, confirm, { ...secure(), method: 'POST' }, { token });
    expect(res.status).toBe(201);
    const cookies = res.headers['set-cookie'] ?? [];
    const session = cookies.find((c) => c.startsWith('__Host-dbx_session='));
    expect(session).toBeDefined();
    const attributes = session!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'path=/']));
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    expect(cookies.find((c) => c.startsWith('dbx_csrf='))).toMatch(/; Secure/);
  });

  it('redirects plain HTTP to the HTTPS port with 301', async () => {
    const res = await request(http, `http://127.0.0.1:${redirectPort}/api/v1/meta?x=1`, {});
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe(`https://127.0.0.1:${port}/api/v1/meta?x=1`);
  });

  it('fails to start, and frees the HTTPS port, when the redirect port is taken', async () => {
    const httpsPort = await freePort();
    const config = loadConfig(env({ PORT: String(httpsPort), HTTP_REDIRECT_PORT: String(redirectPort) }));
    await expect(startServer(config, { logStream: quiet() })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await connectOutcome(httpsPort)).toBe('ECONNREFUSED');
  }, 60_000);
});
