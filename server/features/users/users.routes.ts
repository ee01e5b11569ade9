import { z } from 'zod';
import {
  changePasswordInput,
  directoryOutput,
  directoryQuery,
  meOutput,
  updateMeInput,
} from '../../../common/schemas/auth.js';
import { idParams, page, pageQuery } from '../../../common/schemas/common.js';
import { erasedUser, eraseUserInput, inviteInput, orgUser, setRolesInput } from '../../../common/schemas/org.js';
import { type App, decodeCursor, encodeCursor, inOrg, SIGN_IN_STEPS } from '../../platform/http/route-kit.js';
import { setSessionCookies } from '../auth/session-cookies.js';
import * as people from './directory.service.js';
import * as erasure from './erasure.service.js';
import * as me from './me.service.js';
import * as users from './users.service.js';

const nameCursor = z.tuple([z.string(), z.uuid()]);

export function usersRoutes(app: App) {
  app.get(
    '/me',
    { config: { stages: SIGN_IN_STEPS.enrolment }, schema: { tags: ['me'], response: { 200: meOutput } } },
    (req) => inOrg(req, me.getMe),
  );

  // One's own name, language and time zone, and password: personal, so a read-only account still allows them.
  app.patch(
    '/me',
    {
      config: { whileReadOnly: true, current: me.getMe },
      schema: { tags: ['me'], body: updateMeInput, response: { 200: meOutput } },
    },
    (req) => inOrg(req, (ctx) => me.updateMe(ctx, req.body)),
  );

  app.post(
    '/me/password',
    { config: { whileReadOnly: true }, schema: { tags: ['me'], body: changePasswordInput } },
    async (req, reply) => {
      const session = await inOrg(req, (ctx) => me.changePassword(ctx, req.body.currentPassword, req.body.newPassword));
      setSessionCookies(reply, req.server.deps.config, session.token);
      return reply.code(204).send();
    },
  );

  app.get(
    '/users',
    { schema: { tags: ['users'], querystring: pageQuery, response: { 200: page(orgUser) } } },
    async (req) => {
      const result = await inOrg(req, (ctx) =>
        users.list(ctx, req.query.limit, decodeCursor(req.query.cursor, nameCursor)),
      );
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
    },
  );

  app.get(
    '/users/directory',
    { schema: { tags: ['users'], querystring: directoryQuery, response: { 200: directoryOutput } } },
    (req) => inOrg(req, (ctx) => people.directory(ctx, req.query.q)),
  );

  app.post(
    '/users/invitations',
    { schema: { tags: ['users'], body: inviteInput, response: { 201: orgUser } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => users.invite(ctx, req.body))),
  );

  app.post('/users/:id/invitation', { schema: { tags: ['users'], params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => users.resendInvitation(ctx, req.params.id));
    return reply.code(202).send({});
  });

  app.put(
    '/users/:id/roles',
    { schema: { tags: ['users'], params: idParams, body: setRolesInput, response: { 200: orgUser } } },
    (req) => inOrg(req, (ctx) => users.setRoles(ctx, req.params.id, req.body)),
  );

  app.post('/users/:id/lock', { schema: { tags: ['users'], params: idParams, response: { 200: orgUser } } }, (req) =>
    inOrg(req, (ctx) => users.setLocked(ctx, req.params.id, true)),
  );

  app.delete('/users/:id', { schema: { tags: ['users'], params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => users.remove(ctx, req.params.id));
    return reply.code(204).send();
  });

  // Removes the member and the personal data the account holds about them; irreversible, so confirmed by their address.
  app.post(
    '/users/:id/erasure',
    { schema: { tags: ['users'], params: idParams, body: eraseUserInput, response: { 200: erasedUser } } },
    (req) => inOrg(req, (ctx) => erasure.erase(ctx, req.params.id, req.body.email)),
  );

  app.post('/users/:id/unlock', { schema: { tags: ['users'], params: idParams, response: { 200: orgUser } } }, (req) =>
    inOrg(req, (ctx) => users.setLocked(ctx, req.params.id, false)),
  );
}
