import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import type { ItemData } from '../../../../../src/shared/domain';
import { exportDigestHtml } from '../../../../../src/main/core/formats/digest/export/digest-html';
import { exportDigestMd } from '../../../../../src/main/core/formats/digest/export/digest-md';
import { exportDigestTxt } from '../../../../../src/main/core/formats/digest/export/digest-txt';
import { parseHfText } from '../../../../../src/main/core/formats/digest/hf/hf-text';
import type { ExportItem } from '../../../../../src/main/core/formats/types';
import { realDigest } from './fixtures';

function exportItem(data: Partial<ItemData> & { title: string }, id = 1): ExportItem {
  return {
    type: 'preprint',
    creators: [],
    links: [],
    fields: {},
    ...data,
    id,
    key: `KEY${id}`,
    citekey: `key${id}`,
    added: '2025-06-17T00:00:00Z',
    modified: '2025-06-17T00:00:00Z',
    tags: [],
  };
}

const HOSTILE_TITLE =
  '<script>alert(1)</script> <img src=x onerror=alert(2)> "><b onmouseover="alert(3)">[x](javascript:alert(4))';
const hostile = exportItem(
  {
    title: HOSTILE_TITLE,
    abstract:
      '# Not a heading\n- not a list\n> not a quote\n<iframe src="https://evil.example"></iframe> &copy; `code` *em*',
    creators: [{ role: 'author', given: '<b>Eve</b>', family: '"Mallory"' }],
    url: 'javascript:alert(5)',
    links: [
      { kind: 'code', url: 'javascript:alert(6)' },
      { kind: 'project', url: 'data:text/html,<script>alert(7)</script>' },
      { kind: 'video', url: 'https://example.org/watch?v=1&t="2"' },
      { kind: 'other', url: 'https://example.org/a)b](c', label: '</a><script>alert(8)</script>' },
    ],
  },
  9,
);

describe('digest-txt: round trip through the hf-text importer', () => {
  it('gives back the 103 real papers, titles and abstracts unchanged, in order', () => {
    const imported = parseHfText(realDigest(), { now: new Date('2025-07-01') });
    const items = imported.records.map((record, index) => exportItem(record.data, index + 1));
    const text = exportDigestTxt(items, { title: 'Reading group: trending papers', date: '2025-06-17' });
    const back = parseHfText(text, { now: new Date('2025-07-01') });
    expect(back.records.map((record) => [record.data.title, record.data.abstract])).toEqual(
      imported.records.map((record) => [record.data.title, record.data.abstract]),
    );
    expect(back.errors).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(back.digest).toEqual({
      source: 'hf-text',
      title: 'Reading group: trending papers',
      date: '2025-06-17',
      dateInferred: false,
    });
  });

  it('keeps papers without abstract, multi-paragraph abstracts and odd titles parseable', () => {
    const items = [
      exportItem({ title: 'A Title Ending With a Full Stop.' }, 1),
      exportItem({ title: 'Does It Work?' }, 2),
      exportItem({ title: 'Plain Title Without Abstract', abstract: '   ' }, 3),
      exportItem(
        {
          title: 'Two Paragraphs',
          abstract: 'First paragraph. It has sentences.\n\nSecond paragraph, after a blank line.',
        },
        4,
      ),
      exportItem({ title: 'Three\nLines\nOf Title', abstract: 'One.\nTwo.\nThree.' }, 5),
      exportItem({ title: HOSTILE_TITLE, abstract: 'Text with <tags> & “quotes”.' }, 6),
      exportItem({ title: 'Ünïcödé 日本語 Title', abstract: 'Ελληνικά και 中文.' }, 7),
      exportItem({ title: 'Last Paper Without Abstract' }, 8),
    ];
    const back = parseHfText(exportDigestTxt(items, { title: 'Mixed bag' }));
    expect(back.records.map((record) => [record.data.title, record.data.abstract ?? ''])).toEqual([
      ['A Title Ending With a Full Stop.', ''],
      ['Does It Work?', ''],
      ['Plain Title Without Abstract', ''],
      // Paragraph breaks survive as single line breaks (see ADR 0023).
      ['Two Paragraphs', 'First paragraph. It has sentences.\nSecond paragraph, after a blank line.'],
      ['Three Lines Of Title', 'One.\nTwo.\nThree.'],
      [HOSTILE_TITLE, 'Text with <tags> & “quotes”.'],
      ['Ünïcödé 日本語 Title', 'Ελληνικά και 中文.'],
      ['Last Paper Without Abstract', ''],
    ]);
    expect(back.errors).toEqual([]);
    expect(back.warnings.map((warning) => warning.entry)).toEqual([
      'A Title Ending With a Full Stop.',
      'Does It Work?',
      'Plain Title Without Abstract',
      'Last Paper Without Abstract',
    ]);
    expect(back.digest?.title).toBe('Mixed bag');
  });

  it('writes the Hugging Face layout', () => {
    const text = exportDigestTxt([exportItem({ title: 'A Paper', abstract: 'Its abstract.' })], {
      title: 'Reading group',
      date: '2025-06-17',
    });
    expect(text).toBe('Reading group\n\nJun 17, 2025\n\n1 paper\n\nA Paper\n\nIts abstract.\n');
  });
});

