import { describe, expect, it } from 'vitest';
import {
  arxivEmailFormat,
  parseArxivEmail,
} from '../../../../../src/main/core/formats/digest/arxiv/arxiv-email';
import { readOwn } from './fixtures';

const mail = readOwn('arxiv-cs-cl.eml');

describe('arxiv-email: a daily cs.CL listing', () => {
  const result = parseArxivEmail(mail);
  const byId = (id: string) => result.records.find((record) => record.data.arxiv === id)!.data;

  it('imports all twelve entries in order: new submissions, cross-listings, replacements', () => {
    expect(result.records.map((record) => [record.data.arxiv, record.data.fields.announcetype])).toEqual([
      ['2306.08543', 'new'],
      ['2306.08544', 'new'],
      ['2306.08550', 'new'],
      ['2306.08551', 'new'],
      ['2306.08562', 'new'],
      ['2306.08570', 'new'],
      ['2306.08599', 'new'],
      ['2306.08011', 'cross'],
      ['2306.08123', 'cross'],
      ['2212.10529', 'replace'],
      ['2305.14314', 'replace-cross'],
      ['cs/0612054', 'replace'],
    ]);
    expect(result.errors).toEqual([]);
    expect(result.records.every((record) => record.data.type === 'preprint')).toBe(true);
  });

  it('takes title and date of the digest from the mail header', () => {
    expect(result.digest).toEqual({
      source: 'arxiv-email',
      title: 'arXiv: Computation and Language',
      date: '2023-06-14',
      dateInferred: false,
    });
  });

  it('maps the first entry completely', () => {
    expect(byId('2306.08543')).toEqual({
      type: 'preprint',
      title: 'Knowledge Distillation of Large Language Models',
      abstract:
        'Knowledge Distillation (KD) is a promising technique for reducing the high computational demand of large language models (LLMs). However, previous KD methods are primarily applied to white-box classification models or training small models to imitate black-box model APIs like ChatGPT. Our code is available at https://github.com/microsoft/LMOps/tree/main/minillm.',
      creators: [
        { role: 'author', family: 'Gu', given: 'Yuxian' },
        { role: 'author', family: 'Dong', given: 'Li' },
        { role: 'author', family: 'Wei', given: 'Furu' },
        { role: 'author', family: 'Huang', given: 'Minlie' },
      ],
      arxiv: '2306.08543',
      url: 'https://arxiv.org/abs/2306.08543',
      date: '2023-06-14',
      links: [{ kind: 'code', url: 'https://github.com/microsoft/LMOps/tree/main/minillm' }],
      fields: {
        announcetype: 'new',
        categories: 'cs.CL cs.AI',
        comments: '20 pages, 14 figures',
        license: 'http://creativecommons.org/licenses/by/4.0/',
        size: '1008kb',
      },
    });
    expect(result.records[0]!.line).toBe(18);
  });

  it('joins wrapped titles, authors and fields; keeps abstract paragraphs; reads DOI and journal-ref', () => {
    const paper = byId('2306.08544');
    expect(paper.title).toBe(
      'Sequence-Level Knowledge Distillation for Low-Resource Machine Translation of Dutch and Frisian Dialects',
    );
    expect(paper.creators).toEqual([
      { role: 'author', family: 'Waals', given: 'Johannes', prefix: 'van der' },
      { role: 'author', family: 'Cruz', given: 'Juan', prefix: 'de la' },
      { role: 'author', family: 'Vries', given: 'Pieter', prefix: 'de' },
      { role: 'author', family: 'Beethoven', given: 'Ludwig', prefix: 'von' },
    ]);
    expect(paper.abstract).toBe(
      'We study sequence-level distillation for translating between Dutch and Frisian dialects.\nIn a second paragraph we release a corpus of 12k aligned sentences (see https://huggingface.co/datasets/fryske/dialect-pairs) and report BLEU.',
    );
    expect(paper.doi).toBe('10.18653/v1/2023.findings-acl.78');
    expect(paper.fields.journalref).toBe(
      'Findings of the Association for Computational Linguistics: ACL 2023, pages 1234--1250',
    );
    expect(paper.links).toEqual([
      { kind: 'dataset', url: 'https://huggingface.co/datasets/fryske/dialect-pairs' },
    ]);
  });

  it('decodes TeX accents in names, keeps LaTeX in titles as written, reads MSC and ACM classes', () => {
    const paper = byId('2306.08550');
    expect(paper.title).toBe(
      'Evaluating $k$-NN Language Models on Code-Switched Text: A Case Study of Hinglish',
    );
    expect(paper.creators).toEqual([
      { role: 'author', family: 'Tiedemann', given: 'Jörg' },
      { role: 'author', family: 'García-López', given: 'José María' },
      { role: 'author', family: 'Müller-Schmidt', given: 'Zoë' },
      { role: 'author', family: 'Gülçehre', given: 'Çağlar' },
      { role: 'author', family: 'Nilsson', given: 'Björn W.' },
    ]);
    expect(paper.fields).toMatchObject({ mscclass: '68T50', acmclass: 'I.2.7' });
    // A link in the comments is a link of the paper too.
    expect(paper.links).toEqual([{ kind: 'code', url: 'https://github.com/helsinki-nlp/knn-cs' }]);
  });

  it('handles Jr., single-word names, organisations and affiliations', () => {
    expect(byId('2306.08551').creators).toEqual([
      { role: 'author', family: 'King', given: 'Martin Luther', suffix: 'Jr.' },
      { role: 'author', family: 'Khaldun', given: 'Ibn' },
      { role: 'author', family: 'Aristotle' },
    ]);
    expect(byId('2306.08551').fields.reportno).toBe('MLK-TR-2023-07');
    expect(byId('2306.08562').creators).toEqual([
      { role: 'author', literal: 'The ATLAS Collaboration' },
      { role: 'author', family: 'Smith', given: 'Alice' },
      { role: 'author', family: 'Jones', given: 'Bob' },
    ]);
    expect(byId('2306.08562').links).toEqual([
      { kind: 'project', url: 'https://atlas-llm.github.io/summaries/' },
      { kind: 'video', url: 'https://youtu.be/dQw4w9WgXcQ' },
      { kind: 'code', url: 'https://huggingface.co/spaces/atlas/summariser' },
    ]);
  });

  it('keeps markup characters in titles as text', () => {
    expect(byId('2306.08570').title).toBe('Does <b>Bold</b> Formatting & "Quoting" Help Summarisers?');
  });

  it('imports replacements without abstract, with a warning each, dated by their id', () => {
    const replaced = byId('2212.10529');
    expect(replaced.abstract).toBeUndefined();
    expect(replaced.date).toBe('2022-12');
    expect(replaced.fields.replaced).toBe('2023-06-14');
    expect(replaced.creators).toHaveLength(7);
    expect(byId('cs/0612054').date).toBe('2006-12');
    expect(byId('cs/0612054').url).toBe('https://arxiv.org/abs/cs/0612054');
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 153, column: 1, entry: 'Is GPT-3 a Good Data Annotator?' }),
      expect.objectContaining({ line: 164, entry: 'QLoRA: Efficient Finetuning of Quantized LLMs' }),
      expect.objectContaining({ line: 173, entry: 'An Old-Style Identifier Survives the Migration' }),
    ]);
    expect(result.warnings[0]!.message).toMatch(/replaced version/);
  });
});

