import type { SecondFactorInput } from '../../../common/schemas/factors.js';
import { setClaims } from '../../db/tx.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { recordWith } from '../audit/audit.service.js';
import { type Session, startSession, userActor } from '../auth/auth.service.js';
import { warnOfNewDevice } from '../auth/devices.service.js';
import { countFactorFailure, deleteSession } from '../auth/sessions.repo.js';
import { recordFailure, recordSuccess, retryAfter, throttledError, throttleFor } from '../auth/sign-in-throttle.js';
import * as users from '../users/users.repo.js';
import { backupCodeHash } from './backup-codes.js';
import * as repo from './factors.repo.js';
import { factorFacts, totpSecretOf, wrongCode } from './factors.service.js';
import { passkeyRefused, spendPasskey } from './passkeys.service.js';
import { spendSms } from './sms.service.js';
import { acceptedStep } from './totp.js';

/** Wrong codes one pending sign-in may take before the password must be given again. */
export const CODES_PER_SIGN_IN = 5;

/** A failure is returned, not thrown: its count and log entry must commit. */
export type SecondFactorOutcome = { ok: true; session: Session } | { ok: false; error: AppError };

/**
 * The second step of a sign-in: a code from the app or a text message, a passkey's answer to this
 * sign-in's challenge, or a backup code. Wrong codes (and refused passkey answers) count on the same
 * throttle as wrong passwords (per account and source address) and end the pending sign-in after
 * CODES_PER_SIGN_IN; the right one replaces the pending sign-in by a session with a new token.
 */
export async function completeSignIn(ctx: Ctx, input: SecondFactorInput): Promise<SecondFactorOutcome> {
  if (ctx.actor.type !== 'user') throw AppError.forbidden();
  const actor = ctx.actor;
  const user = (await users.findUser(ctx.tx, actor.id))!;
  const throttle = throttleFor(ctx.request.ip, user.email);
  await setClaims(ctx.tx, { ip: throttle.ip });
  const now = new Date();
  const seconds = await retryAfter(ctx.tx, throttle, now);
  if (seconds) return { ok: false, error: throttledError(seconds) };
  const used =
    input.kind === 'totp'
      ? await spendTotp(ctx, actor.id, input.code, now)
      : input.kind === 'sms'
        ? await spendSms(ctx, actor.id, input.code, now)
        : input.kind === 'passkey'
          ? await spendPasskey(ctx, actor.id, actor.sessionId, input.response, now)
          : null;
  const backupLeft = input.kind === 'backup_code' ? await spendBackupCode(ctx, actor.id, input.code, now) : null;
  const writer = { tx: ctx.tx, orgId: ctx.orgId, request: ctx.request };
  if (!used && backupLeft === null) {
    await recordFailure(ctx.tx, throttle, now);
    const failures = await countFactorFailure(ctx.tx, ctx.orgId, actor.sessionId);
    const over = failures >= CODES_PER_SIGN_IN;
    await recordWith(
      { ...writer, actor: userActor(user, actor.sessionId) },
      {
        action: 'auth.second_factor_failed',
        objectType: 'user',
        objectId: user.id,
        extra: { kind: input.kind, failures },
      },
    );
    if (!over) return { ok: false, error: input.kind === 'passkey' ? passkeyRefused() : wrongCode() };
    await deleteSession(ctx.tx, ctx.orgId, actor.sessionId);
    return {
      ok: false,
      error: AppError.invalid('code', 'too_many_attempts', 'was wrong too often: sign in with your password again'),
    };
  }
  await recordSuccess(ctx.tx, throttle);
  await deleteSession(ctx.tx, ctx.orgId, actor.sessionId);
  const session = await startSession(ctx.tx, ctx.orgId, user.id, ctx.request);
  const as = { ...writer, actor: userActor(user, session.sessionId) };
  if (backupLeft !== null) {
    await recordWith(as, {
      action: 'auth.backup_code_used',
      objectType: 'user',
      objectId: user.id,
      extra: { backupCodesLeft: backupLeft },
    });
  }
  await recordWith(as, {
    action: 'auth.signed_in',
    objectType: 'session',
    objectId: session.sessionId,
    extra: { secondFactor: input.kind, ...(used ? { factorId: used.factorId } : {}) },
  });
  await warnOfNewDevice(ctx, user, session);
  return { ok: true, session };
}

/** The confirmed TOTP factor the code belongs to, its step now spent; null when none accepts it. */
async function spendTotp(ctx: Ctx, userId: string, code: string, now: Date): Promise<{ factorId: string } | null> {
  for (const row of await repo.confirmedFactors(ctx.tx, userId)) {
    if (row.kind !== 'totp') continue;
    const step = acceptedStep(totpSecretOf(ctx, row), code, now.getTime(), row.lastStep);
    if (step !== null && (await repo.acceptStep(ctx.tx, userId, row.id, step, now))) {
      return { factorId: factorFacts(row).factorId };
    }
  }
  return null;
}

/** Spends a backup code; the number left, or null when the code is not an unused one of the person's. */
async function spendBackupCode(ctx: Ctx, userId: string, code: string, now: Date): Promise<number | null> {
  const hash = backupCodeHash(userId, code);
  if (!hash || !(await repo.markBackupCodeUsed(ctx.tx, userId, hash, now))) return null;
  return repo.unusedBackupCodes(ctx.tx, userId);
}
