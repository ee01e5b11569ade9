import type { Me } from '../../../common/schemas/auth.js';
import type { Ctx } from '../../platform/context.js';
import { hashPassword } from '../../platform/crypto/passwords.js';
import { AppError } from '../../platform/errors.js';
import { diff, record } from '../audit/audit.service.js';
import { assertPasswordRules, endEverySession, type Session, startSession } from '../auth/auth.service.js';
import { confirmPassword } from '../auth/password-check.js';
import { deleteSession } from '../auth/sessions.repo.js';
import { presentMe } from './users.presenter.js';
import * as repo from './users.repo.js';

function requireUser(ctx: Ctx) {
  if (ctx.actor.type !== 'user') throw AppError.forbidden('This needs a signed-in person, not an API key.');
  return ctx.actor;
}

export async function getMe(ctx: Ctx): Promise<Me> {
  const actor = ctx.actor;
  if (actor.type === 'system') throw AppError.forbidden();
  const org = (await repo.findOrgWithUnits(ctx.tx, ctx.orgId))!;
  const user = actor.type === 'user' ? await repo.findUser(ctx.tx, actor.id) : null;
  return presentMe(actor, { id: org.id, name: org.name }, user, org.units);
}

export interface MePatch {
  name?: string;
  locale?: 'en' | 'de';
  dateFormat?: 'YYYY-MM-DD' | 'DD.MM.YYYY' | 'DD/MM/YYYY' | 'MM/DD/YYYY';
  timeZone?: string;
}

export async function updateMe(ctx: Ctx, patch: MePatch): Promise<Me> {
  const actor = requireUser(ctx);
  const before = (await repo.findUser(ctx.tx, actor.id))!;
  const { name, ...settings } = patch;
  const changes = diff(before, settings);
  const personalChanges = name === undefined ? {} : diff(before, { name });
  if (Object.keys(changes).length + Object.keys(personalChanges).length > 0) {
    await repo.updateUser(ctx.tx, actor.id, patch);
    await record(ctx, {
      action: 'user.updated',
      objectType: 'user',
      objectId: actor.id,
      subject: { id: actor.id, name: name ?? actor.name, email: actor.email },
      changes,
      personalChanges,
    });
  }
  return getMe({ ...ctx, actor: { ...actor, name: name ?? actor.name } });
}

/** Changing the password ends every session of the person, in every org, and opens a fresh one here. */
export async function changePassword(ctx: Ctx, currentPassword: string, newPassword: string): Promise<Session> {
  const actor = requireUser(ctx);
  await confirmPassword(ctx, actor.id, currentPassword, {
    field: 'currentPassword',
    message: 'is not your current password',
    purpose: 'change_password',
  });
  const user = (await repo.findUser(ctx.tx, actor.id))!;
  assertPasswordRules(newPassword, user.email, 'newPassword');
  const passwordHash = await hashPassword(newPassword, ctx.deps.config.scryptLogN);
  await repo.updateUser(ctx.tx, actor.id, { passwordHash, passwordChangedAt: new Date() });
  await endEverySession(ctx.tx, actor.id, ctx.orgId);
  await record(ctx, { action: 'auth.password_changed', objectType: 'user', objectId: actor.id });
  return startSession(ctx.tx, ctx.orgId, actor.id, ctx.request);
}

export async function signOut(ctx: Ctx): Promise<void> {
  const actor = requireUser(ctx);
  await deleteSession(ctx.tx, ctx.orgId, actor.sessionId);
  await record(ctx, { action: 'auth.signed_out', objectType: 'session', objectId: actor.sessionId });
}
