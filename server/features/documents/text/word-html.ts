import { runIsolated } from './isolate.js';
import { sanitizeHtml } from './sanitize-html.js';
import { parsedHtml } from './worker-replies.js';

/** The HTML mammoth may hand back before it is cut (the sanitiser closes what the cut leaves open). */
export const MAX_PREVIEW_HTML = 5_000_000;

/**
 * A Word (.docx) file as HTML safe to show in our origin: converted by mammoth in an isolated
 * process (isolate.ts), then re-serialised through an allow-list (sanitize-html.ts: no scripts,
 * attributes, styles or images; only https links, with rel=noopener). Null when the file cannot
 * be converted in time.
 */
export async function wordToSafeHtml(file: string, options: { timeoutMs: number }): Promise<string | null> {
  const run = await runIsolated({ task: 'word-html', file, maxChars: MAX_PREVIEW_HTML }, options.timeoutMs);
  if (!run.ok) return null;
  const reply = parsedHtml.safeParse(run.reply);
  if (!reply.success || reply.data.status !== 'html') return null;
  return sanitizeHtml(reply.data.html);
}
