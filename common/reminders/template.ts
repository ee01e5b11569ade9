import type { MailTemplateKind } from '../schemas/reminders.js';

/**
 * The mail template language: plain text with `{{name}}` placeholders. Values are text; the HTML
 * form escapes everything, so a template or a value can never inject markup.
 */

const REMINDER = [
  'recipientName',
  'orgName',
  'contractTitle',
  'contractNumber',
  'partnerName',
  'eventType',
  'eventTitle',
  'eventDate',
  'daysLeft',
  'proof',
  'contractLink',
  'acknowledgeLink',
  'dismissLink',
];

/** The placeholders each kind of mail offers, in the order the settings page lists them. */
export const PLACEHOLDERS: Record<MailTemplateKind, string[]> = {
  reminder: REMINDER,
  escalation: [...REMINDER, 'level', 'originalRecipients'],
  digest: ['recipientName', 'orgName', 'date', 'count', 'items', 'appLink'],
  summary: ['recipientName', 'orgName', 'weekOf', 'upcoming', 'unacknowledged', 'undeliverable', 'allClear', 'appLink'],
};

export type TemplateRule = 'unknown_placeholder' | 'malformed';

export interface TemplateProblem {
  rule: TemplateRule;
  /** The offending text, e.g. `{{foo}}` or `{{`. */
  placeholder: string;
  message: string;
}

export type TemplateValues = Readonly<Record<string, string | number | null | undefined>>;

/** A template could not be rendered (malformed, or a placeholder without a value). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

type Segment = { text: string } | { name: string; raw: string };

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Splits text into literal text and placeholders; `problems` collects malformed braces. */
function parse(text: string, problems: TemplateProblem[]): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const malformed = (raw: string, message: string) => problems.push({ rule: 'malformed', placeholder: raw, message });
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    const stray = text.indexOf('}}', at);
    if (stray !== -1 && (open === -1 || stray < open)) {
      malformed('}}', 'has "}}" without a matching "{{"');
      segments.push({ text: text.slice(at, stray + 2) });
      at = stray + 2;
      continue;
    }
    if (open === -1) break;
    if (open > at) segments.push({ text: text.slice(at, open) });
    const close = text.indexOf('}}', open + 2);
    if (close === -1) {
      malformed('{{', 'has "{{" that is never closed with "}}"');
      segments.push({ text: text.slice(open) });
      at = text.length;
      break;
    }
    const raw = text.slice(open, close + 2);
    const inner = text.slice(open + 2, close);
    const name = inner.trim();
    if (inner.includes('\n') || !NAME.test(name)) {
      malformed(raw, `has ${raw}, which is not a placeholder: write {{name}} with letters and digits only`);
      segments.push({ text: raw });
    } else if (text[close + 2] === '}') {
      malformed(`${raw}}`, `has ${raw}}, one closing brace too many`);
      segments.push({ text: `${raw}}` });
      at = close + 3;
      continue;
    } else segments.push({ name, raw });
    at = close + 2;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** Every problem of a template: malformed braces and placeholders not in `allowed`. */
