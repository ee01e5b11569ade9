import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, watch } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxAddress, inboxLocalPart } from './inbox-address-format.js';
import { type MailIn, type MailInMessage, type MailInOptions, startMailIn } from './mail-in.js';

const DOMAIN = 'in.deedbox.test';
const INBOXES: Record<string, string> = { k7q2a: 'org-a', 'k7q2a-2': 'org-a', m3x9b: 'org-b' };
const A = inboxAddress('k7q2a', DOMAIN);
const A2 = inboxAddress('k7q2a-2', DOMAIN);
const B = inboxAddress('m3x9b', DOMAIN);
const LIMIT = 64 * 1024;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(20_000)]);
const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(2_000)]);

interface Delivered extends Omit<MailInMessage, 'attachments'> {
  attachments: { fileName: string; contentType: string; size: number; sha256: string; mode: number; file: string }[];
}

interface LogEntry {
  level: 'info' | 'warn';
  msg: string;
  obj: Record<string, unknown>;
}

/** The log as a list, and a promise for the first entry that matches, now or later. */
function recorder() {
  const entries: LogEntry[] = [];
  const waiters: { match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }[] = [];
  const push = (level: LogEntry['level']) => (obj: object, msg: string) => {
    const entry = { level, msg, obj: obj as Record<string, unknown> };
    entries.push(entry);
    for (const waiter of waiters.filter((w) => w.match(entry))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(entry);
    }
  };
  return {
    entries,
    log: { info: push('info'), warn: push('warn') },
    waitFor(match: (e: LogEntry) => boolean): Promise<LogEntry> {
      const found = entries.find(match);
      return found ? Promise.resolve(found) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

let running: MailIn[] = [];
afterEach(async () => {
  await Promise.all(running.map((listener) => listener.close()));
  running = [];
});

async function listen(overrides: Partial<MailInOptions> = {}) {
  const delivered: Delivered[] = [];
  const logs = recorder();
  const listener = await startMailIn({
    host: '127.0.0.1',
    port: 0,
    maxMessageBytes: LIMIT,
    resolveRecipient: async (address) => INBOXES[inboxLocalPart(address, DOMAIN) ?? ''] ?? null,
    async deliver(message) {
      const attachments = message.attachments.map((a) => ({
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        sha256: sha256(readFileSync(a.file)),
        mode: statSync(a.file).mode & 0o777,
        file: a.file,
      }));
      delivered.push({ ...message, attachments });
    },
    rateLimit: { perIpPerMinute: 100, perInboxPerHour: 100 },
    log: logs.log,
    ...overrides,
  });
  running.push(listener);
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });
  const spooled = () => readdirSync(listener.spoolDir);
  return { listener, delivered, logs, transport, spooled };
}

const withPdf = (to: string | string[]) => ({
  from: 'Ada <ada@sender.test>',
  to,
  subject: 'Lease renewal',
  html: '<p>The contract is attached.</p><img src="cid:logo@sender.test">',
  attachments: [
    { filename: 'contract.pdf', content: pdf, contentType: 'application/pdf' },
    { filename: 'logo.png', content: png, contentType: 'image/png', cid: 'logo@sender.test' },
  ],
});

/** A plain SMTP conversation over a socket, for what nodemailer will not do. */
async function rawSmtp(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  socket.setEncoding('utf8');
  let buffer = '';
  const replies: string[] = [];
  const waiting: ((reply: string) => void)[] = [];
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    for (
      let m = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3} [^\r\n]*\r\n/.exec(buffer);
      m;
      m = /^(?:\d{3}-[^\r\n]*\r\n)*\d{3} [^\r\n]*\r\n/.exec(buffer)
    ) {
      buffer = buffer.slice(m[0].length);
      const reply = m[0].trimEnd();
      const waiter = waiting.shift();
      if (waiter) waiter(reply);
      else replies.push(reply);
    }
  });
  const reply = () =>
    new Promise<string>((resolve) => (replies.length ? resolve(replies.shift() as string) : waiting.push(resolve)));
  await once(socket, 'connect');
  expect(await reply()).toMatch(/^220 /);
  return {
    socket,
    send(line: string) {
      socket.write(`${line}\r\n`);
      return reply();
    },
  };
}

