import type { Ctx } from '../../platform/context.js';

/**
 * The extracted text of a document's current version (its pages in order), or null while there is
 * none. Seam: the per-page sealed text table is being built on wip/extract; until it is merged there
 * is no text to read, so this answers null. Wire it there: open the current version's pages with the
 * version's data key and join them.
 */
export async function documentText(_ctx: Ctx, _documentId: string): Promise<string | null> {
  return null;
}
