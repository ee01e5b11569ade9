import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  codeInput,
  codeSent,
  declineInput,
  signInput,
  signingDone,
  signingPage,
} from '../../../common/schemas/signing-page.js';
import { type App, publicCtx } from '../../platform/http/route-kit.js';
import { secureCookies } from '../auth/session-cookies.js';
import * as codes from './code.service.js';
import { CODE_COOKIE, CODE_LIMITS, codeCookiePath } from './codes.js';
import * as page from './public.service.js';
import * as signing from './sign.service.js';

// A bad token must answer 404 like an altered one, so the schema only bounds the length.
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const limited = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });
/** The request, with the code session cookie this browser holds for this link (its path is the link's). */
const caller = (req: FastifyRequest): page.SigningCaller => ({
  ...publicCtx(req),
  codeSession: req.cookies[CODE_COOKIE],
});

/** The recipient's signing page (docs/design/signing-and-approvals.md §4): the signed link is the credential. */
export function signingPageRoutes(app: App) {
  const tags = ['signing'];
  app.get(
    '/signing/:token',
    { config: limited(30), schema: { tags, params: tokenParams, response: { 200: signingPage } } },
    (req) => page.describe(caller(req), req.params.token),
  );

  app.post(
    '/signing/:token/viewed',
    { config: limited(30), schema: { tags, params: tokenParams, response: { 200: signingDone } } },
    (req) => page.viewed(publicCtx(req), req.params.token),
  );

  app.get(
    '/signing/:token/pdf',
    { config: limited(20), schema: { tags, params: tokenParams, description: 'The document as sent (PDF).' } },
    async (req, reply) => {
      const bytes = await page.sourcePdf(caller(req), req.params.token);
      return reply.header('content-type', 'application/pdf').header('cache-control', 'no-store').send(bytes);
    },
  );

  app.post(
    '/signing/:token/code',
    {
      config: limited(5),
      schema: {
        tags,
        params: tokenParams,
        response: { 200: codeSent },
        description:
          'Mails the recipient a new six-digit code, when the sender asked for one (at most one a minute, five an hour: 429 `code_too_soon`, `code_send_limit`).',
      },
    },
    (req) => codes.sendCode(publicCtx(req), req.params.token),
  );

  app.post(
    '/signing/:token/code/verify',
    {
      config: limited(10),
      schema: {
        tags,
        params: tokenParams,
        body: codeInput,
        response: { 200: signingDone },
        description:
          'Confirms the code: sets an HttpOnly cookie for this link (30 minutes) that viewing, signing and declining then need. Five wrong tries spend a code; three spent codes in an hour lock codes for an hour (429 `code_locked`).',
      },
    },
    async (req, reply) => {
      const { session } = await codes.verifyCode(publicCtx(req), req.params.token, req.body.code);
      reply.setCookie(CODE_COOKIE, session, {
        path: codeCookiePath(req.params.token),
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies(req.server.deps.config),
        maxAge: CODE_LIMITS.sessionMs / 1000,
      });
      return { state: 'ready' as const };
    },
  );

  app.post(
    '/signing/:token/sign',
    {
      config: limited(10),
      bodyLimit: 400 * 1024,
      schema: { tags, params: tokenParams, body: signInput, response: { 200: signingDone } },
    },
    (req) => signing.sign(caller(req), req.params.token, req.body),
  );

  app.post(
    '/signing/:token/decline',
    { config: limited(10), schema: { tags, params: tokenParams, body: declineInput, response: { 200: signingDone } } },
    (req) => signing.decline(caller(req), req.params.token, req.body.reason),
  );
}