describe('arxiv-email: damaged mails', () => {
  it('reads CRLF mails the same', () => {
    const result = parseArxivEmail(mail.replace(/\n/g, '\r\n'));
    expect(result.records).toHaveLength(12);
    expect(result.records[1]!.data.abstract).toBe(parseArxivEmail(mail).records[1]!.data.abstract);
  });

  it('reports an entry without a title and warns about one cut off before its trailer', () => {
    const text = [
      '\\\\',
      'arXiv:2306.00001',
      'Date: Wed, 14 Jun 2023 17:59:59 GMT   (10kb)',
      'Authors: Nobody',
      '\\\\',
      '  An abstract without a title.',
      '\\\\ ( https://arxiv.org/abs/2306.00001 ,  10kb)',
      '\\\\',
      'arXiv:2306.00002',
      'Title: Cut Off',
      'Authors: Some One',
      '\\\\',
      '  This abstract never reaches its trailer',
    ].join('\n');
    const result = parseArxivEmail(text);
    expect(result.errors).toEqual([
      {
        line: 2,
        column: 1,
        message: 'This entry was skipped: this entry has no Title: line.',
        entry: '2306.00001',
      },
    ]);
    expect(result.records.map((record) => record.data.title)).toEqual(['Cut Off']);
    expect(result.records[0]!.data.abstract).toBe('This abstract never reaches its trailer');
    expect(result.warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/no closing/)]);
    // Without the header the digest is dated by its latest entry (here: its id's month), inferred.
    expect(result.digest).toEqual({ source: 'arxiv-email', date: '2023-06', dateInferred: true });
  });

  it('says clearly when there are no entries', () => {
    const result = parseArxivEmail('Subject: arXiv mailing\n\nNothing today.');
    expect(result.records).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/No arXiv entries found/);
  });

  it('detects listing mails and nothing else', () => {
    expect(arxivEmailFormat.detect(mail)).toBeGreaterThanOrEqual(0.9);
    expect(arxivEmailFormat.detect('A Title\n\nAn abstract.')).toBe(0);
  });
});
