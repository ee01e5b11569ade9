import type { z } from 'zod';
import type { ContractSuggestion, inboxSuggestions } from '../../../common/schemas/inbox.js';
import type { Ctx } from '../../platform/context.js';
import { orgToday } from '../contracts/contracts.access.js';
import * as documentsRepo from '../documents/documents.repo.js';
import * as partners from '../partners/partners.repo.js';
import { documentText } from './document-text.js';
import { waiting } from './inbox.service.js';

type Suggest = (text: string, opts: { partners: { id: string; name: string }[]; today: string }) => ContractSuggestion;

/**
 * Seam: `suggestFromText` from ./suggest.ts (being written on wip/policy) plugs in here. Until both it
 * and the extracted text are merged, no document has suggestions.
 */
const suggestFromText: Suggest | null = null;

/** Values for the contract form read from the document's text; each is a suggestion until a person confirms it. */
export async function suggestions(ctx: Ctx, id: string): Promise<z.infer<typeof inboxSuggestions>> {
  const row = await waiting(ctx, id, { write: false });
  const version =
    row.currentVersion === null ? null : await documentsRepo.version(ctx.tx, ctx.orgId, id, row.currentVersion);
  const textStatus = version?.textStatus ?? 'no_text';
  const text = await documentText(ctx, id);
  if (text === null || suggestFromText === null) return { textStatus, suggestions: null };
  const known = await partners.listNames(ctx.tx, ctx.orgId);
  return { textStatus, suggestions: suggestFromText(text, { partners: known, today: await orgToday(ctx) }) };
}
