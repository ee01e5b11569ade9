import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import * as users from '../users/users.repo.js';
import * as repo from './factors.repo.js';
import { mailPerson } from './factors.service.js';

/**
 * An administrator removes every second factor and backup code of a member who lost theirs.
 * Factors belong to the person, so this holds in every org they belong to; where an org demands a
 * factor, their next sign-in there leads to enrolment.
 */
export async function resetFactors(ctx: Ctx, userId: string): Promise<void> {
  requireAdmin(ctx);
  const member = await users.findMember(ctx.tx, ctx.orgId, userId);
  if (!member) throw AppError.notFound('User');
  const removed = await repo.deleteAllFactors(ctx.tx, userId);
  await record(ctx, {
    action: 'user.factors_reset',
    objectType: 'user',
    objectId: userId,
    subject: member.user,
    extra: { factors: removed.map((f) => ({ factorId: f.id, kind: f.kind, name: f.name })) },
  });
  await mailPerson(ctx, userId, 'reset', ctx.actor.name);
}

export async function getSecuritySettings(ctx: Ctx) {
  requireAdmin(ctx);
  const org = await users.findOrg(ctx.tx, ctx.orgId);
  if (!org) throw AppError.notFound('Account');
  return { requireSecondFactor: org.requireSecondFactor };
}

/** Demanding a second factor applies from each member's next sign-in. */
export async function updateSecuritySettings(ctx: Ctx, patch: { requireSecondFactor?: boolean | undefined }) {
  const before = await getSecuritySettings(ctx);
  if (patch.requireSecondFactor === undefined || patch.requireSecondFactor === before.requireSecondFactor) {
    return before;
  }
  await repo.setRequireSecondFactor(ctx.tx, ctx.orgId, patch.requireSecondFactor);
  await record(ctx, {
    action: 'org.settings_updated',
    objectType: 'org',
    objectId: ctx.orgId,
    changes: { requireSecondFactor: { before: before.requireSecondFactor, after: patch.requireSecondFactor } },
  });
  return { requireSecondFactor: patch.requireSecondFactor };
}
