import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { inboxAddress as inboxAddressSchema } from '../../../common/schemas/inbox.js';
import { type Ctx, type Deps, transact } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { newRowKeys, openField, rowKey, sealField } from '../documents/documents.keys.js';
import { requireInbox } from '../documents/documents.service.js';
import * as repo from './inbox.repo.js';
import { inboxAddress, inboxLocalPart } from './inbox-address-format.js';

type InboxAddress = z.infer<typeof inboxAddressSchema>;

const addressContext = (orgId: string) => `inbox-address/${orgId}`;

/** 128 random bits, written in lower-case base 36 (25 characters): mail addresses ignore case. */
const newLocalPart = () =>
  BigInt(`0x${randomBytes(16).toString('hex')}`)
    .toString(36)
    .padStart(25, '0');

/** A new secret address for the org: only its hash is searchable, the local part itself is sealed. */
async function newAddressRow(ctx: Ctx) {
  const localPart = newLocalPart();
  const context = addressContext(ctx.orgId);
  const keys = await newRowKeys(ctx, context);
  return {
    orgId: ctx.orgId,
    tokenHash: hashToken(localPart),
    dataKey: keys.wrapped,
    orgKeyVersion: keys.orgKeyVersion,
    localPart: sealField(keys.key, context, 'local_part', localPart),
  };
}

async function present(ctx: Ctx, row: repo.InboxAddressRow): Promise<InboxAddress> {
  const { domain } = ctx.deps.config.inbox;
  const context = addressContext(ctx.orgId);
  const localPart = openField(await rowKey(ctx, row, context), context, 'local_part', row.localPart);
  return { address: domain ? inboxAddress(localPart, domain) : null, createdAt: row.createdAt.toISOString() };
}

/** Administrators and people who create contracts (the inbox's users); the address is made on first read. */
export async function get(ctx: Ctx): Promise<InboxAddress> {
  requireInbox(ctx);
  const found = await repo.findAddress(ctx.tx, ctx.orgId);
  if (found) return present(ctx, found);
  if (await repo.addAddress(ctx.tx, await newAddressRow(ctx))) {
    await record(ctx, { action: 'inbox.address_created', objectType: 'inbox_address', objectId: ctx.orgId });
  }
  return present(ctx, (await repo.findAddress(ctx.tx, ctx.orgId))!);
}

/** Administrators: a new address; mail to the old one is refused from this commit on. */
export async function regenerate(ctx: Ctx): Promise<InboxAddress> {
  requireAdmin(ctx);
  await repo.replaceAddress(ctx.tx, await newAddressRow(ctx));
  await record(ctx, { action: 'inbox.address_regenerated', objectType: 'inbox_address', objectId: ctx.orgId });
  return present(ctx, (await repo.findAddress(ctx.tx, ctx.orgId))!);
}

/** The org whose inbox an RCPT TO address names, or null; found by the hash alone, before any org is known. */
export async function orgOfRecipient(deps: Deps, address: string): Promise<string | null> {
  const { domain } = deps.config.inbox;
  const localPart = domain ? inboxLocalPart(address, domain) : null;
  if (!localPart) return null;
  const tokenHash = hashToken(localPart);
  return transact(deps, { tokenHash }, (tx) => repo.orgOfAddress(tx, tokenHash));
}
