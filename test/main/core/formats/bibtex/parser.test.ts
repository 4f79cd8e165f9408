// The scanner and entry grammar: what a user's .bib file may contain and what they are
// told about it. Values are checked through the import, as a user would see them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { bibtexImport, parseBibtex, parseBibtexBytes } from '../../../../../src/main/core/formats/bibtex';

const FIXTURES = join(__dirname, '../../../../fixtures/bibtex');

function only(text: string) {
  const result = parseBibtex(text);
  expect(result.errors).toEqual([]);
  expect(result.records).toHaveLength(1);
  return result.records[0]!.data;
}

describe('entry syntax', () => {
  it('reads braces or parentheses as delimiters, in any case, with comma-first style', () => {
    const braces = only('@ARTICLE{a, TITLE = {T}, Year = 2000}');
    const parens = only('@article(a,\n  title = "T",\n  year = 2000\n)');
    const commaFirst = only('@Article{a\n  , title = {T}\n  , year = {2000}}');
    for (const data of [braces, parens, commaFirst]) {
      expect(data).toMatchObject({ type: 'article', title: 'T', date: '2000', citekey: 'a' });
    }
  });

  it('accepts spaces around the key, a BOM, free text and % comments between entries', () => {
    const result = parseBibtex(
      '\uFEFF% a comment\nSome free text.\n@book {  key1  ,\n title={A}}\n% @misc{commented, title={x}}\n@misc{key2, title={B}} % after',
    );
    expect(result.errors).toEqual([]);
    expect(result.records.map((r) => r.data.citekey)).toEqual(['key1', 'key2']);
    expect(result.comments).toContain('Some free text.');
  });

  it('keeps % inside braced values as text (BibTeX has no comments there)', () => {
    expect(only('@misc{a, title = {50% of 2.2\\% done}}').title).toBe('50% of 2.2% done');
  });

  it('ignores % comments between the fields of an entry', () => {
    const data = only('@misc{a, % key comment\n title = {T}, % value comment\n % own line\n note = {N}}');
    expect(data.fields.note).toBe('N');
  });

  it('finishes on a trailing % comment without a final newline', () => {
    const result = parseBibtex('@misc{a, title={T}}\n% last line, no newline');
    expect(result.records).toHaveLength(1);
  });

  it('counts braces inside quoted values and keeps {"} in them', () => {
    const data = only('@misc{a, title = "A {"}quoted{"} word"}');
    expect(data.title).toBe('A "quoted" word');
  });

  it('gives an entry without a key a generated key and a warning', () => {
    const result = parseBibtex('@article{,\n author = {Black, Jessica},\n year = 2020, title = {T}}');
    expect(result.records[0]!.data.citekey).toBe('black2020');
    expect(result.records[0]!.data.origin?.key).toBe('');
    expect(result.warnings).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringContaining('no citation key') }),
    ]);
  });

  it('keeps both entries of a duplicate key, renaming the later one and naming both lines', () => {
    const result = parseBibtex('@misc{dup, title={One}}\n\n@misc{dup, title={Two}}\n');
    expect(result.records.map((r) => [r.data.citekey, r.data.title])).toEqual([
      ['dup', 'One'],
      ['dup-2', 'Two'],
    ]);
    expect(result.warnings[0]!.message).toMatch(/line 1.*line 3/);
  });
});

