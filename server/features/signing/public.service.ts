import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../common/schemas/audit.js';
import type { SigningPage } from '../../../common/schemas/signing-page.js';
import type { Tx } from '../../db/client.js';
import { type PublicCtx, type RequestMeta, transact } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { invalidLink } from '../../platform/links/signed-token.js';
import { mailOrg } from '../../platform/mail/outbox.repo.js';
import { recordWith } from '../audit/audit.service.js';
import { versionBytesById } from '../documents/documents.generated.js';
import { openField, rowKey } from '../documents/documents.keys.js';
import { namesByIds } from '../exports/grid-lookups.repo.js';
import { isReadOnlyNow } from '../subscriptions/read-only.js';
import { holdsCodeSession } from './codes.js';
import * as repo from './envelopes.repo.js';
import { readSigningLink } from './links.js';
import { currentTurn } from './send.service.js';
import { envelopeContext } from './signing.keys.js';

/** Who opens a link: the request, and the code session cookie this browser holds for the link (if any). */
export type SigningCaller = PublicCtx & { codeSession?: string };

/** A recipient's link opened: the transaction of its org, the recipient and their envelope. */
export interface LinkCtx {
  codeSession?: string;
  tx: Tx;
  orgId: string;
  deps: PublicCtx['deps'];
  request: RequestMeta;
  afterCommit(fn: () => Promise<unknown>): void;
  recipient: repo.RecipientRow;
  envelope: repo.EnvelopeRow;
  recipients: repo.RecipientRow[];
}

type State = SigningPage['state'];

/** Where the recipient stands, by the order of design §4: the envelope's end, then their own, then their turn. */
export function stateOf(c: Pick<LinkCtx, 'envelope' | 'recipient' | 'recipients'>): State {
  const { status } = c.envelope;
  if (status === 'cancelled' || status === 'expired' || status === 'declined') return status;
  if (c.recipient.status === 'signed' || c.recipient.status === 'approved') return 'signed';
  if (status === 'completed') return 'signed';
  return currentTurn(c.envelope, c.recipients).some((r) => r.id === c.recipient.id) ? 'ready' : 'waiting';
}

/**
 * Opens a signing link in its org (checks in order: the token, its expiry, the recipient and link
 * generation — a stale generation answers as a forged link — then the envelope). Drafts are never linked.
 */
export function withLink<T>(pub: SigningCaller, token: string, fn: (c: LinkCtx) => Promise<T>): Promise<T> {
  const link = readSigningLink(pub.deps.config.secretKey, token, 'sign', new Date());
  return transact(pub.deps, { orgId: link.orgId }, async (tx, afterCommit) => {
    const recipient = await repo.findRecipient(tx, link.orgId, link.recipientId);
    if (!recipient || recipient.linkGeneration !== link.generation || recipient.role === 'cc') throw invalidLink();
    const envelope = await repo.find(tx, link.orgId, recipient.envelopeId, { lock: true });
    if (!envelope || envelope.status === 'draft') throw invalidLink();
    const recipients = await repo.recipientsOf(tx, link.orgId, envelope.id);
    return fn({
      tx,
      orgId: link.orgId,
      deps: pub.deps,
      request: pub.request,
      codeSession: pub.codeSession,
      afterCommit,
      recipient,
      envelope,
      recipients,
    });
  });
}

const GONE: Record<
  'cancelled' | 'expired' | 'declined',
  { reason: 'envelope_cancelled' | 'envelope_expired' | 'envelope_declined'; message: string }
> = {
  cancelled: { reason: 'envelope_cancelled', message: 'The sender has cancelled this signature request.' },
  expired: { reason: 'envelope_expired', message: 'This signature request has expired.' },
  declined: { reason: 'envelope_declined', message: 'This signature request was declined and is closed.' },
};

/** The recipient's state; 410 with the reason when the envelope has ended. */
function requireOpen(c: LinkCtx): State {
  const state = stateOf(c);
  if (state === 'cancelled' || state === 'expired' || state === 'declined') {
    throw AppError.because('gone', GONE[state].reason, GONE[state].message);
  }
  return state;
}

