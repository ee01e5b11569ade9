import { randomUUID } from 'node:crypto';
import { setClaims } from '../../db/tx.js';
import type { Ctx, UnitRole } from '../../platform/context.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { invitationMail } from '../../platform/mail/messages.js';
import { requireAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import { deleteUserSessions } from '../auth/sessions.repo.js';
import { assertSeatFree } from '../subscriptions/read-only.js';
import * as invitations from './invitations.repo.js';
import { presentOrgUser } from './users.presenter.js';
import * as repo from './users.repo.js';

const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

type RoleInput = Record<string, UnitRole | 'none'>;

/** Keeps only real roles, refusing business units that are not this org's. */
async function checkedRoles(ctx: Ctx, input: RoleInput): Promise<Record<string, UnitRole>> {
  const known = new Set(await repo.businessUnitIds(ctx.tx, ctx.orgId));
  const roles: Record<string, UnitRole> = {};
  for (const [unitId, role] of Object.entries(input)) {
    if (!known.has(unitId))
      throw AppError.invalid(`roles.${unitId}`, 'unknown_business_unit', 'is not a business unit of this account');
    if (role !== 'none') roles[unitId] = role;
  }
  return roles;
}

/** The member under the name this account knows them by (an invitee's is the invitation's). */
async function getMember(ctx: Ctx, userId: string) {
  const member = await repo.findMember(ctx.tx, ctx.orgId, userId);
  if (!member) throw AppError.notFound('User');
  return member;
}

export async function list(ctx: Ctx, limit: number, after?: [string, string]) {
  requireAdmin(ctx);
  const rows = await repo.listMembers(ctx.tx, ctx.orgId, limit + 1, after);
  const items = rows.slice(0, limit).map((r) => presentOrgUser(r.user, r.membership, r.roles));
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, next: last ? ([last.user.name.toLowerCase(), last.user.id] as [string, string]) : null };
}

export interface InviteInput {
  email: string;
  name?: string;
  isAdmin: boolean;
  roles: RoleInput;
}

export async function invite(ctx: Ctx, input: InviteInput) {
  requireAdmin(ctx);
  const roles = input.isAdmin ? {} : await checkedRoles(ctx, input.roles);
  await setClaims(ctx.tx, { email: input.email });
  let user = await repo.findUserByEmail(ctx.tx, input.email);
  if (user && (await repo.findMembership(ctx.tx, ctx.orgId, user.id))) {
    throw AppError.invalid('email', 'already_member', 'already belongs to this account');
  }
  await assertSeatFree(ctx.tx, ctx.orgId);
  // Someone new to Deedbox starts in the account's time zone; an existing user keeps their own.
  user ??= await repo.insertUser(ctx.tx, {
    id: randomUUID(),
    email: input.email,
    name: input.name ?? input.email.split('@')[0]!,
    timeZone: (await repo.findOrg(ctx.tx, ctx.orgId))!.timeZone,
  });
  const invitedBy = ctx.actor.type === 'user' ? ctx.actor.id : null;
  await repo.insertMembership(ctx.tx, {
    orgId: ctx.orgId,
    userId: user.id,
    isAdmin: input.isAdmin,
    status: 'invited',
    invitedBy,
  });
  await repo.replaceUnitRoles(ctx.tx, ctx.orgId, user.id, roles);
  await sendInvitation(ctx, user, input.name ?? null);
  // From here on the invitee goes by the invitation's name: the same answer whether or not the address had an account.
  const member = await getMember(ctx, user.id);
  await record(ctx, {
    action: 'user.invited',
    objectType: 'user',
    objectId: user.id,
    subject: member.user,
    changes: { isAdmin: { before: null, after: input.isAdmin }, roles: { before: null, after: roles } },
  });
  return presentOrgUser(member.user, member.membership, roles);
}

/**
 * A fresh link replaces any earlier one, so only the newest invitation works. It keeps the name
 * the administrator typed: the accept page shows that, never the person's name from another account.
 */
