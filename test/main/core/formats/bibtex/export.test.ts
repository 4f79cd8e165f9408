// What the exporter writes, checked by reading it back as a user's tools would: the fields
// of each entry, in both dialects.
import { describe, expect, it } from 'vitest';
import {
  biblatexExport,
  bibtexExport,
  exportBib,
  parseBibtex,
} from '../../../../../src/main/core/formats/bibtex';
import type { ItemData } from '../../../../../src/shared/domain';
import { toExportItem } from './support/items';

const paper: ItemData = {
  type: 'article',
  title: 'Scaling LLMs on GaN: Schrödinger’s 5% & α-particles',
  creators: [
    { role: 'author', given: 'Johannes', prefix: 'van der', family: 'Waals' },
    { role: 'author', given: 'Henry', family: 'Ford', suffix: 'Jr.' },
    { role: 'author', literal: 'World Health Organization' },
  ],
  container: 'Journal of Tests',
  date: '2017-06-12',
  volume: '3',
  issue: '2',
  pages: '10–20',
  doi: '10.1000/x_y',
  arxiv: '1706.03762',
  url: 'https://example.org/a_b?c=1%202',
  tags: ['transformers', 'attention'],
  links: [{ kind: 'code', url: 'https://github.com/x/y' }],
  fields: { isbn: '123', note: 'Extra' },
  citekey: 'waals2017',
};

/** The fields of the only entry in `text`, as `name = value-as-written`. */
function writtenFields(text: string): Map<string, string> {
  const record = parseBibtex(text).records[0]!;
  return new Map(Object.entries(record.data.origin!.fields!).map(([name, field]) => [name, field.raw]));
}

describe('BibTeX export', () => {
  const text = bibtexExport.export([toExportItem(paper, 0)]);
  const fields = writtenFields(text);

  it('writes the entry type, key and LaTeX-encoded, protected title', () => {
    expect(text.startsWith('@article{waals2017,\n')).toBe(true);
    expect(fields.get('title')).toBe(
      '{Scaling {LLMs} on {GaN}: {Schr{\\"o}dinger\\textquoteright{}s} 5\\% \\& $\\alpha$-particles}',
    );
  });

  it('writes names as Family, Given with particles, suffixes and literals', () => {
    expect(fields.get('author')).toBe(
      '{van der Waals, Johannes and Ford, Jr., Henry and {World Health Organization}}',
    );
  });

  it('writes year and a month macro, and keeps the day in date', () => {
    expect(fields.get('year')).toBe('{2017}');
    expect(fields.get('month')).toBe('jun');
    expect(fields.get('date')).toBe('{2017-06-12}');
  });

  it('writes identifiers verbatim: doi, eprint with archiveprefix, url', () => {
    expect(fields.get('doi')).toBe('{10.1000/x_y}');
    expect(fields.get('eprint')).toBe('{1706.03762}');
    expect(fields.get('archiveprefix')).toBe('{arXiv}');
    expect(fields.get('url')).toBe('{https://example.org/a_b?c=1%202}');
  });

  it('writes journal, number, pages with --, tags as keywords, other links in note', () => {
    expect(fields.get('journal')).toBe('{Journal of Tests}');
    expect(fields.get('number')).toBe('{2}');
    expect(fields.get('pages')).toBe('{10--20}');
    expect(fields.get('keywords')).toBe('{transformers, attention}');
    expect(fields.get('note')).toBe('{Extra; Code: https://github.com/x/y}');
    expect(fields.get('isbn')).toBe('{123}');
  });

  it('reads back as the same item', () => {
    const back = parseBibtex(text).records[0]!.data;
    expect(back).toMatchObject({
      ...paper,
      links: [],
      fields: { isbn: '123', note: 'Extra; Code: https://github.com/x/y' },
    });
  });

  it('writes UTF-8 instead of LaTeX commands when asked', () => {
    const utf8 = writtenFields(exportBib([toExportItem(paper, 0)], 'bibtex', { unicode: true }));
    expect(utf8.get('title')).toBe('{Scaling {LLMs} on {GaN}: {Schrödinger’s} 5\\% \\& α-particles}');
  });
});

