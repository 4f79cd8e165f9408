// Item data for tests: a paper from a few readable facts, and authors from "Family, Given".
import type { Creator, ItemData, ItemType } from '../../src/shared/domain';
import type { Api } from './temp-library';

export interface PaperFacts {
  title: string;
  /** "Family, Given", or a single word for an organisation (a literal name). */
  authors?: string[];
  date?: string;
  type?: ItemType;
  abstract?: string;
  container?: string;
  doi?: string;
  arxiv?: string;
  url?: string;
  citekey?: string;
  tags?: string[];
  fields?: Record<string, string>;
}

export function author(name: string): Creator {
  const [family, given] = name.split(',').map((part) => part.trim());
  if (given === undefined) return { role: 'author', literal: family! };
  return { role: 'author', family: family!, given };
}

/** ItemData for a paper, with only the facts given. */
export function paper(facts: PaperFacts): ItemData {
  const data: ItemData = {
    type: facts.type ?? 'article',
    title: facts.title,
    creators: (facts.authors ?? []).map(author),
    links: [],
    fields: facts.fields ?? {},
  };
  for (const key of ['date', 'abstract', 'container', 'doi', 'arxiv', 'url', 'citekey'] as const) {
    const value = facts[key];
    if (value !== undefined) data[key] = value;
  }
  if (facts.tags) data.tags = facts.tags;
  return data;
}

export const ATTENTION = paper({
  title: 'Attention Is All You Need',
  authors: ['Vaswani, Ashish', 'Shazeer, Noam', 'Parmar, Niki'],
  date: '2017-06-12',
  arxiv: '1706.03762',
  container: 'Advances in Neural Information Processing Systems',
  abstract: 'The dominant sequence transduction models are based on recurrent networks.',
});

export const BERT = paper({
  title: 'BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding',
  authors: ['Devlin, Jacob', 'Chang, Ming-Wei'],
  date: '2019',
  doi: '10.18653/v1/N19-1423',
  container: 'Proceedings of NAACL',
});

export const GODEL = paper({
  title: 'Über formal unentscheidbare Sätze der Principia Mathematica',
  authors: ['Gödel, Kurt'],
  date: '1931',
  container: 'Monatshefte für Mathematik und Physik',
});

/**
 * The first and the last item added: the lowest and the highest id, which a write in slices
 * (service/entry-cache.ts, chunks in id order) reads in its first and its last chunk.
 */
export async function firstAndLastAdded(api: Api): Promise<number[]> {
  const byId = (direction: 'asc' | 'desc') =>
    api.call('items.ids', {
      view: { kind: 'library' },
      sort: { field: 'added', direction },
      offset: 0,
      limit: 1,
    });
  return [...(await byId('asc')), ...(await byId('desc'))];
}
