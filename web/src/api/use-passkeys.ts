import { startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meOutput } from '../../../common/schemas/auth.js';
import { confirmTotpOutput, factor, passkeyEnrolment, passkeyOptions } from '../../../common/schemas/factors.js';
import { api } from './client.js';
import { factorsKey } from './keys.js';
import { storeMe } from './use-me.js';

// The server hands WebAuthn options over as they are; the browser library knows their shape.
type CreationOptions = Parameters<typeof startRegistration>[0]['optionsJSON'];
type RequestOptions = Parameters<typeof startAuthentication>[0]['optionsJSON'];

/**
 * Registers a passkey: the server's options, the browser's ceremony (the person confirms on their
 * device), then the server checks the answer. The first factor comes with backup codes.
 */
export function useAddPasskey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      const { id, options } = await api.post('/me/factors/passkey', { name }, passkeyEnrolment);
      const response = await startRegistration({ optionsJSON: options as unknown as CreationOptions });
      return api.post(`/me/factors/passkey/${id}/confirm`, { response }, confirmTotpOutput);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: factorsKey }),
  });
}

export function useRenameFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => api.patch(`/me/factors/${id}`, { name }, factor),
    onSuccess: () => client.invalidateQueries({ queryKey: factorsKey }),
  });
}

/** The second step of a sign-in answered with one of the person's passkeys. */
export function usePasskeySecondFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { options } = await api.post('/auth/second-factor/passkey-options', {}, passkeyOptions);
      const response = await startAuthentication({ optionsJSON: options as unknown as RequestOptions });
      return api.post('/auth/second-factor', { kind: 'passkey', response }, meOutput);
    },
    onSuccess: (me) => storeMe(client, me),
  });
}

/** Signs in with any passkey of ours the device holds: no address, no password, no code. */
export function usePasskeySignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { options } = await api.post('/auth/passkey/options', {}, passkeyOptions);
      const response = await startAuthentication({ optionsJSON: options as unknown as RequestOptions });
      return api.post('/auth/passkey/sign-in', { response }, meOutput);
    },
    onSuccess: (me) => storeMe(client, me),
  });
}
