import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type changePasswordInput, meOutput, type updateMeInput } from '../../../common/schemas/auth.js';
import { api } from './client.js';
import { storeMe } from './use-me.js';

export function useUpdateMe() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.output<typeof updateMeInput>) => api.patch('/me', input, meOutput),
    onSuccess: (me) => storeMe(client, me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: z.output<typeof changePasswordInput>) => api.command('/me/password', input),
  });
}
