import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { accessRoutes } from './features/access/access.routes.js';
import { accountExportsRoutes } from './features/account-exports/account-exports.routes.js';
import { apiKeysRoutes } from './features/api-keys/api-keys.routes.js';
import { rateLimitKey, rateLimitMax } from './features/api-keys/key-limits.js';
import { approvalTemplatesRoutes } from './features/approvals/templates.routes.js';
import { approvalsRoutes } from './features/approvals/workflows.routes.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { credentialOf } from './features/auth/principal.js';
import { billingLinesRoutes } from './features/billing-lines/billing-lines.routes.js';
import { businessUnitsRoutes } from './features/business-units/business-units.routes.js';
import { calendarFeedsRoutes } from './features/calendar/feeds.routes.js';
import { icalRoutes } from './features/calendar/ical.routes.js';
import { categoriesRoutes } from './features/categories/categories.routes.js';
import { contractsRoutes } from './features/contracts/contracts.routes.js';
import { customFieldsRoutes } from './features/custom-fields/custom-fields.routes.js';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.js';
import { documentsRoutes } from './features/documents/documents.routes.js';
import { eventsRoutes } from './features/events/events.routes.js';
import { exportsRoutes } from './features/exports/exports.routes.js';
import { factorsRoutes } from './features/factors/factors.routes.js';
import { importsRoutes } from './features/imports/imports.routes.js';
import { inboxRoutes } from './features/inbox/inbox.routes.js';
import { metaRoutes, VERSION } from './features/meta/meta.routes.js';
import { noticeLettersRoutes } from './features/notice-letters/notice-letters.routes.js';
import { orgUnitsRoutes } from './features/org-units/org-units.routes.js';
import { partnersRoutes } from './features/partners/partners.routes.js';
import { reminderLinksRoutes } from './features/reminders/links.routes.js';
import { mailTemplatesRoutes } from './features/reminders/mail/templates.routes.js';
import { reminderSettingsRoutes } from './features/reminders/reminder-settings.routes.js';
import { remindersRoutes } from './features/reminders/reminders.routes.js';
import { savedViewsRoutes } from './features/saved-views/saved-views.routes.js';
import { scimRoutes } from './features/scim/scim.routes.js';
import { scimAdminRoutes } from './features/scim/scim-admin.routes.js';
import { searchRoutes } from './features/search/search.routes.js';
import { sessionsRoutes } from './features/sessions/sessions.routes.js';
import { settingsRoutes } from './features/settings/settings.routes.js';
import { downloadLinkRoutes } from './features/signing/download.routes.js';
import { envelopesRoutes } from './features/signing/envelopes.routes.js';
import { envelopeEventsRoutes } from './features/signing/events.routes.js';
import { signingPageRoutes } from './features/signing/public.routes.js';
import { envelopeRecipientsRoutes } from './features/signing/recipients.routes.js';
import { ssoRoutes } from './features/sso/sso.routes.js';
import { subscriptionsRoutes } from './features/subscriptions/subscriptions.routes.js';
import { trustRoutes } from './features/trust/trust.routes.js';
import { usersRoutes } from './features/users/users.routes.js';
import { webhooksRoutes } from './features/webhooks/webhooks.routes.js';
import { AppError } from './platform/errors.js';
import { etagHeaders } from './platform/http/etag.js';
import { inputGuard } from './platform/http/input-guard.js';
import { opsRoutes } from './platform/http/ops.routes.js';
import { errorHandler, frameworkErrors, sendProblem } from './platform/http/problem.js';
import type { App } from './platform/http/route-kit.js';
import { contentSecurityPolicy, csrfGuard } from './platform/http/security.js';
import { hstsPolicy, TLS_CIPHERS, TLS_MIN_VERSION } from './platform/http/tls-policy.js';
import { loggerOptions } from './platform/logger.js';
import type { Mailer } from './platform/mail/mailer.js';
import { createMetrics } from './platform/metrics.js';
import { createSmsSender, type SmsSender } from './platform/sms/sms.js';
import type { BlobStore } from './platform/storage/blob-store.js';
import { createBlobStore } from './platform/storage/create-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const DOCS_LOGO = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="160" height="32"><text x="0" y="24" font-family="sans-serif" ' +
    'font-size="22" font-weight="700" fill="#ffffff">Deedbox API</text></svg>',
);

/** The docs page's other address, sent on to the page itself. */
const DOCS_INDEX_ALIAS = '/api/docs/static/index.html';

