import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  acceptInvitationInput,
  forgotPasswordInput,
  invitationOutput,
  meOutput,
  resetPasswordInput,
  signInInput,
  signUpInput,
  verifyEmailInput,
} from '../../../common/schemas/auth.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { type App, inOrg, publicCtx } from '../../platform/http/route-kit.js';
import { acceptInvitation, getInvitation } from '../users/invitations.service.js';
import { getMe, signOut } from '../users/me.service.js';
import * as auth from './auth.service.js';
import { clearSessionCookies, setSessionCookies } from './session-cookies.js';
import { signIn } from './sign-in.service.js';
import { confirmSignUp, signUp } from './sign-up.service.js';

const tight = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });
const tokenParams = z.object({ token: z.string().min(20).max(200) });

/** Sets the cookies of a fresh session and answers with the caller as /me shows it. */
async function signedIn(req: FastifyRequest, reply: FastifyReply, session: auth.Session) {
  setSessionCookies(reply, req.server.deps.config, session.token);
  req.credential = { kind: 'session', tokenHash: hashToken(session.token) };
  return inOrg(req, getMe);
}

export function authRoutes(app: App) {
  app.post('/auth/sign-up', { config: tight(5), schema: { tags: ['auth'], body: signUpInput } }, async (req, reply) => {
    await signUp(publicCtx(req), req.body);
    return reply.code(202).send({});
  });

  app.post(
    '/auth/sign-up/confirm',
    { config: tight(10), schema: { tags: ['auth'], body: verifyEmailInput, response: { 201: meOutput } } },
    async (req, reply) => {
      const session = await confirmSignUp(publicCtx(req), req.body.token);
      return reply.code(201).send(await signedIn(req, reply, session));
    },
  );

  app.post(
    '/auth/sign-in',
    { config: tight(10), schema: { tags: ['auth'], body: signInInput, response: { 200: meOutput } } },
    async (req, reply) => {
      const session = await signIn(publicCtx(req), req.body.email, req.body.password);
      return signedIn(req, reply, session);
    },
  );

  app.post('/auth/sign-out', { schema: { tags: ['auth'] } }, async (req, reply) => {
    await inOrg(req, signOut);
    clearSessionCookies(reply, req.server.deps.config);
    return reply.code(204).send();
  });

  app.post(
    '/auth/forgot-password',
    { config: tight(5), schema: { tags: ['auth'], body: forgotPasswordInput } },
    async (req, reply) => {
      auth.requestPasswordReset(publicCtx(req), req.body.email);
      return reply.code(202).send({});
    },
  );

  app.post(
    '/auth/reset-password',
    { config: tight(10), schema: { tags: ['auth'], body: resetPasswordInput } },
    async (req, reply) => {
      await auth.resetPassword(publicCtx(req), req.body.token, req.body.password);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/verify-email',
    { config: tight(10), schema: { tags: ['auth'], body: verifyEmailInput } },
    async (req, reply) => {
      await auth.verifyEmail(publicCtx(req), req.body.token);
      return reply.code(204).send();
    },
  );

  app.post(
    '/auth/resend-verification',
    { config: { rateLimit: { max: 5, timeWindow: '1 minute' } }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      await inOrg(req, auth.sendVerification);
      return reply.code(202).send({});
    },
  );

  app.get(
    '/invitations/:token',
    { config: tight(20), schema: { tags: ['auth'], params: tokenParams, response: { 200: invitationOutput } } },
    (req) => getInvitation(publicCtx(req), req.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: tight(10),
      schema: { tags: ['auth'], params: tokenParams, body: acceptInvitationInput, response: { 200: meOutput } },
    },
    async (req, reply) => {
      const session = await acceptInvitation(publicCtx(req), req.params.token, req.body);
      return signedIn(req, reply, session);
    },
  );
}