describe('digest-md', () => {
  const items = [
    exportItem(
      {
        title: 'Knowledge Distillation of Large Language Models',
        abstract: 'First paragraph.\nSecond paragraph.',
        creators: [
          { role: 'author', given: 'Yuxian', family: 'Gu' },
          { role: 'author', given: 'Johannes', prefix: 'van der', family: 'Waals' },
        ],
        date: '2023-06-14',
        arxiv: '2306.08543',
        links: [{ kind: 'code', url: 'https://github.com/microsoft/LMOps' }],
      },
      1,
    ),
    hostile,
  ];
  const markdown = exportDigestMd(items, { title: 'Reading group', date: '2025-06-17' });

  it('writes a heading linked to the paper, authors and year, links, and the abstract', () => {
    expect(markdown).toContain('# Reading group\n\nJun 17, 2025 · 2 papers\n');
    expect(markdown).toContain(
      '## [Knowledge Distillation of Large Language Models](https://arxiv.org/abs/2306.08543)\n\n*Yuxian Gu, Johannes van der Waals · 2023*\n\n- Code: <https://github.com/microsoft/LMOps>\n\nFirst paragraph.\n\nSecond paragraph.\n',
    );
  });

  it('renders imported strings as text: no HTML, no injected link, no javascript: or data: URL', () => {
    const html = micromark(markdown, {
      extensions: [gfm()],
      htmlExtensions: [gfmHtml()],
      // Let raw HTML and every protocol through, so only the exporter's escaping is tested.
      allowDangerousHtml: true,
      allowDangerousProtocol: true,
    });
    expect(html).not.toMatch(/<(script|img|iframe|b)\b/i);
    expect(html).not.toMatch(/(?:href|src)="(?:javascript|data):/i);
    // No element carries an event handler: "onerror=" only ever appears as escaped text.
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs.slice(0, 4)).toEqual([
      'https://arxiv.org/abs/2306.08543',
      'https://github.com/microsoft/LMOps',
      'https://example.org/watch?v=1&amp;t=%222%22',
      'https://example.org/a%29b%5D%28c',
    ]);
    // GFM also links a bare http(s) URL written in an abstract, showing the URL itself.
    expect(hrefs.slice(4)).toEqual([expect.stringMatching(/^https:\/\/evil\.example/)]);
    // The hostile title is shown as the text it is.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('[x](javascript:alert(4))');
    expect(html).toContain('<p># Not a heading</p>\n<p>- not a list</p>\n<p>&gt; not a quote');
    expect(html).toContain('&amp;copy; `code` *em*');
  });
});

describe('digest-html', () => {
  const html = exportDigestHtml(
    [
      exportItem({ title: 'A Good Paper', abstract: 'One.\nTwo.', arxiv: '2306.08543', date: '2023' }, 1),
      hostile,
      exportItem({ title: 'Only a DOI', doi: '10.1000/x"y' }, 3),
    ],
    { title: 'Reading <group> & "friends"', date: '2025-06-17' },
  );

  it('is a complete document with inline styles only: no script, style element, image or external resource', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/g)];
    const allowedTags = new Set([
      'html',
      'head',
      'meta',
      'title',
      'body',
      'table',
      'tr',
      'td',
      'h1',
      'h2',
      'p',
      'a',
    ]);
    const allowedAttributes = new Set([
      'lang',
      'charset',
      'name',
      'content',
      'style',
      'role',
      'cellpadding',
      'cellspacing',
      'align',
      'href',
    ]);
    for (const [, name, attributes] of tags) {
      expect(allowedTags.has(name!.toLowerCase())).toBe(true);
      for (const [, attribute, value] of attributes!.matchAll(/([a-z-]+)="([^"]*)"/g)) {
        expect(allowedAttributes.has(attribute!)).toBe(true);
        if (attribute === 'href') expect(value).toMatch(/^https?:\/\//);
      }
    }
    // Every "<" in the document starts one of the tags above: nothing else is markup.
    expect(html.split('<').length - 1).toBe(tags.length + 1 /* doctype */);
  });

  it('escapes every imported string and links only http(s) URLs', () => {
    expect(html).toContain('<title>Reading &lt;group&gt; &amp; &quot;friends&quot;</title>');
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt; &quot;&gt;&lt;b onmouseover=&quot;alert(3)&quot;&gt;[x](javascript:alert(4))',
    );
    expect(html).toContain('&lt;b&gt;Eve&lt;/b&gt; &quot;Mallory&quot;');
    expect(html).toContain('&lt;iframe src=&quot;https://evil.example&quot;&gt;&lt;/iframe&gt; &amp;copy;');
    expect(html).toContain('&lt;/a&gt;&lt;script&gt;alert(8)&lt;/script&gt;</a>');
    expect(html).not.toMatch(/href="(?!https?:)/);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual([
      'https://arxiv.org/abs/2306.08543',
      'https://example.org/watch?v=1&amp;t=%222%22',
      'https://example.org/a)b](c',
      'https://doi.org/10.1000/x%22y',
    ]);
    // The hostile paper's own URL is javascript:, so its title is not a link.
    expect(html).toMatch(/<h2 style="[^"]*">&lt;script&gt;/);
  });

  it('writes paragraphs, authors and the year', () => {
    expect(html).toMatch(/<p style="[^"]*">One\.<\/p><p style="[^"]*">Two\.<\/p>/);
    expect(html).toContain('2023</p>');
    expect(html).toContain('Jun 17, 2025 · 3 papers');
  });
});
