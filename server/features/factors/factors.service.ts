import { randomUUID } from 'node:crypto';
import { renderSVG } from 'uqr';
import type { Factor } from '../../../common/schemas/factors.js';
import type { Ctx } from '../../platform/context.js';
import { openUserSecret, sealUserSecret } from '../../platform/crypto/user-secrets.js';
import { AppError } from '../../platform/errors.js';
import { type FactorChange, factorChangedMail } from '../../platform/mail/factor-messages.js';
import { record } from '../audit/audit.service.js';
import { confirmPassword } from '../auth/password-check.js';
import { SESSION_TTL_MS } from '../auth/session-cookies.js';
import { setSessionStage } from '../auth/sessions.repo.js';
import * as users from '../users/users.repo.js';
import { backupCodeHash, newBackupCodes } from './backup-codes.js';
import * as repo from './factors.repo.js';
import { acceptedStep, newTotpSecret, totpUri } from './totp.js';

/** Factors are the person's own: an API key has none. */
export function requirePerson(ctx: Ctx) {
  if (ctx.actor.type !== 'user') throw AppError.forbidden('This needs a signed-in person, not an API key.');
  return ctx.actor;
}

export function presentFactor(row: repo.FactorRow): Factor {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    confirmed: row.confirmedAt !== null,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    phone: row.phoneHint,
  };
}

/** The TOTP secret of a factor, opened from its seal. */
export function totpSecretOf(ctx: Pick<Ctx, 'deps'>, row: repo.FactorRow): string {
  if (!row.secret || row.masterVersion === null) throw new Error(`factor ${row.id} has no sealed secret`);
  return openUserSecret(ctx.deps.config.masterKeys, row.userId, row.id, {
    sealed: row.secret,
    masterVersion: row.masterVersion,
  });
}

export async function listFactors(ctx: Ctx) {
  const actor = requirePerson(ctx);
  const org = await users.findOrg(ctx.tx, ctx.orgId);
  return {
    items: (await repo.confirmedFactors(ctx.tx, actor.id)).map(presentFactor),
    backupCodesLeft: await repo.unusedBackupCodes(ctx.tx, actor.id),
    required: org?.requireSecondFactor ?? false,
    smsAvailable: ctx.deps.sms !== null,
  };
}

/** A new authenticator app: the secret, its otpauth URI and QR code; it counts only once confirmed with a code. */
export async function startTotp(ctx: Ctx, input: { name: string }) {
  const actor = requirePerson(ctx);
  await repo.deleteUnconfirmed(ctx.tx, actor.id);
  const id = randomUUID();
  const secret = newTotpSecret();
  const sealed = sealUserSecret(ctx.deps.config.masterKeys, actor.id, id, secret);
  await repo.insertFactor(ctx.tx, {
    id,
    userId: actor.id,
    kind: 'totp',
    name: input.name,
    secret: sealed.sealed,
    masterVersion: sealed.masterVersion,
  });
  const uri = totpUri(secret, actor.email);
  return { id, secret, uri, qrSvg: renderSVG(uri) };
}

/**
 * A first code from the app confirms the enrolment (and is spent: it cannot sign in afterwards).
 * The first confirmed factor comes with ten backup codes; a session that could only enrol is now whole.
 */
export async function confirmTotp(ctx: Ctx, id: string, code: string) {
  const actor = requirePerson(ctx);
  const row = await repo.findFactor(ctx.tx, actor.id, id);
  if (row?.kind !== 'totp') throw AppError.notFound('Factor');
  if (row.confirmedAt) throw AppError.because('conflict', 'factor_confirmed', 'This factor is already confirmed.');
  const now = new Date();
  const step = acceptedStep(totpSecretOf(ctx, row), code, now.getTime(), row.lastStep);
  if (step === null || !(await repo.acceptStep(ctx.tx, actor.id, id, step, now))) throw wrongCode();
  return finishEnrolment(ctx, { ...row, lastStep: step, lastUsedAt: now }, now);
}

/**
 * A factor proven by its first code counts from now: logged and mailed; the first one comes with
 * ten backup codes, and a session that could only enrol is now whole.
 */
export async function finishEnrolment(ctx: Ctx, row: repo.FactorRow, now: Date) {
  const actor = requirePerson(ctx);
  const first = (await repo.confirmedFactors(ctx.tx, actor.id)).length === 0;
  await repo.confirmFactor(ctx.tx, actor.id, row.id, now);
  await record(ctx, { action: 'auth.factor_added', objectType: 'user', objectId: actor.id, extra: factorFacts(row) });
  const backupCodes = first ? await issueBackupCodes(ctx, actor.id) : null;
  if (actor.stage === 'enrolment') {
    await setSessionStage(ctx.tx, ctx.orgId, actor.sessionId, 'full', new Date(now.getTime() + SESSION_TTL_MS));
  }
  await mailPerson(ctx, actor.id, 'added', row.name);
  return { factor: presentFactor({ ...row, confirmedAt: now }), backupCodes };
}

