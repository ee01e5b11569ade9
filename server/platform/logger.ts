import { type LoggerOptions, stdSerializers } from 'pino';

/** Paths that may carry secrets; pino replaces their values before a line is written. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.secret',
  '*.secretKey',
  '*.smtpUrl',
  '*.connectionString',
  '*.secretAccessKey',
];

/** Path segments after which the next segment is a credential (invitation, reminder-link, calendar-feed tokens). */
const TOKEN_PATHS = /(\/(?:invite|invitations|reminder-links|respond|ical|sign|signing)\/)[^/?#]+/g;
const TOKEN_QUERY = /([?&](?:token|cursor)=)[^&#]+/g;

/** A URL as the log may show it: every token-bearing path segment and query value replaced. */
export function redactUrl(url: string): string {
  return url.replace(TOKEN_QUERY, '$1[redacted]').replace(TOKEN_PATHS, '$1[redacted]');
}

/** Drizzle puts a failed statement's parameters (hashes, e-mail addresses, tokens) into its message. */
const STATEMENT_PARAMS = /\nparams: [\s\S]*?(?=\n {4}at |$)/;

type Serialized = ReturnType<typeof stdSerializers.err>;

/**
 * Errors as the log may show them: type, message, stack and the database's error code and
 * constraint, never the statement's parameters, nor PostgreSQL's `detail` (which quotes the
 * offending values), nor any other property an error may carry.
 */
export function safeError(err: unknown, depth = 0): Serialized | unknown {
  if (!(err instanceof Error)) return err;
  const full = stdSerializers.err(err);
  const pg = err as Error & { code?: unknown; constraint?: unknown; table?: unknown };
  return {
    type: full.type,
    message: full.message.replace(STATEMENT_PARAMS, ''),
    stack: full.stack.replace(STATEMENT_PARAMS, ''),
    ...(typeof pg.code === 'string' ? { code: pg.code } : {}),
    ...(typeof pg.constraint === 'string' ? { constraint: pg.constraint } : {}),
    ...(typeof pg.table === 'string' ? { table: pg.table } : {}),
    ...(err.cause !== undefined && depth < 3 ? { cause: safeError(err.cause, depth + 1) } : {}),
  } as Serialized;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'deedbox' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: {
      err: safeError,
      req: (req: { id: string; method: string; url: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.url),
        ip: req.ip,
      }),
    },
  };
}
