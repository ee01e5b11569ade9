import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import * as units from '../business-units/business-units.repo.js';
import { startTrial } from '../subscriptions/subscriptions.service.js';
import * as users from '../users/users.repo.js';
import { insertOrg } from './orgs.repo.js';

export interface NewOrg {
  orgId: string;
  userId: string;
  companyName: string;
  owner: { name: string; email: string; passwordHash: string; locale: 'en' | 'de'; emailVerified: boolean };
}

/** An org on its trial, its first Administrator and its default business unit; claims for both ids must be set. */
export async function createOrgWithOwner(tx: Tx, config: Config, input: NewOrg): Promise<users.UserRow> {
  const now = new Date();
  await insertOrg(tx, { id: input.orgId, name: input.companyName });
  await startTrial(tx, config, input.orgId, now);
  const org = (await users.findOrg(tx, input.orgId))!;
  const user = await users.insertUser(tx, {
    id: input.userId,
    email: input.owner.email,
    name: input.owner.name,
    passwordHash: input.owner.passwordHash,
    locale: input.owner.locale,
    // The first administrator works in the account's time zone until they choose another.
    timeZone: org.timeZone,
    passwordChangedAt: now,
    emailVerifiedAt: input.owner.emailVerified ? now : null,
  });
  await users.insertMembership(tx, { orgId: input.orgId, userId: input.userId, isAdmin: true, status: 'active' });
  const unitName = input.owner.locale === 'de' ? 'Allgemein' : 'General';
  await units.insert(tx, { orgId: input.orgId, id: randomUUID(), name: unitName, isDefault: true });
  return user;
}
