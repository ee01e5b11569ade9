import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { knownDevices } from '../../db/schema/index.js';

export type DeviceNews = 'first' | 'new' | 'known';

/**
 * Remembers that the person (whose `userId` claim is set) used this device and says whether it
 * is their first device on record, a new one, or one seen before.
 */
export async function rememberDevice(tx: Tx, userId: string, deviceKey: string): Promise<DeviceNews> {
  const [seen] = await tx
    .select({
      any: sql<number>`count(*)::int`,
      same: sql<number>`count(*) filter (where ${knownDevices.deviceKey} = ${deviceKey})::int`,
    })
    .from(knownDevices)
    .where(eq(knownDevices.userId, userId));
  const now = new Date();
  await tx
    .insert(knownDevices)
    .values({ userId, deviceKey, firstSeenAt: now, lastSeenAt: now })
    .onConflictDoUpdate({ target: [knownDevices.userId, knownDevices.deviceKey], set: { lastSeenAt: now } });
  if (!seen?.any) return 'first';
  return seen.same ? 'known' : 'new';
}
