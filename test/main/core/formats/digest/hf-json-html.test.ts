import { describe, expect, it } from 'vitest';
import { hfHtmlFormat, parseHfHtml } from '../../../../../src/main/core/formats/digest/hf/hf-html';
import { hfJsonFormat, parseHfJson } from '../../../../../src/main/core/formats/digest/hf/hf-json';
import { parseHfText } from '../../../../../src/main/core/formats/digest/hf/hf-text';
import { readOwn } from './fixtures';

describe('hf-json: the saved daily_papers response', () => {
  const result = parseHfJson(readOwn('hf-daily-papers.json'));

  it('maps each paper: bare arXiv id, version aside, abs URL, authors, date, upvotes, links', () => {
    expect(result.records).toHaveLength(3);
    expect(result.records[0]!.data).toEqual({
      type: 'preprint',
      title: 'Vision Transformers Need Registers',
      abstract:
        'Transformers have recently emerged as a powerful tool for learning visual representations. We identify artifacts in feature maps. Code: https://github.com/facebookresearch/dinov2.',
      creators: [
        { role: 'author', family: 'Darcet', given: 'Timothée' },
        { role: 'author', family: 'Oquab', given: 'Maxime' },
        { role: 'author', family: 'Mairal', given: 'Julien' },
        { role: 'author', family: 'Bojanowski', given: 'Piotr' },
      ],
      arxiv: '2309.16588',
      url: 'https://arxiv.org/abs/2309.16588',
      date: '2023-09-28',
      links: [{ kind: 'code', url: 'https://github.com/facebookresearch/dinov2' }],
      fields: {
        upvotes: '42',
        githubstars: '9000',
        comments: '3',
        hfpaper: 'https://huggingface.co/papers/2309.16588',
      },
    });
    const second = result.records[1]!.data;
    expect(second.arxiv).toBe('2506.01234');
    expect(second.fields.arxivversion).toBe('v2');
    expect(second.title).toBe('<img src=x onerror=alert(1)> Titles Are Text');
    expect(second.creators[0]).toEqual({
      role: 'author',
      family: 'Waals',
      given: 'Johannes',
      prefix: 'van der',
    });
    expect(second.links).toEqual([
      { kind: 'project', url: 'https://sheaf.github.io/titles/' },
      { kind: 'code', url: 'https://huggingface.co/spaces/sheaf/demo' },
      { kind: 'model', url: 'https://huggingface.co/sheaf/tiny-model' },
    ]);
  });

  it('imports a paper without summary with a warning, and reports an entry without title at its line', () => {
    expect(result.records[2]!.data.abstract).toBeUndefined();
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 47, column: 3, entry: 'A Paper Without a Summary' }),
    ]);
    expect(result.errors).toEqual([
      { line: 60, column: 3, message: 'Paper 4 was skipped: this entry has no title.' },
    ]);
    expect(result.digest).toEqual({ source: 'hf-json', date: '2025-06-17', dateInferred: true });
  });

  it('reports invalid JSON at its position', () => {
    const broken = parseHfJson('[\n  {"paper": {"title": "x",}}\n]');
    expect(broken.records).toEqual([]);
    expect(broken.errors).toHaveLength(1);
    expect(broken.errors[0]!.line).toBe(2);
    expect(broken.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('refuses JSON that holds no papers', () => {
    expect(parseHfJson('{"models": [{"id": "x"}]}').errors[0]!.message).toMatch(/No papers found/);
  });

  it('detects the response', () => {
    expect(hfJsonFormat.detect(readOwn('hf-daily-papers.json'))).toBeGreaterThanOrEqual(0.9);
    expect(hfJsonFormat.detect('A Title\n\nAn abstract.')).toBe(0);
  });
});

describe('hf-html: a papers page saved from the browser', () => {
  it('extracts complete papers from the data the page embeds', () => {
    const result = parseHfHtml(readOwn('hf-papers-page.html'));
    expect(result.format).toBe('hf-html');
    expect(result.records.map((record) => record.data.title)).toEqual([
      'Vision Transformers Need Registers',
      '<img src=x onerror=alert(1)> Titles Are Text',
    ]);
    expect(result.records[0]!.data.abstract).toMatch(/^Transformers have recently emerged/);
    expect(result.records[0]!.data.creators).toHaveLength(4);
    expect(result.digest).toEqual({ source: 'hf-html', date: '2025-06-17', dateInferred: false });
    expect(result.errors).toEqual([]);
  });

  it('falls back to the paper links (titles and ids, no abstracts) and says so', () => {
    const result = parseHfHtml(readOwn('hf-papers-page-no-data.html'));
    expect(result.records.map((record) => [record.data.title, record.data.arxiv])).toEqual([
      ['Vision Transformers Need Registers', '2309.16588'],
      ['<img src=x onerror=alert(1)> Titles Are Text', '2506.01234'],
      ['A Paper Without a Summary & Friends', '2506.04321'],
    ]);
    expect(result.warnings).toHaveLength(3);
    expect(result.warnings[0]).toMatchObject({ line: 19, message: expect.stringMatching(/no abstract/) });
  });

  it('asks for the page text when the HTML holds no papers', () => {
    const result = parseHfHtml('<!doctype html><html><body><p>Hugging Face</p></body></html>');
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/paste it into Sheaf instead/) },
    ]);
  });

  it('is used when HTML is pasted where a text digest was expected', () => {
    const result = parseHfText(readOwn('hf-papers-page.html'));
    expect(result.format).toBe('hf-html');
    expect(result.records).toHaveLength(2);
  });

  it('detects a saved HF page, and only vaguely other HTML', () => {
    expect(hfHtmlFormat.detect(readOwn('hf-papers-page.html'))).toBeGreaterThanOrEqual(0.9);
    expect(hfHtmlFormat.detect('<html><body>hello</body></html>')).toBeLessThan(0.5);
    expect(hfHtmlFormat.detect('A Title\n\nAn abstract.')).toBe(0);
  });
});
