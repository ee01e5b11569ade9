import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type Document,
  type DocumentVersion,
  document,
  documentList,
  documentPreview,
  type linkInput,
} from '../../../common/schemas/documents.js';
import { ApiError } from './api-error.js';
import { api, apiUrl, problemFrom } from './client.js';
import { contractsKey } from './keys.js';
import { type UploadProgress, uploadFile } from './upload-file.js';

export type { Document, DocumentVersion };
export type LinkInput = z.input<typeof linkInput>;

// Under the contracts' key: a change to a contract's documents also shows in its history.
const documentsKey = [...contractsKey, 'documents'] as const;

/** A contract's documents and links, or (deleted) those in its recycle bin. */
export function useContractDocuments(contractId: string, deleted: boolean) {
  return useQuery({
    queryKey: [...documentsKey, 'of', contractId, deleted],
    queryFn: async () =>
      (await api.get(`/contracts/${contractId}/documents`, documentList, { deleted: String(deleted) })).items,
    // While the server reads a version's text, its status is asked again so "being read" turns into the outcome.
    refetchInterval: (query) => (query.state.data?.some(isReadingText) ? TEXT_POLL_MS : false),
  });
}

const TEXT_POLL_MS = 3000;
const isReadingText = (document: Document) => document.versions[0]?.textStatus === 'pending';

export function useDocument(id: string) {
  return useQuery({ queryKey: [...documentsKey, 'one', id], queryFn: () => api.get(`/documents/${id}`, document) });
}

function useDocumentMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: contractsKey }) });
}

export const useRenameDocument = () =>
  useDocumentMutation(({ id, name }: { id: string; name: string }) =>
    api.patch(`/documents/${id}`, { name }, document),
  );

export const useDeleteDocument = () => useDocumentMutation((id: string) => api.delete(`/documents/${id}`));

export const useRestoreDocument = () =>
  useDocumentMutation((id: string) => api.post(`/documents/${id}/restore`, undefined, document));

export const useAddLink = (contractId: string) =>
  useDocumentMutation((input: LinkInput) => api.post(`/contracts/${contractId}/links`, input, document));

/** Where an upload goes: a new document of a contract or of the inbox, or a new version of a document. */
export type UploadTarget = { contractId: string } | { documentId: string } | { inbox: true };

function uploadPath(target: UploadTarget): string {
  if ('inbox' in target) return '/inbox';
  if ('contractId' in target) return `/contracts/${target.contractId}/documents`;
  return `/documents/${target.documentId}/versions`;
}

/** Sends one file with progress; the lists refresh once it is stored. */
export function useSendFile() {
  const client = useQueryClient();
  return (target: UploadTarget, file: File, onProgress: (progress: UploadProgress) => void) => {
    const upload = uploadFile(uploadPath(target), file, document, onProgress);
    void upload.done.then(() => client.invalidateQueries({ queryKey: contractsKey })).catch(() => undefined);
    return upload;
  };
}

/** A version's bytes: a download (attachment) or what the preview shows (inline). */
export function documentContentUrl(id: string, version: number, disposition: 'attachment' | 'inline'): string {
  return apiUrl(`/documents/${id}/content`, { version, disposition });
}

/** How a version is shown: pdf and image drawn here from its bytes, Word as sanitised HTML, text, or none. */
export function useDocumentPreview(id: string, version: number) {
  return useQuery({
    queryKey: [...documentsKey, 'preview', id, version],
    queryFn: () => api.get(`/documents/${id}/preview`, documentPreview, { version }),
    // Each fetch is logged as document.previewed, and a version never changes: once per visit.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A version's bytes for the viewers that draw them here (pdf.js, images). */
export async function fetchDocumentBytes(id: string, version: number, signal: AbortSignal): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(documentContentUrl(id, version, 'inline'), { credentials: 'same-origin', signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  }
  if (!response.ok) throw await problemFrom(response);
  // The server ends the answer early when a stored chunk fails its integrity check.
  return response.arrayBuffer().catch(() => {
    throw new ApiError({ status: response.status, code: 'incomplete_download', title: '' });
  });
}
