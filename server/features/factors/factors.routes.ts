import { idParams } from '../../../common/schemas/common.js';
import {
  backupCodesOutput,
  confirmPasskeyInput,
  confirmTotpInput,
  confirmTotpOutput,
  factor,
  factorsOutput,
  passkeyEnrolment,
  passwordCheckInput,
  renameFactorInput,
  securitySettings,
  securitySettingsPatch,
  smsCodeSent,
  startPasskeyInput,
  startSmsInput,
  startTotpInput,
  totpEnrolment,
} from '../../../common/schemas/factors.js';
import { type App, inOrg, SIGN_IN_STEPS } from '../../platform/http/route-kit.js';
import * as admin from './factors.admin.service.js';
import * as factors from './factors.service.js';
import * as passkeys from './passkeys.service.js';
import * as sms from './sms.service.js';

/** A member of an org that demands a factor reaches these (and sign-out) before anything else. */
/** Setting up one's own factors is signing in, which a read-only (cancelled) account still allows. */
const enrolment = { stages: SIGN_IN_STEPS.enrolment, whileReadOnly: true };
const personal = { whileReadOnly: true };

export function factorsRoutes(app: App) {
  const tags = ['me'];
  app.get('/me/factors', { config: enrolment, schema: { tags, response: { 200: factorsOutput } } }, (req) =>
    inOrg(req, factors.listFactors),
  );

  app.post(
    '/me/factors/totp',
    { config: enrolment, schema: { tags, body: startTotpInput, response: { 201: totpEnrolment } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => factors.startTotp(ctx, req.body))),
  );

  app.post(
    '/me/factors/totp/:id/confirm',
    {
      config: enrolment,
      schema: { tags, params: idParams, body: confirmTotpInput, response: { 200: confirmTotpOutput } },
    },
    (req) => inOrg(req, (ctx) => factors.confirmTotp(ctx, req.params.id, req.body.code)),
  );

  app.post(
    '/me/factors/passkey',
    { config: enrolment, schema: { tags, body: startPasskeyInput, response: { 201: passkeyEnrolment } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => passkeys.startPasskey(ctx, req.body))),
  );

  app.post(
    '/me/factors/passkey/:id/confirm',
    {
      config: enrolment,
      schema: { tags, params: idParams, body: confirmPasskeyInput, response: { 200: confirmTotpOutput } },
    },
    (req) => inOrg(req, (ctx) => passkeys.confirmPasskey(ctx, req.params.id, req.body.response)),
  );

  app.post(
    '/me/factors/sms',
    { config: enrolment, schema: { tags, body: startSmsInput, response: { 201: smsCodeSent } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => sms.startSms(ctx, req.body))),
  );

  app.post(
    '/me/factors/sms/:id/confirm',
    {
      config: enrolment,
      schema: { tags, params: idParams, body: confirmTotpInput, response: { 200: confirmTotpOutput } },
    },
    (req) => inOrg(req, (ctx) => sms.confirmSms(ctx, req.params.id, req.body.code)),
  );

  app.patch(
    '/me/factors/:id',
    { config: personal, schema: { tags, params: idParams, body: renameFactorInput, response: { 200: factor } } },
    (req) => inOrg(req, (ctx) => factors.renameFactor(ctx, req.params.id, req.body.name)),
  );

  app.delete(
    '/me/factors/:id',
    { config: personal, schema: { tags, params: idParams, body: passwordCheckInput } },
    async (req, reply) => {
      await inOrg(req, (ctx) => factors.removeFactor(ctx, req.params.id, req.body.password));
      return reply.code(204).send();
    },
  );

  app.post(
    '/me/backup-codes',
    { config: personal, schema: { tags, body: passwordCheckInput, response: { 201: backupCodesOutput } } },
    async (req, reply) =>
      reply.code(201).send(await inOrg(req, (ctx) => factors.regenerateBackupCodes(ctx, req.body.password))),
  );

  app.post('/users/:id/factors/reset', { schema: { tags: ['users'], params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => admin.resetFactors(ctx, req.params.id));
    return reply.code(204).send();
  });

  app.get('/settings/security', { schema: { tags: ['settings'], response: { 200: securitySettings } } }, (req) =>
    inOrg(req, admin.getSecuritySettings),
  );

  app.patch(
    '/settings/security',
    {
      config: { current: admin.getSecuritySettings },
      schema: { tags: ['settings'], body: securitySettingsPatch, response: { 200: securitySettings } },
    },
    (req) => inOrg(req, (ctx) => admin.updateSecuritySettings(ctx, req.body)),
  );
}