describe('@string, @preamble, @comment', () => {
  it('expands macros, # concatenation and forward-defined month names', () => {
    const data = only(
      '@string{j = "J. Test "}\n@string{ack = j # {and } # "Co."}\n@misc{a, journal = ack, month = jun, year = 1999, note = "x" # jan}',
    );
    expect(data.container).toBe('J. Test and Co.');
    expect(data.date).toBe('1999-06');
    expect(data.origin?.fields?.month?.raw).toBe('jun');
    expect(data.fields.note).toBe('xJanuary');
  });

  it('warns about an undefined macro with its position and keeps its name as the value', () => {
    const result = parseBibtex('@misc{a,\n  journal = AAAI-91,\n  title = {T}}');
    expect(result.records[0]!.data.container).toBe('AAAI-91');
    expect(result.warnings).toEqual([
      expect.objectContaining({
        line: 2,
        column: 13,
        entry: 'a',
        message: expect.stringContaining('AAAI-91'),
      }),
    ]);
  });

  it('does not let a macro defined later change an earlier entry', () => {
    const result = parseBibtex(
      '@misc{a, note = later}\n@string{later = {now defined}}\n@misc{b, note = later}',
    );
    expect(result.records.map((r) => r.data.fields.note)).toEqual(['later', 'now defined']);
  });

  it('keeps @preamble, @string and @comment (JabRef meta and brace-less lines) for writing back', () => {
    const result = parseBibtex(
      '@preamble{"\\newcommand{\\noop}[1]{}"}\n@string{s = {S}}\n@comment{jabref-meta: databaseType:biblatex;}\n@Comment Len Schubert\n@misc{a, title={T}}',
    );
    expect(result.preambles).toEqual(['"\\newcommand{\\noop}[1]{}"']);
    expect(result.strings).toEqual({ s: '{S}' });
    expect(result.comments).toEqual(['jabref-meta: databaseType:biblatex;', 'Len Schubert']);
    expect(result.records).toHaveLength(1);
  });
});

describe('errors and recovery', () => {
  it('reports each broken entry with line, column and key, and keeps every good neighbour', () => {
    const result = parseBibtex(readFileSync(join(FIXTURES, 'broken-neighbours.bib'), 'utf8'));
    expect(result.records.map((r) => r.data.citekey)).toEqual(['good1', 'good2', 'good3']);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 8, column: 9, entry: 'missing-equals' }),
      expect.objectContaining({ line: 22, column: 1, entry: 'unclosed-value' }),
      expect.objectContaining({ line: 24, column: 18, entry: 'bad-key' }),
    ]);
  });

  it('reports the column of a character outside the BMP in code points', () => {
    const result = parseBibtex('@misc{a,\n  author 💯 {X}}\n@misc{b, title={T}}');
    expect(result.errors).toEqual([expect.objectContaining({ line: 2, column: 10, entry: 'a' })]);
    expect(result.records.map((r) => r.data.citekey)).toEqual(['b']);
  });

  it('stops an unclosed entry at the next entry instead of swallowing it', () => {
    const result = parseBibtex('@misc{a, title = {T}\n\n@misc{b, title = {U}}');
    expect(result.records.map((r) => r.data.citekey)).toEqual(['b']);
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 3, entry: 'a', message: expect.stringContaining('not closed') }),
    ]);
  });

  it.each([
    ['deeply nested braces', (n: number) => `@misc{a, title = {${'{'.repeat(n)}x${'}'.repeat(n)}}}`],
    ['a long value', (n: number) => `@misc{a, abstract = {${'word '.repeat(n)}}}`],
    ['an unterminated brace at file start', (n: number) => `{${'text '.repeat(n)}\n@misc{a, title={T}}`],
    ['many unclosed values', (n: number) => '@misc{a, title = {x\n'.repeat(n / 8)],
    ['many unclosed quotes', (n: number) => '@misc{a, title = "x\n'.repeat(n / 8)],
  ])('finishes in linear time on hostile input: %s', (_name, make) => {
    const timeOf = (input: string) => {
      const start = performance.now();
      parseBibtex(input);
      return performance.now() - start;
    };
    timeOf(make(25_000)); // warm up
    const smallTime = timeOf(make(25_000));
    const largeTime = timeOf(make(200_000));
    // 8x the input may take 8x the time (plus noise on a shared machine), never 64x.
    expect(largeTime).toBeLessThan(Math.max(250, smallTime * 30));
  });
});

