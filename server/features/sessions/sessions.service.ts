import type { SessionOutput } from '../../../common/schemas/sessions.js';
import { setClaims } from '../../db/tx.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record, recordWith } from '../audit/audit.service.js';
import { endEverySession } from '../auth/auth.service.js';
import * as sessions from '../auth/sessions.repo.js';
import * as users from '../users/users.repo.js';
import { presentSession } from './sessions.presenter.js';

/** Sessions belong to people: an API key has none to list or end. */
function requireSession(ctx: Ctx) {
  if (ctx.actor.type !== 'user') throw AppError.forbidden('This needs a signed-in person, not an API key.');
  return ctx.actor;
}

/** The caller's live sessions in this account, the most recently used first. */
export async function listMine(ctx: Ctx): Promise<{ items: SessionOutput[] }> {
  const actor = requireSession(ctx);
  const rows = await sessions.listUserSessions(ctx.tx, ctx.orgId, actor.id, new Date());
  return { items: rows.map((row) => presentSession(row, actor.sessionId)) };
}

/** Signs one of the caller's sessions out; another person's (or another account's) is "not found". */
export async function endMine(ctx: Ctx, id: string): Promise<{ current: boolean }> {
  const actor = requireSession(ctx);
  if (!(await sessions.deleteUserSession(ctx.tx, ctx.orgId, actor.id, id))) throw AppError.notFound('Session');
  const current = id === actor.sessionId;
  await record(ctx, { action: 'session.ended', objectType: 'session', objectId: id, extra: { current } });
  return { current };
}

/** Every session of the caller in this account except the one making the request. */
export async function endOthers(ctx: Ctx): Promise<{ ended: number }> {
  const actor = requireSession(ctx);
  const ended = await sessions.deleteOtherSessions(ctx.tx, ctx.orgId, actor.id, actor.sessionId);
  await record(ctx, { action: 'session.others_ended', objectType: 'user', objectId: actor.id, extra: { ended } });
  return { ended };
}

/**
 * Every session of the person in every account they belong to, this one included (as a password
 * change does); each of those accounts' logs says so.
 */
export async function endEverywhere(ctx: Ctx): Promise<{ ended: number }> {
  const actor = requireSession(ctx);
  const ended = await endEverySession(ctx.tx, actor.id, ctx.orgId);
  for (const m of await users.membershipsOfUser(ctx.tx, actor.id)) {
    if (m.status !== 'active') continue;
    await setClaims(ctx.tx, { orgId: m.orgId });
    await recordWith(
      { ...ctx, orgId: m.orgId },
      { action: 'session.ended_everywhere', objectType: 'user', objectId: actor.id, extra: { ended } },
    );
  }
  await setClaims(ctx.tx, { orgId: ctx.orgId });
  return { ended };
}

/** An administrator ends every session of a member in this account; the member is named in the log. */
export async function endMemberSessions(ctx: Ctx, userId: string): Promise<{ ended: number }> {
  requireAdmin(ctx);
  const member = await users.findMember(ctx.tx, ctx.orgId, userId);
  if (!member) throw AppError.notFound('User');
  const ended = await sessions.deleteUserSessions(ctx.tx, ctx.orgId, userId);
  await record(ctx, {
    action: 'user.sessions_ended',
    objectType: 'user',
    objectId: userId,
    subject: member.user,
    extra: { ended },
  });
  return { ended };
}
