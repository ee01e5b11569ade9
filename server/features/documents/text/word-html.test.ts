import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docx, wordParagraph, xmlText, zip } from './text.fixtures.js';
import { wordToSafeHtml } from './word-html.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'deedbox-word-html-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const link = (id: string, text: string) =>
  `<w:p><w:hyperlink r:id="${id}"><w:r><w:t>${xmlText(text)}</w:t></w:r></w:hyperlink></w:p>`;
const cell = (text: string) => `<w:tc>${wordParagraph(text)}</w:tc>`;

describe('wordToSafeHtml', () => {
  it('converts Word to HTML in which text that looks like markup stays text and only https links survive', async () => {
    const body = [
      wordParagraph('Vertrag <script>alert(1)</script>', 'Heading1'),
      wordParagraph('<img src=x onerror=alert(1)> & "Müller" 50 €', undefined, true),
      link('rIdJs', 'click me'),
      link('rIdOk', 'AGB'),
      `<w:tbl><w:tr>${cell('Miete')}${cell('900 €')}</w:tr></w:tbl>`,
    ].join('');
    const file = path.join(dir, 'hostile.docx');
    writeFileSync(file, docx(body, { rIdJs: 'javascript:alert(document.cookie)', rIdOk: 'https://example.com/agb' }));
    expect(await wordToSafeHtml(file, { timeoutMs: 20_000 })).toBe(
      '<h1>Vertrag &lt;script&gt;alert(1)&lt;/script&gt;</h1>' +
        '<p><strong>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Müller&quot; 50 €</strong></p>' +
        '<p>click me</p>' +
        '<p><a href="https://example.com/agb" rel="noopener noreferrer nofollow">AGB</a></p>' +
        '<table><tr><td><p>Miete</p></td><td><p>900 €</p></td></tr></table>',
    );
  });

  it('gives null for a file that is not Word, or one that hangs past the time limit', async () => {
    const notWord = path.join(dir, 'other.docx');
    writeFileSync(notWord, zip([['hello.txt', 'not a document']]));
    expect(await wordToSafeHtml(notWord, { timeoutMs: 20_000 })).toBeNull();
    const fifo = path.join(dir, 'endless.docx');
    execFileSync('mkfifo', [fifo]);
    expect(await wordToSafeHtml(fifo, { timeoutMs: 1_500 })).toBeNull();
  });
});
