import { z } from 'zod';
import { PASSWORD_MAX } from '../passwords.js';
import { isoDateTime } from './common.js';

/** The kinds of second factor a person can hold (passkeys and SMS will join them). */
export const FACTOR_KINDS = ['totp'] as const;
/** What the second step of a sign-in accepts. */
export const SECOND_FACTOR_KINDS = ['totp', 'backup_code'] as const;

export const factor = z.object({
  id: z.uuid(),
  kind: z.enum(FACTOR_KINDS),
  name: z.string(),
  confirmed: z.boolean(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
});
export type Factor = z.infer<typeof factor>;

export const factorsOutput = z.object({
  /** Confirmed factors only; an enrolment not yet confirmed is not listed. */
  items: z.array(factor),
  backupCodesLeft: z.number().int(),
  /** This account demands a second factor of every member. */
  required: z.boolean(),
});

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{3} ?\d{3}$/, { message: 'must be the 6 digits your app shows' })
  .transform((code) => code.replace(' ', ''));

export const startTotpInput = z.object({ name: z.string().trim().min(1).max(60).default('Authenticator app') });
export const totpEnrolment = z.object({
  id: z.uuid(),
  /** Base32, for typing into the app when the QR code cannot be scanned. */
  secret: z.string(),
  uri: z.string(),
  /** The QR code of `uri` as an SVG document, drawn by this server. */
  qrSvg: z.string(),
});
export const confirmTotpInput = z.object({ code: totpCode });
export const confirmTotpOutput = z.object({
  factor,
  /** Ten fresh backup codes with the first confirmed factor, shown this once; null otherwise. */
  backupCodes: z.array(z.string()).nullable(),
});

export const passwordCheckInput = z.object({ password: z.string().min(1).max(PASSWORD_MAX) });
export const backupCodesOutput = z.object({ codes: z.array(z.string()) });

export const secondFactorInput = z.object({
  kind: z.enum(SECOND_FACTOR_KINDS),
  code: z.string().trim().min(6).max(32),
});

/** A correct password with a second factor due: answered 202 instead of a session. */
export const secondFactorStep = z.object({
  secondFactor: z.object({ kinds: z.array(z.enum(SECOND_FACTOR_KINDS)), expiresAt: isoDateTime }),
  csrfToken: z.string(),
});

export const securitySettings = z.object({ requireSecondFactor: z.boolean() });
export const securitySettingsPatch = securitySettings.partial();
