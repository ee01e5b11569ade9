import { AppError } from '../../platform/errors.js';
import { wake } from '../../platform/jobs/wake.js';
import { MAIL_SEND_JOB } from '../../platform/mail/mail.jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.repo.js';
import { CODE_LIMITS, codeMatches, newCodeSession } from './codes.js';
import * as repo from './envelopes.repo.js';
import { type LinkCtx, noteRecipientEvent, requireReady, type SigningCaller, withLink } from './public.service.js';

/** The recipient's code events of the last hour (the send limit and the lock count them). */
async function recentCodeEvents(c: LinkCtx, now: Date): Promise<repo.EventRow[]> {
  const since = now.getTime() - 3600_000;
  return (await repo.eventsOf(c.tx, c.orgId, c.envelope.id)).filter(
    (e) => e.recipientId === c.recipient.id && e.at.getTime() > since && e.kind.startsWith('code_'),
  );
}

function minutesUntil(at: Date, now: Date): number {
  return Math.max(1, Math.ceil((at.getTime() - now.getTime()) / 60_000));
}

/** Refuses unless this recipient needs a code, is ready to sign and codes are not locked. */
async function requireCodeStep(c: LinkCtx, now: Date): Promise<void> {
  await requireReady(c);
  if (!c.recipient.requireCode) {
    throw AppError.because('conflict', 'code_not_required', 'This signing link needs no code.');
  }
  const locked = c.recipient.codeLockedUntil;
  if (locked && locked > now) {
    throw AppError.because(
      'rate_limited',
      'code_locked',
      'Too many wrong codes. Codes are locked for an hour; ask the sender if you need help.',
      { minutes: minutesUntil(locked, now) },
    );
  }
}

/** Mails a new code (the previous one stops working): at most one a minute and five an hour. */
export function sendCode(pub: SigningCaller, token: string): Promise<{ expiresAt: string }> {
  return withLink(pub, token, async (c) => {
    const now = new Date();
    await requireCodeStep(c, now);
    const sent = (await recentCodeEvents(c, now)).filter((e) => e.kind === 'code_sent');
    const last = sent.at(-1);
    if (last && now.getTime() - last.at.getTime() < CODE_LIMITS.gapMs) {
      const seconds = Math.ceil((last.at.getTime() + CODE_LIMITS.gapMs - now.getTime()) / 1000);
      throw AppError.because('rate_limited', 'code_too_soon', 'A code was sent less than a minute ago.', { seconds });
    }
    const [oldest] = sent;
    if (oldest && sent.length >= CODE_LIMITS.perHour) {
      const minutes = minutesUntil(new Date(oldest.at.getTime() + 3600_000), now);
      throw AppError.because('rate_limited', 'code_send_limit', 'Five codes were sent in the last hour.', { minutes });
    }
    const serial = c.recipient.codeSerial + 1;
    const expiresAt = new Date(now.getTime() + CODE_LIMITS.ttlMs);
    await repo.updateRecipient(c.tx, c.orgId, c.recipient.id, {
      codeSerial: serial,
      codeExpiresAt: expiresAt,
      codeAttempts: 0,
      codeSends: c.recipient.codeSends + 1,
    });
    await enqueueMail(c.tx, {
      orgId: c.orgId,
      kind: 'signing_code',
      subjectId: c.recipient.id,
      contractId: c.envelope.contractId,
      recipientEmail: c.recipient.email,
      locale: c.recipient.locale,
      dedupeKey: `signing_code:${c.recipient.id}:${serial}`,
      now,
    });
    await wake(c, MAIL_SEND_JOB);
    await noteRecipientEvent(c, 'code_sent', 'signing.code_sent', { serial });
    return { expiresAt: expiresAt.toISOString() };
  });
}

type Verified = { session: string; expiresAt: Date };

/**
 * Checks a code. Right: the code is spent and a session starts (its cookie set by the route). Wrong: the try
 * is counted and kept (the refusal commits); the fifth wrong try burns the code, the third burnt code in an
 * hour locks codes for an hour. Every outcome is evidence.
 */
export function verifyCode(pub: SigningCaller, token: string, given: string): Promise<Verified> {
  return withLink(pub, token, async (c) => {
    const now = new Date();
    await requireCodeStep(c, now);
    const r = c.recipient;
    if (!r.codeExpiresAt || r.codeExpiresAt <= now) {
      throw AppError.invalid('code', 'code_expired', 'has expired or was used; ask for a new one');
    }
    if (codeMatches(c.deps.config.secretKey, r.id, r.codeSerial, given)) {
      const session = newCodeSession();
      const expiresAt = new Date(now.getTime() + CODE_LIMITS.sessionMs);
      await repo.updateRecipient(c.tx, c.orgId, r.id, {
        codeExpiresAt: null,
        codeAttempts: 0,
        sessionHash: session.hash,
        sessionExpiresAt: expiresAt,
      });
      await noteRecipientEvent(c, 'code_verified', 'signing.code_verified', { serial: r.codeSerial });
      return { session: session.token, expiresAt };
    }
    const attempts = r.codeAttempts + 1;
    const burned = attempts >= CODE_LIMITS.tries;
    const burns = burned
      ? 1 + (await recentCodeEvents(c, now)).filter((e) => e.kind === 'code_failed' && e.data.burned === true).length
      : 0;
    const lock = burns >= CODE_LIMITS.burnsBeforeLock;
    await repo.updateRecipient(c.tx, c.orgId, r.id, {
      codeAttempts: attempts,
      ...(burned && { codeExpiresAt: null }),
      ...(lock && { codeLockedUntil: new Date(now.getTime() + CODE_LIMITS.lockMs) }),
    });
    await noteRecipientEvent(c, 'code_failed', 'signing.code_failed', {
      serial: r.codeSerial,
      attempt: attempts,
      burned,
      ...(lock && { locked: true }),
    });
    if (lock) {
      throw AppError.committing(
        AppError.because('rate_limited', 'code_locked', 'Too many wrong codes. Codes are locked for an hour.', {
          minutes: CODE_LIMITS.lockMs / 60_000,
        }),
      );
    }
    const error = burned
      ? AppError.invalid('code', 'code_burned', 'was wrong five times; ask for a new one')
      : AppError.invalid('code', 'code_wrong', 'is not the code we sent', { triesLeft: CODE_LIMITS.tries - attempts });
    throw AppError.committing(error);
  });
}
