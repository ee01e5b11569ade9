import { Readable } from 'node:stream';
import { idParams } from '../../../common/schemas/common.js';
import {
  noticeLetterDraft,
  noticeLetterInput,
  noticeLetterOutput,
  noticeLetterQuery,
} from '../../../common/schemas/notice-letters.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { type RunInOrg, receiveFile } from '../documents/documents.intake.js';
import { renderLetter } from './notice-letters.pdf.js';
import * as letters from './notice-letters.service.js';

export function noticeLettersRoutes(app: App) {
  const tags = ['contracts'];
  app.get(
    '/contracts/:id/notice-letter/draft',
    { schema: { tags, params: idParams, querystring: noticeLetterQuery, response: { 200: noticeLetterDraft } } },
    (req) => inOrg(req, (ctx) => letters.draft(ctx, req.params.id, req.query)),
  );

  app.post(
    '/contracts/:id/notice-letter',
    { schema: { tags, params: idParams, body: noticeLetterInput, response: { 201: noticeLetterOutput } } },
    async (req, reply) => {
      const { id } = req.params;
      const prepared = await inOrg(req, (ctx) => letters.prepare(ctx, id, req.body));
      const bytes = await renderLetter(prepared.print);
      // The document and the notice commit together, or neither does (the blob is then deleted).
      const run: RunInOrg = (fn) =>
        inOrg(req, async (ctx) => {
          const made = await fn(ctx);
          await letters.finish(ctx, id, req.body, {
            date: prepared.date,
            documentId: prepared.slot.documentId,
            fileName: prepared.fileName,
          });
          return made;
        });
      await receiveFile(req.server.deps, run, prepared.slot, Readable.from([bytes]), prepared.fileName);
      return reply.code(201).send(await inOrg(req, (ctx) => letters.result(ctx, id, prepared.slot.documentId)));
    },
  );
}
