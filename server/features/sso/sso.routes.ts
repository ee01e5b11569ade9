import type { FastifyReply } from 'fastify';
import { idParams } from '../../../common/schemas/common.js';
import {
  SAML_RESPONSE_MAX,
  samlAcsInput,
  samlConnectionParams,
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
import { spMetadataXml } from '../../platform/saml/saml-sp.js';
import { secureCookies, setSessionCookies } from '../auth/session-cookies.js';
import { finishSaml, receiveSamlResponse, SAML_FINISH_PATH, samlSpOf } from './saml.service.js';
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

  // SAML 2.0: the IdP's administrator imports this (per connection: our entity id and the ACS).
  app.get(
    '/auth/sso/saml/:connectionId/metadata',
    { config: { public: true }, schema: { tags: ['auth'], params: samlConnectionParams } },
    (req, reply) => {
      const xml = spMetadataXml(samlSpOf(req.server.deps.config, req.params.connectionId));
      return reply.type('application/samlmetadata+xml').send(xml);
    },
  );

  // The ACS in its own scope: only here are form bodies (the HTTP-POST binding) parsed.
  app.register(async (scope) => {
    const acs = scope as unknown as App;
    acs.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: SAML_RESPONSE_MAX * 2 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    acs.post(
      '/auth/sso/saml/:connectionId/acs',
      {
        config: { public: true, crossSite: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags: ['auth'], params: samlConnectionParams, body: samlAcsInput },
      },
      async (req, reply) => {
        const { config } = req.server.deps;
        const kept = await receiveSamlResponse(publicCtx(req), {
          connectionId: req.params.connectionId,
          relayState: req.body.RelayState,
          samlResponse: req.body.SAMLResponse,
        });
        if (!kept) return reply.redirect(`${config.appUrl}/sso-error?code=state_invalid`, 303);
        return reply.redirect(`${config.appUrl}${SAML_FINISH_PATH}`, 303);
      },
    );
  });

  // Same-site GET from the ACS: the browser's cookie names the pending sign-in (single use).
  app.get(
    '/auth/sso/saml/finish',
    { config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      const { config } = req.server.deps;
      const outcome = await finishSaml(publicCtx(req), req.cookies[SSO_COOKIE] ?? null);
      clearSsoCookie(reply, config);
      if (!outcome.ok) return reply.redirect(`${config.appUrl}/sso-error?code=${outcome.code}`, 303);
      setSessionCookies(reply, config, outcome.session.token, 'full');
      return reply.redirect(`${config.appUrl}/`, 303);
    },
  );
}
