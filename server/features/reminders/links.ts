import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReminderLinkAction } from '../../../common/schemas/reminders.js';
import type { Config } from '../../config.js';
import { AppError } from '../../platform/errors.js';

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
const MAC_BYTES = 32;
const ACTIONS: readonly ReminderLinkAction[] = ['acknowledge', 'dismiss'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = () => new AppError('not_found', 'This link is not valid.');

function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`not a UUID: ${id}`);
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// A purpose prefix keeps these MACs apart from every other use of the secret key.
const mac = (secretKey: string, body: Buffer) =>
  createHmac('sha256', secretKey).update('deedbox.reminder-link\0').update(body).digest();

export function reminderLinkToken(secretKey: string, payload: ReminderLinkPayload): string {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt8(VERSION, 0);
  body.writeUInt8(ACTIONS.indexOf(payload.action), 1);
  uuidBytes(payload.orgId).copy(body, 2);
  uuidBytes(payload.deliveryId).copy(body, 18);
  body.writeUInt32BE(Math.floor(payload.expiresAt.getTime() / 1000), 34);
  return Buffer.concat([body, mac(secretKey, body)]).toString('base64url');
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
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalid();
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== BODY_BYTES + MAC_BYTES || raw.toString('base64url') !== token) throw invalid();
  const body = raw.subarray(0, BODY_BYTES);
  if (!timingSafeEqual(raw.subarray(BODY_BYTES), mac(secretKey, body))) throw invalid();
  const action = ACTIONS[body.readUInt8(1)];
  if (body.readUInt8(0) !== VERSION || !action) throw invalid();
  const expiresAt = new Date(body.readUInt32BE(34) * 1000);
  if (expiresAt.getTime() <= now.getTime()) throw AppError.because('gone', 'link_expired', 'This link has expired.');
  return { orgId: uuidText(body.subarray(2, 18)), deliveryId: uuidText(body.subarray(18, 34)), action, expiresAt };
}
