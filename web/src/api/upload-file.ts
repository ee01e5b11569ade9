import type { z } from 'zod';
import { ApiError } from './api-error.js';
import { apiUrl, problemOf } from './client.js';
import { csrfToken } from './csrf.js';

export type UploadProgress = { loaded: number; total: number };
export type Upload<T> = { done: Promise<T>; abort: () => void };

/**
 * One file as multipart/form-data (its part named `file`), reporting how much is sent.
 * XMLHttpRequest, because fetch has no upload progress; checked against the shared schema like
 * every other answer. An aborted upload rejects with the code `aborted`.
 */
export function uploadFile<S extends z.ZodType>(
  path: string,
  file: File,
  schema: S,
  onProgress: (progress: UploadProgress) => void,
): Upload<z.output<S>> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<z.output<S>>((resolve, reject) => {
    const fail = (code: string) => reject(new ApiError({ status: 0, code, title: '' }));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () => fail('network_error');
    xhr.onabort = () => fail('aborted');
    xhr.onload = () => {
      if (xhr.status < 200 || xhr.status >= 300) return reject(problemOf(xhr.status, xhr.responseText));
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      const parsed = schema.safeParse(body);
      if (parsed.success) return resolve(parsed.data as z.output<S>);
      console.error(`Unexpected response from POST ${path}`, parsed.error.issues);
      fail('invalid_response');
    };
  });
  xhr.open('POST', apiUrl(path));
  xhr.setRequestHeader('Accept', 'application/json');
  const token = csrfToken();
  if (token) xhr.setRequestHeader('X-CSRF-Token', token);
  const form = new FormData();
  form.append('file', file, file.name);
  xhr.send(form);
  return { done, abort: () => xhr.abort() };
}
