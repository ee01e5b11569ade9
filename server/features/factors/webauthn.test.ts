import { describe, expect, it } from 'vitest';
import { userIdOfHandle } from '../auth/passkey-sign-in.service.js';
import { relyingParty, userHandleOf } from './webauthn.js';

describe('the relying party and the user handle', () => {
  it('takes the RP id from the host name of APP_URL and the origin with its port', () => {
    expect(relyingParty({ appUrl: 'https://deeds.example.com:8443' })).toMatchObject({
      rpID: 'deeds.example.com',
      origin: 'https://deeds.example.com:8443',
    });
    expect(relyingParty({ appUrl: 'http://localhost:3210' })).toMatchObject({
      rpID: 'localhost',
      origin: 'http://localhost:3210',
    });
  });

  it('reads the person back from the user handle, and nothing else', () => {
    const id = '0b8f7a52-3c1e-4d9a-9f00-5a1e2b3c4d5e';
    expect(userIdOfHandle(Buffer.from(userHandleOf(id)).toString('base64url'))).toBe(id);
    expect(userIdOfHandle(undefined)).toBeNull();
    expect(userIdOfHandle('')).toBeNull();
    expect(userIdOfHandle(Buffer.from('not-a-uuid').toString('base64url'))).toBeNull();
    expect(userIdOfHandle(Buffer.from(`${id}x`).toString('base64url'))).toBeNull();
  });
});
