import { describeDevice, ipPrefix, parseUserAgent } from '../../../common/user-agent.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import { type Deps, type PublicCtx, type RequestMeta, transact } from '../../platform/context.js';
import { hashToken, hmac } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { newDeviceMail } from '../../platform/mail/messages.js';
import { recordWith } from '../audit/audit.service.js';
import * as users from '../users/users.repo.js';
import { type Session, userActor } from './auth.service.js';
import { rememberDevice } from './devices.repo.js';
import { SESSION_TTL_MS } from './session-cookies.js';
import { deleteUserSession } from './sessions.repo.js';
import { consumeUserTokenRow, issueUserToken } from './user-tokens.repo.js';

/**
 * Browser, system, kind of device and network (/24, /48), keyed with the server's secret: the
 * table holds no raw values, and a browser update or a new address on the same network is no news.
 */
export function deviceKeyOf(config: Config, userId: string, request: RequestMeta): string {
  const d = parseUserAgent(request.userAgent);
  return hmac(config.secretKey, 'device', userId, d.browser ?? '', d.os ?? '', d.kind, ipPrefix(request.ip));
}

/** The device of a person's first session (sign-up, accepted invitation) is learnt without a mail. */
export async function learnDevice(tx: Tx, config: Config, userId: string, request: RequestMeta): Promise<void> {
  await rememberDevice(tx, userId, deviceKeyOf(config, userId, request));
}

interface SignInWork {
  tx: Tx;
  deps: Deps;
  request: RequestMeta;
  afterCommit(fn: () => Promise<unknown>): void;
}

/**
 * A sign-in from a device not on record for the person is logged and mailed to them with a link
 * that ends exactly this session. With nothing on record yet (people from before devices were
 * recorded) the device is learnt silently: there is nothing to compare it with.
 */
export async function warnOfNewDevice(w: SignInWork, user: users.UserRow, session: Session): Promise<void> {
  const news = await rememberDevice(w.tx, user.id, deviceKeyOf(w.deps.config, user.id, w.request));
  if (news !== 'new') return;
  const token = await issueUserToken(w.tx, user.id, 'end_session', SESSION_TTL_MS, session);
  const device = parseUserAgent(w.request.userAgent);
  await recordWith(
    { tx: w.tx, orgId: session.orgId, actor: userActor(user, session.sessionId), request: w.request },
    { action: 'auth.new_device', objectType: 'session', objectId: session.sessionId, extra: { device } },
  );
  const at = new Intl.DateTimeFormat(user.locale === 'de' ? 'de-DE' : 'en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: user.timeZone,
    timeZoneName: 'short',
  }).format(new Date());
  const seen = { device: describeDevice(device, user.locale), ip: w.request.ip ?? '?', at };
  const href = `${w.deps.config.appUrl}/end-session?token=${token}`;
  const mail = newDeviceMail(user.locale, user.email, user.name, seen, href);
  // Not awaited: signing in does not wait for the mail server.
  w.afterCommit(async () => {
    w.deps.mailer.send(mail).catch((err: unknown) => w.deps.log.error({ err }, 'new-device mail failed'));
  });
}

/**
 * The mailed link ends the session it names, once; whoever holds the link holds the person's
 * mailbox. Answers whether the session was still open (it may have been signed out meanwhile).
 */
export async function endSessionFromMail(pub: PublicCtx, token: string): Promise<{ ended: boolean }> {
  return transact(pub.deps, { tokenHash: hashToken(token) }, async (tx) => {
    const link = await consumeUserTokenRow(tx, token, 'end_session');
    if (!link?.orgId || !link.sessionId) {
      throw new AppError('invalid_token', 'This link is invalid, used or expired.');
    }
    await setClaims(tx, { orgId: link.orgId, userId: link.userId });
    const ended = await deleteUserSession(tx, link.orgId, link.userId, link.sessionId);
    const user = (await users.findUser(tx, link.userId))!;
    await recordWith(
      { tx, orgId: link.orgId, actor: userActor(user), request: pub.request },
      { action: 'session.ended_from_mail', objectType: 'session', objectId: link.sessionId, extra: { ended } },
    );
    return { ended };
  });
}
