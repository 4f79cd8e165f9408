import { describe, expect, it } from 'vitest';
import { feedFormat, parseFeed } from '../../../../../src/main/core/formats/digest/feed/feed';
import { textOf } from '../../../../../src/main/core/formats/digest/feed/tree';
import { parseXml } from '../../../../../src/main/core/formats/digest/feed/xml';
import { htmlToText } from '../../../../../src/main/core/formats/digest/shared/html-text';
import { readOwn } from './fixtures';
import { growthRatio } from './timing';

describe('feed: arXiv RSS 2.0', () => {
  const result = parseFeed(readOwn('arxiv-cs-cl.rss'));

  it('maps items to preprints with bare ids, versions, authors and the announcement removed', () => {
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.digest).toEqual({
      source: 'feed',
      title: 'cs.CL updates on arXiv.org',
      date: '2025-06-17',
      dateInferred: false,
    });
    expect(result.records[0]!.data).toEqual({
      type: 'preprint',
      title: 'Knowledge Distillation of Large Language Models',
      abstract:
        'Knowledge Distillation (KD) is a promising technique for reducing the high computational demand of large language models (LLMs). We find that p < 0.05 & that it helps. Code: https://github.com/microsoft/LMOps.',
      creators: [
        { role: 'author', family: 'Gu', given: 'Yuxian' },
        { role: 'author', family: 'Dong', given: 'Li' },
        { role: 'author', family: 'Wei', given: 'Furu' },
        { role: 'author', family: 'Huang', given: 'Minlie' },
      ],
      arxiv: '2306.08543',
      url: 'https://arxiv.org/abs/2306.08543',
      date: '2025-06-17',
      links: [{ kind: 'code', url: 'https://github.com/microsoft/LMOps' }],
      fields: {
        announcetype: 'new',
        categories: 'cs.CL cs.AI',
        license: 'http://creativecommons.org/licenses/by/4.0/',
        arxivversion: 'v1',
      },
    });
    expect(result.records[0]!.line).toBe(17);
  });

  it('reads replace-cross items with DOI and journal reference, particles in names', () => {
    const paper = result.records[1]!.data;
    expect(paper.fields).toMatchObject({
      announcetype: 'replace-cross',
      arxivversion: 'v3',
      journalref: 'Findings of ACL 2023',
    });
    expect(paper.doi).toBe('10.18653/v1/2023.findings-acl.78');
    expect(paper.creators[0]).toEqual({
      role: 'author',
      family: 'Waals',
      given: 'Johannes',
      prefix: 'van der',
    });
  });

  it('keeps CDATA text literally and decodes numeric references', () => {
    const paper = result.records[2]!.data;
    expect(paper.title).toBe('<script>alert("x")</script> & Friends: Titles in CDATA');
    expect(paper.abstract).toBe('Text in CDATA keeps <tags> & ampersands literally.');
    expect(paper.creators).toEqual([{ role: 'author', family: 'Ångström', given: 'Zoë' }]);
  });
});

describe('feed: arXiv API Atom', () => {
  const result = parseFeed(readOwn('arxiv-api.atom'));

  it('maps entries: id and version from <id>, re-flowed title and summary, PDF link, comment, journal ref', () => {
    const paper = result.records[0]!.data;
    expect(paper).toMatchObject({
      type: 'preprint',
      title: 'MiniLLM: Knowledge Distillation of Large Language Models',
      arxiv: '2306.08543',
      url: 'https://arxiv.org/abs/2306.08543',
      doi: '10.48550/arXiv.2306.08543',
      date: '2023-06-14',
      abstract:
        'Knowledge Distillation (KD) is a promising technique for reducing the high computational demand of large language models (LLMs). Our code is available at https://github.com/microsoft/LMOps/tree/main/minillm.',
    });
    expect(paper.fields).toEqual({
      arxivversion: 'v4',
      comments: 'Published as a conference paper in ICLR 2024',
      journalref: 'ICLR 2024',
      primarycategory: 'cs.CL',
      categories: 'cs.CL cs.AI',
    });
    expect(paper.links).toEqual([
      { kind: 'pdf', url: 'http://arxiv.org/pdf/2306.08543v4' },
      { kind: 'code', url: 'https://github.com/microsoft/LMOps/tree/main/minillm' },
    ]);
    expect(paper.creators.map((creator) => creator.family)).toEqual(['Gu', 'Dong']);
  });

  it('handles old-style ids and HTML titles', () => {
    const paper = result.records[1]!.data;
    expect(paper.arxiv).toBe('math/0211159');
    expect(paper.title).toBe('The entropy formula for the Ricci flow and its geometric applications');
    expect(result.digest).toMatchObject({ date: '2025-06-17' });
  });
});

