import { describe, expect, it } from 'vitest';
import {
  classifyLink,
  cleanUrl,
  extractLinks,
} from '../../../../../src/main/core/formats/digest/shared/links';

describe('extractLinks: URLs as abstracts really write them', () => {
  // [text around the URL, the URL a reader means]
  const shapes: [string, string][] = [
    ['Code is available at https://github.com/YuHengsss/Trident.', 'https://github.com/YuHengsss/Trident'],
    [
      'advancements: https://github.com/KaiyangWan/CogWriter{CogWriter}.',
      'https://github.com/KaiyangWan/CogWriter',
    ],
    ['Code is available at https://github.com/wenyudu/MIGU{this', 'https://github.com/wenyudu/MIGU'],
    ['see \\href{https://github.com/a/b}{here}', 'https://github.com/a/b'],
    ['see \\url{https://github.com/a/b}.', 'https://github.com/a/b'],
    ['(code: https://github.com/a/b)', 'https://github.com/a/b'],
    ['(see https://github.com/a/b).', 'https://github.com/a/b'],
    ['at https://github.com/a/b, and', 'https://github.com/a/b'],
    ['at https://github.com/a/b; and', 'https://github.com/a/b'],
    ['"https://github.com/a/b"', 'https://github.com/a/b'],
    ['“https://github.com/a/b”.', 'https://github.com/a/b'],
    ["'https://github.com/a/b'", 'https://github.com/a/b'],
    ['demo: https://youtu.be/XsaGI01b-1o', 'https://youtu.be/XsaGI01b-1o'],
    ['Code: github.com/x/y.', 'https://github.com/x/y'],
    ['Project page: www.example.org/project/.', 'https://www.example.org/project/'],
    ['page: lilujunai.github.io/DisWOT-CVPR2023/.', 'https://lilujunai.github.io/DisWOT-CVPR2023/'],
    ['[repo](https://github.com/a/b)', 'https://github.com/a/b'],
    ['<https://github.com/a/b>', 'https://github.com/a/b'],
    ['see https://en.wikipedia.org/wiki/Foo_(bar).', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['at HTTPS://GitHub.com/Owner/Repo.', 'https://github.com/Owner/Repo'],
    ['code at:https://github.com/a/b', 'https://github.com/a/b'],
    ['代码见https://github.com/a/b。', 'https://github.com/a/b'],
    ['at https://github.com/a/b...', 'https://github.com/a/b'],
    ['at https://github.com/a/b!', 'https://github.com/a/b'],
    ['at https://github.com/a/b*', 'https://github.com/a/b'],
    ['https://example.com/search?q=a&b=c#frag.', 'https://example.com/search?q=a&b=c#frag'],
  ];
  for (const [text, url] of shapes) {
    it(`finds ${url} in ${JSON.stringify(text)}`, () => {
      expect(extractLinks(text).map((link) => link.url)).toEqual([url]);
    });
  }

  it('splits URLs glued together and drops duplicates, in order of appearance', () => {
    expect(
      extractLinks('https://github.com/a/b,https://github.com/c/d and again https://github.com/a/b.'),
    ).toEqual([
      { kind: 'code', url: 'https://github.com/a/b' },
      { kind: 'code', url: 'https://github.com/c/d' },
    ]);
  });

  it('ignores e-mail addresses, bare words with dots and non-http schemes', () => {
    expect(
      extractLinks('Mail me@github.com, see Fig. 3.2 or e.g. ftp://host/x and javascript:alert(1).'),
    ).toEqual([]);
    expect(extractLinks('')).toEqual([]);
    expect(extractLinks(undefined)).toEqual([]);
  });

  it('runs in linear time on a long hostile token', () => {
    const hostile = `${'a.'.repeat(500_000)}github.com/${'x'.repeat(100)}`;
    const started = performance.now();
    const links = extractLinks(hostile);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(links).toHaveLength(1);
  });
});

describe('cleanUrl', () => {
  it('refuses what is not an http(s) URL with a dotted host', () => {
    expect(cleanUrl('https://localhost/x')).toBeUndefined();
    expect(cleanUrl('...')).toBeUndefined();
    expect(cleanUrl('https://')).toBeUndefined();
  });
});

describe('classifyLink', () => {
  const kinds: [string, string][] = [
    ['https://github.com/horseee/DeepCache', 'code'],
    ['https://gitlab.com/group/project', 'code'],
    ['https://bitbucket.org/team/repo', 'code'],
    ['https://codeberg.org/user/repo', 'code'],
    ['https://huggingface.co/spaces/org/demo', 'code'],
    ['https://huggingface.co/pfnet/nekomata-14b-pfn-qfin-inst-merge', 'model'],
    ['https://huggingface.co/datasets/org/data', 'dataset'],
    ['https://huggingface.co/papers/2306.08543', 'other'],
    ['https://www.kaggle.com/datasets/owner/name', 'dataset'],
    ['https://youtu.be/gCuUyGETbTU', 'video'],
    ['https://www.youtube.com/watch?v=abc', 'video'],
    ['https://vimeo.com/12345', 'video'],
    ['https://jwmao1.github.io/storyadapter', 'project'],
    ['https://example.org/project', 'project'],
    ['https://arxiv.org/pdf/2306.08543v2', 'pdf'],
    ['https://example.org/paper.pdf', 'pdf'],
    ['https://openreview.net/pdf?id=abc', 'pdf'],
    ['https://arxiv.org/abs/2306.08543', 'other'],
    ['https://doi.org/10.1000/x', 'other'],
  ];
  for (const [url, kind] of kinds) {
    it(`${url} is ${kind}`, () => expect(classifyLink(url)).toBe(kind));
  }
});
