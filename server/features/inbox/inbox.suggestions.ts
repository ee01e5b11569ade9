import type { z } from 'zod';
import type { ContractSuggestion, inboxSuggestions } from '../../../common/schemas/inbox.js';
import type { Ctx } from '../../platform/context.js';
import { orgToday } from '../contracts/contracts.access.js';
import * as documentsRepo from '../documents/documents.repo.js';
import * as partners from '../partners/partners.repo.js';
import { documentText } from './document-text.js';
import { waiting } from './inbox.service.js';
import { type Suggestions, suggestFromText } from './suggest.js';

const UNITS = { days: 'day', weeks: 'week', months: 'month', years: 'year' } as const;

/** The reader's findings as the API names them (a notice period in `day`…`year`). */
function presentSuggestions({ noticePeriod, evidence, ...rest }: Suggestions): ContractSuggestion {
  const words = Object.entries(evidence).filter((entry): entry is [string, string] => entry[1] !== undefined);
  return {
    ...rest,
    ...(noticePeriod && { noticePeriod: { count: noticePeriod.count, unit: UNITS[noticePeriod.unit] } }),
    evidence: Object.fromEntries(words),
  };
}

/** Values for the contract form read from the document's text; each is a suggestion until a person confirms it. */
export async function suggestions(ctx: Ctx, id: string): Promise<z.infer<typeof inboxSuggestions>> {
  const row = await waiting(ctx, id, { write: false });
  const version =
    row.currentVersion === null ? null : await documentsRepo.version(ctx.tx, ctx.orgId, id, row.currentVersion);
  if (!version) return { textStatus: 'no_text', suggestions: null };
  const text = await documentText(ctx, version);
  if (text === null) return { textStatus: version.textStatus, suggestions: null };
  const known = await partners.listNames(ctx.tx, ctx.orgId);
  const found = suggestFromText(text, { partners: known, today: await orgToday(ctx) });
  return { textStatus: version.textStatus, suggestions: presentSuggestions(found) };
}
