import { idParams } from '../../../common/schemas/common.js';
import {
  endedOutput,
  endSessionLinkInput,
  endSessionLinkOutput,
  sessionsOutput,
} from '../../../common/schemas/sessions.js';
import { type App, inOrg, publicCtx } from '../../platform/http/route-kit.js';
import { endSessionFromMail } from '../auth/devices.service.js';
import { clearSessionCookies } from '../auth/session-cookies.js';
import * as service from './sessions.service.js';

/** Ending sessions takes access away, never changes the account's data: allowed while it is read-only. */
const ENDS_SESSIONS = { whileReadOnly: true };

export function sessionsRoutes(app: App) {
  app.get('/me/sessions', { schema: { tags: ['me'], response: { 200: sessionsOutput } } }, (req) =>
    inOrg(req, service.listMine),
  );

  app.delete(
    '/me/sessions/:id',
    { config: ENDS_SESSIONS, schema: { tags: ['me'], params: idParams } },
    async (req, reply) => {
      const { current } = await inOrg(req, (ctx) => service.endMine(ctx, req.params.id));
      if (current) clearSessionCookies(reply, req.server.deps.config);
      return reply.code(204).send();
    },
  );

  app.post(
    '/me/sessions/sign-out-others',
    { config: ENDS_SESSIONS, schema: { tags: ['me'], response: { 200: endedOutput } } },
    (req) => inOrg(req, service.endOthers),
  );

  app.post(
    '/me/sessions/sign-out-everywhere',
    { config: ENDS_SESSIONS, schema: { tags: ['me'], response: { 200: endedOutput } } },
    async (req, reply) => {
      const result = await inOrg(req, service.endEverywhere);
      clearSessionCookies(reply, req.server.deps.config);
      return result;
    },
  );

  app.post(
    '/users/:id/sessions/end',
    { config: ENDS_SESSIONS, schema: { tags: ['users'], params: idParams, response: { 200: endedOutput } } },
    (req) => inOrg(req, (ctx) => service.endMemberSessions(ctx, req.params.id)),
  );

  app.post(
    '/auth/end-session',
    {
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], body: endSessionLinkInput, response: { 200: endSessionLinkOutput } },
    },
    (req) => endSessionFromMail(publicCtx(req), req.body.token),
  );
}
