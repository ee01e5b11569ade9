import type { ReminderLinkAction } from '../../../common/schemas/reminders.js';
import type { Config } from '../../config.js';
import {
  invalidLink,
  openToken,
  readExpiry,
  signToken,
  uuidBytes,
  uuidText,
} from '../../platform/links/signed-token.js';

export interface ReminderLinkPayload {
  orgId: string;
  deliveryId: string;
  action: ReminderLinkAction;
  expiresAt: Date;
}

/**
 * Token layout (base64url): version, action, org id, delivery id (16 bytes each), expiry in
 * unix seconds (uint32), then the HMAC-SHA256 of those 38 bytes. 94 characters in all.
 */
const VERSION = 1;
const BODY_BYTES = 1 + 1 + 16 + 16 + 4;
const ACTIONS: readonly ReminderLinkAction[] = ['acknowledge', 'dismiss'];
const PURPOSE = 'deedbox.reminder-link';

export function reminderLinkToken(secretKey: string, payload: ReminderLinkPayload): string {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt8(VERSION, 0);
  body.writeUInt8(ACTIONS.indexOf(payload.action), 1);
  uuidBytes(payload.orgId).copy(body, 2);
  uuidBytes(payload.deliveryId).copy(body, 18);
  body.writeUInt32BE(Math.floor(payload.expiresAt.getTime() / 1000), 34);
  return signToken(secretKey, PURPOSE, body);
}

export function reminderLinkUrl(config: Pick<Config, 'appUrl' | 'secretKey'>, payload: ReminderLinkPayload): string {
  return `${config.appUrl}/respond/${reminderLinkToken(config.secretKey, payload)}`;
}

/** Both links of one delivery, for the mail's acknowledgeLink and dismissLink. */
export function reminderLinks(
  config: Pick<Config, 'appUrl' | 'secretKey'>,
  link: Omit<ReminderLinkPayload, 'action'>,
): { acknowledgeLink: string; dismissLink: string } {
  return {
    acknowledgeLink: reminderLinkUrl(config, { ...link, action: 'acknowledge' }),
    dismissLink: reminderLinkUrl(config, { ...link, action: 'dismiss' }),
  };
}

/** The link's payload; not_found when malformed or altered, gone when expired. */
export function readReminderLink(secretKey: string, token: string, now: Date): ReminderLinkPayload {
  const body = openToken(secretKey, PURPOSE, token, BODY_BYTES);
  const action = ACTIONS[body.readUInt8(1)];
  if (body.readUInt8(0) !== VERSION || !action) throw invalidLink();
  const expiresAt = readExpiry(body, 34, now);
  return { orgId: uuidText(body.subarray(2, 18)), deliveryId: uuidText(body.subarray(18, 34)), action, expiresAt };
}
