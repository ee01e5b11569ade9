import type { FastifyReply } from 'fastify';
import { idParams } from '../../../common/schemas/common.js';
import {
  ssoCallbackQuery,
  ssoConnectionInput,
  ssoDomain,
  ssoDomainInput,
  ssoEnforcementInput,
  ssoSettings,
  ssoStartInput,
  ssoStartOutput,
} from '../../../common/schemas/sso.js';
import type { Config } from '../../config.js';
import { type App, inOrg, publicCtx } from '../../platform/http/route-kit.js';
import { secureCookies, setSessionCookies } from '../auth/session-cookies.js';
import { finishSignIn } from './sso.callback.service.js';
import * as settings from './sso.settings.service.js';
import { SSO_SIGN_IN_TTL_MS, startSignIn } from './sso.start.service.js';

/** Binds a sign-in at the identity provider to the browser that started it; only the SSO routes see it. */
const SSO_COOKIE = 'dbx_sso';
const SSO_COOKIE_PATH = '/api/v1/auth/sso';

function clearSsoCookie(reply: FastifyReply, config: Config) {
  reply.clearCookie(SSO_COOKIE, { path: SSO_COOKIE_PATH, secure: secureCookies(config) });
}

export function ssoRoutes(app: App) {
  const tags = ['settings'];
  app.get('/settings/sso', { schema: { tags, response: { 200: ssoSettings } } }, (req) =>
    inOrg(req, settings.getSettings),
  );

  app.put(
    '/settings/sso/connection',
    { schema: { tags, body: ssoConnectionInput, response: { 200: ssoSettings } } },
    (req) => inOrg(req, (ctx) => settings.saveConnection(ctx, req.body)),
  );

  app.delete('/settings/sso/connection', { schema: { tags } }, async (req, reply) => {
    await inOrg(req, settings.removeConnection);
    return reply.code(204).send();
  });

  app.put(
    '/settings/sso/enforcement',
    { schema: { tags, body: ssoEnforcementInput, response: { 200: ssoSettings } } },
    (req) => inOrg(req, (ctx) => settings.setEnforcement(ctx, req.body)),
  );

  app.post(
    '/settings/sso/domains',
    { schema: { tags, body: ssoDomainInput, response: { 201: ssoDomain } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => settings.addDomain(ctx, req.body.domain))),
  );

  app.delete('/settings/sso/domains/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => settings.removeDomain(ctx, req.params.id));
    return reply.code(204).send();
  });

  app.post(
    '/auth/sso/start',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: ssoStartInput, response: { 200: ssoStartOutput } },
    },
    async (req, reply) => {
      const { config } = req.server.deps;
      const { redirectUrl, cookieToken } = await startSignIn(publicCtx(req), req.body.email);
      reply.setCookie(SSO_COOKIE, cookieToken, {
        path: SSO_COOKIE_PATH,
        httpOnly: true,
        // Lax: the provider sends the browser back with a top-level GET, which carries it.
        sameSite: 'lax',
        secure: secureCookies(config),
        maxAge: SSO_SIGN_IN_TTL_MS / 1000,
      });
      return { redirectUrl };
    },
  );

  // The identity provider sends the browser here: the answer is always a redirect, to the app or to the error page.
  app.get(
    '/auth/sso/oidc/callback',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], querystring: ssoCallbackQuery },
    },
    async (req, reply) => {
      const { config } = req.server.deps;
      const outcome = await finishSignIn(publicCtx(req), {
        cookieToken: req.cookies[SSO_COOKIE] ?? null,
        state: req.query.state,
        callbackUrl: new URL(req.url, config.appUrl),
      });
      clearSsoCookie(reply, config);
      if (!outcome.ok) return reply.redirect(`${config.appUrl}/sso-error?code=${outcome.code}`, 303);
      setSessionCookies(reply, config, outcome.session.token, 'full');
      return reply.redirect(`${config.appUrl}/`, 303);
    },
  );
}
