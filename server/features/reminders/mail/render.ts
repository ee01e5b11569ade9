import {
  renderSubject,
  renderText,
  type TemplateValues,
  toHtml,
  unmarked,
} from '../../../../common/reminders/template.js';
import type { MailTemplateKind } from '../../../../common/schemas/reminders.js';
import type { Tx } from '../../../db/client.js';
import { ALL_CLEAR_MARK, DEFAULT_TEMPLATES, type Locale, MAIL_WORDS, type MailText } from './defaults.js';
import * as repo from './templates.repo.js';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** An account's own templates by `kind:locale`; what is missing falls back to the built-in text. */
export type TemplateSet = ReadonlyMap<string, MailText>;

const keyOf = (kind: MailTemplateKind, locale: Locale) => `${kind}:${locale}`;

export async function loadTemplates(tx: Tx, orgId: string): Promise<TemplateSet> {
  const rows = await repo.listOf(tx, orgId);
  return new Map(rows.map((r) => [keyOf(r.kind, r.locale), { subject: r.subject, body: r.body }]));
}

/**
 * Renders one template; throws TemplateError when it cannot (see renderText). Values marked with
 * `asData` read as plain text in the subject and text part and are never links in the HTML part.
 */
export function renderTemplate(template: MailText, locale: Locale, values: TemplateValues): RenderedMail {
  const subject = unmarked(renderSubject(template.subject, values));
  const marked = renderText(template.body, values);
  return { subject, text: unmarked(marked), html: toHtml(marked, locale) };
}

/**
 * The mail of a kind in a language from the account's template, else the built-in one. A saved
 * template was checked when saved; should it still fail or come out empty, the built-in text
 * is sent rather than no mail at all.
 */
export function renderMail(
  templates: TemplateSet,
  kind: MailTemplateKind,
  locale: Locale,
  values: TemplateValues,
): RenderedMail {
  const own = templates.get(keyOf(kind, locale));
  if (own) {
    try {
      const mail = renderTemplate(own, locale, values);
      if (mail.subject !== '' && mail.text !== '') return mail;
    } catch {
      // Falls through to the built-in text.
    }
  }
  return renderTemplate(DEFAULT_TEMPLATES[kind][locale], locale, values);
}

/** Text lines as the "- …" list the templates expect. */
export const listLines = (lines: readonly string[]) => lines.map((l) => `- ${l}`).join('\n');

/**
 * The weekly summary's blocks, each with its heading or empty, and `allClear` set only when
 * all three are empty, so the template's "Nothing slipped" line shows exactly then.
 */
export function summaryValues(
  locale: Locale,
  lists: { upcoming: readonly string[]; unacknowledged: readonly string[]; undeliverable: readonly string[] },
) {
  const headings = MAIL_WORDS[locale].summary;
  const block = (name: keyof typeof headings) =>
    lists[name].length === 0 ? '' : `${headings[name]}\n${listLines(lists[name])}`;
  const empty = lists.upcoming.length + lists.unacknowledged.length + lists.undeliverable.length === 0;
  return {
    upcoming: block('upcoming'),
    unacknowledged: block('unacknowledged'),
    undeliverable: block('undeliverable'),
    allClear: empty ? ALL_CLEAR_MARK : '',
  };
}
