import { randomUUID } from 'node:crypto';
import type { AuthenticationResponse, RegistrationResponse } from '../../../common/schemas/factors.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { SESSION_TTL_MS } from '../auth/session-cookies.js';
import { setSessionStage } from '../auth/sessions.repo.js';
import * as users from '../users/users.repo.js';
import * as repo from './factors.repo.js';
import { factorFacts, issueBackupCodes, mailPerson, presentFactor, requirePerson } from './factors.service.js';
import {
  authenticationOptions,
  CHALLENGE_TTL_MS,
  registrationOptions,
  type StoredCredential,
  verifyAuthentication,
  verifyRegistration,
} from './webauthn.js';
import * as challenges from './webauthn-challenges.repo.js';

export const passkeysOf = async (ctx: Ctx, userId: string): Promise<(repo.FactorRow & StoredCredential)[]> =>
  (await repo.confirmedFactors(ctx.tx, userId)).filter(isPasskey);

export function isPasskey(row: repo.FactorRow): row is repo.FactorRow & StoredCredential {
  return row.kind === 'passkey' && row.credentialId !== null && row.publicKey !== null && row.signCount !== null;
}

export function passkeyRefused(): AppError {
  return AppError.invalid(
    'response',
    'passkey_refused',
    'is not a valid answer of one of your passkeys to this sign-in',
  );
}

/** A new passkey: its name is kept, and the browser gets the options to create the credential with. */
export async function startPasskey(ctx: Ctx, input: { name: string }) {
  const actor = requirePerson(ctx);
  await repo.deleteUnconfirmed(ctx.tx, actor.id);
  const id = randomUUID();
  await repo.insertFactor(ctx.tx, { id, userId: actor.id, kind: 'passkey', name: input.name });
  const user = (await users.findUser(ctx.tx, actor.id))!;
  const options = await registrationOptions(ctx.deps.config, user, await passkeysOf(ctx, actor.id));
  await challenges.storeSessionChallenge(ctx.tx, {
    userId: actor.id,
    orgId: ctx.orgId,
    sessionId: actor.sessionId,
    purpose: 'register',
    challenge: options.challenge,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
  return { id, options: { ...options } };
}

/**
 * The browser's answer confirms the passkey when it answers this session's challenge for our origin.
 * The first confirmed factor comes with ten backup codes; a session that could only enrol is now whole.
 */
export async function confirmPasskey(ctx: Ctx, id: string, response: RegistrationResponse) {
  const actor = requirePerson(ctx);
  const row = await repo.findFactor(ctx.tx, actor.id, id);
  if (row?.kind !== 'passkey') throw AppError.notFound('Factor');
  if (row.confirmedAt) throw AppError.because('conflict', 'factor_confirmed', 'This passkey is already registered.');
  const now = new Date();
  const challenge = await challenges.takeSessionChallenge(ctx.tx, actor.id, actor.sessionId, 'register', now);
  const credential = challenge ? await verifyRegistration(ctx.deps.config, response, challenge) : null;
  if (!credential) {
    // The spent challenge stays spent: a refused answer cannot be tried again.
    throw AppError.committing(
      AppError.invalid('response', 'passkey_refused', 'is no answer to this registration: start again'),
    );
  }
  const first = (await repo.confirmedFactors(ctx.tx, actor.id)).length === 0;
  await repo.confirmPasskey(ctx.tx, actor.id, id, credential, now);
  await record(ctx, { action: 'auth.factor_added', objectType: 'user', objectId: actor.id, extra: factorFacts(row) });
  const backupCodes = first ? await issueBackupCodes(ctx, actor.id) : null;
  if (actor.stage === 'enrolment') {
    await setSessionStage(ctx.tx, ctx.orgId, actor.sessionId, 'full', new Date(now.getTime() + SESSION_TTL_MS));
  }
  await mailPerson(ctx, actor.id, 'added', row.name);
  return { factor: presentFactor({ ...row, confirmedAt: now }), backupCodes };
}

/** Options for the second step of a sign-in: one of the person's passkeys, for this pending sign-in. */
export async function secondFactorOptions(ctx: Ctx) {
  const actor = requirePerson(ctx);
  const passkeys = await passkeysOf(ctx, actor.id);
  if (passkeys.length === 0) throw AppError.notFound('Passkey');
  const options = await authenticationOptions(ctx.deps.config, passkeys);
  await challenges.storeSessionChallenge(ctx.tx, {
    userId: actor.id,
    orgId: ctx.orgId,
    sessionId: actor.sessionId,
    purpose: 'second_factor',
    challenge: options.challenge,
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
  return { options: { ...options } };
}

/** The person's passkey that answered this pending sign-in's challenge, its counter now recorded; null otherwise. */
export async function spendPasskey(
  ctx: Ctx,
  userId: string,
  sessionId: string,
  response: AuthenticationResponse,
  now: Date,
): Promise<{ factorId: string } | null> {
  const challenge = await challenges.takeSessionChallenge(ctx.tx, userId, sessionId, 'second_factor', now);
  if (!challenge) return null;
  const row = await repo.findPasskey(ctx.tx, userId, response.id);
  if (!row || !isPasskey(row)) return null;
  const checked = await verifyAuthentication(ctx.deps.config, response, challenge, row, false);
  if (!checked || !(await repo.acceptPasskeyUse(ctx.tx, userId, row.id, row.signCount, checked.signCount, now))) {
    return null;
  }
  return { factorId: row.id };
}
