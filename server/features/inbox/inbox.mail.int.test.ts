import { once } from 'node:events';
import net from 'node:net';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { loadConfig } from '../../config.js';
import { documents } from '../../db/schema/index.js';
import { withClaims } from '../../db/tx.js';
import { type RunningServer, startServer } from '../../server.js';
import { auditEvents, type Caller, call, signUpOrg } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness, TEST_DATABASE_ENV } from '../../test/harness.js';
import { startInboxMail } from './inbox.mail.js';
import type { MailIn } from './mail-in.js';

const DOMAIN = 'in.deedbox.test';
const pdf = pdfWithText(['Maintenance agreement, signed copy.']);
const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(200)]);

let h: Harness;
let listener: MailIn;
let transport: Transporter;

beforeAll(async () => {
  h = await startHarness({ INBOUND_MAIL_DOMAIN: DOMAIN, INBOUND_SMTP_PORT: '0' });
  listener = (await startInboxMail(h.app.deps))!;
  transport = nodemailer.createTransport({ host: '127.0.0.1', port: listener.port, secure: false, ignoreTLS: true });
});
afterAll(async () => {
  transport?.close();
  await listener?.close();
  await h?.close();
});

const addressOf = async (who: Caller) =>
  (await call(h, who, 'GET', '/settings/inbox-address')).json().address as string;
const waiting = async (who: Caller) => (await call(h, who, 'GET', '/inbox')).json().items as Document[];

const mail = (to: string, extra: Partial<SendMailOptions> = {}) => ({
  from: 'Ada Sender <ada@supplier.test>',
  to,
  subject: 'Signed maintenance agreement',
  text: 'Please find the contract attached.',
  attachments: [{ filename: 'maintenance.pdf', content: pdf, contentType: 'application/pdf' }],
  ...extra,
});

describe('e-mail into the inbox', () => {
  it('turns a mailed PDF into an inbox document whose download is the same bytes, logged as the e-mail inbox', async () => {
    const admin = await signUpOrg(h);
    const address = await addressOf(admin);
    const info = await transport.sendMail(mail(address));
    expect(info.accepted).toEqual([address]);

    const [doc, ...rest] = await waiting(admin);
    expect(rest).toEqual([]);
    expect(doc).toMatchObject({
      name: 'maintenance.pdf',
      inInbox: true,
      contractId: null,
      createdBy: null,
      source: { kind: 'email', sender: 'ada@supplier.test', subject: 'Signed maintenance agreement' },
      versions: [{ number: 1, size: pdf.length, mimeType: 'application/pdf', uploadedBy: null }],
    });
    const download = await call(h, admin, 'GET', `/documents/${doc!.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(pdf)).toBe(true);

    const events = await auditEvents(h, admin, `&objectId=${doc!.id}`);
    const received = events.find((e) => e.action === 'inbox.received');
    expect(received?.actor).toMatchObject({ type: 'system', name: 'E-mail inbox' });
    expect(events.map((e) => e.action)).not.toContain('document.uploaded');
    // The sender and subject are sealed like names: the stored row holds neither in plain text.
    const [row] = await withClaims(h.database.db, { orgId: admin.me!.org.id }, (tx) =>
      tx.select().from(documents).where(eq(documents.id, doc!.id)),
    );
    expect(row!.sourceSender!.includes('ada@supplier.test')).toBe(false);
    expect(row!.sourceSubject!.includes('maintenance')).toBe(false);
    expect(row!.sourceMessage).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses unknown addresses at RCPT, and the old address the moment it is replaced', async () => {
    const admin = await signUpOrg(h);
    const old = await addressOf(admin);
    const unknown = `${'0'.repeat(25)}@${DOMAIN}`;
    await expect(transport.sendMail(mail(unknown))).rejects.toMatchObject({ responseCode: 550 });
    await expect(transport.sendMail(mail(old.replace(DOMAIN, 'elsewhere.test')))).rejects.toMatchObject({
      responseCode: 550,
    });

    const fresh = (await call(h, admin, 'POST', '/settings/inbox-address/regenerate')).json().address as string;
    await expect(transport.sendMail(mail(old))).rejects.toMatchObject({ responseCode: 550 });
    expect(await waiting(admin)).toEqual([]);
    expect((await transport.sendMail(mail(fresh))).accepted).toEqual([fresh]);
    expect((await waiting(admin)).map((d) => d.name)).toEqual(['maintenance.pdf']);
  });

  it('skips refused attachments, cleans hostile names, and takes a retried delivery only once', async () => {
    const admin = await signUpOrg(h);
    const other = await signUpOrg(h, 'Other Corp');
    const address = await addressOf(admin);
    const message = mail(address, {
      messageId: '<retry-1@supplier.test>',
      attachments: [
        { filename: 'setup.pdf', content: elf, contentType: 'application/pdf' },
        { filename: 'a/b\u202Efdp.exe.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: `${'x'.repeat(400)}.pdf`, content: pdf, contentType: 'application/pdf' },
      ],
    });
    expect((await transport.sendMail(message)).accepted).toEqual([address]);
    expect((await transport.sendMail(message)).accepted).toEqual([address]);
    const names = (await waiting(admin)).map((d) => d.name).sort();
    expect(names).toEqual(['a_bfdp.exe.pdf', `${'x'.repeat(251)}.pdf`]);
    expect(await waiting(other)).toEqual([]);
    const refusals = h.logs.filter((line) => line.includes('mail-in attachment refused'));
    expect(refusals.filter((line) => line.includes(admin.me!.org.id))).toHaveLength(2);
    expect(h.logs.join('\n')).not.toContain(address.split('@')[0]);

    // Another message (another Message-ID) with the same file is a new delivery.
    await transport.sendMail(mail(address, { messageId: '<retry-2@supplier.test>' }));
    expect(await waiting(admin)).toHaveLength(3);
  });

  it('accepts a mail without attachments and files nothing', async () => {
    const admin = await signUpOrg(h);
    const address = await addressOf(admin);
    expect((await transport.sendMail(mail(address, { attachments: [] }))).accepted).toEqual([address]);
    expect(await waiting(admin)).toEqual([]);
  });
});

describe('deedbox serve with INBOUND_SMTP_PORT', () => {
  let server: RunningServer | null = null;
  // Started in a hook: a new embedded database is migrated first, which takes its time.
  beforeAll(async () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      SCRYPT_LOG_N: '12',
      WORKER: 'false',
      INBOUND_SMTP_PORT: '0',
      INBOUND_MAIL_DOMAIN: DOMAIN,
      ...TEST_DATABASE_ENV,
    });
    server = await startServer(config, { logStream: new Writable({ write: (_chunk, _enc, done) => done() }) });
  });
  afterAll(() => server?.stop());

  it('listens for mail while it serves and stops listening when it stops', async () => {
    const running = server!;
    const port = running.mailIn!.port;
    const socket = net.connect(port, '127.0.0.1');
    const [greeting] = (await once(socket, 'data')) as [Buffer];
    expect(greeting.toString()).toMatch(/^220 /);
    socket.destroy();
    server = null;
    await running.stop();
    const refused = net.connect(port, '127.0.0.1');
    const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
    expect(error.code).toBe('ECONNREFUSED');
  });
});
