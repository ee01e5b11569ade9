import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../common/schemas/common.js';
import {
  contentQuery,
  document,
  documentList,
  documentPatch,
  documentPreview,
  linkInput,
  previewQuery,
} from '../../../common/schemas/documents.js';
import { IntegrityError } from '../../platform/crypto/seal.js';
import { AppError } from '../../platform/errors.js';
import { currentById } from '../../platform/http/etag.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { contentDisposition, openSealed, parseRange } from './documents.content.js';
import { receiveFile } from './documents.intake.js';
import { previewOf } from './documents.preview.js';
import * as documents from './documents.service.js';

const listQuery = z.object({ deleted: z.enum(['true', 'false']).default('false') });
/** Types a browser may show in place; everything else is always a download. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);
const previewDescription =
  'How to show a version: `pdf` and `image` are drawn from `/content`; `html` (Word, sanitised) and `text` ' +
  '(the first MB) are for a sandboxed frame, never the page itself; `none`: no preview. Logged as document.previewed.';
const uploadDescription =
  'multipart/form-data with one part named `file`. The type is recognised from the content; ' +
  'executables, scripts, HTML and SVG, mismatched names and damaged or encrypted files are refused.';

/** Receives one multipart file part into a slot prepared (and authorised) before a byte is read. */
export async function upload(req: FastifyRequest, target: Parameters<typeof documents.prepareUpload>[1]) {
  const slot = await inOrg(req, (ctx) => documents.prepareUpload(ctx, target));
  const part = req.isMultipart() ? await req.file() : undefined;
  if (part?.fieldname !== 'file') {
    throw AppError.invalid('file', 'required', 'send the file as the multipart part named "file"');
  }
  return receiveFile(req.server.deps, (fn) => inOrg(req, fn), slot, part.file, part.filename);
}

/** Runs work on a stored file; a failed integrity check is logged for the document and answered as such. */
async function checked<T>(req: FastifyRequest, id: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof IntegrityError)) throw error;
    await inOrg(req, (ctx) => documents.recordIntegrityFailure(ctx, id, error.check));
    throw new AppError('integrity_failed', 'The stored file failed its integrity check, so it was not sent.');
  }
}

/** What the preview shows, logged as document.previewed; the file is opened after the transaction. */
async function preview(req: FastifyRequest, id: string, version: number | undefined) {
  const found = await inOrg(req, (ctx) => documents.content(ctx, id, { version, purpose: 'preview' }));
  return checked(req, id, () => previewOf(found, (range) => openSealed(found.sealed, range)));
}

async function sendContent(req: FastifyRequest, reply: FastifyReply, id: string, query: z.infer<typeof contentQuery>) {
  const found = await inOrg(req, (ctx) => documents.content(ctx, id, { version: query.version, purpose: 'download' }));
  const range = parseRange(req.headers.range, found.sealed.size);
  if (range === 'unsatisfiable') {
    reply.header('content-range', `bytes */${found.sealed.size}`);
    throw new AppError('range_not_satisfiable', `The file has ${found.sealed.size} bytes.`);
  }
  const body = await checked(req, id, () => openSealed(found.sealed, range ?? undefined));
  body.on('error', (error) => {
    req.log.error({ documentId: id, check: (error as IntegrityError).check }, 'download aborted: integrity check');
  });
  const inline = query.disposition === 'inline' && INLINE_TYPES.has(found.mimeType);
  const type = found.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : found.mimeType;
  reply
    .header('content-type', inline ? type : 'application/octet-stream')
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', found.name))
    .header(
      'content-security-policy',
      "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    )
    .header('accept-ranges', 'bytes')
    .header('content-length', range ? range.to - range.from + 1 : found.sealed.size);
  if (range) reply.code(206).header('content-range', `bytes ${range.from}-${range.to}/${found.sealed.size}`);
  return reply.send(body);
}

export function documentsRoutes(app: App) {
  const tags = ['documents'];
  const contractParams = idParams;

  app.get(
    '/contracts/:id/documents',
    { schema: { tags, params: contractParams, querystring: listQuery, response: { 200: documentList } } },
    (req) =>
      inOrg(req, async (ctx) => ({
        items: await documents.listForContract(ctx, req.params.id, req.query.deleted === 'true'),
      })),
  );

  app.post(
    '/contracts/:id/documents',
    {
      schema: { tags, params: contractParams, description: uploadDescription, response: { 201: document } },
    },
    async (req, reply) => reply.code(201).send(await upload(req, { place: { contractId: req.params.id } })),
  );

  app.post(
    '/contracts/:id/links',
    { schema: { tags, params: contractParams, body: linkInput, response: { 201: document } } },
    async (req, reply) =>
      reply.code(201).send(await inOrg(req, (ctx) => documents.addLink(ctx, req.params.id, req.body))),
  );

  app.get('/documents/:id', { schema: { tags, params: idParams, response: { 200: document } } }, (req) =>
    inOrg(req, (ctx) => documents.get(ctx, req.params.id)),
  );

  app.patch(
    '/documents/:id',
    {
      config: { current: currentById(documents.get) },
      schema: { tags, params: idParams, body: documentPatch, response: { 200: document } },
    },
    (req) => inOrg(req, (ctx) => documents.rename(ctx, req.params.id, req.body.name)),
  );

  app.delete(
    '/documents/:id',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await inOrg(req, (ctx) => documents.moveToBin(ctx, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.post('/documents/:id/restore', { schema: { tags, params: idParams, response: { 200: document } } }, (req) =>
    inOrg(req, (ctx) => documents.restore(ctx, req.params.id)),
  );

  app.post(
    '/documents/:id/versions',
    { schema: { tags, params: idParams, description: uploadDescription, response: { 201: document } } },
    async (req, reply) => reply.code(201).send(await upload(req, { documentId: req.params.id })),
  );

  app.get(
    '/documents/:id/content',
    {
      schema: {
        tags,
        params: idParams,
        querystring: contentQuery,
        description: 'The file itself, streamed; one `Range: bytes=a-b` is answered with 206.',
      },
    },
    (req, reply) => sendContent(req, reply, req.params.id, req.query),
  );

  app.get(
    '/documents/:id/preview',
    {
      schema: {
        tags,
        params: idParams,
        querystring: previewQuery,
        description: previewDescription,
        response: { 200: documentPreview },
      },
    },
    (req) => preview(req, req.params.id, req.query.version),
  );
}