describe('feed: a journal table of contents in RSS 1.0 (RDF) with PRISM', () => {
  const result = parseFeed(readOwn('nature-toc.rdf'));

  it('maps items to articles with DOI, journal, volume, issue, pages, authors and a clean abstract', () => {
    expect(result.records[0]!.data).toEqual({
      type: 'article',
      title: 'A map of protein–protein interactions in the human brain',
      abstract: 'We map 1,234 interactions & show that most are brain-specific.',
      creators: [
        { role: 'author', family: 'Fuente', given: 'Ana María', prefix: 'de la' },
        { role: 'author', family: 'Smith', given: 'John' },
      ],
      doi: '10.1038/s41586-025-09001-2',
      url: 'https://www.nature.com/articles/s41586-025-09001-2',
      date: '2025-06-17',
      container: 'Nature',
      volume: '642',
      issue: '8068',
      pages: '101–109',
      links: [],
      fields: {},
    });
    expect(result.digest).toEqual({
      source: 'feed',
      title: 'Nature',
      date: '2025-06-17',
      dateInferred: false,
    });
  });

  it('imports an item without summary with a warning', () => {
    expect(result.records[1]!.data).toMatchObject({
      title: 'Author Correction: Ice & fire',
      doi: '10.1038/s41586-025-09002-1',
    });
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 34, entry: 'Author Correction: Ice & fire' }),
    ]);
  });
});

describe('feed: a plain RSS 2.0 feed with escaped HTML', () => {
  const result = parseFeed(
    [
      '<?xml version="1.0"?>',
      '<rss version="2.0"><channel><title>Lab blog</title><lastBuildDate>Mon, 16 Jun 2025 10:00:00 GMT</lastBuildDate>',
      '<item><title>Our &lt;b&gt;new&lt;/b&gt; model</title><link>https://lab.example/posts/new-model</link>',
      '<description>&lt;p&gt;We release a model. Weights: &lt;a href="https://huggingface.co/lab/model"&gt;here&lt;/a&gt;.&lt;/p&gt;&lt;p&gt;Second &amp;amp; last paragraph.&lt;/p&gt;</description>',
      '<author>jane@lab.example (Jane Doe)</author><pubDate>Mon, 16 Jun 2025 09:00:00 GMT</pubDate></item>',
      '</channel></rss>',
    ].join('\n'),
  );

  it('maps an item with neither arXiv id, DOI nor journal to an online item, HTML turned to text', () => {
    expect(result.records[0]!.data).toEqual({
      type: 'online',
      title: 'Our new model',
      abstract: 'We release a model. Weights: here.\nSecond & last paragraph.',
      creators: [{ role: 'author', family: 'Doe', given: 'Jane' }],
      url: 'https://lab.example/posts/new-model',
      date: '2025-06-16',
      links: [],
      fields: {},
    });
    expect(result.digest).toEqual({
      source: 'feed',
      title: 'Lab blog',
      date: '2025-06-16',
      dateInferred: false,
    });
  });
});

describe('feed: detect and refuse', () => {
  it('detects RSS, RDF and Atom, and nothing else', () => {
    for (const name of ['arxiv-cs-cl.rss', 'arxiv-api.atom', 'nature-toc.rdf']) {
      expect(feedFormat.detect(readOwn(name))).toBeGreaterThanOrEqual(0.9);
    }
    expect(feedFormat.detect('<!doctype html><html></html>')).toBe(0);
    expect(feedFormat.detect('A Title\n\nAn abstract.')).toBe(0);
  });

  it('refuses XML that is not a feed, and an item without title', () => {
    expect(parseFeed('<?xml version="1.0"?><svg></svg>').errors[0]!.message).toMatch(
      /not an RSS or Atom feed/,
    );
    const result = parseFeed(
      '<rss version="2.0"><channel><item><description>Orphan.</description></item></channel></rss>',
    );
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      { line: 1, column: 29, message: 'This feed item has no title; it was skipped.' },
    ]);
  });

  it('recovers from unclosed tags, reporting them as warnings with positions', () => {
    const text =
      '<rss version="2.0"><channel>\n<item><title>One<i>x</title><description>First.</description></item>\n<item><title>Two</title></item></channel></rss>';
    const result = parseFeed(text);
    expect(result.records.map((record) => record.data.title)).toEqual(['Onex', 'Two']);
    expect(result.warnings[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/<i> is not closed/),
    });
  });
});

