import { z } from 'zod';
import { idParams } from '../../../common/schemas/common.js';
import {
  cancelInput,
  envelope,
  envelopeInput,
  envelopeList,
  envelopeListQuery,
  envelopePatch,
  fieldsInput,
  recipientsInput,
} from '../../../common/schemas/signing.js';
import { currentById } from '../../platform/http/etag.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { contentDisposition } from '../documents/documents.content.js';
import * as signed from './download.service.js';
import * as parts from './envelope-parts.service.js';
import * as envelopes from './envelopes.service.js';
import * as sending from './send.service.js';

export function envelopesRoutes(app: App) {
  const tags = ['envelopes'];

  app.get('/envelopes', { schema: { tags, querystring: envelopeListQuery, response: { 200: envelopeList } } }, (req) =>
    inOrg(req, (ctx) => envelopes.list(ctx, req.query)),
  );

  app.post(
    '/envelopes',
    {
      schema: {
        tags,
        body: envelopeInput,
        response: { 201: envelope },
        description: 'A draft for signing one version of a PDF document (its newest unless `version` is given).',
      },
    },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => envelopes.create(ctx, req.body))),
  );

  app.get('/envelopes/:id', { schema: { tags, params: idParams, response: { 200: envelope } } }, (req) =>
    inOrg(req, (ctx) => envelopes.get(ctx, req.params.id)),
  );

  app.patch(
    '/envelopes/:id',
    {
      config: { current: currentById(envelopes.get) },
      schema: { tags, params: idParams, body: envelopePatch, response: { 200: envelope } },
    },
    (req) => inOrg(req, (ctx) => envelopes.patch(ctx, req.params.id, req.body)),
  );

  app.delete(
    '/envelopes/:id',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await inOrg(req, (ctx) => envelopes.remove(ctx, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/envelopes/:id/recipients',
    {
      schema: {
        tags,
        params: idParams,
        body: recipientsInput,
        response: { 200: envelope },
        description: 'The whole list: a recipient with a known `id` keeps its fields; one left out is removed.',
      },
    },
    (req) => inOrg(req, (ctx) => parts.replaceRecipients(ctx, req.params.id, req.body.recipients)),
  );

  app.put(
    '/envelopes/:id/fields',
    {
      schema: {
        tags,
        params: idParams,
        body: fieldsInput,
        response: { 200: envelope },
        description: 'The whole list. Positions are fractions (0–1) of the page as a reader shows it, origin top left.',
      },
    },
    (req) => inOrg(req, (ctx) => parts.replaceFields(ctx, req.params.id, req.body.fields)),
  );

  app.post(
    '/envelopes/:id/send',
    {
      schema: {
        tags,
        params: idParams,
        response: { 200: envelope },
        description:
          'Sends a draft: whoever signs first (everyone without a signing order) is mailed their link. Needs a signer, a signature field for each signer, and a signing certificate (409 `signing_unconfigured`).',
      },
    },
    (req) => inOrg(req, (ctx) => sending.send(ctx, req.params.id)),
  );

  app.get(
    '/envelopes/:id/download',
    {
      schema: {
        tags,
        params: idParams,
        description: 'The sealed PDF of a completed envelope (certificate of completion inside); 404 until then.',
      },
    },
    async (req, reply) => {
      const file = await inOrg(req, (ctx) => signed.download(ctx, req.params.id));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('attachment', file.name))
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );

  app.post(
    '/envelopes/:id/cancel',
    {
      schema: {
        tags,
        params: idParams,
        body: cancelInput,
        response: { 200: envelope },
        description:
          'Cancels an envelope out for signing: its links stop working (410), those mailed and the sender are told.',
      },
    },
    (req) => inOrg(req, (ctx) => sending.cancel(ctx, req.params.id, req.body.reason)),
  );
}
