import type { AuditEvent } from '../../../common/schemas/audit.js';
import type { Ctx } from '../../platform/context.js';
import { canReadUnit, isAdmin } from '../access/access.policy.js';
import { presentNamed } from '../audit/audit.names.js';
import * as audit from '../audit/audit.repo.js';
import { getVisible } from './contracts.access.js';
import * as repo from './contracts.repo.js';

/**
 * A contract's own activity-log entries, newest first. Whoever reads the contract reads its
 * history; IP address and browser stay for administrators, as in the org-wide log.
 */
export async function history(ctx: Ctx, id: string, limit: number, beforeSeq?: number) {
  await getVisible(ctx, id);
  const rows = await audit.list(ctx.tx, ctx.orgId, { objectType: 'contract', objectId: id }, limit + 1, beforeSeq);
  const admin = isAdmin(ctx.actor);
  const named = await presentNamed(ctx.tx, ctx.orgId, ctx.actor, rows.slice(0, limit));
  const items = named.map((e): AuditEvent => (admin ? e : { ...e, ip: null, userAgent: null }));
  return { items, next: rows.length > limit ? items.at(-1)!.seq : null };
}

/**
 * The whole tree the contract belongs to: the top of its master chain and every contract below.
 * Contracts in business units the caller cannot see keep their place (id, master, depth) so the
 * tree stays whole, but show nothing else.
 */
export async function hierarchy(ctx: Ctx, id: string) {
  await getVisible(ctx, id);
  const rootId = await repo.rootOf(ctx.tx, ctx.orgId, id);
  const rows = await repo.subtree(ctx.tx, ctx.orgId, rootId);
  const nodes = rows.map((r) => {
    const visible = canReadUnit(ctx.actor, r.businessUnitId);
    return {
      id: r.id,
      visible,
      title: visible ? r.title : null,
      contractNumber: visible ? r.contractNumber : null,
      status: visible ? r.status : null,
      masterId: r.masterId,
      depth: r.depth,
    };
  });
  return { rootId, nodes };
}
