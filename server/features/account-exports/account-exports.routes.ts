import type { Readable } from 'node:stream';
import { z } from 'zod';
import { accountExport, accountExportInput } from '../../../common/schemas/account-exports.js';
import { idParams } from '../../../common/schemas/common.js';
import { IntegrityError } from '../../platform/crypto/seal.js';
import { AppError } from '../../platform/errors.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { openSealed, type Sealed } from '../documents/documents.content.js';
import * as exports from './account-exports.service.js';

const startDescription =
  'Queues an export of the whole account (administrators): a ZIP with every kind of record as JSON and CSV ' +
  '(`locale` sets the CSV dialect and headers), every document version decrypted under its original name, and ' +
  'manifest.json with the SHA-256 of every file and the activity log’s chain head, plus verify-activity-log.mjs ' +
  'to check both offline. A background job builds it; poll `GET /account-exports/{id}` for `done`/`total`. ' +
  'One export at a time (409 `export_in_progress`); allowed while the account is read-only.';

/** The ZIP's opened stream; a blob that fails its first integrity check is answered as such. */
async function openChecked(sealed: Sealed): Promise<Readable> {
  try {
    return await openSealed(sealed);
  } catch (error) {
    if (error instanceof IntegrityError)
      throw new AppError('integrity_failed', 'The stored export failed its integrity check, so it was not sent.');
    throw error;
  }
}

export function accountExportsRoutes(app: App) {
  const tags = ['account export'];
  app.get(
    '/account-exports',
    { schema: { tags, response: { 200: z.object({ items: z.array(accountExport) }) } } },
    async (req) => ({ items: await inOrg(req, (ctx) => exports.list(ctx)) }),
  );

  app.post(
    '/account-exports',
    {
      config: { whileReadOnly: true },
      schema: { tags, description: startDescription, body: accountExportInput, response: { 201: accountExport } },
    },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => exports.request(ctx, req.body))),
  );

  app.get('/account-exports/:id', { schema: { tags, params: idParams, response: { 200: accountExport } } }, (req) =>
    inOrg(req, (ctx) => exports.get(ctx, req.params.id)),
  );

  app.get(
    '/account-exports/:id/download',
    {
      schema: {
        tags,
        params: idParams,
        produces: ['application/zip'],
        description: 'The finished ZIP, streamed; logged as account_export.downloaded. 410 once its 7 days are over.',
      },
    },
    async (req, reply) => {
      const found = await inOrg(req, (ctx) => exports.download(ctx, req.params.id));
      const body = await openChecked(found.sealed);
      body.on('error', (error) =>
        req.server.deps.log.error({ exportId: req.params.id, err: error }, 'export download aborted'),
      );
      const day = found.createdAt.toISOString().slice(0, 10);
      return reply
        .type('application/zip')
        .header('content-disposition', `attachment; filename="deedbox-export-${day}.zip"`)
        .header('content-length', found.sealed.size)
        .header('cache-control', 'no-store')
        .send(body);
    },
  );
}