describe('bytes and detection', () => {
  it('decodes legacy encodings and reports the one it used', () => {
    const latin9 = Buffer.from('% -*- coding: latin-9 -*-\n@misc{a, title = {Caf\xe9 \xa4}}\n', 'latin1');
    const result = parseBibtexBytes(latin9);
    expect(result.encoding).toBe('iso-8859-15');
    expect(result.records[0]!.data.title).toBe('Café €');
  });

  // One short entry each: too little text for chardet's statistics (ADR 72).
  const shortFiles: [encoding: string, reported: string[], author: string, title: string][] = [
    // "M\xfcller": 0xFC then "l" also reads as one GBK character.
    ['windows-1252', ['windows-1252'], 'Müller, Jörg', 'Über Bäume'],
    ['windows-1252', ['windows-1252'], 'Søren Ærø', 'Café'],
    ['windows-1252', ['windows-1252'], 'José García', '“Año” de la señal'],
    ['iso-8859-2', ['iso-8859-2'], 'Łukasz Żółć', 'Środa'],
    ['windows-1250', ['windows-1250'], 'Śląsk, Łódź', 'Ćwiczenia i źdźbło'],
    ['windows-1251', ['windows-1251'], 'Иван Петров', 'Анализ данных'],
    ['koi8-r', ['koi8-r'], 'Иван Петров', 'Анализ данных'],
    ['gbk', ['gb18030'], '张伟', '机器学习的方法'],
    // Chinese whose commonest characters read as Hangul in EUC-KR: still Chinese.
    ['gbk', ['gb18030'], '刘洋 and 陈静', '大规模语言模型的推理能力分析'],
    ['big5', ['big5'], '陳大文', '機器學習的方法'],
    ['big5', ['big5'], '王小明', '國立臺灣大學資訊工程學系'],
    // GB2312's structure, and its Hangul reads as Chinese: told apart by its syllables.
    ['euc-kr', ['euc-kr'], '김철수', '딥러닝을 이용한 자연어 처리'],
    ['euc-kr', ['euc-kr'], '이영희 and 박민수', '연구'],
    // A syllable only Windows' CP949 has (lead 0x8C).
    ['cp949', ['euc-kr'], '최지훈', '똠방각하의 연구 방법'],
    ['shift_jis', ['shift_jis'], '山田太郎', '機械学習の研究'],
    ['shift_jis', ['shift_jis'], '鈴木一郎', '山田太郎'],
    ['euc-jp', ['euc-jp'], '山田太郎', '機械学習の研究について'],
  ];
  for (const [encoding, reported, author, title] of shortFiles) {
    it(`reads a one-entry ${encoding} file: "${title}"`, () => {
      const entry = `@article{k1, author = {${author}}, title = {${title}}, year = 1999}\n`;
      const result = parseBibtexBytes(iconv.encode(entry, encoding));
      expect(reported).toContain(result.encoding);
      expect(result.records[0]!.data.title).toBe(title);
      expect(result.records[0]!.data.origin?.fields?.author?.raw).toBe(`{${author}}`);
    });
  }

  it('reads a Korean library in EUC-KR as Korean, not as the Chinese its bytes also spell', () => {
    const titles = [
      '한국어 형태소 분석기의 성능 비교 연구',
      '대규모 언어 모델의 추론 능력에 관한 실증적 분석',
      '강화학습 기반 로봇 제어 시스템의 설계 및 구현',
      '의료 영상 분할을 위한 트랜스포머 네트워크',
    ];
    const text = titles
      .map((title, index) => `@article{k${index}, title = {${title}}, year = 2020}\n`)
      .join('');
    const result = parseBibtexBytes(iconv.encode(text, 'euc-kr'));
    expect(result.encoding).toBe('euc-kr');
    expect(result.records.map((record) => record.data.title)).toEqual(titles);
  });

  it('reads a file padded with NUL bytes (a save cut short), and says the padding was left out', () => {
    const entries = '@article{a1, title = {Café}}\n@article{a2, title = {Straße}}\n';
    for (const encoding of ['utf-8', 'windows-1252']) {
      const bytes = Buffer.concat([iconv.encode(entries, encoding), Buffer.alloc(4096)]);
      const result = parseBibtexBytes(bytes);
      expect(result.encoding).toBe(encoding);
      expect(result.records.map((record) => record.data.title)).toEqual(['Café', 'Straße']);
      expect(result.warnings).toEqual([
        {
          line: 3,
          column: 1,
          message:
            'the file ends in 4096 NUL bytes, as a save cut short by a crash or a full disk leaves it: left out',
        },
      ]);
    }
    // A NUL inside the text is still a binary file.
    expect(() => parseBibtexBytes(Buffer.from('@misc{a,\0 title = {T}}\n'))).toThrow(/binary file/);
  });

  it('recognises BibTeX and not other text', () => {
    expect(bibtexImport.detect('% header\n@article{a,\n title={T}}')).toBeGreaterThan(0.5);
    expect(bibtexImport.detect('TY  - JOUR\nER  - \n')).toBe(0);
    expect(bibtexImport.detect('[{"id": "x"}]')).toBe(0);
  });
});
