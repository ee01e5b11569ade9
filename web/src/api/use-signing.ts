import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  codeSent,
  type SignInput,
  type SigningPage,
  signingDone,
  signingPage,
} from '../../../common/schemas/signing-page.js';
import { ApiError, isApiError } from './api-error.js';
import { api, apiUrl, problemFrom } from './client.js';

export type { SigningPage };
export type SigningField = SigningPage['fields'][number];

const pageKey = (token: string) => ['signing-page', token] as const;
const path = (token: string) => `/signing/${encodeURIComponent(token)}`;

/** What the recipient's link shows; reading it changes nothing (mail scanners follow links). */
export function useSigningPage(token: string) {
  return useQuery({ queryKey: pageKey(token), queryFn: () => api.get(path(token), signingPage), retry: false });
}

/** The page was opened in a browser: the evidence a link scanner (no JavaScript) never leaves. */
export function markViewed(token: string) {
  return api.post(`${path(token)}/viewed`, {}, signingDone);
}

/** The document as sent, for pdf.js; never cached. */
export async function fetchSigningPdf(token: string, signal: AbortSignal): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`${path(token)}/pdf`), { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  }
  if (!response.ok) throw await problemFrom(response);
  return response.arrayBuffer();
}

/** After a refused action the state may have moved on (signed elsewhere, ended): read it again. */
function refreshOnConflict(client: ReturnType<typeof useQueryClient>, token: string) {
  return (error: unknown) => {
    if (isApiError(error) && (error.status === 409 || error.status === 410)) {
      void client.invalidateQueries({ queryKey: pageKey(token) });
    }
  };
}

/** Mails a new one-time code; the page then knows until when it works. */
export function useSendSigningCode(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${path(token)}/code`, {}, codeSent),
    onSettled: () => client.invalidateQueries({ queryKey: pageKey(token) }),
  });
}

/** Confirms the code: this browser may then view, sign and decline for 30 minutes (an HttpOnly cookie). */
export function useVerifySigningCode(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post(`${path(token)}/code/verify`, { code }, signingDone),
    onSettled: () => client.invalidateQueries({ queryKey: pageKey(token) }),
  });
}

export function useSign(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInput) => api.post(`${path(token)}/sign`, input, signingDone),
    onError: refreshOnConflict(client, token),
  });
}

export function useDecline(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post(`${path(token)}/decline`, { reason }, signingDone),
    onError: refreshOnConflict(client, token),
  });
}
