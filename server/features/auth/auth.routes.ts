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
import {
  passkeyOptions,
  passkeySignInInput,
  secondFactorInput,
  secondFactorStep,
  smsCodeSent,
  smsSignInCodeInput,
} from '../../../common/schemas/factors.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { type App, inOrg, publicCtx, SIGN_IN_STEPS } from '../../platform/http/route-kit.js';
import { secondFactorOptions } from '../factors/passkeys.service.js';
import { completeSignIn } from '../factors/second-factor.service.js';
import { sendSignInCode } from '../factors/sms.service.js';
import { CHALLENGE_TTL_MS } from '../factors/webauthn.js';
import { acceptInvitation, getInvitation } from '../users/invitations.service.js';
import { getMe, signOut } from '../users/me.service.js';
import * as auth from './auth.service.js';
import { signInWithPasskey, startPasskeySignIn } from './passkey-sign-in.service.js';
import {
  clearSessionCookies,
  csrfTokenFor,
  setPasskeyCookie,
  setSessionCookies,
  takePasskeyCookie,
} from './session-cookies.js';
import { signIn } from './sign-in.service.js';
import type { PendingOrSession } from './sign-in-steps.js';
import { confirmSignUp, signUp } from './sign-up.service.js';

const tight = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });
const tokenParams = z.object({ token: z.string().min(20).max(200) });

/**
 * Sets the cookies of a fresh session and answers with the caller as /me shows it; a pending
 * sign-in (a code is due) is answered 202 with the kinds of code it takes instead.
 */
async function signedIn(req: FastifyRequest, reply: FastifyReply, session: PendingOrSession | auth.Session) {
  const { config } = req.server.deps;
  setSessionCookies(reply, config, session.token, session.stage);
  const tokenHash = hashToken(session.token);
  req.credential = { kind: 'session', tokenHash };
  if (session.stage === 'second_factor') {
    const kinds = 'kinds' in session ? session.kinds : [];
    const secondFactor = { kinds, expiresAt: session.expiresAt.toISOString() };
    return reply.code(202).send({ secondFactor, csrfToken: csrfTokenFor(config, tokenHash) });
  }
  return inOrg(req, getMe, SIGN_IN_STEPS.enrolment);
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
    {
      config: tight(10),
      schema: { tags: ['auth'], body: signInInput, response: { 200: meOutput, 202: secondFactorStep } },
    },
    async (req, reply) => {
      const session = await signIn(publicCtx(req), req.body.email, req.body.password);
      return signedIn(req, reply, session);
    },
  );

  app.post(
    '/auth/second-factor',
    {
      config: {
        rateLimit: { max: 10, timeWindow: '1 minute' },
        stages: SIGN_IN_STEPS.secondFactor,
        whileReadOnly: true,
      },
      schema: { tags: ['auth'], body: secondFactorInput, response: { 200: meOutput } },
    },
    async (req, reply) => {
      const outcome = await inOrg(req, (ctx) => completeSignIn(ctx, req.body));
      if (!outcome.ok) throw outcome.error;
      return signedIn(req, reply, outcome.session);
    },
  );

  app.post(
    '/auth/second-factor/passkey-options',
    {
      config: {
        rateLimit: { max: 10, timeWindow: '1 minute' },
        stages: SIGN_IN_STEPS.secondFactor,
        whileReadOnly: true,
      },
      schema: { tags: ['auth'], response: { 200: passkeyOptions } },
    },
    (req) => inOrg(req, secondFactorOptions),
  );

  app.post(
    '/auth/second-factor/sms-code',
    {
      config: {
        rateLimit: { max: 10, timeWindow: '1 minute' },
        stages: SIGN_IN_STEPS.secondFactor,
        whileReadOnly: true,
      },
      schema: { tags: ['auth'], body: smsSignInCodeInput, response: { 200: smsCodeSent } },
    },
    (req) => inOrg(req, (ctx) => sendSignInCode(ctx, req.body ?? {})),
  );

  app.post(
    '/auth/passkey/options',
    { config: tight(10), schema: { tags: ['auth'], response: { 200: passkeyOptions } } },
    async (req, reply) => {
      const { token, options } = await startPasskeySignIn(publicCtx(req));
      setPasskeyCookie(reply, req.server.deps.config, token, CHALLENGE_TTL_MS);
      return { options };
    },
  );

  app.post(
    '/auth/passkey/sign-in',
    { config: tight(10), schema: { tags: ['auth'], body: passkeySignInInput, response: { 200: meOutput } } },
    async (req, reply) => {
      const token = takePasskeyCookie(req, reply, req.server.deps.config);
      const session = await signInWithPasskey(publicCtx(req), token, req.body.response);
      return signedIn(req, reply, session);
    },
  );

  // Also cancels a pending sign-in, and leaves a session that could only enrol a factor.
  app.post(
    '/auth/sign-out',
    { config: { stages: SIGN_IN_STEPS.any, whileReadOnly: true }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      await inOrg(req, signOut);
      clearSessionCookies(reply, req.server.deps.config);
      return reply.code(204).send();
    },
  );

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
    { config: { rateLimit: { max: 5, timeWindow: '1 minute' }, whileReadOnly: true }, schema: { tags: ['auth'] } },
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
      schema: {
        tags: ['auth'],
        params: tokenParams,
        body: acceptInvitationInput,
        response: { 200: meOutput, 202: secondFactorStep },
      },
    },
    async (req, reply) => {
      const session = await acceptInvitation(publicCtx(req), req.params.token, req.body);
      return signedIn(req, reply, session);
    },
  );
}
