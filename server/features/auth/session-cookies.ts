import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { hashToken, hmac } from '../../platform/crypto/tokens.js';

export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;
/** A password accepted, a code due: the pending sign-in lasts this long and does not slide. */
export const SECOND_FACTOR_TTL_MS = 10 * 60 * 1000;
/** A session that may only enrol a factor (the org demands one) slides by this much. */
export const ENROLMENT_TTL_MS = 3600 * 1000;

export type SessionStage = 'full' | 'second_factor' | 'enrolment';

export function sessionTtl(stage: SessionStage): number {
  return stage === 'full' ? SESSION_TTL_MS : stage === 'second_factor' ? SECOND_FACTOR_TTL_MS : ENROLMENT_TTL_MS;
}
export const CSRF_COOKIE = 'dbx_csrf';

export function secureCookies(config: Config): boolean {
  return config.tls !== null || config.env === 'production';
}

/** `__Host-` binds the cookie to this exact origin over HTTPS. */
export function sessionCookieName(config: Config): string {
  return secureCookies(config) ? '__Host-dbx_session' : 'dbx_session';
}

/** The CSRF token is derived from the session token's hash: nothing extra is stored or looked up. */
export function csrfTokenFor(config: Config, sessionTokenHash: string): string {
  return hmac(config.secretKey, 'csrf', sessionTokenHash);
}

export function setSessionCookies(
  reply: FastifyReply,
  config: Config,
  token: string,
  stage: SessionStage = 'full',
): void {
  const maxAge = (stage === 'second_factor' ? SECOND_FACTOR_TTL_MS : SESSION_TTL_MS) / 1000;
  const common = { path: '/', sameSite: 'lax' as const, secure: secureCookies(config), maxAge };
  reply.setCookie(sessionCookieName(config), token, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(config, hashToken(token)), { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: Config): void {
  const common = { path: '/', secure: secureCookies(config) };
  reply.clearCookie(sessionCookieName(config), common);
  reply.clearCookie(CSRF_COOKIE, common);
}

export function sessionTokenOf(request: FastifyRequest, config: Config): string | null {
  return request.cookies[sessionCookieName(config)] ?? null;
}

/** Binds a passwordless sign-in's challenge to the browser that asked for it, for as long as the challenge lives. */
const PASSKEY_COOKIE = 'dbx_passkey';
const PASSKEY_COOKIE_PATH = '/api/v1/auth/passkey';

export function setPasskeyCookie(reply: FastifyReply, config: Config, token: string, maxAgeMs: number): void {
  reply.setCookie(PASSKEY_COOKIE, token, {
    path: PASSKEY_COOKIE_PATH,
    sameSite: 'strict',
    secure: secureCookies(config),
    httpOnly: true,
    maxAge: maxAgeMs / 1000,
  });
}

export function takePasskeyCookie(request: FastifyRequest, reply: FastifyReply, config: Config): string | null {
  const token = request.cookies[PASSKEY_COOKIE] ?? null;
  if (token) reply.clearCookie(PASSKEY_COOKIE, { path: PASSKEY_COOKIE_PATH, secure: secureCookies(config) });
  return token && token.length <= 200 ? token : null;
}
