import type { LoggerOptions } from 'pino';

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
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'deedbox' },
    timestamp: () => `,"time":"${new Date().toISOString()}"`,
    serializers: {
      req: (req: { id: string; method: string; url: string; ip?: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url
          .replace(/([?&](token|cursor)=)[^&]+/g, '$1[redacted]')
          // Invitation tokens travel in the path (/invite/:token, /api/v1/invitations/:token).
          .replace(/(\/(invite|invitations)\/)[^/?]+/g, '$1[redacted]'),
        ip: req.ip,
      }),
    },
  };
}
