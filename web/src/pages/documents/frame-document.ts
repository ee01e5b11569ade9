/**
 * The page a sandboxed preview frame shows (its srcdoc): the server's sanitised Word HTML, or a
 * text file escaped into a <pre>. Its own policy allows nothing but the inline style below, on
 * top of the frame's sandbox (no scripts, an opaque origin) and the app's policy it inherits.
 */
export function frameDocument(content: { html: string } | { text: string }): string {
  const body = 'html' in content ? content.html : `<pre>${escapeHtml(content.text)}</pre>`;
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>${STYLE}</style></head><body>${body}</body></html>`;
}

const STYLE = [
  'body{margin:16px 20px;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#212529;overflow-wrap:anywhere}',
  'pre{margin:0;white-space:pre-wrap;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}',
  'table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ced4da;padding:4px 8px;vertical-align:top}',
  'a{color:#364fc7}img{max-width:100%}',
].join('');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