describe('BibLaTeX export', () => {
  const fields = writtenFields(biblatexExport.export([toExportItem(paper, 0)]));

  it('writes UTF-8, a date, journaltitle, eprinttype and links as addendum', () => {
    expect(fields.get('title')).toBe('{Scaling {LLMs} on {GaN}: {Schrödinger’s} 5\\% \\& α-particles}');
    expect(fields.get('date')).toBe('{2017-06-12}');
    expect(fields.has('year')).toBe(false);
    expect(fields.get('journaltitle')).toBe('{Journal of Tests}');
    expect(fields.get('eprinttype')).toBe('{arxiv}');
    expect(fields.get('addendum')).toBe('{Code: https://github.com/x/y}');
  });

  it('uses the extended name format for a particle BibTeX cannot express', () => {
    const item = toExportItem(
      { ...paper, creators: [{ role: 'author', prefix: 'Van', family: 'Ackooij', given: 'W.' }] },
      0,
    );
    const written = writtenFields(biblatexExport.export([item]));
    expect(written.get('author')).toBe('{family={Ackooij}, given={W.}, prefix={Van}}');
    expect(parseBibtex(biblatexExport.export([item])).records[0]!.data.creators).toEqual(item.creators);
  });
});

describe('digest papers (title, abstract, links; no authors, no date)', () => {
  const digest: ItemData = {
    type: 'preprint',
    title: 'DeepCache: Accelerating Diffusion Models for Free',
    abstract: 'We reuse features; 2.3× faster at 0.05 CLIP loss. Code: https://github.com/horseee/DeepCache',
    creators: [],
    links: [
      { kind: 'pdf', url: 'https://arxiv.org/pdf/2312.00858' },
      { kind: 'code', url: 'https://github.com/horseee/DeepCache' },
    ],
    fields: {},
  };

  it('exports as @misc in BibTeX and @online in BibLaTeX, with url and links', () => {
    const bibtex = bibtexExport.export([toExportItem(digest, 0)]);
    const biblatex = biblatexExport.export([toExportItem(digest, 0)]);
    expect(bibtex.startsWith('@misc{item1,')).toBe(true);
    expect(biblatex.startsWith('@online{item1,')).toBe(true);
    expect(writtenFields(bibtex).get('url')).toBe('{https://arxiv.org/pdf/2312.00858}');
    expect(writtenFields(bibtex).get('note')).toBe('{Code: https://github.com/horseee/DeepCache}');
    expect(parseBibtex(biblatex).records[0]!.data).toMatchObject({
      title: digest.title,
      abstract: digest.abstract,
    });
  });
});

describe('writing an imported file back', () => {
  const source = `@string{jt = {Journal of Tests}}
@preamble{"\\newcommand{\\noop}[1]{}"}
@Article{Key1,
  AUTHOR = {G{\\"o}del, Kurt},
  Title = "On {\\em formally} undecidable propositions",
  journal = jt,
  year = 1931, month = jan,
  pages = "173--198",
}
@comment{jabref-meta: databaseType:bibtex;}
`;
  const imported = parseBibtex(source);
  const item = toExportItem(imported.records[0]!.data, 0);

  it('reuses the raw text of every unchanged value, macros included, with the blocks written back', () => {
    const text = exportBib([item], 'bibtex', { blocks: imported });
    expect(text).toContain('@string{jt = {Journal of Tests}}');
    expect(text).toContain('@preamble{"\\newcommand{\\noop}[1]{}"}');
    expect(text).toContain('@comment{jabref-meta: databaseType:bibtex;}');
    expect(text).toContain('  title = "On {\\em formally} undecidable propositions"');
    expect(text).toContain('  journal = jt');
    expect(text).toContain('  month = jan');
    expect(text).toContain('  pages = "173--198"');
  });

  it('writes a macro value out in full when the @strings are not written', () => {
    expect(writtenFields(exportBib([item], 'bibtex')).get('journal')).toBe('{Journal of Tests}');
  });

  it('writes an edited value fresh and leaves the others as they were', () => {
    const edited = { ...item, title: 'On formally undecidable propositions, revised' };
    const fields = writtenFields(exportBib([edited], 'bibtex', { blocks: imported }));
    expect(fields.get('title')).toBe('{On formally undecidable propositions, revised}');
    expect(fields.get('pages')).toBe('"173--198"');
  });

  it('puts a crossref parent after its children, as BibTeX requires', () => {
    const result = parseBibtex('@proceedings{p, title={P}}\n@inproceedings{c, title={C}, crossref={p}}');
    const text = exportBib(
      result.records.map((record, index) => toExportItem(record.data, index)),
      'bibtex',
    );
    expect(text.indexOf('@inproceedings{c')).toBeLessThan(text.indexOf('@proceedings{p'));
    expect(text).not.toContain('booktitle'); // inherited, not copied into the child
  });
});
