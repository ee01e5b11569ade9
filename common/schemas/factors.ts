import { z } from 'zod';
import { PASSWORD_MAX } from '../passwords.js';
import { isoDateTime } from './common.js';

/** The kinds of second factor a person can hold. */
export const FACTOR_KINDS = ['totp', 'passkey', 'sms'] as const;
/** What the second step of a sign-in accepts. */
export const SECOND_FACTOR_KINDS = ['totp', 'passkey', 'sms', 'backup_code'] as const;
/** What an SMS code is for: confirming a new number, or the second step of a sign-in. */
export const SMS_CODE_PURPOSES = ['enrol', 'sign_in'] as const;
/** What a stored WebAuthn challenge is for. */
export const WEBAUTHN_PURPOSES = ['register', 'second_factor', 'passwordless'] as const;

export const factor = z.object({
  id: z.uuid(),
  kind: z.enum(FACTOR_KINDS),
  name: z.string(),
  confirmed: z.boolean(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  /** SMS: the number masked (`+49 ••• ••• 67`); null for other kinds. */
  phone: z.string().nullable(),
});
export type Factor = z.infer<typeof factor>;

export const factorsOutput = z.object({
  /** Confirmed factors only; an enrolment not yet confirmed is not listed. */
  items: z.array(factor),
  backupCodesLeft: z.number().int(),
  /** This account demands a second factor of every member. */
  required: z.boolean(),
  /** A text message provider is configured: SMS codes can be added. */
  smsAvailable: z.boolean(),
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

/** A phone number as text messages take it: E.164, a plus and 7 to 15 digits (spaces, dashes and brackets are dropped). */
export const phoneNumber = z
  .string()
  .trim()
  .max(40)
  .transform((phone) => phone.replace(/[\s()./-]/g, ''))
  .refine((phone) => /^\+[1-9]\d{6,14}$/.test(phone), {
    message: 'must be in international format, such as +49 30 901820',
    params: { rule: 'phone' },
  });

export const startSmsInput = z.object({
  phone: phoneNumber,
  name: z.string().trim().min(1).max(60).default('Text message'),
});
export const smsCodeSent = z.object({
  /** The factor the code is for. */
  id: z.uuid(),
  /** The number masked, as the list shows it. */
  phone: z.string(),
  expiresAt: isoDateTime,
  /** Seconds until another code can be sent. */
  resendAfter: z.number().int(),
});
export const smsSignInCodeInput = z.object({ factorId: z.uuid().optional() });

export const passwordCheckInput = z.object({ password: z.string().min(1).max(PASSWORD_MAX) });
export const backupCodesOutput = z.object({ codes: z.array(z.string()) });

const base64url = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, { message: 'must be base64url' });
const AUTHENTICATOR_TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;

/** What the browser's `navigator.credentials.create()` gave, as @simplewebauthn/browser encodes it. */
export const registrationResponse = z.object({
  id: base64url(1400).min(1),
  rawId: base64url(1400).min(1),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4000),
    attestationObject: base64url(20_000),
    transports: z.array(z.enum(AUTHENTICATOR_TRANSPORTS)).max(8).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
export type RegistrationResponse = z.infer<typeof registrationResponse>;

/** What the browser's `navigator.credentials.get()` gave, as @simplewebauthn/browser encodes it. */
export const authenticationResponse = z.object({
  id: base64url(1400).min(1),
  rawId: base64url(1400).min(1),
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: base64url(4000),
    authenticatorData: base64url(4000),
    signature: base64url(2000),
    userHandle: base64url(200).optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
export type AuthenticationResponse = z.infer<typeof authenticationResponse>;

/** WebAuthn options for the browser (PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON), passed on as they are. */
export const webauthnOptions = z.looseObject({ challenge: z.string() });

export const startPasskeyInput = z.object({ name: z.string().trim().min(1).max(60).default('Passkey') });
export const passkeyEnrolment = z.object({ id: z.uuid(), options: webauthnOptions });
export const confirmPasskeyInput = z.object({ response: registrationResponse });
export const renameFactorInput = z.object({ name: z.string().trim().min(1).max(60) });

export const secondFactorInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['totp', 'sms', 'backup_code']), code: z.string().trim().min(6).max(32) }),
  z.object({ kind: z.literal('passkey'), response: authenticationResponse }),
]);
export type SecondFactorInput = z.infer<typeof secondFactorInput>;

export const passkeyOptions = z.object({ options: webauthnOptions });
export const passkeySignInInput = z.object({ response: authenticationResponse });

/** A correct password with a second factor due: answered 202 instead of a session. */
export const secondFactorStep = z.object({
  secondFactor: z.object({ kinds: z.array(z.enum(SECOND_FACTOR_KINDS)), expiresAt: isoDateTime }),
  csrfToken: z.string(),
});

export const securitySettings = z.object({ requireSecondFactor: z.boolean() });
export const securitySettingsPatch = securitySettings.partial();
