import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { ssoConnections, ssoDomains, ssoIdentities, ssoSignIns } from '../../db/schema/index.js';

export type ConnectionRow = typeof ssoConnections.$inferSelect;
export type DomainRow = typeof ssoDomains.$inferSelect;
export type SignInRow = typeof ssoSignIns.$inferSelect;

export async function findConnection(tx: Tx, orgId: string): Promise<ConnectionRow | null> {
  const [row] = await tx.select().from(ssoConnections).where(eq(ssoConnections.orgId, orgId));
  return row ?? null;
}

export async function insertConnection(tx: Tx, row: typeof ssoConnections.$inferInsert): Promise<void> {
  await tx.insert(ssoConnections).values(row);
}

export async function updateConnection(
  tx: Tx,
  orgId: string,
  patch: Partial<typeof ssoConnections.$inferInsert>,
): Promise<void> {
  await tx
    .update(ssoConnections)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(ssoConnections.orgId, orgId));
}

export async function deleteConnection(tx: Tx, orgId: string): Promise<ConnectionRow | null> {
  const [row] = await tx.delete(ssoConnections).where(eq(ssoConnections.orgId, orgId)).returning();
  if (row) await tx.delete(ssoIdentities).where(eq(ssoIdentities.orgId, orgId));
  return row ?? null;
}

/** Unlinks everyone from the org's connection (its identity provider changed). */
export async function deleteIdentities(tx: Tx, orgId: string): Promise<void> {
  await tx.delete(ssoIdentities).where(eq(ssoIdentities.orgId, orgId));
}

export function listDomains(tx: Tx, orgId: string): Promise<DomainRow[]> {
  return tx.select().from(ssoDomains).where(eq(ssoDomains.orgId, orgId)).orderBy(ssoDomains.domain);
}

export async function insertDomain(tx: Tx, row: typeof ssoDomains.$inferInsert): Promise<DomainRow> {
  const [created] = await tx.insert(ssoDomains).values(row).returning();
  return created!;
}

export async function findDomain(tx: Tx, orgId: string, id: string): Promise<DomainRow | null> {
  const [row] = await tx
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.orgId, orgId), eq(ssoDomains.id, id)));
  return row ?? null;
}

export async function findDomainByName(tx: Tx, orgId: string, domain: string): Promise<DomainRow | null> {
  const [row] = await tx
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.orgId, orgId), eq(ssoDomains.domain, domain)));
  return row ?? null;
}

export async function deleteDomain(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(ssoDomains).where(and(eq(ssoDomains.orgId, orgId), eq(ssoDomains.id, id)));
}

export async function markDomainVerified(tx: Tx, orgId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(ssoDomains)
    .set({ verifiedAt: at })
    .where(and(eq(ssoDomains.orgId, orgId), eq(ssoDomains.id, id)));
}

/** The org that verified the domain; needs the `email` claim of an address at it (or that org's claim). */
export async function findVerifiedDomain(tx: Tx, domain: string): Promise<DomainRow | null> {
  const [row] = await tx
    .select()
    .from(ssoDomains)
    .where(and(eq(ssoDomains.domain, domain), isNotNull(ssoDomains.verifiedAt)));
  return row ?? null;
}

export async function insertSignIn(tx: Tx, row: typeof ssoSignIns.$inferInsert): Promise<void> {
  await tx.insert(ssoSignIns).values(row);
}

/** Spends a pending sign-in (found by the cookie's hash claim): null when unknown, used or expired. */
export async function consumeSignIn(tx: Tx, tokenHash: string, now: Date): Promise<SignInRow | null> {
  const [row] = await tx
    .update(ssoSignIns)
    .set({ usedAt: now })
    .where(and(eq(ssoSignIns.tokenHash, tokenHash), isNull(ssoSignIns.usedAt), gt(ssoSignIns.expiresAt, now)))
    .returning();
  return row ?? null;
}

/** SAML: the pending sign-in a RelayState names (hash claim set), still waiting and without a response. */
export async function storeSamlResponse(
  tx: Tx,
  relayHash: string,
  connectionId: string,
  samlResponse: string,
  now: Date,
): Promise<SignInRow | null> {
  const [row] = await tx
    .update(ssoSignIns)
    .set({ samlResponse })
    .where(
      and(
        eq(ssoSignIns.relayHash, relayHash),
        eq(ssoSignIns.connectionId, connectionId),
        isNull(ssoSignIns.usedAt),
        isNull(ssoSignIns.samlResponse),
        gt(ssoSignIns.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findIdentity(tx: Tx, orgId: string, connectionId: string, subject: string) {
  const [row] = await tx
    .select()
    .from(ssoIdentities)
    .where(
      and(
        eq(ssoIdentities.orgId, orgId),
        eq(ssoIdentities.connectionId, connectionId),
        eq(ssoIdentities.subject, subject),
      ),
    );
  return row ?? null;
}

export async function findIdentityOfUser(tx: Tx, orgId: string, connectionId: string, userId: string) {
  const [row] = await tx
    .select()
    .from(ssoIdentities)
    .where(
      and(
        eq(ssoIdentities.orgId, orgId),
        eq(ssoIdentities.connectionId, connectionId),
        eq(ssoIdentities.userId, userId),
      ),
    );
  return row ?? null;
}

export async function insertIdentity(tx: Tx, row: typeof ssoIdentities.$inferInsert): Promise<void> {
  await tx.insert(ssoIdentities).values(row);
}

export async function touchIdentity(tx: Tx, orgId: string, connectionId: string, subject: string, at: Date) {
  await tx
    .update(ssoIdentities)
    .set({ lastSignInAt: at })
    .where(
      and(
        eq(ssoIdentities.orgId, orgId),
        eq(ssoIdentities.connectionId, connectionId),
        eq(ssoIdentities.subject, subject),
      ),
    );
}
