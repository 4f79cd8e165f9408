// Import files of any size for the crash and concurrency suites: plausible papers (unique
// titles, authors, years, abstracts, arXiv ids) written as RIS, CSL-JSON, BibTeX or a
// Hugging Face text digest, from a seeded generator.
import type { Rng } from './env';

export interface PaperRecord {
  title: string;
  authors: [family: string, given: string][];
  year: number;
  abstract: string;
  arxiv: string;
  key: string;
}

const WORDS =
  'attention transformer diffusion sparse scaling retrieval reasoning agents vision language robust efficient adaptive latent graph memory tokens alignment preference policy reward spectral kernel causal contrastive federated quantised multimodal benchmark'.split(
    ' ',
  );
const FAMILIES = [
  'Vaswani',
  'Gödel',
  'Nguyen',
  'Okafor',
  'Müller',
  'Smith',
  'Zhang',
  'García',
  'Kowalski',
  'Ito',
];
const GIVEN = ['Ada', 'Bo', 'Chioma', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Inès', 'Jon'];

const capital = (word: string) => word[0]!.toUpperCase() + word.slice(1);

/** `count` papers whose titles all start with `prefix` (so a test can find them again). */
export function papers(rng: Rng, prefix: string, count: number, abstractWords = 40): PaperRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const words = Array.from({ length: 5 }, () => rng.pick(WORDS));
    const year = rng.int(1990, 2026);
    return {
      title: `${prefix} ${i}: ${words.map(capital).join(' ')}`,
      authors: Array.from({ length: rng.int(1, 4) }, () => [rng.pick(FAMILIES), rng.pick(GIVEN)]),
      year,
      abstract: Array.from({ length: abstractWords }, () => rng.pick(WORDS)).join(' ') + '.',
      arxiv: `${String(year % 100).padStart(2, '0')}${String(rng.int(1, 12)).padStart(2, '0')}.${String(rng.int(10000, 99999))}`,
      key: `${prefix.replace(/\W/g, '').toLowerCase()}${i}`,
    };
  });
}

export function ris(records: PaperRecord[]): string {
  return records
    .map(
      (r) =>
        `TY  - JOUR\nTI  - ${r.title}\n${r.authors.map(([f, g]) => `AU  - ${f}, ${g}\n`).join('')}PY  - ${r.year}\nAB  - ${r.abstract}\nUR  - https://arxiv.org/abs/${r.arxiv}\nER  - \n`,
    )
    .join('\n');
}

export function cslJson(records: PaperRecord[]): string {
  return JSON.stringify(
    records.map((r) => ({
      id: r.key,
      type: 'article',
      title: r.title,
      author: r.authors.map(([family, given]) => ({ family, given })),
      issued: { 'date-parts': [[r.year]] },
      abstract: r.abstract,
    })),
    null,
    1,
  );
}

export function bibtex(records: PaperRecord[]): string {
  return records
    .map(
      (r) =>
        `@article{${r.key},\n  title = {${r.title}},\n  author = {${r.authors.map(([f, g]) => `${f}, ${g}`).join(' and ')}},\n  year = {${r.year}},\n  abstract = {${r.abstract}},\n  eprint = {${r.arxiv}},\n  archiveprefix = {arXiv}\n}\n`,
    )
    .join('\n');
}

/** A Hugging Face "Daily Papers" page as copied from the browser. */
export function hfDigest(records: PaperRecord[], date = 'Jun 17'): string {
  const blocks = ['Daily Papers', date];
  for (const r of records) blocks.push(r.title, r.abstract);
  return blocks.join('\n\n');
}

export const IMPORT_WRITERS: Record<string, { write: (r: PaperRecord[]) => string; name: string }> = {
  ris: { write: ris, name: 'papers.ris' },
  'csl-json': { write: cslJson, name: 'papers.json' },
  bibtex: { write: bibtex, name: 'papers.bib' },
  'hf-text': { write: hfDigest, name: 'digest.txt' },
};
