import { describe, expect, it } from 'vitest';
import { scanMarkup } from './markup.js';
import { sanitizeHtml } from './sanitize-html.js';

const ALLOWED_ATTRIBUTES = new Set(['href', 'rel', 'colspan', 'rowspan']);
/** Exactly the tags the sanitiser writes; once they are removed, no markup character may be left. */
const OUR_TAGS =
  /<\/?(?:p|h[1-6]|strong|em|u|s|sup|sub|br|ul|ol|li|table|thead|tbody|tr|blockquote|pre|a)>|<a href="https:\/\/[^"<>]*" rel="noopener noreferrer nofollow">|<t[dh](?: (?:colspan|rowspan)="\d+")*>|<\/t[dh]>/g;

/** The output re-read: only allowed tags and attributes, links https only, everything else escaped text. */
function assertSafe(html: string) {
  for (const token of scanMarkup(html)) {
    if (token.type !== 'open') continue;
    for (const [name, value] of token.attrs) {
      expect(ALLOWED_ATTRIBUTES.has(name), `attribute ${name} on <${token.name}>`).toBe(true);
      if (name === 'href') expect(value).toMatch(/^https:\/\//);
    }
  }
  expect(html.replace(OUR_TAGS, '')).not.toMatch(/[<>"]/);
}

describe('sanitizeHtml', () => {
  it('keeps the structure mammoth writes', () => {
    const html =
      '<h1>Vertrag</h1><p><strong>Fett</strong>, <em>kursiv</em>, <u>unter</u>, <s>weg</s>, x<sup>2</sup>H<sub>2</sub>O<br />neu</p>' +
      '<ul><li>eins</li></ul><ol><li>zwei</li></ol><table><tr><td colspan="2">a</td><th rowspan="3">b</th></tr></table>';
    expect(sanitizeHtml(html)).toBe(
      '<h1>Vertrag</h1><p><strong>Fett</strong>, <em>kursiv</em>, <u>unter</u>, <s>weg</s>, x<sup>2</sup>H<sub>2</sub>O<br>neu</p>' +
        '<ul><li>eins</li></ul><ol><li>zwei</li></ol><table><tr><td colspan="2">a</td><th rowspan="3">b</th></tr></table>',
    );
  });

  it('keeps text that looks like markup as escaped text', () => {
    const out = sanitizeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3 &quot;q&quot;</p>');
    expect(out).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3 &quot;q&quot;</p>');
  });

  it('drops scripts, styles and embedded documents with their content', () => {
    const out = sanitizeHtml(
      '<p>a</p><script>alert(1)</script><SCRIPT SRC="x"></SCRIPT><style>p{}</style><iframe src="https://x"><p>in</p></iframe>' +
        '<svg><script>alert(2)</script></svg><template><p>t</p></template><p>b</p>',
    );
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('drops every attribute but https link targets and table spans', () => {
    const out = sanitizeHtml(
      '<p onclick="alert(1)" style="color:red" class="x" id="y">a</p><td colspan="2" onmouseover="x" rowspan="9999">c</td>',
    );
    expect(out).toBe('<p>a</p><td colspan="2">c</td>');
    assertSafe(out);
  });

  it('keeps https links with rel=noopener and unwraps every other link', () => {
    const out = sanitizeHtml(
      '<a href="https://example.com/a?b=1&amp;c=&quot;2&quot;">ok</a> <a href="javascript:alert(1)">js</a> ' +
        '<a href=" JAVASCRIPT:alert(1)">js2</a> <a href="http://example.com">http</a> <a href="#footnote-1">[1]</a> ' +
        '<a href="https://user:pw@example.com">creds</a> <a id="bookmark"></a><a href="data:text/html,x">data</a>',
    );
    expect(out).toBe(
      '<a href="https://example.com/a?b=1&amp;c=%222%22" rel="noopener noreferrer nofollow">ok</a> js js2 http [1] creds data',
    );
    assertSafe(out);
  });

  it('drops images, inline data ones too', () => {
    expect(sanitizeHtml('<p>a<img src="data:image/png;base64,AAAA" alt="x" />b<img src=x onerror=alert(1)>c</p>')).toBe(
      '<p>abc</p>',
    );
  });

  it('closes what is left open and ignores stray or foreign closing tags', () => {
    expect(sanitizeHtml('<p><strong>a</p></div>b</em><ul><li>c')).toBe('<p><strong>a</strong></p>b<ul><li>c</li></ul>');
  });

  it('turns broken or hostile markup into harmless text', () => {
    const inputs = [
      '<scr<script>ipt>alert(1)</script>',
      '<p title="a>b" onclick=alert(1)>x</p>',
      '<img src="x" onerror="alert(1)"',
      '<!--><script>alert(1)</script>-->',
      '<![CDATA[<script>alert(1)</script>]]>',
      '<p>a</p><p/onload=alert(1)>',
      '<a href="https://ok" onclick="x">y</a>',
      '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
      '<<p>>',
      '&#x3c;script&#x3e;alert(1)&#x3c;/script&#x3e;',
    ];
    for (const input of inputs) {
      const out = sanitizeHtml(input);
      assertSafe(out);
    }
  });

  it('reads a megabyte of unclosed tags and quotes (a quadratic scan would not finish within the test limit)', () => {
    const out = sanitizeHtml('<a b="'.repeat(200_000));
    expect(out).toBe('&lt;a b=&quot;'.repeat(200_000));
  });
});
