import type { z } from 'zod';
import { problem } from '../../../common/schemas/common.js';
import { ApiError } from './api-error.js';
import { csrfToken } from './csrf.js';

export const API_BASE = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryParams = Record<string, string | number | undefined | null>;

export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function headersFor(method: Method, hasBody: boolean): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  if (hasBody) headers.set('Content-Type', 'application/json');
  const token = method === 'GET' ? null : csrfToken();
  if (token) headers.set('X-CSRF-Token', token);
  return headers;
}

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const hasBody = body !== undefined;
  try {
    return await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, hasBody),
      body: hasBody ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', title: 'Network error' });
  }
}

/** A failed answer's body as the problem it describes; a body that is none (a proxy's page) as a generic one. */
export function problemOf(status: number, text: string): ApiError {
  try {
    const parsed = problem.safeParse(JSON.parse(text));
    if (parsed.success) return new ApiError(parsed.data);
  } catch {
    // Not JSON (e.g. a proxy's HTML error page); fall through to a generic problem.
  }
  // A proxy or load balancer answering means the app itself is not reachable right now.
  const unavailable = status >= 502 && status <= 504;
  return new ApiError({ status, code: unavailable ? 'unavailable' : `http_${status}`, title: '' });
}

export async function problemFrom(response: Response): Promise<ApiError> {
  return problemOf(response.status, await response.text().catch(() => ''));
}

async function requestJson<S extends z.ZodType>(method: Method, url: string, body: unknown, schema: S) {
  const response = await send(method, url, body);
  if (!response.ok) throw await problemFrom(response);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    console.error(`Unexpected response from ${method} ${url}`, parsed.error.issues);
    throw new ApiError({ status: response.status, code: 'invalid_response', title: 'Unexpected response' });
  }
  return parsed.data as z.output<S>;
}

async function requestVoid(method: Method, url: string, body: unknown): Promise<void> {
  const response = await send(method, url, body);
  if (!response.ok) throw await problemFrom(response);
}

/** The one way the web talks to the server: every answer is checked against the shared schema. */
export const api = {
  get: <S extends z.ZodType>(path: string, schema: S, query?: QueryParams) =>
    requestJson('GET', apiUrl(path, query), undefined, schema),
  post: <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    requestJson('POST', apiUrl(path), body, schema),
  put: <S extends z.ZodType>(path: string, body: unknown, schema: S) => requestJson('PUT', apiUrl(path), body, schema),
  patch: <S extends z.ZodType>(path: string, body: unknown, schema: S) =>
    requestJson('PATCH', apiUrl(path), body, schema),
  /** For answers without a body (202/204). */
  command: (path: string, body?: unknown) => requestVoid('POST', apiUrl(path), body),
  delete: (path: string, body?: unknown) => requestVoid('DELETE', apiUrl(path), body),
};
