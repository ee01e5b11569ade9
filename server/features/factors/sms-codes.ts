import { randomInt } from 'node:crypto';
import type { LOCALES } from '../../../common/schemas/auth.js';
import { hmac } from '../../platform/crypto/tokens.js';

/** A code lives five minutes and takes five wrong tries. */
export const SMS_CODE_TTL_MS = 5 * 60_000;
export const SMS_CODE_TRIES = 5;
/** Per person: one text message a minute, five an hour (each costs money and can be used to harass a number). */
export const SMS_GAP_MS = 60_000;
export const SMS_PER_HOUR = 5;

/** Six random digits, leading zeros kept. */
export function newSmsCode(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

/** Stored as an HMAC under the server secret, bound to the code's row: a leaked table cannot be searched through a million codes. */
export function smsCodeHash(secretKey: string, codeId: string, code: string): string {
  return hmac(secretKey, 'sms-code', codeId, code);
}

/** The number as the list shows it: country code and the last two digits (`+49 ••• ••• 67`). */
export function maskPhone(phone: string): string {
  return `${phone.slice(0, 3)} ••• ••• ${phone.slice(-2)}`;
}

export function smsCodeText(locale: (typeof LOCALES)[number], code: string): string {
  return locale === 'de'
    ? `Ihr Deedbox-Code lautet ${code}. Er läuft in 5 Minuten ab.`
    : `Your Deedbox code is ${code}. It expires in 5 minutes.`;
}

/**
 * Seconds until the person may be sent another text, given when their texts of the last hour
 * were sent (newest first); null when one may go now.
 */
export function smsWait(sentAt: Date[], now: Date): number | null {
  const hourAgo = now.getTime() - 3_600_000;
  const recent = sentAt.filter((d) => d.getTime() > hourAgo);
  const waits: number[] = [];
  if (recent[0] && now.getTime() - recent[0].getTime() < SMS_GAP_MS) {
    waits.push(recent[0].getTime() + SMS_GAP_MS - now.getTime());
  }
  if (recent.length >= SMS_PER_HOUR) waits.push(recent[SMS_PER_HOUR - 1]!.getTime() + 3_600_000 - now.getTime());
  return waits.length ? Math.ceil(Math.max(...waits) / 1000) : null;
}
