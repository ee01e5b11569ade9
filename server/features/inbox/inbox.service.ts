import type { Document } from '../../../common/schemas/documents.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { canReadUnit } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import * as contractsRepo from '../contracts/contracts.repo.js';
import * as contracts from '../contracts/contracts.service.js';
import * as documentsRepo from '../documents/documents.repo.js';
import { get, present, reach, requireInbox } from '../documents/documents.service.js';
import * as repo from './inbox.repo.js';

/** Documents waiting in the inbox, newest first. */
export async function list(ctx: Ctx, limit: number, after?: repo.InboxCursor) {
  requireInbox(ctx);
  const rows = await repo.listWaiting(ctx.tx, ctx.orgId, limit + 1, after);
  const page = rows.slice(0, limit);
  const items = await present(
    ctx,
    page.map((r) => r.row),
  );
  return { items, next: rows.length > limit ? page.at(-1)!.cursor : null };
}

/** A live document still in the inbox (locked when it is about to move); one filed meanwhile is a conflict. */
export async function waiting(ctx: Ctx, id: string, opts: { write: boolean }) {
  requireInbox(ctx);
  const row = await reach(ctx, id, { write: opts.write, lock: opts.write });
  if (!row.inInbox) {
    throw AppError.because('conflict', 'not_in_inbox', 'This document is no longer in the inbox.');
  }
  return row;
}

async function moveOnto(ctx: Ctx, id: string, contractId: string, action: 'inbox.converted' | 'inbox.attached') {
  await documentsRepo.update(ctx.tx, ctx.orgId, id, { contractId, inInbox: false });
  await record(ctx, {
    action,
    objectType: 'document',
    objectId: id,
    changes: { contractId: { before: null, after: contractId } },
  });
}

/**
 * A new contract from the form, with the document on it, in one transaction: numbering applies, and
 * the document counts as the attachment the account may require.
 */
export async function convert(ctx: Ctx, id: string, input: contracts.ContractInput) {
  await waiting(ctx, id, { write: true });
  const contract = await contracts.create(ctx, input, { attachments: 1 });
  await moveOnto(ctx, id, contract.id, 'inbox.converted');
  return { contract, document: await get(ctx, id) };
}

/** Files the document on an existing contract the actor may edit. */
export async function attach(ctx: Ctx, id: string, contractId: string): Promise<Document> {
  await waiting(ctx, id, { write: true });
  const contract = await contractsRepo.find(ctx.tx, ctx.orgId, contractId);
  if (!contract || !canReadUnit(ctx.actor, contract.businessUnitId)) {
    throw AppError.invalid('contractId', 'unknown_contract', 'is not a contract you can see');
  }
  contracts.requireWrite(ctx, contract.businessUnitId);
  await moveOnto(ctx, id, contractId, 'inbox.attached');
  return get(ctx, id);
}
