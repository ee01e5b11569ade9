import { safeError } from '../logger.js';

const MAX_LENGTH = 1_000;
/** `scheme://user:password@host`: a connection string's credentials. */
const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+(?::[^/\s@]*)?@/gi;

type Safe = { message?: string; code?: string; cause?: unknown };

/**
 * A failed run's error as the run record keeps it: each message down the cause chain with its
 * database code, never a statement's parameters, PostgreSQL's quoted values or a URL's
 * credentials, at most 1,000 characters.
 */
export function failureText(err: unknown): string {
  const parts: string[] = [];
  let current = safeError(err) as Safe | string | undefined;
  while (current !== undefined && parts.length < 4) {
    if (typeof current !== 'object' || current === null) {
      parts.push(String(current));
      break;
    }
    parts.push(`${current.message ?? 'unknown error'}${current.code ? ` (${current.code})` : ''}`);
    current = current.cause as Safe | undefined;
  }
  return parts.join('; caused by: ').replace(URL_CREDENTIALS, '$1[redacted]@').slice(0, MAX_LENGTH);
}
