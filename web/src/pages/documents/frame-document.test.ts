import { describe, expect, it } from 'vitest';
import { escapeHtml, frameDocument } from './frame-document.js';

describe('the sandboxed preview frame’s page', () => {
  it('shows a text file as text: markup in it is escaped, never parsed', () => {
    const page = frameDocument({ text: '</pre><script>alert(1)</script><img src=x onerror="alert(2)"> & \'' });
    expect(page).toContain(
      '<pre>&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &#39;</pre>',
    );
    expect(page).not.toContain('<script>');
  });

  it('carries its own policy that allows no script, image or connection', () => {
    const page = frameDocument({ html: '<p>Lease</p>' });
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(page).toContain('<body><p>Lease</p></body>');
  });

  it('escapes every character that could end an attribute or start a tag', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
