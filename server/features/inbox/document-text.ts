import type { Ctx } from '../../platform/context.js';
import { openField, rowKey, versionContext } from '../documents/documents.keys.js';
import type { VersionRow } from '../documents/documents.repo.js';
import { versionPages } from '../documents/documents.text.repo.js';

/**
 * The extracted text of a document version, its pages in order, a line break between them (a
 * suggestion's evidence stays within its line), or null while there is none.
 */
export async function documentText(ctx: Ctx, version: VersionRow): Promise<string | null> {
  if (version.textStatus !== 'extracted') return null;
  const pages = await versionPages(ctx.tx, ctx.orgId, version.id);
  if (pages.length === 0) return null;
  const context = versionContext(ctx.orgId, version.id);
  const key = await rowKey(ctx, version, context);
  return pages.map((p) => openField(key, context, `text/${p.page}`, p.text)).join('\n');
}
