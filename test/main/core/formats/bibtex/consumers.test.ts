// Proof by real consumers: our exports of every corpus file, and of digest-like items, are
// read by Debian's bibtex (plain.bst, plainnat.bst) and validated by biber. Any error
// fails; warnings are printed. Skipped, with the reason, where the tools are missing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportBib, parseBibtexBytes } from '../../../../../src/main/core/formats/bibtex';
import type { ExportItem, ParseResult } from '../../../../../src/main/core/formats/types';
import type { ItemData } from '../../../../../src/shared/domain';
import { corpusAvailable, corpusFiles } from './support/corpus';
import { missingTool, runBiber, runBibtex, summarise } from './support/consumers';
import { toExportItem, toExportItems } from './support/items';

const noBibtex = missingTool('bibtex');
const noBiber = missingTool('biber');
if (noBibtex) console.warn(`skipping bibtex consumer tests: ${noBibtex}`);
if (noBiber) console.warn(`skipping biber consumer tests: ${noBiber}`);

/**
 * biber needs 10-20 ms per entry (53 s for tugboat.bib alone): files over 500 entries are
 * sampled (their first 300) unless SHEAF_FULL_CONSUMERS=1, which keeps the whole BibTeX
 * test run near two minutes. scripts/bib-corpus-table.ts validates every entry.
 */
const BIBER_SAMPLE = 300;
const BIBER_SAMPLE_ABOVE = process.env.SHEAF_FULL_CONSUMERS ? Infinity : 500;
const files = corpusAvailable() ? corpusFiles() : [];
/** For sampled files: how many lines of the source the sample covers. */
const sampledLines = new Map<string, number>();
const imports = new Map(files.map((file) => [file.name, parseBibtexBytes(readFileSync(file.path))]));

describe.skipIf(!!noBibtex || !corpusAvailable())('bibtex reads every corpus file exported as BibTeX', () => {
  it.each(['plain', 'plainnat'] as const)('%s.bst', (style) => {
    const failures: string[] = [];
    const warnings: string[] = [];
    for (const file of files) {
      const result = imports.get(file.name)!;
      const report = runBibtex(exportBib(toExportItems(result), 'bibtex', { blocks: result }), style);
      // Errors bibtex also reports on the source file are the data's (e.g. plainnat's label
      // overflow past 26 same-author-year entries), not the export's: shown, not failed.
      const inherited = report.errors.length > 0 ? sourceErrors(file.path, style) : new Set<string>();
      for (const error of report.errors) {
        if (inherited.has(signature(error))) warnings.push(`${file.name}: also in the source file: ${error}`);
        else failures.push(`${file.name}: ${error}`);
      }
      warnings.push(...report.warnings.map((warning) => `${file.name}: ${warning}`));
    }
    console.info(`bibtex ${style}: ${warnings.length} warnings\n    ${summarise(warnings)}`);
    expect(failures).toEqual([]);
  });
});