describe('xml reader: hostile input', () => {
  it('does not expand entities defined in a DOCTYPE (billion laughs)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><rss version="2.0"><channel><item><title>&lol2;</title></item></channel></rss>`;
    const result = parseFeed(laughs);
    expect(result.records[0]!.data.title).toBe('&lol2;');
  });

  it('decodes references exactly once and replaces invalid code points', () => {
    const document = parseXml('<a>&amp;lt; &#0; &#x110000; &#xD800; &eacute;&nbsp;&unknown; &#x1F600;</a>');
    expect(textOf(document.root!)).toBe('&lt; \ufffd \ufffd \ufffd é\u00a0&unknown; 😀');
  });

  it('resolves namespaces by URI whatever the prefix', () => {
    const document = parseXml('<r xmlns:x="http://purl.org/dc/elements/1.1/"><x:creator>A</x:creator></r>');
    const child = document.root!.children[0];
    expect(child).toMatchObject({ ns: 'dc', local: 'creator' });
  });

  it('survives nesting 50 000 deep without recursion', () => {
    const deep = `<rss version="2.0"><channel><item><title>${'<b>'.repeat(50_000)}Deep${'</b>'.repeat(50_000)}</title></item></channel></rss>`;
    const result = parseFeed(deep);
    expect(result.records[0]!.data.title).toBe('Deep');
    expect(result.warnings.some((warning) => /nested more than/.test(warning.message))).toBe(true);
    // Problems past the first hundred are counted, not listed one by one.
    const xmlProblems = result.warnings.filter((warning) => /not well-formed/.test(warning.message));
    expect(xmlProblems.length).toBeLessThanOrEqual(101);
    expect(xmlProblems[xmlProblems.length - 1]!.message).toMatch(/more problems like these/);
  });

  const hostile: Record<string, (size: number) => string> = {
    'stray end tags': (size) => `<rss>${'</x>'.repeat(size)}</rss>`,
    'unclosed quotes': (size) => `<rss><channel>${'<a b="c>'.repeat(size)}`,
    'unclosed comments': (size) => `<rss>${'<!-- '.repeat(size)}`,
    'unclosed CDATA': (size) => `<rss>${'<![CDATA['.repeat(size)}`,
    'unclosed start tags': (size) => `<rss>${'<x '.repeat(size)}`,
    'lone "<"': (size) => `<rss>${'< '.repeat(size)}</rss>`,
    'deep nesting': (size) => `<rss>${'<b>'.repeat(size)}${'</b>'.repeat(size)}</rss>`,
    'ampersands before one far semicolon': (size) =>
      `<rss><channel><item><title>${'& '.repeat(size * 2)};</title></item></channel></rss>`,
    'many entities': (size) =>
      `<rss><channel><item><title>${'&amp;&#x41;&nbsp;'.repeat(size)}</title></item></channel></rss>`,
  };
  for (const [name, make] of Object.entries(hostile)) {
    it(`stays linear on ${name}`, () => {
      expect(parseFeed(make(1000)).errors.length + parseFeed(make(1000)).records.length).toBeLessThanOrEqual(
        1,
      );
      expect(growthRatio(make, parseFeed, 20_000)).toBeLessThan(10);
    });
  }
});

describe('htmlToText', () => {
  it('strips tags and hidden content, keeps entity-encoded markup as text, breaks at blocks', () => {
    expect(
      htmlToText(
        '<p>One &amp; <b>two</b></p><script>alert(1)</script><style>p{}</style><p>&lt;script&gt; 3 < 4</p>',
      ),
    ).toBe('One & two\n<script> 3 < 4');
    expect(htmlToText('a <br/> b<!-- hidden --> c')).toBe('a\nb c');
    expect(htmlToText('unterminated <a href="x')).toBe('unterminated <a href="x');
  });
});