export function checkTemplate(text: string, allowed: readonly string[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const known = new Set(allowed);
  const reported = new Set<string>();
  for (const segment of parse(text, problems)) {
    if (!('name' in segment) || known.has(segment.name) || reported.has(segment.name)) continue;
    reported.add(segment.name);
    const raw = `{{${segment.name}}}`;
    problems.push({
      rule: 'unknown_placeholder',
      placeholder: raw,
      message: `has the unknown placeholder ${raw}; allowed are ${allowed.map((a) => `{{${a}}}`).join(', ')}`,
    });
  }
  return problems;
}

/** The names of the placeholders a text uses, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  const names = parse(text, []).flatMap((s) => ('name' in s ? [s.name] : []));
  return [...new Set(names)];
}

const valueText = (value: TemplateValues[string]) => (value === null || value === undefined ? '' : String(value));

/**
 * Fills in the placeholders. A line that has placeholders which all render empty is dropped
 * (so "Acknowledge: {{acknowledgeLink}}" disappears when there is no link); runs of blank
 * lines left behind collapse into one. Throws TemplateError when the text is malformed or a
 * placeholder has no entry in `values` (null and '' are entries: they render empty).
 */
export function renderText(text: string, values: TemplateValues): string {
  const problems: TemplateProblem[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const segments = parse(line, problems);
    if (problems.length > 0) throw new TemplateError(`The template ${problems[0]!.message}.`);
    let rendered = '';
    let placeholders = 0;
    let filled = 0;
    for (const segment of segments) {
      if ('text' in segment) {
        rendered += segment.text;
        continue;
      }
      if (!Object.hasOwn(values, segment.name)) throw new TemplateError(`No value for ${segment.raw}.`);
      const value = valueText(values[segment.name]);
      placeholders += 1;
      if (value.trim() !== '') filled += 1;
      rendered += value;
    }
    if (placeholders > 0 && filled === 0) continue;
    out.push(rendered.replace(/[ \t]+$/gm, ''));
  }
  return out
    .join('\n')
    .replace(/\n[ \t]*(\n[ \t]*)+\n/g, '\n\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
}

/** A subject: one line, whitespace runs (newlines from multi-line values too) made single spaces. */
export function renderSubject(text: string, values: TemplateValues): string {
  return renderText(text, values).replace(/\s+/g, ' ').trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// Private-use characters around data people typed (titles, names), set by `asData`.
const DATA_START = '\uE000';
const DATA_END = '\uE001';
const DATA_MARKS = /[\uE000\uE001]/g;
const DATA_SPAN = /\uE000([^\uE001]*)\uE001/g;

/**
 * A value someone typed (a contract title, a name), marked line by line so the HTML part shows it
 * as inert text (see `inertHtml`) while the text part and subject show it unchanged (`unmarked`).
 */
export function asData(value: string | null | undefined): string {
  const clean = (value ?? '').replace(DATA_MARKS, '');
  if (clean.trim() === '') return '';
  return clean
    .split('\n')
    .map((line) => (line === '' ? line : `${DATA_START}${line}${DATA_END}`))
    .join('\n');
}

/** Rendered text without the data marks: the text part and the subject. */
export const unmarked = (text: string) => text.replace(DATA_MARKS, '');

/**
 * Typed data as HTML that no mail client turns into a link: escaped, and a zero-width non-joiner
 * (U+200C, invisible, not a line break) after every ':', '.', '/' and '@', which breaks the
 * scheme, domain and address patterns that Gmail, Outlook and Apple Mail autolink, so
 * "https://evil.example" reads the same but is never clickable.
 */
export const inertHtml = (s: string) => escapeHtml(s).replace(/[:./@]/g, '$&&#8204;');

// Trailing punctuation belongs to the sentence, not the address.
const URL_PATTERN = /https?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]}]/g;
const LINK_STYLE = 'color:#1c64d1;text-decoration:underline;word-break:break-all';

/** Template text as HTML: escaped, with http(s) addresses (the app's links, the template's own) made links. */
function linkedHtml(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    html += escapeHtml(text.slice(at, match.index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}" style="${LINK_STYLE}">${url}</a>`;
    at = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(at));
}

/** One line as HTML: typed data inert, the rest escaped and (with `link`) its addresses linked. */
export function lineHtml(line: string, link = linkedHtml): string {
  let html = '';
  let at = 0;
  for (const match of line.matchAll(DATA_SPAN)) {
    html += link(unmarked(line.slice(at, match.index))) + inertHtml(match[1]!);
    at = match.index + match[0].length;
  }
  return html + link(unmarked(line.slice(at)));
}

const inlineHtml = (line: string) => lineHtml(line);

const P_STYLE = 'margin:0 0 16px 0';
const UL_STYLE = 'margin:0 0 16px 0;padding:0 0 0 20px';
const LI_STYLE = 'margin:0 0 6px 0';

/** One blank-line-separated block: lines starting with "- " become a list, the others a paragraph. */
function blockHtml(lines: string[]): string {
  const parts: string[] = [];
  let paragraph: string[] = [];
  let items: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) parts.push(`<p style="${P_STYLE}">${paragraph.join('<br>\n')}</p>`);
    if (items.length > 0) {
      parts.push(
        `<ul style="${UL_STYLE}">\n${items.map((i) => `<li style="${LI_STYLE}">${i}</li>`).join('\n')}\n</ul>`,
      );
    }
    paragraph = [];
    items = [];
  };
  for (const line of lines) {
    if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      items.push(inlineHtml(line.slice(2)));
    } else {
      if (items.length > 0) flush();
      paragraph.push(inlineHtml(line));
    }
  }
  flush();
  return parts.join('\n');
}

/** The HTML inside the mail's frame: paragraphs, lists and links, nothing else. */
export function toHtmlFragment(text: string): string {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.split('\n').filter((l) => l.trim() !== ''))
    .filter((b) => b.length > 0);
  return blocks.map(blockHtml).join('\n');
}

const BODY_STYLE = 'margin:0;padding:24px 12px;background:#f4f5f7';
const CARD_STYLE =
  'max-width:600px;margin:0 auto;padding:28px 28px 12px 28px;background:#ffffff;border:1px solid #e3e5e8;' +
  "border-radius:8px;font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;" +
  'font-size:15px;line-height:1.55;color:#1f2328';

/** A whole HTML mail from rendered text: escaped, inline styles only, no external resources. */
export function toHtml(text: string, lang = 'en'): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(lang)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    `<body style="${BODY_STYLE}">`,
    `<div style="${CARD_STYLE}">`,
    toHtmlFragment(text),
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
}