describe.skipIf(!!noBiber || !corpusAvailable())(
  'biber validates every corpus file exported as BibLaTeX',
  () => {
    it('passes biber --tool --validate-datamodel without errors', async () => {
      // Two biber processes (one per core), each on about half of the entries.
      const halves: [string[], string[]] = [[], []];
      const sizes: [number, number] = [0, 0];
      files.forEach((file, index) => {
        const result = imports.get(file.name)!;
        const all = toExportItems(result);
        const items = all.length > BIBER_SAMPLE_ABOVE ? all.slice(0, BIBER_SAMPLE) : all;
        const firstLeftOut = result.records[items.length]?.line;
        if (firstLeftOut !== undefined) sampledLines.set(file.name, firstLeftOut - 1);
        if (items.length < all.length)
          console.info(`biber: ${file.name}: first ${items.length} of ${all.length} entries`);
        const half: 0 | 1 = sizes[0] <= sizes[1] ? 0 : 1;
        sizes[half] += items.length;
        halves[half].push(exportBib(withKeyPrefix(items, `f${index}:`), 'biblatex', { blocks: result }));
      });
      const reports = await Promise.all(halves.map((chunks) => runBiber(chunks.join('\n'))));
      const failures: string[] = [];
      const warnings = reports.flatMap((report) => report.warnings);
      for (const error of reports.flatMap((report) => report.errors)) {
        // An error biber also reports on the source file is the data's, not the export's.
        const index = /'f(\d+):/.exec(error)?.[1];
        const file = index === undefined ? undefined : files[Number(index)];
        const plain = error.replace(/'f\d+:/g, "'");
        if (file && (await biberSourceErrors(file.path, sampledLines.get(file.name))).has(plain))
          warnings.push(`also in ${file.name}: ${plain}`);
        else failures.push(error);
      }
      console.info(`biber: ${warnings.length} warnings\n    ${summarise(warnings)}`);
      expect(failures).toEqual([]);
    }, 300_000);
  },
);

describe('digest-like items (title, abstract, links; no authors, no date)', () => {
  const digests: ItemData[] = [
    {
      type: 'preprint',
      title: 'DeepCache: Accelerating Diffusion Models for Free',
      abstract:
        'Speeds up Stable Diffusion 2.3× at 0.05 CLIP loss; U-Net features are reused (50% of steps).',
      creators: [],
      links: [
        { kind: 'pdf', url: 'https://arxiv.org/pdf/2312.00858' },
        { kind: 'code', url: 'https://github.com/horseee/DeepCache' },
      ],
      fields: {},
    },
    {
      type: 'preprint',
      title: 'Story-Adapter: A Training-free Iterative Framework for Long Story Visualization',
      abstract: 'Up to 100 frames; project page & code: https://jwmao1.github.io/storyadapter #1',
      creators: [],
      links: [{ kind: 'project', url: 'https://jwmao1.github.io/storyadapter' }],
      fields: {},
      arxiv: '2410.06244',
    },
    { type: 'misc', title: 'Só um título: nada mais', creators: [], links: [], fields: {} },
  ];
  const items = digests.map((data, index) => toExportItem(data, index));

  it.skipIf(!!noBibtex).each(['plain', 'plainnat'] as const)(
    'bibtex %s.bst reads them without errors',
    (style) => {
      const report = runBibtex(exportBib(items, 'bibtex'), style);
      console.info(`digests, bibtex ${style}:\n    ${summarise(report.warnings)}`);
      expect(report.errors).toEqual([]);
    },
  );

  it.skipIf(!!noBiber)('biber validates them without errors', async () => {
    const report = await runBiber(exportBib(items, 'biblatex'));
    console.info(`digests, biber:\n    ${summarise(report.warnings)}`);
    expect(report.errors).toEqual([]);
  });
});

/** Files concatenated for one biber run need distinct keys; references follow them. */
function withKeyPrefix(items: ExportItem[], prefix: string): ExportItem[] {
  const prefixList = (value: string) =>
    value
      .split(',')
      .map((key) => prefix + key.trim())
      .join(',');
  return items.map((item) => {
    const fields = { ...item.fields };
    for (const name of ['crossref', 'xref', 'xdata', 'ids', 'related']) {
      const value = fields[name];
      if (value !== undefined) fields[name] = prefixList(value);
    }
    return { ...item, citekey: prefix + item.citekey, fields };
  });
}

const sourceErrorCache = new Map<string, Set<string>>();
function sourceErrors(path: string, style: 'plain' | 'plainnat'): Set<string> {
  const key = `${path}:${style}`;
  let errors = sourceErrorCache.get(key);
  if (!errors) {
    errors = new Set(runBibtex(readFileSync(path), style).errors.map(signature));
    sourceErrorCache.set(key, errors);
  }
  return errors;
}

/** biber's errors on the source file itself, cut after `lines` lines when it was sampled. */
async function biberSourceErrors(path: string, lines: number | undefined): Promise<Set<string>> {
  let source = readFileSync(path);
  if (lines !== undefined) {
    let offset = 0;
    for (let line = 0; line < lines && offset !== -1; line++) offset = source.indexOf(10, offset) + 1 || -1;
    if (offset > 0) source = source.subarray(0, offset);
  }
  return new Set((await runBiber(source)).errors);
}

/** An error without its line numbers: the same problem in the source and in the export. */
function signature(error: string): string {
  return error.replace(/---line \d+ of file \S+/g, '').trim();
}

export type { ParseResult };