async function sendInvitation(ctx: Ctx, user: repo.UserRow, name: string | null) {
  const token = newToken();
  await invitations.replace(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    userId: user.id,
    tokenHash: hashToken(token),
    name,
    invitedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  const org = (await repo.findOrg(ctx.tx, ctx.orgId))!;
  const inviter = ctx.actor.type === 'system' ? org.name : ctx.actor.name;
  const link = `${ctx.deps.config.appUrl}/invite/${token}`;
  const mail = { ...invitationMail(user.locale, user.email, org.name, inviter, link), orgId: ctx.orgId };
  ctx.afterCommit(() => ctx.deps.mailer.send(mail));
}

export async function resendInvitation(ctx: Ctx, userId: string) {
  requireAdmin(ctx);
  const { user, membership } = await getMember(ctx, userId);
  if (membership.status !== 'invited')
    throw AppError.because('conflict', 'invitation_accepted', 'This user has already accepted the invitation.');
  await record(ctx, {
    action: 'user.invited',
    objectType: 'user',
    objectId: user.id,
    subject: user,
    extra: { resent: true },
  });
  await sendInvitation(ctx, user, await invitations.openName(ctx.tx, ctx.orgId, user.id));
}

async function assertNotLastAdmin(ctx: Ctx, membership: repo.MembershipRow) {
  const counts = membership.isAdmin && membership.status === 'active' && !membership.lockedAt;
  if (counts && (await repo.countActiveAdmins(ctx.tx, ctx.orgId)) <= 1) {
    throw new AppError('last_administrator', 'The account must keep at least one active administrator.');
  }
}

export async function setRoles(ctx: Ctx, userId: string, input: { isAdmin: boolean; roles: RoleInput }) {
  requireAdmin(ctx);
  const { user, membership } = await getMember(ctx, userId);
  const roles = input.isAdmin ? {} : await checkedRoles(ctx, input.roles);
  if (!input.isAdmin) await assertNotLastAdmin(ctx, membership);
  const before = {
    isAdmin: membership.isAdmin,
    roles: membership.isAdmin ? {} : await repo.unitRolesOf(ctx.tx, ctx.orgId, userId),
  };
  const updated = await repo.updateMembership(ctx.tx, ctx.orgId, userId, { isAdmin: input.isAdmin });
  await repo.replaceUnitRoles(ctx.tx, ctx.orgId, userId, roles);
  const changes = diff(before, { isAdmin: input.isAdmin, roles });
  if (Object.keys(changes).length > 0) {
    await record(ctx, { action: 'user.roles_changed', objectType: 'user', objectId: userId, subject: user, changes });
  }
  return presentOrgUser(user, updated, roles);
}

export async function setLocked(ctx: Ctx, userId: string, locked: boolean) {
  requireAdmin(ctx);
  const { user, membership } = await getMember(ctx, userId);
  if (locked && ctx.actor.type === 'user' && ctx.actor.id === userId) {
    throw AppError.because('conflict', 'lock_self', 'You cannot lock yourself out.');
  }
  if (locked) await assertNotLastAdmin(ctx, membership);
  if (Boolean(membership.lockedAt) === locked) {
    return presentOrgUser(user, membership, await repo.unitRolesOf(ctx.tx, ctx.orgId, userId));
  }
  const updated = await repo.updateMembership(ctx.tx, ctx.orgId, userId, { lockedAt: locked ? new Date() : null });
  if (locked) await deleteUserSessions(ctx.tx, ctx.orgId, userId);
  await record(ctx, {
    action: locked ? 'user.locked' : 'user.unlocked',
    objectType: 'user',
    objectId: userId,
    subject: user,
  });
  return presentOrgUser(user, updated, await repo.unitRolesOf(ctx.tx, ctx.orgId, userId));
}

/** The member an administrator may take out of the account: not themselves, not its last administrator. */
export async function removableMember(ctx: Ctx, userId: string) {
  requireAdmin(ctx);
  const member = await getMember(ctx, userId);
  if (ctx.actor.type === 'user' && ctx.actor.id === userId)
    throw AppError.because('conflict', 'remove_self', 'You cannot remove yourself.');
  await assertNotLastAdmin(ctx, member.membership);
  return member;
}

/** Roles, open invitation, sessions and the membership itself. */
export async function takeOut(ctx: Ctx, userId: string): Promise<void> {
  await repo.replaceUnitRoles(ctx.tx, ctx.orgId, userId, {});
  await invitations.removeOpen(ctx.tx, ctx.orgId, userId);
  await deleteUserSessions(ctx.tx, ctx.orgId, userId);
  await repo.deleteMembership(ctx.tx, ctx.orgId, userId);
}

/** Takes the person out of this account: roles, open invitation and sessions go with it. */
export async function remove(ctx: Ctx, userId: string) {
  const { user, membership } = await removableMember(ctx, userId);
  await takeOut(ctx, userId);
  await record(ctx, {
    action: 'user.removed',
    objectType: 'user',
    objectId: userId,
    subject: user,
    changes: { isAdmin: { before: membership.isAdmin, after: null } },
  });
}
