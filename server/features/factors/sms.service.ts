import { randomUUID } from 'node:crypto';
import type { Ctx } from '../../platform/context.js';
import { safeEqual } from '../../platform/crypto/tokens.js';
import { openUserSecret, sealUserSecret } from '../../platform/crypto/user-secrets.js';
import { AppError } from '../../platform/errors.js';
import { SmsError } from '../../platform/sms/sms.js';
import * as users from '../users/users.repo.js';
import * as repo from './factors.repo.js';
import { finishEnrolment, isAdminAnywhere, requirePerson, smsNotAlone, wrongCode } from './factors.service.js';
import {
  maskPhone,
  newSmsCode,
  SMS_CODE_TRIES,
  SMS_CODE_TTL_MS,
  SMS_GAP_MS,
  smsCodeHash,
  smsCodeText,
  smsWait,
} from './sms-codes.js';
import * as codes from './sms-codes.repo.js';

type Purpose = codes.SmsCodeRow['purpose'];

/**
 * A new phone number: an unconfirmed factor with the number sealed like a TOTP secret, and a
 * code sent to it. When the text cannot go, nothing of it stays.
 */
export async function startSms(ctx: Ctx, input: { phone: string; name: string }) {
  const actor = requirePerson(ctx);
  smsSender(ctx);
  await refuseSmsAlone(ctx, actor.id);
  await repo.deleteUnconfirmed(ctx.tx, actor.id);
  const id = randomUUID();
  const sealed = sealUserSecret(ctx.deps.config.masterKeys, actor.id, id, input.phone);
  await repo.insertFactor(ctx.tx, {
    id,
    userId: actor.id,
    kind: 'sms',
    name: input.name,
    secret: sealed.sealed,
    masterVersion: sealed.masterVersion,
    phoneHint: maskPhone(input.phone),
  });
  return sendCode(ctx, actor.id, id, input.phone, 'enrol');
}

/** The code sent to the new number confirms it (first factor: the backup codes). */
export async function confirmSms(ctx: Ctx, id: string, code: string) {
  const actor = requirePerson(ctx);
  const row = await repo.findFactor(ctx.tx, actor.id, id);
  if (row?.kind !== 'sms') throw AppError.notFound('Factor');
  if (row.confirmedAt) throw AppError.because('conflict', 'factor_confirmed', 'This factor is already confirmed.');
  const now = new Date();
  if (!(await spendCode(ctx, actor.id, 'enrol', id, code, now))) throw AppError.committing(wrongCode());
  await refuseSmsAlone(ctx, actor.id);
  return finishEnrolment(ctx, row, now);
}

/** The second step of a sign-in: a code to the person's number (the factor chosen, or their first). */
export async function sendSignInCode(ctx: Ctx, input: { factorId?: string | undefined }) {
  const actor = requirePerson(ctx);
  smsSender(ctx);
  const row = (await repo.confirmedFactors(ctx.tx, actor.id)).find(
    (f) => f.kind === 'sms' && (input.factorId === undefined || f.id === input.factorId),
  );
  if (!row) throw AppError.notFound('Factor');
  return sendCode(ctx, actor.id, row.id, phoneOf(ctx, row), 'sign_in');
}

/** A sign-in code spent, its factor marked used; null when the code is not the live one (a wrong try counts). */
export async function spendSms(
  ctx: Ctx,
  userId: string,
  code: string,
  now: Date,
): Promise<{ factorId: string } | null> {
  const live = await codes.findLiveCode(ctx.tx, userId, 'sign_in', null, now, SMS_CODE_TRIES);
  if (!live?.factorId || !(await spendCode(ctx, userId, 'sign_in', live.factorId, code, now))) return null;
  await repo.markUsed(ctx.tx, userId, live.factorId, now);
  return { factorId: live.factorId };
}

/** Checks a code against the live one of this purpose and factor: spent when right, one try fewer when wrong. */
async function spendCode(ctx: Ctx, userId: string, purpose: Purpose, factorId: string, code: string, now: Date) {
  const live = await codes.findLiveCode(ctx.tx, userId, purpose, factorId, now, SMS_CODE_TRIES);
  if (!live) return false;
  if (!safeEqual(smsCodeHash(ctx.deps.config.secretKey, live.id, code.replace(/\s/g, '')), live.codeHash)) {
    await codes.countWrongTry(ctx.tx, live.id);
    return false;
  }
  return codes.spendCode(ctx.tx, live.id, now);
}

async function sendCode(ctx: Ctx, userId: string, factorId: string, phone: string, purpose: Purpose) {
  const sms = smsSender(ctx);
  const now = new Date();
  const wait = smsWait(await codes.recentSends(ctx.tx, userId, now), now);
  if (wait) {
    throw AppError.because('rate_limited', 'sms_throttled', `Too many text messages. Try again in ${wait} seconds.`, {
      seconds: wait,
    });
  }
  const id = randomUUID();
  const code = newSmsCode();
  const expiresAt = new Date(now.getTime() + SMS_CODE_TTL_MS);
  const codeHash = smsCodeHash(ctx.deps.config.secretKey, id, code);
  await codes.insertCode(ctx.tx, { id, userId, factorId, purpose, codeHash, expiresAt, createdAt: now });
  const user = (await users.findUser(ctx.tx, userId))!;
  try {
    // Sent inside the transaction: a text that cannot go leaves no factor and no code behind.
    await sms.send(phone, smsCodeText(user.locale, code));
  } catch (err) {
    if (!(err instanceof SmsError)) throw err;
    ctx.deps.log.warn({ err: err.message, providerCode: err.providerCode }, 'sms code not sent');
    if (err.permanent) throw AppError.invalid('phone', 'unreachable', 'cannot receive text messages');
    throw AppError.because(
      'unavailable',
      'sms_unavailable',
      'Text messages cannot be sent right now. Try again later.',
    );
  }
  return { id: factorId, phone: maskPhone(phone), expiresAt: expiresAt.toISOString(), resendAfter: SMS_GAP_MS / 1000 };
}

function smsSender(ctx: Ctx) {
  if (!ctx.deps.sms) {
    throw AppError.because('conflict', 'sms_not_configured', 'Text messages are not set up on this server.');
  }
  return ctx.deps.sms;
}

function phoneOf(ctx: Ctx, row: repo.FactorRow): string {
  if (!row.secret || row.masterVersion === null) throw new Error(`factor ${row.id} has no sealed number`);
  return openUserSecret(ctx.deps.config.masterKeys, row.userId, row.id, {
    sealed: row.secret,
    masterVersion: row.masterVersion,
  });
}

/** An administrator adds SMS only beside an authenticator app or a passkey. */
async function refuseSmsAlone(ctx: Ctx, userId: string): Promise<void> {
  const others = (await repo.confirmedFactors(ctx.tx, userId)).filter((f) => f.kind !== 'sms');
  if (others.length === 0 && (await isAdminAnywhere(ctx, userId))) throw smsNotAlone();
}
