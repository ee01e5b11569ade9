import type { SECOND_FACTOR_KINDS } from '../../../common/schemas/factors.js';
import type { Tx } from '../../db/client.js';
import type { RequestMeta } from '../../platform/context.js';
import * as factors from '../factors/factors.repo.js';
import * as users from '../users/users.repo.js';
import { type Session, startSession } from './auth.service.js';

export type SecondFactorKind = (typeof SECOND_FACTOR_KINDS)[number];
/** A session, or a pending sign-in with the kinds of code it accepts. */
export type PendingOrSession = Session & { kinds: SecondFactorKind[] };

/**
 * What a correct password opens (claims of the org and the user set on tx): a pending sign-in
 * when the person holds a confirmed factor, a session that can only enrol one when the org
 * demands it and they hold none, otherwise a session.
 */
export async function openSignIn(
  tx: Tx,
  orgId: string,
  userId: string,
  request: RequestMeta,
): Promise<PendingOrSession> {
  const confirmed = await factors.confirmedFactors(tx, userId);
  if (confirmed.length > 0) {
    const kinds: SecondFactorKind[] = [...new Set(confirmed.map((f) => f.kind))];
    if ((await factors.unusedBackupCodes(tx, userId)) > 0) kinds.push('backup_code');
    return { ...(await startSession(tx, orgId, userId, request, 'second_factor')), kinds };
  }
  const org = await users.findOrg(tx, orgId);
  const stage = org?.requireSecondFactor ? 'enrolment' : 'full';
  return { ...(await startSession(tx, orgId, userId, request, stage)), kinds: [] };
}
