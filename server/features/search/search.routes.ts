import { searchQuery, searchResult } from '../../../common/schemas/documents.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { search } from './search.service.js';

const description =
  'Contracts (title, number, description, partner) and documents (their extracted text, English and German ' +
  'stemming, accents ignored, word prefixes from three letters) the caller may see, each with highlighted excerpts.';

export function searchRoutes(app: App) {
  app.get(
    '/search',
    { schema: { tags: ['search'], description, querystring: searchQuery, response: { 200: searchResult } } },
    (req) => inOrg(req, async (ctx) => ({ items: await search(ctx, req.query) })),
  );
}
