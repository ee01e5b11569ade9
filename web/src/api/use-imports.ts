import { useMutation, useQueryClient } from '@tanstack/react-query';
import { problem } from '../../../common/schemas/common.js';
import {
  IMPORT_MIME,
  type ImportMapping,
  type ImportOptions,
  type ImportOutput,
  importOutput,
  type RowError,
} from '../../../common/schemas/imports.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import { ApiError } from './api-error.js';
import { api, apiUrl } from './client.js';
import { csrfToken } from './csrf.js';
import { contractsKey, partnersKey } from './keys.js';

export type { ImportMapping, ImportOptions, ImportOutput };
export type RowErrorItem = RowError;
export type ImportUpload = { entity: GridEntity; file: File };

/** Excel files by name or type; anything else goes as CSV and the server recognises the content. */
function contentTypeOf(file: File): string {
  const xlsx = file.type === IMPORT_MIME.xlsx || /\.xlsx$/i.test(file.name);
  return xlsx ? IMPORT_MIME.xlsx : IMPORT_MIME.csv;
}

/** The upload is the file itself as the body, not JSON, so it bypasses the JSON client. */
async function upload({ entity, file }: ImportUpload): Promise<ImportOutput> {
  const headers = new Headers({ Accept: 'application/json', 'Content-Type': contentTypeOf(file) });
  const token = csrfToken();
  if (token) headers.set('X-CSRF-Token', token);
  let response: Response;
  try {
    response = await fetch(apiUrl('/imports', { entity, fileName: file.name }), {
      method: 'POST',
      credentials: 'same-origin',
      headers,
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = problem.safeParse(body);
    throw new ApiError(
      parsed.success ? parsed.data : { status: response.status, code: `http_${response.status}`, title: '' },
    );
  }
  const parsed = importOutput.safeParse(body);
  if (!parsed.success) throw new ApiError({ status: response.status, code: 'invalid_response', title: '' });
  return parsed.data;
}

export const useUploadImport = () => useMutation({ mutationFn: upload });

export type ImportCheck = { id: string; mapping: ImportMapping; options: ImportOptions };

export const useCheckImport = () =>
  useMutation({
    mutationFn: ({ id, mapping, options }: ImportCheck) =>
      api.post(`/imports/${id}/check`, { mapping, options }, importOutput),
  });

export type ImportCommit = { id: string; mapping: ImportMapping; ignoredColumns: string[]; skipInvalidRows: boolean };

export function useCommitImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: ImportCommit) => api.post(`/imports/${id}/commit`, body, importOutput),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: contractsKey });
      await client.invalidateQueries({ queryKey: partnersKey });
    },
  });
}
