import type { SignInput, SigningPage } from '../../../common/schemas/signing-page.js';
import { AppError, type FieldError } from '../../platform/errors.js';
import { wake } from '../../platform/jobs/wake.js';
import { rowKey, sealField } from '../documents/documents.keys.js';
import * as repo from './envelopes.repo.js';
import { queueOutcome } from './outcome.js';
import {
  type LinkCtx,
  noteRecipientEvent,
  requireCodeSession,
  requireReady,
  type SigningCaller,
  stateOf,
  withLink,
} from './public.service.js';
import { currentTurn, requestSignatures } from './send.service.js';
import { checkedSignaturePng } from './signature.js';
import { envelopeContext } from './signing.keys.js';

/** Wake it when the last signer signed: it seals the document (signing.jobs.ts). */
export const SEAL_JOB = 'signing.seal';

type Values = Map<string, string>;

/** Every value the recipient gives, checked against their own fields: each problem named `fields.<i>`. */
function checkValues(input: SignInput, own: repo.FieldRow[]): Values {
  const errors: FieldError[] = [];
  const values: Values = new Map();
  input.fields.forEach((given, i) => {
    const field = own.find((f) => f.id === given.id);
    const at = `fields.${i}`;
    if (!field || !['text', 'name', 'checkbox'].includes(field.type)) {
      errors.push({ field: at, rule: 'unknown_field', message: 'is not a field you fill in' });
    } else if ((field.type === 'checkbox') !== (typeof given.value === 'boolean')) {
      errors.push({
        field: at,
        rule: field.type === 'checkbox' ? 'boolean' : 'text',
        message: 'has the wrong kind of value',
      });
    } else values.set(field.id, String(given.value));
  });
  own.forEach((f) => {
    const missing = !values.has(f.id) || values.get(f.id) === '' || values.get(f.id) === 'false';
    if (f.required && ['text', 'name', 'checkbox'].includes(f.type) && missing) {
      errors.push({
        field: 'fields',
        rule: 'required_field',
        message: `must fill in ${f.label ?? f.type}`,
        params: { id: f.id },
      });
    }
  });
  const [first, ...more] = errors;
  if (first) throw AppError.invalidAll([first, ...more]);
  return values;
}

async function signatureOf(c: LinkCtx, input: SignInput): Promise<{ kind: 'drawn' | 'typed'; value: string } | null> {
  if (c.recipient.role !== 'signer') return null;
  if (!input.signature) throw AppError.invalid('signature', 'required', 'is required to sign');
  if (input.signature.kind === 'typed') return { kind: 'typed', value: input.signature.text };
  return { kind: 'drawn', value: (await checkedSignaturePng(input.signature.png)).toString('base64') };
}

/** After a signature: the next position is mailed, or, everyone done, the document goes to be sealed. */
async function advance(c: LinkCtx, now: Date): Promise<void> {
  const recipients = await repo.recipientsOf(c.tx, c.orgId, c.envelope.id);
  const turn = currentTurn(c.envelope, recipients);
  if (turn.length > 0) {
    await requestSignatures(
      c,
      c.envelope,
      turn.filter((r) => r.status === 'pending'),
      now,
    );
    return;
  }
  await repo.update(c.tx, c.orgId, c.envelope.id, { sealState: 'pending', sealAfter: now });
  await wake(c, SEAL_JOB);
}

/** Signs (or approves) once, in one transaction: values and signature sealed under the envelope key, evidence kept. */
export function sign(pub: SigningCaller, token: string, input: SignInput): Promise<{ state: SigningPage['state'] }> {
  return withLink(pub, token, async (c) => {
    await requireReady(c);
    requireCodeSession(c);
    const own = (await repo.fieldsOf(c.tx, c.orgId, c.envelope.id)).filter((f) => f.recipientId === c.recipient.id);
    const values = checkValues(input, own);
    const signature = await signatureOf(c, input);
    const now = new Date();
    const context = envelopeContext(c.orgId, c.envelope.id);
    const key = await rowKey(c, c.envelope, context);
    for (const [id, value] of values)
      await repo.fillField(c.tx, c.orgId, id, sealField(key, context, `field/${id}`, value), now);
    const approver = c.recipient.role === 'approver';
    await repo.updateRecipient(c.tx, c.orgId, c.recipient.id, {
      status: approver ? 'approved' : 'signed',
      signedAt: now,
      signIp: c.request.ip,
      signUserAgent: c.request.userAgent?.slice(0, 512) ?? null,
      // requireCodeSession passed: a code confirmed in this browser within the last 30 minutes.
      verification: c.recipient.requireCode ? 'link_and_code' : 'link',
      nextReminderAt: null,
      ...(signature && {
        signatureKind: signature.kind,
        signature: sealField(key, context, 'signature', signature.value),
      }),
    });
    await noteRecipientEvent(c, approver ? 'approved' : 'signed', approver ? 'signing.approved' : 'signing.signed');
    await advance(c, now);
    return { state: stateOf({ ...c, recipient: { ...c.recipient, status: 'signed' } }) };
  });
}

/** Declines: the envelope ends, every other link is dead by its state, the sender and those mailed are told. */
export function decline(pub: SigningCaller, token: string, reason: string): Promise<{ state: SigningPage['state'] }> {
  return withLink(pub, token, async (c) => {
    await requireReady(c);
    requireCodeSession(c);
    const now = new Date();
    const context = envelopeContext(c.orgId, c.envelope.id);
    const key = await rowKey(c, c.envelope, context);
    await repo.updateRecipient(c.tx, c.orgId, c.recipient.id, {
      status: 'declined',
      declinedAt: now,
      declineReason: sealField(key, context, 'decline-reason', reason),
      nextReminderAt: null,
    });
    await repo.update(c.tx, c.orgId, c.envelope.id, { status: 'declined', declinedAt: now });
    await noteRecipientEvent(c, 'declined', 'signing.declined');
    await queueOutcome(c, { ...c.envelope, status: 'declined' }, now);
    return { state: 'declined' as const };
  });
}
