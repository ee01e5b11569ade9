import { describe, expect, it } from 'vitest';
import {
  asData,
  checkTemplate,
  PLACEHOLDERS,
  placeholdersIn,
  renderSubject,
  renderText,
  TemplateError,
  toHtml,
  toHtmlFragment,
  unmarked,
} from './template.js';

const allowed = ['name', 'link', 'date'];

describe('checkTemplate', () => {
  it('accepts known placeholders, with or without spaces inside the braces', () => {
    expect(checkTemplate('Hello {{name}}, see {{ link }} on {{date}}.', allowed)).toEqual([]);
    expect(checkTemplate('No placeholders at all, {single} braces are text.', allowed)).toEqual([]);
  });

  it('names each unknown placeholder once', () => {
    const problems = checkTemplate('{{name}} {{foo}} {{foo}} {{Bar2}}', allowed);
    expect(problems.map((p) => [p.rule, p.placeholder])).toEqual([
      ['unknown_placeholder', '{{foo}}'],
      ['unknown_placeholder', '{{Bar2}}'],
    ]);
    expect(problems[0]!.message).toContain('{{foo}}');
    expect(problems[0]!.message).toContain('{{name}}');
  });

  it.each([
    ['Hello {{name', '{{'],
    ['Hello name}}', '}}'],
    ['Hello {{}}', '{{}}'],
    ['Hello {{first name}}', '{{first name}}'],
    ['Hello {{{name}}}', '{{{name}}'],
    ['Hello {{na-me}}', '{{na-me}}'],
    ['Hello {{1st}}', '{{1st}}'],
    ['Hello {{name}}}', '{{name}}}'],
    ['Hello {{\nname}}', '{{\nname}}'],
  ])('finds malformed braces in %j', (text, placeholder) => {
    const problems = checkTemplate(text, allowed);
    expect(problems[0]).toMatchObject({ rule: 'malformed', placeholder });
  });

  it('offers the placeholders of each kind, escalation adding level and original recipients', () => {
    expect(PLACEHOLDERS.escalation).toEqual([...PLACEHOLDERS.reminder, 'level', 'originalRecipients']);
    expect(PLACEHOLDERS.summary).toContain('allClear');
    expect(PLACEHOLDERS.digest).toContain('items');
  });

  it('lists the placeholders a text uses', () => {
    expect(placeholdersIn('{{date}} {{name}} {{ date }} {{bad')).toEqual(['date', 'name']);
  });
});

describe('renderText', () => {
  it('fills in values as text', () => {
    expect(renderText('Hello {{name}}, {{ date }}: {{count}}', { name: 'Ada <b>', date: '2027-03-31', count: 3 })).toBe(
      'Hello Ada <b>, 2027-03-31: 3',
    );
  });

  it('drops lines whose placeholders all render empty, keeps lines without placeholders', () => {
    const text =
      'Hello {{name}},\n\nOpen: {{link}}\nAcknowledge: {{ack}}\nDismiss: {{dismiss}}\nPartner: {{p}} {{q}}\n\nBye';
    const out = renderText(text, { name: 'Ada', link: 'https://x.test/c', ack: '', dismiss: null, p: '', q: 'Q' });
    expect(out).toBe('Hello Ada,\n\nOpen: https://x.test/c\nPartner:  Q\n\nBye');
  });

  it('collapses the blank lines a dropped paragraph leaves behind', () => {
    const text = 'Top\n\n{{a}}\n\n{{b}}\n\nBottom\n\n{{c}}\n';
    expect(renderText(text, { a: '', b: '  ', c: '' })).toBe('Top\n\nBottom');
    expect(renderText('{{a}}\n\nStart', { a: '' })).toBe('Start');
  });

  it('keeps multi-line values whole', () => {
    expect(renderText('Items:\n{{items}}\nEnd', { items: '- one\n- two' })).toBe('Items:\n- one\n- two\nEnd');
  });

  it('throws on a placeholder without a value or on malformed braces', () => {
    expect(() => renderText('Hi {{name}}', {})).toThrow(TemplateError);
    expect(() => renderText('Hi {{name', { name: 'x' })).toThrow(TemplateError);
  });

  it('makes subjects one line', () => {
    expect(renderSubject('  Due: {{items}}\n  soon ', { items: 'a\nb' })).toBe('Due: a b soon');
  });
});

