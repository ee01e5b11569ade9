import type { Config } from '../../config.js';

/** The oldest protocol the app accepts when it terminates TLS itself. */
export const TLS_MIN_VERSION = 'TLSv1.2';

/** Mozilla "intermediate": AEAD ciphers with forward secrecy only (TLS 1.3 suites are always on). */
export const TLS_CIPHERS = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
].join(':');

/** Strict-Transport-Security: sent when the app serves HTTPS itself or runs in production (behind a TLS proxy). */
export function hstsPolicy(config: Config): { enabled: boolean; maxAgeSeconds: number; includeSubDomains: boolean } {
  return {
    enabled: config.tls !== null || config.env === 'production',
    maxAgeSeconds: 31_536_000,
    includeSubDomains: true,
  };
}

/** What the trust page says of encryption in transit: who serves HTTPS, the app's minimum when it does, HSTS. */
export function tlsFacts(config: Config) {
  return {
    terminatedBy: config.tls ? 'app' : config.trustProxy !== false ? 'proxy' : 'none',
    minVersion: config.tls ? TLS_MIN_VERSION.replace('TLSv', 'TLS ') : null,
    hsts: hstsPolicy(config),
  } as const;
}
