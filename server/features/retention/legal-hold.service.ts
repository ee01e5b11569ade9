import { eq } from 'drizzle-orm';
import { orgs } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { recordWith } from '../audit/audit.service.js';
import { findOrg } from '../users/users.repo.js';
import { OrgDeletionError } from './org-deletion.js';

export interface LegalHold {
  reason: string;
  since: string;
}

/**
 * The operator places (reason) or releases (null) a legal hold: while it is on, neither retention
 * nor a deletion request deletes anything of the org. Logged in the org's activity log, which its
 * administrators read.
 */
export async function setLegalHold(ctx: Ctx, reason: string | null): Promise<LegalHold | null> {
  const org = await findOrg(ctx.tx, ctx.orgId);
  if (!org) throw new OrgDeletionError('org_not_found', `There is no organization ${ctx.orgId}.`);
  const since = reason === null ? null : (org.legalHoldSince ?? new Date());
  await ctx.tx.update(orgs).set({ legalHoldReason: reason, legalHoldSince: since }).where(eq(orgs.id, ctx.orgId));
  if (reason !== org.legalHoldReason) {
    await recordWith(ctx, {
      action: reason === null ? 'org.legal_hold_released' : 'org.legal_hold_set',
      objectType: 'org',
      objectId: ctx.orgId,
      extra: reason === null ? { reason: org.legalHoldReason } : { reason },
    });
  }
  return reason === null ? null : { reason, since: since!.toISOString() };
}
