import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { type CBORType, encodeCBOR } from '@levischuck/tiny-cbor';
import type { AuthenticationResponse, RegistrationResponse } from '../../common/schemas/factors.js';

const b64url = (bytes: Uint8Array | Buffer | string) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();

/** Flags of authenticator data: user present, user verified, attested credential data included. */
const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

interface Credential {
  id: Buffer;
  key: KeyObject;
  userHandle: string;
  rpId: string;
  counter: number;
}

export interface Ceremony {
  /** Defaults: the harness's origin and RP id (APP_URL http://deedbox.test). */
  origin?: string;
  rpId?: string;
  challenge?: string;
  userVerified?: boolean;
  /** The counter to sign with, instead of the next one (a cloned authenticator lags behind). */
  counter?: number;
  /** Registration: this credential id instead of a random one (someone else's). */
  credentialId?: Buffer;
}

/**
 * A software WebAuthn authenticator (ES256, `none` attestation) for tests: it builds the same
 * responses a browser hands @simplewebauthn/browser's callers, and can be told to lie about the
 * origin, the RP id, the challenge or its counter.
 */
export class SoftAuthenticator {
  readonly credentials: Credential[] = [];

  /** Creates a credential for the options a registration route answered. */
  register(options: { challenge: string; rp: { id?: string }; user: { id: string } }, c: Ceremony = {}) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const cose = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(jwk.x!, 'base64url')],
      [-3, Buffer.from(jwk.y!, 'base64url')],
    ]);
    const rpId = c.rpId ?? options.rp.id ?? 'deedbox.test';
    const credential: Credential = {
      id: c.credentialId ?? randomBytes(16),
      key: privateKey,
      userHandle: options.user.id,
      rpId,
      counter: 1,
    };
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(credential.id.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([UP | (c.userVerified === false ? 0 : UV) | AT]),
      counterBytes(c.counter ?? credential.counter),
      Buffer.alloc(16),
      idLength,
      credential.id,
      Buffer.from(encodeCBOR(cose)),
    ]);
    const attestationObject = encodeCBOR(
      new Map<string, CBORType>([
        ['fmt', 'none'],
        ['attStmt', new Map<string, CBORType>()],
        ['authData', authData],
      ]),
    );
    const clientData = clientDataJSON('webauthn.create', c.challenge ?? options.challenge, c.origin);
    this.credentials.push(credential);
    const response: RegistrationResponse = {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientData),
        attestationObject: b64url(attestationObject),
        transports: ['internal'],
      },
      clientExtensionResults: {},
    };
    return response;
  }

  /** Signs a challenge with a credential (the newest by default), as `navigator.credentials.get()` would. */
  assert(challenge: string, c: Ceremony & { credential?: Credential } = {}): AuthenticationResponse {
    const credential = c.credential ?? this.credentials.at(-1)!;
    credential.counter += 1;
    const authData = Buffer.concat([
      sha256(c.rpId ?? credential.rpId),
      Buffer.from([UP | (c.userVerified === false ? 0 : UV)]),
      counterBytes(c.counter ?? credential.counter),
    ]);
    const clientData = clientDataJSON('webauthn.get', c.challenge ?? challenge, c.origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), credential.key);
    return {
      id: b64url(credential.id),
      rawId: b64url(credential.id),
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientData),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: credential.userHandle,
      },
      clientExtensionResults: {},
    };
  }
}

function counterBytes(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function clientDataJSON(type: string, challenge: string, origin = 'http://deedbox.test'): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}
