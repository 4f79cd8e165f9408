// One paper as ItemData, built the same way by every digest format: arXiv id bare with
// its version kept aside, the abs page as URL, links found in the abstract after the
// links the source gave explicitly, no duplicates.
import type { Creator, ItemData, ItemLink, ItemType } from '../../../../../shared/domain';
import { arxivAbsUrl, parseArxivId, parseDoi } from './ids';
import { extractLinks } from './links';

export interface PaperInput {
  title: string;
  abstract?: string;
  type?: ItemType;
  creators?: Creator[];
  /** Any form parseArxivId understands ("arXiv:2306.08543v2", an abs URL...). */
  arxiv?: string;
  doi?: string;
  url?: string;
  date?: string;
  container?: string;
  volume?: string;
  issue?: string;
  pages?: string;
  /** Links the source names explicitly (repository, project page, PDF). */
  links?: ItemLink[];
  fields?: Record<string, string>;
  tags?: string[];
}

export function paperData(input: PaperInput): ItemData {
  const data: ItemData = {
    type: input.type ?? 'preprint',
    title: input.title,
    creators: input.creators ?? [],
    links: mergeLinks(input.links ?? [], extractLinks(input.abstract)),
    fields: { ...input.fields },
  };
  if (input.abstract) data.abstract = input.abstract;
  const arxiv = parseArxivId(input.arxiv);
  if (arxiv) {
    data.arxiv = arxiv.id;
    if (arxiv.version) data.fields.arxivversion = arxiv.version;
  }
  const doi = parseDoi(input.doi);
  if (doi) data.doi = doi;
  const url = input.url ?? (arxiv ? arxivAbsUrl(arxiv.id) : undefined);
  if (url) data.url = url;
  for (const key of ['date', 'container', 'volume', 'issue', 'pages'] as const) {
    const value = input[key];
    if (value) data[key] = value;
  }
  if (input.tags && input.tags.length > 0) data.tags = input.tags;
  return data;
}

function mergeLinks(first: ItemLink[], second: ItemLink[]): ItemLink[] {
  if (first.length === 0) return second;
  const seen = new Set<string>();
  const merged: ItemLink[] = [];
  for (const link of [...first, ...second]) {
    const key = link.url.replace(/\/+$/, '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(link);
  }
  return merged;
}
