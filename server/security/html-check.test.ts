import { describe, expect, it } from 'vitest';
import { scriptableParts } from './html-check.js';

describe('scriptableParts', () => {
  it('passes escaped text, plain paragraphs and http links', () => {
    const html =
      '<div style="x"><p>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>' +
      '<a href="https://deedbox.example/a?b=1&amp;c=2" style="color:red">link</a><br></div>';
    expect(scriptableParts(html)).toEqual([]);
  });

  it('names script, unknown elements, event handlers and script URLs, however they are quoted or encoded', () => {
    expect(scriptableParts('<p><script>alert(2)</script></p>')).toEqual(['<script> element']);
    expect(scriptableParts('<p>"><img src=x onerror=alert(1)></p>')).toEqual(['<img> element', 'onerror= on <img>']);
    expect(scriptableParts("<a href='java&#x09;script:alert(3)'>x</a>")).toEqual([
      'href="java\tscript:alert(3)" on <a>',
    ]);
    expect(scriptableParts('<p ONCLICK="x">a</p><XSS>')).toEqual(['onclick= on <p>', '<xss> element']);
    expect(scriptableParts('<a href=" JAVASCRIPT:alert(1)">x</a>')).toHaveLength(1);
  });
});