describe('toHtml', () => {
  it('escapes everything, template text and values alike', () => {
    const html = toHtmlFragment(renderText('<script>{{v}}</script> & "q"', { v: '<img src=x onerror=alert(1)>' }));
    expect(html).toBe(
      '<p style="margin:0 0 16px 0">&lt;script&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt; &amp; &quot;q&quot;</p>',
    );
  });

  it('makes paragraphs from blank-line-separated blocks and line breaks within them', () => {
    const html = toHtmlFragment('One\nline two\n\n\nThree');
    expect(html).toBe('<p style="margin:0 0 16px 0">One<br>\nline two</p>\n<p style="margin:0 0 16px 0">Three</p>');
  });

  it('makes lists from lines starting with "- "', () => {
    const html = toHtmlFragment('Coming up:\n- first\n- second\nafter\n\n- alone');
    expect(html).toContain('<p style="margin:0 0 16px 0">Coming up:</p>\n<ul');
    expect(html.match(/<li /g)).toHaveLength(3);
    expect(html).toContain('>first</li>');
    expect(html).toContain('</ul>\n<p style="margin:0 0 16px 0">after</p>');
  });

  it('links http and https addresses, leaving trailing punctuation outside', () => {
    const html = toHtmlFragment('See https://deedbox.test/c/1?a=1&b=2. Or http://x.test/y, not ftp://z.test');
    expect(html).toContain('<a href="https://deedbox.test/c/1?a=1&amp;b=2" style=');
    expect(html).toContain('>https://deedbox.test/c/1?a=1&amp;b=2</a>. Or ');
    expect(html).toContain('<a href="http://x.test/y" ');
    expect(html).toContain('</a>, not ftp://z.test');
    expect(toHtmlFragment('x https://a.test/"onmouseover="y')).toContain('<a href="https://a.test/" ');
  });

  it('shows typed data as inert text: escaped, never linked, with its scheme and domain broken for autolinkers', () => {
    const title = 'https://evil.example/x <a href="https://evil.example/y">y</a>';
    const marked = renderText('{{title}}\n- {{title}}\nOpen: {{link}}', {
      title: asData(title),
      link: 'https://deedbox.test/c/1',
    });
    expect(unmarked(marked)).toBe(`${title}\n- ${title}\nOpen: https://deedbox.test/c/1`);
    const html = toHtmlFragment(marked);
    expect(html).not.toContain('evil.example');
    expect(html).not.toMatch(/<a [^>]*evil/);
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('<a href="https://deedbox.test/c/1" ');
    expect(html).toContain('https:&#8204;/&#8204;/&#8204;evil.&#8204;example/&#8204;x &lt;a href=&quot;https:&#8204;');
    expect(html).toContain('<li style="margin:0 0 6px 0">https:&#8204;');
    // Blank data is no value (the line drops), and typed marks cannot open or close a span.
    expect(renderText('Partner: {{p}}\nEnd', { p: asData('  ') })).toBe('End');
    expect(unmarked(asData('a\uE001https://x.test\uE000b'))).toBe('ahttps://x.testb');
    expect(toHtmlFragment(asData('a\uE001https://x.test'))).not.toContain('<a ');
  });

  it('is a whole document with inline styles and no external resources', () => {
    const html = toHtml('Hello https://a.test', 'de');
    expect(html.startsWith('<!doctype html>\n<html lang="de">')).toBe(true);
    expect(html).not.toMatch(/<link|<img|<script|<style|url\(/i);
    expect(html.match(/src=/g)).toBeNull();
    // Every style attribute is one well-formed value (no double quote inside it).
    for (const [, style] of html.matchAll(/style="([^"]*)"/g))
      expect(style).toMatch(/^[a-z-]+:[^;]+(;[a-z-]+:[^;]+)*$/);
    expect(html).toContain('color:#1f2328">');
  });
});