/** The built web app: dist/web beside the sources, or web/ beside the compiled server. */
function webRoot(): string | null {
  const candidates = [path.join(here, '../dist/web'), path.join(here, '../web')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

export interface AppOptions {
  config: Config;
  database: Database;
  mailer: Mailer;
  /** The document store; by default the one configured (closed with the app). */
  blobs?: BlobStore;
  /** Text messages; by default the provider configured (none: null). */
  sms?: SmsSender | null;
  /** Where log lines go (tests capture them); defaults to stdout. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp({
  config,
  database,
  mailer,
  blobs,
  sms,
  logStream,
}: AppOptions): Promise<FastifyInstance> {
  const logger = { ...loggerOptions(config.logLevel), ...(logStream ? { stream: logStream } : {}) };
  const options = {
    logger,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Addresses the router cannot even parse get problem+json like every other answer.
    frameworkErrors,
    ...(config.tls
      ? {
          https: {
            cert: config.tls.cert,
            key: config.tls.key,
            minVersion: TLS_MIN_VERSION,
            ciphers: TLS_CIPHERS,
            honorCipherOrder: true,
          },
        }
      : {}),
  };
  // HTTP or HTTPS is a run-time choice; the handlers are the same for both.
  const app = (Fastify as unknown as (o: typeof options) => FastifyInstance)(options);
  const store = blobs ?? (await createBlobStore(config.storage));
  if (!blobs) app.addHook('onClose', () => store.close());
  const texts = sms === undefined ? createSmsSender(config.sms, app.log) : sms;
  app.decorate('deps', { config, database, mailer, log: app.log, blobs: store, sms: texts });
  const apiRoutes: string[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    // Public routes need no credential; say so in the OpenAPI document.
    if (route.config?.public && route.schema) route.schema = { ...route.schema, security: [] };
    // Validation errors wait for the credential check (input-guard.ts) instead of answering first.
    if (route.url.startsWith('/api/v1/')) route.attachValidation = true;
    if (route.url.startsWith('/api/v1/') && !route.schema?.hide) {
      for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push(`${method} ${route.url}`);
    }
  });
  app.decorateRequest('credential', null);
  etagHeaders(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    if (req.idempotentReplay) reply.header('idempotent-replayed', 'true');
  });

  const hsts = hstsPolicy(config);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: contentSecurityPolicy(hsts.enabled),
    hsts: hsts.enabled ? { maxAge: hsts.maxAgeSeconds, includeSubDomains: hsts.includeSubDomains } : false,
    // The same as the CSP's frame-ancestors 'none', for browsers that only know the older header.
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  // Per instance; the database-backed lockout in auth.service.ts holds across instances.
  if (config.rateLimit) {
    await app.register(fastifyRateLimit, {
      global: true,
      // Per API key (its own limit or API_KEY_RATE_LIMIT), else 600 per address; RateLimit-* headers on every answer.
      keyGenerator: rateLimitKey,
      max: rateLimitMax(app.deps),
      timeWindow: '1 minute',
      enableDraftSpec: true,
      errorResponseBuilder: () => new AppError('rate_limited', 'Too many requests. Try again in a minute.'),
    });
  }
  const metrics = createMetrics(database);
  metrics.instrument(app);
  app.decorate('jobMetrics', metrics.jobs);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Deedbox API',
        version: VERSION,
        description: 'Contract management. Authenticate with a session cookie or `Authorization: Bearer <API key>`.',
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The page loads its scripts from files, so the app-wide strict CSP applies to it unchanged.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    logo: { type: 'image/svg+xml', content: DOCS_LOGO },
    theme: { title: 'Deedbox API' },
    uiConfig: { docExpansion: 'list', deepLinking: true },
    uiHooks: {
      // The plugin's own redirect here keeps the query and then no longer matches itself: a loop.
      onRequest: async (req, reply) => {
        if (req.routeOptions.url === DOCS_INDEX_ALIAS) return reply.redirect('/api/docs/', 301);
      },
    },
  });

  await app.register(
    async (api) => {
      // Credentials and CSRF are checked on arrival, before the body is parsed or validated:
      // a caller without them learns nothing about what a route would accept.
      api.addHook('onRequest', async (req, reply) => {
        req.credential = credentialOf(req, config);
        // Answers carry account data: no browser or proxy may keep a copy (a route may say otherwise).
        reply.header('cache-control', 'no-store');
        if (!req.credential && !req.routeOptions.config.public) {
          throw new AppError('unauthenticated', 'Sign in first, or send a valid API key.');
        }
      });
      api.addHook('onRequest', csrfGuard(config));
      inputGuard(api);
      // One file part per request, counted again while it streams (documents.receive.ts).
      await api.register(fastifyMultipart, {
        limits: { fileSize: config.uploadMaxBytes + 1, files: 1, fields: 0, parts: 1, headerPairs: 20 },
      });
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, () => app.swagger());
      const features = [
        metaRoutes,
        authRoutes,
        usersRoutes,
        factorsRoutes,
        businessUnitsRoutes,
        apiKeysRoutes,
        webhooksRoutes,
        auditRoutes,
        contractsRoutes,
        noticeLettersRoutes,
        eventsRoutes,
        remindersRoutes,
        reminderSettingsRoutes,
        mailTemplatesRoutes,
        reminderLinksRoutes,
        signingPageRoutes,
        downloadLinkRoutes,
        calendarFeedsRoutes,
        dashboardRoutes,
        billingLinesRoutes,
        approvalTemplatesRoutes,
        approvalsRoutes,
        partnersRoutes,
        categoriesRoutes,
        orgUnitsRoutes,
        customFieldsRoutes,
        settingsRoutes,
        exportsRoutes,
        savedViewsRoutes,
        importsRoutes,
        documentsRoutes,
        inboxRoutes,
        searchRoutes,
        sessionsRoutes,
        accessRoutes,
        scimAdminRoutes,
        ssoRoutes,
        accountExportsRoutes,
        subscriptionsRoutes,
        trustRoutes,
        envelopesRoutes,
        envelopeRecipientsRoutes,
        envelopeEventsRoutes,
      ];
      for (const routes of features) {
        routes(api as App);
      }
    },
    { prefix: '/api/v1' },
  );
  await app.register(scimRoutes, { prefix: '/scim/v2' });
  opsRoutes(app, metrics.registry);
  icalRoutes(app);

  const root = webRoot();
  if (root) await app.register(fastifyStatic, { root, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' && !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (wantsPage && root) return reply.type('text/html').sendFile('index.html');
    return sendProblem(reply, 'not_found', `No route ${req.method} ${req.url.split('?')[0]}.`);
  });
  return app;
}