/** Removing a factor needs the password again; the last one takes the backup codes with it. */
export async function removeFactor(ctx: Ctx, id: string, password: string): Promise<void> {
  const actor = requirePerson(ctx);
  await confirmPassword(ctx, actor.id, password, { ...PASSWORD_CHECK, purpose: 'remove_factor' });
  const row = await repo.findFactor(ctx.tx, actor.id, id);
  if (!row) throw AppError.notFound('Factor');
  const confirmed = await repo.confirmedFactors(ctx.tx, actor.id);
  const last = row.confirmedAt !== null && confirmed.length === 1;
  if (last && (await users.findOrg(ctx.tx, ctx.orgId))?.requireSecondFactor) {
    throw AppError.because(
      'conflict',
      'second_factor_required',
      'This account requires a second factor: add another before you remove this one.',
    );
  }
  if (row.confirmedAt && row.kind !== 'sms') {
    const rest = confirmed.filter((f) => f.id !== row.id);
    if (
      rest.some((f) => f.kind === 'sms') &&
      rest.every((f) => f.kind === 'sms') &&
      (await isAdminAnywhere(ctx, actor.id))
    ) {
      throw smsNotAlone();
    }
  }
  await repo.deleteFactor(ctx.tx, actor.id, id);
  if (!row.confirmedAt) return;
  if (last) await repo.replaceBackupCodes(ctx.tx, actor.id, []);
  await record(ctx, { action: 'auth.factor_removed', objectType: 'user', objectId: actor.id, extra: factorFacts(row) });
  await mailPerson(ctx, actor.id, 'removed', row.name);
}

/** A confirmed factor gets a new name (several passkeys are told apart by theirs). */
export async function renameFactor(ctx: Ctx, id: string, name: string): Promise<Factor> {
  const actor = requirePerson(ctx);
  const row = await repo.renameFactor(ctx.tx, actor.id, id, name);
  if (!row) throw AppError.notFound('Factor');
  return presentFactor(row);
}

/** Ten new backup codes (the old ones die), shown this once; needs a confirmed factor and the password. */
export async function regenerateBackupCodes(ctx: Ctx, password: string): Promise<{ codes: string[] }> {
  const actor = requirePerson(ctx);
  await confirmPassword(ctx, actor.id, password, { ...PASSWORD_CHECK, purpose: 'backup_codes' });
  if ((await repo.confirmedFactors(ctx.tx, actor.id)).length === 0) {
    throw AppError.because('conflict', 'no_second_factor', 'Backup codes need a second factor: add one first.');
  }
  return { codes: await issueBackupCodes(ctx, actor.id) };
}

export async function issueBackupCodes(ctx: Ctx, userId: string): Promise<string[]> {
  const codes = newBackupCodes();
  await repo.replaceBackupCodes(
    ctx.tx,
    userId,
    codes.map((code) => backupCodeHash(userId, code)!),
  );
  await record(ctx, { action: 'auth.backup_codes_generated', objectType: 'user', objectId: userId });
  return codes;
}

/** An administrator in any of their accounts (the rule that SMS is never their only factor). */
export async function isAdminAnywhere(ctx: Ctx, userId: string): Promise<boolean> {
  return (await users.membershipsOfUser(ctx.tx, userId)).some((m) => m.isAdmin);
}

/** A SIM swap must not be enough to take over an administrator: SMS never stands alone for them. */
export function smsNotAlone(): AppError {
  return AppError.because(
    'conflict',
    'sms_not_alone',
    'An administrator cannot rely on text messages alone: add an authenticator app or a passkey first.',
  );
}

const PASSWORD_CHECK = { field: 'password', message: 'is not your password' };

export function wrongCode(): AppError {
  return AppError.invalid('code', 'wrong_code', 'is wrong, expired or already used');
}

export const factorFacts = (row: repo.FactorRow) => ({ factorId: row.id, kind: row.kind, name: row.name });

/** Mails the person (after commit) that a factor of theirs changed. */
export async function mailPerson(ctx: Ctx, userId: string, change: FactorChange, what: string): Promise<void> {
  const user = (await users.findUser(ctx.tx, userId))!;
  const href = `${ctx.deps.config.appUrl}/settings/security`;
  const mail = factorChangedMail(user.locale, user.email, user.name, change, what, href);
  ctx.afterCommit(() => ctx.deps.mailer.send(mail));
}
