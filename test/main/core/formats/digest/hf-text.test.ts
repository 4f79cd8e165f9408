import { describe, expect, it } from 'vitest';
import { hfTextFormat, parseHfText } from '../../../../../src/main/core/formats/digest/hf/hf-text';
import type { ParseResult } from '../../../../../src/main/core/formats/types';
import { readOwn, realDigest, realDigestPairs } from './fixtures';

const NOW = new Date('2025-07-01T12:00:00Z');

function papers(result: ParseResult): { title: string; abstract: string }[] {
  return result.records.map((record) => ({ title: record.data.title, abstract: record.data.abstract ?? '' }));
}

describe('hf-text: the real Hugging Face trending digest', () => {
  const result = parseHfText(realDigest(), { now: NOW });
  const expected = realDigestPairs();

  it('finds exactly the 103 papers listed, in order, titles and abstracts character for character', () => {
    expect(expected).toHaveLength(103);
    expect(result.records).toHaveLength(103);
    expect(papers(result)).toEqual(expected);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('starts, ends and passes through the papers a reader sees', () => {
    const titles = result.records.map((record) => record.data.title);
    expect(titles[0]).toBe(
      'Towards Training-free Open-world Segmentation via Image Prompt Foundation Models',
    );
    expect(result.records[0]!.data.abstract).toMatch(
      /^The realm of computer vision has witnessed a paradigm shift /,
    );
    expect(titles[102]).toBe(
      'CodeT5+: Open Code Large Language Models for Code Understanding and Generation',
    );
    expect(result.records[102]!.data.abstract).toMatch(
      /HumanEval code generation task against other open code LLMs\.$/,
    );
    expect(titles[58]).toBe('TÜLU 3: Pushing Frontiers in Open Language Model Post-Training');
    expect(titles[10]).toBe(
      'What Makes Good In-context Demonstrations for Code Intelligence Tasks with LLMs?',
    );
    expect(titles).toContain(
      "It's All in The [MASK]: Simple Instruction-Tuning Enables BERT-like Masked Language Models As Generative Classifiers",
    );
    // The header is not a paper.
    for (const header of ['new', 'Subscribe', 'Get trending papers in your email inbox!', 'Jun 17']) {
      expect(titles).not.toContain(header);
    }
  });

  it('gives each record the line its title is on, and the preprint type', () => {
    expect(result.records[0]!.line).toBe(11);
    expect(result.records[1]!.line).toBe(15);
    expect(result.records.every((record) => record.data.type === 'preprint')).toBe(true);
  });

  it('dates the digest from "Jun 17" with the latest year not after now', () => {
    expect(result.digest).toEqual({ source: 'hf-text', date: '2025-06-17', dateInferred: true });
    expect(parseHfText(realDigest(), { now: new Date('2025-06-01T00:00:00Z') }).digest?.date).toBe(
      '2024-06-17',
    );
    expect(parseHfText(realDigest(), { yearHint: 2023, now: NOW }).digest).toMatchObject({
      date: '2023-06-17',
      dateInferred: true,
    });
  });

  it('extracts the links of specific papers, cleaned, while the abstract keeps them as written', () => {
    const byTitle = (start: string) =>
      result.records.find((record) => record.data.title.startsWith(start))!.data;
    expect(byTitle('DeepCache').links).toEqual([
      { kind: 'code', url: 'https://github.com/horseee/DeepCache' },
    ]);
    expect(byTitle('Harnessing Vision Foundation Models').links).toEqual([
      { kind: 'code', url: 'https://github.com/YuHengsss/Trident' },
    ]);
    expect(byTitle('Harnessing Vision Foundation Models').abstract).toContain(
      'https://github.com/YuHengsss/Trident.',
    );
    expect(byTitle('A Cognitive Writing Perspective').links).toEqual([
      { kind: 'code', url: 'https://github.com/KaiyangWan/CogWriter' },
    ]);
    expect(byTitle('A Cognitive Writing Perspective').abstract).toContain('CogWriter{CogWriter}.');
    expect(byTitle('Unlocking Continual Learning Abilities').links).toEqual([
      { kind: 'code', url: 'https://github.com/wenyudu/MIGU' },
    ]);
    expect(byTitle('Story-Adapter').links).toEqual([
      { kind: 'project', url: 'https://jwmao1.github.io/storyadapter' },
    ]);
    expect(byTitle('DisWOT').links).toEqual([
      { kind: 'project', url: 'https://lilujunai.github.io/DisWOT-CVPR2023/' },
    ]);
    expect(byTitle('The Construction of Instruction-tuned LLMs for Finance').links).toEqual([
      { kind: 'model', url: 'https://huggingface.co/pfnet/nekomata-14b-pfn-qfin-inst-merge' },
    ]);
    expect(byTitle('A Deep Learning Framework for Lifelong').links).toEqual([
      { kind: 'video', url: 'https://youtu.be/gCuUyGETbTU' },
      { kind: 'video', url: 'https://youtu.be/XsaGI01b-1o' },
    ]);
    expect(byTitle('MUSE: Machine Unlearning').links).toEqual([
      { kind: 'project', url: 'https://muse-bench.github.io' },
    ]);
    expect(byTitle('Towards Training-free Open-world').links).toEqual([]);
  });
});

describe('hf-text: the same digest as real copies arrive', () => {
  const text = realDigest();
  const expected = realDigestPairs();
  const variants: Record<string, string> = {
    'CRLF line endings': text.replace(/\n/g, '\r\n'),
    'old Mac CR line endings': text.replace(/\n/g, '\r'),
    'no header': text.slice(text.indexOf('Jun 17') + 'Jun 17'.length),
    'extra blank lines and trailing spaces': text
      .replace(/\n\n/g, '\n \n\n\t\n')
      .split('\n')
      .map((line) => `${line}   `)
      .join('\n'),
    'no blank lines at all': text
      .split('\n')
      .filter((line) => line.trim())
      .join('\n'),
    'page noise around every paper': text
      .split('\n\n')
      .map((block, index) =>
        index > 4 && index % 2 === 1
          ? `42\n${block}\nAlice Smith · Bob Jones\n· 3 authors\nPublished on Jun 16`
          : block,
      )
      .join('\n\n'),
    'a byte-order mark and leading blank lines': `\ufeff\n\n${text}`,
  };

  for (const [name, variant] of Object.entries(variants)) {
    it(`reads the 103 papers with ${name}`, () => {
      const result = parseHfText(variant, { now: NOW });
      expect(papers(result)).toEqual(expected);
      expect(result.errors).toEqual([]);
    });
  }

  it('reads abstracts hard-wrapped at 72 columns, keeping the line breaks as written', () => {
    const wrap = (paragraph: string): string => {
      const lines: string[] = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line && `${line} ${word}`.length > 72) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      return [...lines, line].join('\n');
    };
    const blocks = text.split('\n\n');
    const wrapped = blocks
      .map((block, index) => (index > 4 && index % 2 === 0 ? wrap(block) : block))
      .join('\n\n');
    const result = parseHfText(wrapped, { now: NOW });
    expect(result.records.map((record) => record.data.title)).toEqual(expected.map((pair) => pair.title));
    expect(result.records[0]!.data.abstract).toBe(wrap(expected[0]!.abstract));
    expect(result.records.map((record) => record.data.abstract!.replace(/\n/g, ' '))).toEqual(
      expected.map((pair) => pair.abstract),
    );
  });

  it('warns rather than guessing silently when wrapped abstracts have no blank lines between papers', () => {
    const lines = text.split('\n').filter((line) => line.trim());
    const wrapped = lines.map((line) => line.replace(/(.{60,72}?) /g, '$1\n')).join('\n');
    const result = parseHfText(wrapped, { now: NOW });
    expect(result.warnings.map((warning) => warning.message)).toContainEqual(
      expect.stringMatching(/check that every paper/),
    );
  });
});

describe('hf-text: a copy of the papers page with its noise', () => {
  const result = parseHfText(readOwn('hf-page-copy.txt'), { now: NOW });

  it('keeps only the papers: no upvotes, submitters, author lines, dates or buttons', () => {
    expect(result.records.map((record) => record.data.title)).toEqual([
      'Vision Transformers Need Registers',
      'Is Attention All You Need? Revisiting “Token Mixing” in 2025',
      '<script>alert(1)</script>',
      'Élan: Über-schnelle Übersetzung für 日本語 und Ελληνικά',
      'R&D <Agents>: "Quoted" Titles & Angle Brackets',
      'A Paper Whose Abstract Went Missing',
    ]);
  });

  it('keeps hostile strings and Unicode as text, unescaped', () => {
    expect(result.records[2]!.data.abstract).toBe(
      'Models that read tags like <img src=x onerror=alert(1)> & ampersands “safely”.',
    );
    expect(result.records[3]!.data.abstract).toBe('This one-sentence abstract is all there is.');
    expect(result.records[4]!.data.links).toEqual([
      { kind: 'code', url: 'https://github.com/example/rnd-agents' },
    ]);
  });

  it('imports a trailing title with no abstract, with a warning at its line', () => {
    expect(result.records[5]!.data.abstract).toBeUndefined();
    expect(result.warnings).toEqual([
      {
        line: 38,
        column: 1,
        message: 'This paper has no abstract; it was imported with an empty abstract.',
        entry: 'A Paper Whose Abstract Went Missing',
      },
    ]);
    expect(result.digest).toEqual({ source: 'hf-text', date: '2025-06-16', dateInferred: true });
  });
});

describe('hf-text: small digests', () => {
  it('reads CRLF text without a header, with trailing spaces and blank lines', () => {
    const text = readOwn('hf-crlf-noheader.txt');
    // Guard against a checkout that converted the fixture's line endings.
    expect(text).toContain('\r\n');
    const result = parseHfText(text, { now: NOW });
    expect(papers(result)).toEqual([
      {
        title: 'Towards Robust Digest Parsing',
        abstract:
          'We parse digests that arrive with Windows line endings. Trailing spaces must not leak into titles.',
      },
      { title: 'One Epoch Is All You Need', abstract: 'We train for one epoch.' },
      {
        title: 'What Makes a Good Title?',
        abstract: 'Abstracts end with a full stop, titles usually do not.',
      },
    ]);
    expect(result.digest).toEqual({ source: 'hf-text' });
  });

  it('drops author lines of any length, but keeps titles and abstracts that contain middle dots', () => {
    const authors = Array.from({ length: 60 }, (_, i) => `Author ${'Xyz'.repeat(1 + (i % 5))}`).join(' · ');
    const text = [
      'Dot Products · Attention: A Study',
      authors,
      'We study a · b for vectors. It is fast.',
    ].join('\n\n');
    expect(papers(parseHfText(text, { now: NOW }))).toEqual([
      { title: 'Dot Products · Attention: A Study', abstract: 'We study a · b for vectors. It is fast.' },
    ]);
  });

  it('recognises a title without abstract in the middle of the digest', () => {
    const text = [
      'First Paper About Things',
      'We study things. They matter.',
      'A Lonely Title Without Abstract',
      'Third Paper on Other Things',
      'Other things matter too. We show it.',
    ].join('\n\n');
    const result = parseHfText(text, { now: NOW });
    expect(papers(result)).toEqual([
      { title: 'First Paper About Things', abstract: 'We study things. They matter.' },
      { title: 'A Lonely Title Without Abstract', abstract: '' },
      { title: 'Third Paper on Other Things', abstract: 'Other things matter too. We show it.' },
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({
      line: 5,
      column: 1,
      entry: 'A Lonely Title Without Abstract',
    });
  });

  it('takes a title that ends with a full stop for a title when the alternation says so', () => {
    const text =
      'Attention Is Not All You Need.\n\nWe show that pure attention loses rank. It decays doubly exponentially.\n\nSecond Paper\n\nShort abstract.';
    expect(papers(parseHfText(text, { now: NOW }))).toEqual([
      {
        title: 'Attention Is Not All You Need.',
        abstract: 'We show that pure attention loses rank. It decays doubly exponentially.',
      },
      { title: 'Second Paper', abstract: 'Short abstract.' },
    ]);
  });

  it('reports an abstract that has no title before it instead of dropping it', () => {
    const text =
      'We begin with an orphan abstract. It has two sentences.\n\nA Real Title\n\nA real abstract.';
    const result = parseHfText(text, { now: NOW });
    expect(papers(result)).toEqual([{ title: 'A Real Title', abstract: 'A real abstract.' }]);
    expect(result.errors).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/no title comes before it/) },
    ]);
  });

  it('says clearly when there is nothing that looks like a paper', () => {
    const result = parseHfText('\n\n42\n\nSubscribe\n\n', { now: NOW });
    expect(result.records).toEqual([]);
    expect(result.errors).toEqual([
      { line: 1, column: 1, message: expect.stringMatching(/No papers found/) },
    ]);
  });

  it('reads the year when the date line has one', () => {
    const result = parseHfText('June 17, 2024\n\nA Title\n\nAn abstract.', { now: NOW });
    expect(result.digest).toMatchObject({ date: '2024-06-17', dateInferred: false });
    expect(result.records).toHaveLength(1);
  });
});

describe('hf-text: detect', () => {
  it('is sure of the real digest, fairly sure of a headerless one, and not of other formats', () => {
    expect(hfTextFormat.detect(realDigest())).toBeGreaterThanOrEqual(0.9);
    expect(hfTextFormat.detect(readOwn('hf-crlf-noheader.txt'))).toBeGreaterThanOrEqual(0.5);
    expect(hfTextFormat.detect('@article{key,\n  title = {A Title},\n}\n')).toBeLessThan(0.1);
    expect(hfTextFormat.detect('TY  - JOUR\nTI  - A Title\nER  - \n')).toBeLessThan(0.1);
    expect(hfTextFormat.detect(readOwn('arxiv-cs-cl.eml'))).toBeLessThan(0.1);
    expect(hfTextFormat.detect('just one line')).toBeLessThan(0.1);
  });
});
