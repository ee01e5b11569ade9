import {
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AuthenticationResponse, RegistrationResponse } from '../../../common/schemas/factors.js';
import type { Config } from '../../config.js';

/** How long a browser has to answer a challenge. */
export const CHALLENGE_TTL_MS = 5 * 60 * 1000;

/** The relying party is the web app: its host name is the RP id, its origin the only origin accepted. */
export function relyingParty(config: Pick<Config, 'appUrl'>) {
  const url = new URL(config.appUrl);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Deedbox' };
}

/** A credential of the person's, as the WebAuthn calls name it. */
export interface StoredCredential {
  credentialId: string;
  publicKey: Buffer;
  signCount: number;
  transports: string[] | null;
}

const transportsOf = (c: StoredCredential) => (c.transports ?? []) as AuthenticatorTransport[];

/** The user handle a passkey carries is the person's id (UTF-8), so a passwordless sign-in finds them. */
export const userHandleOf = (userId: string) => new TextEncoder().encode(userId);

export function registrationOptions(
  config: Pick<Config, 'appUrl'>,
  user: { id: string; email: string; name: string },
  existing: StoredCredential[],
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const rp = relyingParty(config);
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userID: userHandleOf(user.id),
    userName: user.email,
    userDisplayName: user.name,
    attestationType: 'none',
    timeout: CHALLENGE_TTL_MS,
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: transportsOf(c) })),
    // Discoverable, so the same passkey also signs in without a password.
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
}

/** The credential a registration response proves, or null when it does not answer our challenge for our origin. */
export async function verifyRegistration(
  config: Pick<Config, 'appUrl'>,
  response: RegistrationResponse,
  challenge: string,
) {
  const rp = relyingParty(config);
  try {
    const result = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
    if (!result.verified) return null;
    const info = result.registrationInfo;
    return {
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey),
      signCount: info.credential.counter,
      transports: response.response.transports ?? [],
      backedUp: info.credentialBackedUp,
    };
  } catch {
    return null;
  }
}

/**
 * Options for signing in: with the person's credentials as the second step, or (none given)
 * for any discoverable credential, which must then verify its user (it stands for both factors).
 */
export function authenticationOptions(
  config: Pick<Config, 'appUrl'>,
  allowed: StoredCredential[] | null,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: relyingParty(config).rpID,
    timeout: CHALLENGE_TTL_MS,
    userVerification: allowed ? 'preferred' : 'required',
    ...(allowed ? { allowCredentials: allowed.map((c) => ({ id: c.credentialId, transports: transportsOf(c) })) } : {}),
  });
}

/** The new signature counter when the assertion is genuine, for our origin and challenge; null otherwise. */
export async function verifyAuthentication(
  config: Pick<Config, 'appUrl'>,
  response: AuthenticationResponse,
  challenge: string,
  credential: StoredCredential,
  requireUserVerification: boolean,
): Promise<{ signCount: number; userVerified: boolean } | null> {
  const rp = relyingParty(config);
  try {
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      credential: {
        id: credential.credentialId,
        publicKey: new Uint8Array(credential.publicKey),
        // Refuses a counter that does not grow (a cloned authenticator), unless both are zero.
        counter: credential.signCount,
        transports: transportsOf(credential),
      },
      requireUserVerification,
    });
    if (!result.verified) return null;
    return { signCount: result.authenticationInfo.newCounter, userVerified: result.authenticationInfo.userVerified };
  } catch {
    return null;
  }
}
