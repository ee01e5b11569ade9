import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { csrfTokenFor } from '../../features/auth/session-cookies.js';
import { safeEqual } from '../crypto/tokens.js';
import { AppError } from '../errors.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function contentSecurityPolicy(tls: boolean) {
  return {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      // blob: for the document preview, which draws an image from bytes it fetched (never from another origin).
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      ...(tls ? { upgradeInsecureRequests: [] } : {}),
    },
  };
}

function sameOrigin(req: FastifyRequest, config: Config): boolean {
  const origin = req.headers.origin;
  if (!origin) return req.headers['sec-fetch-site'] !== 'cross-site';
  // Scheme, host and port: an http:// page must not act on the https:// app of the same host.
  return origin === new URL(config.appUrl).origin || origin === `${req.protocol}://${req.host}`;
}

/**
 * CSRF defence: a cookie session's unsafe request must echo the session's CSRF token in a
 * header (which another site cannot read or set), and must not come from another origin.
 * API keys travel in a header, so they are not exposed to CSRF.
 */
export function csrfGuard(config: Config) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!UNSAFE.has(req.method) || req.credential?.kind === 'apiKey') return;
    if (req.routeOptions.config?.crossSite) return;
    if (!sameOrigin(req, config)) throw new AppError('csrf_failed', 'Requests from other sites are refused.');
    if (req.credential?.kind !== 'session') return;
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(config, req.credential.tokenHash))) {
      throw new AppError('csrf_failed', 'The X-CSRF-Token header is missing or wrong. Reload the page.');
    }
  };
}