/** Refuses an action on the link unless it is the recipient's turn and the account may still change things. */
export async function requireReady(c: LinkCtx): Promise<void> {
  const state = requireOpen(c);
  if (state === 'signed')
    throw AppError.because('conflict', 'already_signed', 'You have already signed this document.');
  if (state === 'waiting') throw AppError.because('conflict', 'not_your_turn', 'It is not your turn to sign yet.');
  if (await isReadOnlyNow(c.tx, c.orgId)) {
    throw AppError.because('gone', 'envelope_unavailable', 'This signature request is no longer available.');
  }
}

/** The check before the document is shown, signed or declined: a live code session when the recipient needs one. */
export function requireCodeSession(c: LinkCtx, now = new Date()): void {
  if (c.recipient.requireCode && !holdsCodeSession(c.recipient, c.codeSession, now)) {
    throw AppError.because('forbidden', 'code_required', 'Confirm the code we e-mailed you first.');
  }
}

/** An evidence row and its activity-log entry, as the recipient (anonymous, by address). */
export async function noteRecipientEvent(
  c: LinkCtx,
  kind: repo.EventRow['kind'],
  action: AuditAction,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await repo.addEvent(c.tx, {
    orgId: c.orgId,
    id: randomUUID(),
    envelopeId: c.envelope.id,
    recipientId: c.recipient.id,
    kind,
    ip: c.request.ip,
    userAgent: c.request.userAgent,
    data: extra,
  });
  const writer = {
    tx: c.tx,
    orgId: c.orgId,
    actor: { type: 'anonymous' as const, email: c.recipient.email },
    request: c.request,
  };
  await recordWith(writer, {
    action,
    objectType: 'envelope',
    objectId: c.envelope.id,
    subject: { id: c.recipient.id, name: c.recipient.name, email: c.recipient.email },
    extra,
  });
}

/** What the signing page shows; changes nothing (mail scanners follow links). */
export function describe(pub: SigningCaller, token: string): Promise<SigningPage> {
  return withLink(pub, token, async (c) => {
    const now = new Date();
    const r = c.recipient;
    const context = envelopeContext(c.orgId, c.envelope.id);
    const message = c.envelope.message
      ? openField(await rowKey(c, c.envelope, context), context, 'message', c.envelope.message)
      : null;
    const sender = c.envelope.senderId
      ? ((await namesByIds(c.tx, c.orgId, 'user', [c.envelope.senderId])).get(c.envelope.senderId) ?? null)
      : null;
    const fields = (await repo.fieldsOf(c.tx, c.orgId, c.envelope.id)).filter((f) => f.recipientId === c.recipient.id);
    return {
      orgName: (await mailOrg(c.tx, c.orgId))?.name ?? '',
      sender,
      title: c.envelope.title,
      message,
      recipient: { name: c.recipient.name, email: c.recipient.email, role: c.recipient.role },
      state: stateOf(c),
      code: {
        required: r.requireCode,
        verified: r.requireCode && holdsCodeSession(r, c.codeSession, now),
        expiresAt: r.requireCode && r.codeExpiresAt && r.codeExpiresAt > now ? r.codeExpiresAt.toISOString() : null,
        lockedUntil:
          r.requireCode && r.codeLockedUntil && r.codeLockedUntil > now ? r.codeLockedUntil.toISOString() : null,
      },
      fields: fields.map(({ id, type, page, x, y, w, h, required, label }) => ({
        id,
        type,
        page,
        x,
        y,
        w,
        h,
        required,
        label,
      })),
      pages: c.envelope.pages,
    };
  });
}

/** The page was opened in a browser (from its script): the first time is the recipient's `viewed_at`. */
export function viewed(pub: PublicCtx, token: string): Promise<{ state: State }> {
  return withLink(pub, token, async (c) => {
    const state = requireOpen(c);
    if (!c.recipient.viewedAt) {
      await repo.updateRecipient(c.tx, c.orgId, c.recipient.id, {
        viewedAt: new Date(),
        viewIp: c.request.ip,
        viewUserAgent: c.request.userAgent?.slice(0, 512) ?? null,
        ...(c.recipient.status === 'sent' && { status: 'viewed' as const }),
      });
    }
    await noteRecipientEvent(c, 'viewed', 'signing.viewed');
    return { state };
  });
}

/** The document as sent, for the page's viewer; only while the envelope is open. */
export function sourcePdf(pub: SigningCaller, token: string): Promise<Buffer> {
  return withLink(pub, token, async (c) => {
    requireOpen(c);
    requireCodeSession(c);
    return versionBytesById(c, c.envelope.documentId, c.envelope.sourceVersionId);
  });
}