describe('mail-in listener', () => {
  it('delivers the real attachment byte for byte, not the image embedded in the HTML, and keeps no file', async () => {
    const { listener, delivered, transport, spooled } = await listen();
    const info = await transport.sendMail(withPdf(A));
    expect(info.accepted).toEqual([A]);
    expect(delivered).toHaveLength(1);
    const [message] = delivered;
    expect(message).toMatchObject({
      inbox: 'org-a',
      from: 'ada@sender.test',
      subject: 'Lease renewal',
      messageId: info.messageId,
    });
    expect(message?.attachments).toEqual([
      expect.objectContaining({
        fileName: 'contract.pdf',
        contentType: 'application/pdf',
        size: pdf.length,
        sha256: sha256(pdf),
        mode: 0o600,
      }),
    ]);
    const file = message?.attachments[0]?.file ?? '';
    expect(path.dirname(file)).toBe(listener.spoolDir);
    expect(path.basename(file)).not.toContain('contract');
    expect(existsSync(file)).toBe(false);
    expect(statSync(listener.spoolDir).mode & 0o777).toBe(0o700);
    expect(spooled()).toEqual([]);
  });

  it('delivers a mail without attachments with an empty list', async () => {
    const { delivered, transport } = await listen();
    await transport.sendMail({ from: 'ada@sender.test', to: B, subject: 'Just text', text: 'No files here.' });
    expect(delivered).toEqual([expect.objectContaining({ inbox: 'org-b', subject: 'Just text', attachments: [] })]);
  });

  it('refuses an unknown recipient at RCPT with 550 5.1.1, saying nothing more, and never logs an address', async () => {
    const { delivered, transport, logs } = await listen();
    const unknown = inboxAddress('guessed', DOMAIN);
    const info = await transport.sendMail({ ...withPdf([unknown, A]) });
    expect(info.rejected).toEqual([unknown]);
    expect(info.rejectedErrors?.[0]?.response).toBe('550 5.1.1 Mailbox unavailable');
    expect(delivered.map((m) => m.inbox)).toEqual(['org-a']);
    await expect(transport.sendMail(withPdf(unknown))).rejects.toMatchObject({ responseCode: 550 });
    const logged = JSON.stringify(logs.entries);
    expect(logged).not.toContain('guessed');
    expect(logged).not.toContain('k7q2a');
  });

  it('delivers a mail for two inboxes once to each, however many of their addresses it names', async () => {
    const { delivered, transport } = await listen();
    await transport.sendMail(withPdf([A, B, A2]));
    expect(delivered.map((m) => m.inbox).sort()).toEqual(['org-a', 'org-b']);
    for (const message of delivered) expect(message.attachments.map((a) => a.sha256)).toEqual([sha256(pdf)]);
  });

  it('answers 552 to a message over the limit that did not announce its size, and keeps nothing of it', async () => {
    const { delivered, transport, spooled, logs } = await listen();
    const big = { ...withPdf(A), attachments: [{ filename: 'big.pdf', content: randomBytes(LIMIT) }] };
    await expect(transport.sendMail(big)).rejects.toMatchObject({ responseCode: 552 });
    expect(delivered).toEqual([]);
    expect(spooled()).toEqual([]);
    expect(logs.entries.find((e) => e.msg === 'mail-in message refused')?.obj.reason).toBe('too-large');
  });

  it('advertises SIZE and refuses a larger SIZE= at MAIL FROM; offers neither AUTH nor STARTTLS without a certificate', async () => {
    const { listener } = await listen();
    const client = await rawSmtp(listener.port);
    const ehlo = await client.send('EHLO client.test');
    expect(ehlo).toContain(`SIZE ${LIMIT}`);
    expect(ehlo).not.toMatch(/AUTH|STARTTLS/);
    expect(await client.send(`MAIL FROM:<ada@sender.test> SIZE=${LIMIT + 1}`)).toMatch(/^552 /);
    expect(await client.send(`MAIL FROM:<ada@sender.test> SIZE=${LIMIT}`)).toMatch(/^250 /);
    expect(await client.send('QUIT')).toMatch(/^221 /);
  });

  it('answers 552 to more attachments than allowed and keeps none of them', async () => {
    const { delivered, transport, spooled } = await listen({ maxAttachments: 2 });
    const files = ['a', 'b', 'c'].map((name) => ({ filename: `${name}.pdf`, content: pdf.subarray(0, 1_000) }));
    await expect(transport.sendMail({ ...withPdf(A), attachments: files })).rejects.toMatchObject({
      responseCode: 552,
    });
    expect(delivered).toEqual([]);
    expect(spooled()).toEqual([]);
  });

  it('limits connections per client IP per minute with 421', async () => {
    const { delivered, transport } = await listen({ rateLimit: { perIpPerMinute: 2, perInboxPerHour: 100 } });
    await transport.sendMail(withPdf(A));
    await transport.sendMail(withPdf(A));
    await expect(transport.sendMail(withPdf(A))).rejects.toMatchObject({ responseCode: 421 });
    expect(delivered).toHaveLength(2);
  });

  it('limits messages per client IP per minute on one connection with 450', async () => {
    const { listener, delivered } = await listen({ rateLimit: { perIpPerMinute: 2, perInboxPerHour: 100 } });
    const pooled = nodemailer.createTransport({
      host: '127.0.0.1',
      port: listener.port,
      ignoreTLS: true,
      pool: true,
      maxConnections: 1,
    });
    try {
      await pooled.sendMail(withPdf(A));
      await pooled.sendMail(withPdf(A));
      await expect(pooled.sendMail(withPdf(A))).rejects.toMatchObject({ responseCode: 450 });
    } finally {
      pooled.close();
    }
    expect(delivered).toHaveLength(2);
  });

  it('limits messages per inbox per hour with 450 at RCPT, leaving other inboxes alone', async () => {
    const { delivered, transport } = await listen({ rateLimit: { perIpPerMinute: 100, perInboxPerHour: 1 } });
    await transport.sendMail(withPdf([A, A2]));
    await expect(transport.sendMail(withPdf(A2))).rejects.toMatchObject({ responseCode: 450 });
    await transport.sendMail(withPdf(B));
    expect(delivered.map((m) => m.inbox)).toEqual(['org-a', 'org-b']);
  });

  it('answers 451 when deliver throws, and removes every file it spooled', async () => {
    const seen: string[] = [];
    const { transport, spooled, logs } = await listen({
      async deliver(message) {
        for (const a of message.attachments) if (existsSync(a.file)) seen.push(a.file);
        throw new Error('storage unavailable');
      },
    });
    await expect(transport.sendMail(withPdf(A))).rejects.toMatchObject({ responseCode: 451 });
    expect(seen).toHaveLength(1);
    expect(spooled()).toEqual([]);
    const refused = logs.entries.find((e) => e.msg === 'mail-in message refused');
    expect(refused?.obj).toMatchObject({
      reason: 'deliver-failed',
      err: expect.objectContaining({ message: 'storage unavailable' }),
    });
  });

  it('removes the spooled message when the client disconnects in the middle of DATA', async () => {
    const { listener, delivered, spooled, logs } = await listen();
    const client = await rawSmtp(listener.port);
    await client.send('EHLO client.test');
    await client.send('MAIL FROM:<ada@sender.test>');
    expect(await client.send(`RCPT TO:<${A}>`)).toMatch(/^250 /);
    const watcher = watch(listener.spoolDir);
    const fileCreated = once(watcher, 'change');
    expect(await client.send('DATA')).toMatch(/^354 /);
    client.socket.write(`Subject: cut off\r\n\r\n${'x'.repeat(2_000)}\r\n`);
    await fileCreated;
    watcher.close();
    const aborted = logs.waitFor((e) => e.obj.reason === 'disconnected');
    client.socket.destroy();
    await aborted;
    expect(delivered).toEqual([]);
    expect(spooled()).toEqual([]);
  });

  it('offers STARTTLS with a certificate and delivers over it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-mail-in-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-subj',
          '/CN=localhost',
          '-days',
          '1',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
        ],
        { stdio: 'ignore' },
      );
      const tls = { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
      const { listener, delivered } = await listen({ tls });
      const secured = nodemailer.createTransport({
        host: '127.0.0.1',
        port: listener.port,
        requireTLS: true,
        tls: { rejectUnauthorized: false },
      });
      await secured.sendMail(withPdf(A));
      expect(delivered.map((m) => m.attachments[0]?.sha256)).toEqual([sha256(pdf)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('spools into a private directory under tempDir and removes it on close', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'deedbox-mail-in-root-'));
    try {
      const { listener } = await listen({ tempDir: root });
      expect(path.dirname(listener.spoolDir)).toBe(root);
      await listener.close();
      running = running.filter((l) => l !== listener);
      expect(readdirSync(root)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('inbox addresses', () => {
  it('builds a lower-case address and reads the local part back only at its own domain', () => {
    expect(inboxAddress('K7Q2a', 'In.Deedbox.test')).toBe('k7q2a@in.deedbox.test');
    expect(inboxLocalPart('K7Q2A@IN.deedbox.TEST', DOMAIN)).toBe('k7q2a');
    expect(inboxLocalPart('k7q2a@elsewhere.test', DOMAIN)).toBeNull();
    expect(inboxLocalPart('@in.deedbox.test', DOMAIN)).toBeNull();
    expect(() => inboxAddress('a/b', DOMAIN)).toThrow();
  });
});
