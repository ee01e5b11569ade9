import { expect } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import type { Envelope } from '../../../common/schemas/signing.js';
import { MAIL_KINDS } from '../../mail-kinds.js';
import { sendOrgMail } from '../../platform/mail/mail.jobs.js';
import { type Caller, call, uniqueEmail, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import type { Harness } from '../../test/harness.js';
import type { ReceivedMail } from '../../test/smtp-sink.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { TINY_PNG } from './pdf/signing.fixtures.js';

/**
 * A draft of a two-page PDF on a new contract, with two signers (positions 1 and 2), each with a signature and a
 * text field; `requireCode` asks both for a one-time code.
 */
export async function readyDraft(
  h: Harness,
  who: Caller,
  body: Record<string, unknown> = { signingOrder: true, message: 'Please sign by Friday.' },
  { requireCode = false } = {},
): Promise<{ envelope: Envelope; emails: [string, string] }> {
  const contract = await newContract(h, who);
  const up = await uploadDocument(
    h,
    who,
    `/contracts/${contract.id}/documents`,
    'Lease.pdf',
    pdfWithText(['One', 'Two']),
  );
  expect(up.statusCode, up.body).toBe(201);
  const made = await call(h, who, 'POST', '/envelopes', { documentId: (up.json() as Document).id, ...body });
  expect(made.statusCode, made.body).toBe(201);
  const id = (made.json() as Envelope).id;
  const emails: [string, string] = [uniqueEmail('first'), uniqueEmail('second')];
  const put = await call(h, who, 'PUT', `/envelopes/${id}/recipients`, {
    recipients: [
      { role: 'signer', name: 'Jürgen Groß', email: emails[0], position: 1, requireCode },
      { role: 'signer', name: 'Анна Иванова', email: emails[1], position: 2, requireCode },
    ],
  });
  expect(put.statusCode, put.body).toBe(200);
  const recipients = (put.json() as Envelope).recipients;
  const box = (n: number) => ({ page: 1, x: 0.1, y: 0.1 + n * 0.2, w: 0.3, h: 0.08 });
  const fields = recipients.flatMap((r, i) => [
    { recipientId: r.id, type: 'signature', ...box(i * 2) },
    { recipientId: r.id, type: 'text', label: 'City', required: false, ...box(i * 2 + 1) },
  ]);
  const placed = await call(h, who, 'PUT', `/envelopes/${id}/fields`, { fields });
  expect(placed.statusCode, placed.body).toBe(200);
  return { envelope: placed.json() as Envelope, emails };
}

/** Sends the org's due mail now (the `mail.send` job's work) and answers the mail to `email` whose subject matches. */
export async function mailTo(h: Harness, who: Caller, email: string, subject: RegExp): Promise<ReceivedMail> {
  await sendOrgMail(h.app.deps, who.me!.org.id, new Date(), MAIL_KINDS);
  return h.sink.waitFor((m) => m.to.includes(email) && subject.test(m.subject));
}

/** The signing token in a mail's link. */
export function tokenIn(mail: ReceivedMail): string {
  const match = mail.text.match(/\/sign\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no signing link in "${mail.subject}"`);
  return match[1]!;
}

/** Draft → send → both signers sign in order from the links in their mails. */
export async function signedByAll(h: Harness, admin: Caller): Promise<Envelope> {
  const { envelope: e, emails } = await readyDraft(h, admin);
  expect((await call(h, admin, 'POST', `/envelopes/${e.id}/send`)).statusCode).toBe(200);
  const city = e.fields.find((f) => f.type === 'text')!;
  const first = tokenIn(await mailTo(h, admin, emails[0], /sign/));
  expect((await call(h, null, 'POST', `/signing/${first}/viewed`)).statusCode).toBe(200);
  const one = await call(h, null, 'POST', `/signing/${first}/sign`, {
    fields: [{ id: city.id, value: 'Köln' }],
    signature: { kind: 'typed', text: 'Jürgen Groß' },
    consent: true,
  });
  expect(one.statusCode, one.body).toBe(200);
  const second = tokenIn(await mailTo(h, admin, emails[1], /sign/));
  const two = await call(h, null, 'POST', `/signing/${second}/sign`, {
    signature: { kind: 'drawn', png: TINY_PNG.toString('base64') },
    consent: true,
  });
  expect(two.statusCode, two.body).toBe(200);
  return e;
}
