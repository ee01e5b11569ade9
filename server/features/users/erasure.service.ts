import { randomInt } from 'node:crypto';
import { setClaims } from '../../db/tx.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { erasePersonalOf } from '../audit/audit.repo.js';
import { record } from '../audit/audit.service.js';
import * as repo from './erasure.repo.js';
import { removableMember, takeOut } from './users.service.js';

/** Crockford's base32: no I, L, O or U to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "Person 7K2QX9MD": random, so it says nothing about who it was; the same word in English and German. */
export function newPseudonym(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return `Person ${code}`;
}

/** The address deliveries keep for an erased recipient: reserved (RFC 2606), so nothing is ever sent to it. */
export const pseudonymousAddress = (pseudonym: string) => `${pseudonym.toLowerCase().replace(' ', '-')}@erased.invalid`;

/**
 * Deletes a member together with the personal data this account holds about them (GDPR Art. 17):
 * they are taken out like `remove`, the activity log's personal rows about them go (the chained
 * events stay, so the chain still verifies), reminder mails keep a pseudonymous address, and from
 * then on the account shows them by a pseudonym. When they belong to no other account, their sign-in
 * account goes too (factors, sessions, tokens with it). The administrator confirms with the
 * person's exact e-mail address.
 */
export async function erase(ctx: Ctx, userId: string, confirmEmail: string) {
  const { user } = await removableMember(ctx, userId);
  if (user.email.toLowerCase() !== confirmEmail.toLowerCase())
    throw AppError.invalid('email', 'not_the_email', 'must be the person’s exact e-mail address');
  const actorId = ctx.actor.type === 'user' ? ctx.actor.id : null;
  const pseudonym = await repo.insertErased(ctx.tx, {
    orgId: ctx.orgId,
    userId,
    pseudonym: newPseudonym(),
    erasedBy: actorId,
  });
  await takeOut(ctx, userId);
  await repo.deleteTraces(ctx.tx, ctx.orgId, userId);
  const logEntries = await erasePersonalOf(ctx.tx, ctx.orgId, userId);
  const deliveries = await repo.pseudonymiseDeliveries(ctx.tx, ctx.orgId, userId, pseudonymousAddress(pseudonym));
  // Under the person's own claim their other memberships are visible, and their row may go.
  await setClaims(ctx.tx, { userId });
  const accountErased = (await repo.otherMemberships(ctx.tx, ctx.orgId, userId)) === 0;
  if (accountErased) await repo.deleteUser(ctx.tx, userId);
  await setClaims(ctx.tx, { userId: actorId });
  await record(ctx, {
    action: 'user.erased',
    objectType: 'user',
    objectId: userId,
    subject: { id: userId, name: pseudonym, email: null },
    extra: { logEntries, deliveries, accountErased },
  });
  return { id: userId, pseudonym, logEntries, deliveries, accountErased };
}
