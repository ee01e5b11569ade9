import { idParams } from '../../../common/schemas/common.js';
import {
  IMPORT_MIME,
  importCheckInput,
  importCommitInput,
  importOutput,
  importUploadQuery,
} from '../../../common/schemas/imports.js';
import { AppError } from '../../platform/errors.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { MAX_FILE } from './import-limits.js';
import { commit } from './imports.commit.js';
import * as imports from './imports.service.js';

const uploadDescription =
  'The request body is the file itself (Content-Type text/csv or the .xlsx type, at most 50 MB and 20,000 rows). ' +
  'The format is recognised from the content; answers the headers, row count and a suggested mapping.';

export function importsRoutes(app: App) {
  const tags = ['imports'];
  for (const type of Object.values(IMPORT_MIME)) {
    if (!app.hasContentTypeParser(type))
      app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: MAX_FILE }, (_req, body, done) =>
        done(null, body),
      );
  }

  app.post(
    '/imports',
    {
      bodyLimit: MAX_FILE,
      schema: { tags, description: uploadDescription, querystring: importUploadQuery, response: { 201: importOutput } },
    },
    async (req, reply) => {
      const content = req.body;
      if (!Buffer.isBuffer(content))
        throw new AppError('unsupported_media_type', 'Upload the file as text/csv or as an .xlsx workbook.');
      const result = await inOrg(req, (ctx) => imports.upload(ctx, { ...req.query, content }));
      return reply.code(201).send(result);
    },
  );

  app.get('/imports/:id', { schema: { tags, params: idParams, response: { 200: importOutput } } }, (req) =>
    inOrg(req, (ctx) => imports.get(ctx, req.params.id)),
  );

  app.post(
    '/imports/:id/check',
    { schema: { tags, params: idParams, body: importCheckInput, response: { 200: importOutput } } },
    (req) => inOrg(req, (ctx) => imports.check(ctx, req.params.id, req.body)),
  );

  app.post(
    '/imports/:id/commit',
    {
      schema: {
        tags,
        params: idParams,
        body: importCommitInput.optional(),
        response: { 200: importOutput },
      },
    },
    (req) =>
      inOrg(req, async (ctx) => {
        await commit(ctx, req.params.id, req.body ?? importCommitInput.parse({}));
        return imports.get(ctx, req.params.id);
      }),
  );
}
