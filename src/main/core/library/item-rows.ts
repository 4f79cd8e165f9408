// ItemData <-> rows. The items row holds what lists sort and show; the derived columns
// (display names, sort keys, match key) are computed here and nowhere else.
import type { Creator, Item, ItemData, ItemLink, ItemOrigin, ItemType } from '../../../shared/domain';
import { matchKey, sortKey } from '../text/fold';
import { normaliseArxiv } from './duplicates';

/** Columns of `items` that come straight from ItemData. */
export const DATA_COLUMNS = [
  'type',
  'title',
  'date',
  'container',
  'volume',
  'issue',
  'pages',
  'publisher',
  'doi',
  'arxiv',
  'url',
  'language',
] as const;
export type DataColumn = (typeof DATA_COLUMNS)[number];

export const DERIVED_COLUMNS = [
  'creators_display',
  'creators_text',
  'title_sort',
  'creators_sort',
  'container_sort',
  'match_title',
] as const;

export type ItemRowValues = Record<DataColumn | (typeof DERIVED_COLUMNS)[number], string | null>;

export function itemRowValues(data: ItemData): ItemRowValues {
  const orNull = (value: string | undefined) => (value === undefined || value === '' ? null : value);
  return {
    type: data.type,
    title: data.title,
    date: orNull(data.date),
    container: orNull(data.container),
    volume: orNull(data.volume),
    issue: orNull(data.issue),
    pages: orNull(data.pages),
    publisher: orNull(data.publisher),
    doi: orNull(data.doi),
    // Stored without prefix or version, so that every version of a paper is one work.
    arxiv: orNull(normaliseArxiv(data.arxiv)),
    url: orNull(data.url),
    language: orNull(data.language),
    ...creatorColumns(data.creators),
    title_sort: sortKey(data.title),
    container_sort: sortKey(data.container),
    match_title: matchKey(data.title),
  };
}

export function creatorColumns(creators: Creator[]) {
  const primary = creators.filter((c) => c.role === 'author');
  const shown = primary.length > 0 ? primary : creators;
  return {
    creators_display: displayCreators(shown),
    creators_text: creators.map(fullName).join('; '),
    creators_sort: sortKey(
      shown.map((c) => [c.literal ?? c.family ?? '', c.given ?? ''].join(' ')).join(' '),
    ),
  };
}

/** "Vaswani", "Smith and Jones", "Vaswani et al." */
export function displayCreators(creators: Creator[]): string {
  const last = (c: Creator) => c.literal ?? [c.prefix, c.family].filter(Boolean).join(' ') ?? '';
  if (creators.length === 0) return '';
  if (creators.length === 1) return last(creators[0]!);
  if (creators.length === 2) return `${last(creators[0]!)} and ${last(creators[1]!)}`;
  return `${last(creators[0]!)} et al.`;
}

export function fullName(c: Creator): string {
  if (c.literal) return c.literal;
  return [c.given, c.prefix, c.family, c.suffix].filter(Boolean).join(' ');
}

interface ItemRow extends Record<string, unknown> {
  id: number;
  key: string;
  citekey: string;
  added: number;
  modified: number;
  deleted: number | null;
}

export interface ExtraRow {
  abstract: string | null;
  fields: string | null;
  origin: string | null;
}

export function rowToItem(
  row: ItemRow,
  extra: ExtraRow | undefined,
  creators: Creator[],
  links: ItemLink[],
): Item {
  const item: Item = {
    id: row.id,
    key: row.key,
    citekey: row.citekey,
    type: row.type as ItemType,
    title: row.title as string,
    creators,
    links,
    fields: extra?.fields ? (JSON.parse(extra.fields) as Record<string, string>) : {},
    added: new Date(row.added).toISOString(),
    modified: new Date(row.modified).toISOString(),
  };
  for (const column of DATA_COLUMNS) {
    if (column === 'type' || column === 'title') continue;
    const value = row[column];
    if (typeof value === 'string') item[column] = value;
  }
  if (extra?.abstract) item.abstract = extra.abstract;
  if (extra?.origin) item.origin = JSON.parse(extra.origin) as ItemOrigin;
  if (row.deleted !== null) item.deleted = new Date(row.deleted).toISOString();
  return item;
}

export function creatorFromRow(row: Record<string, unknown>): Creator {
  const creator: Creator = { role: row.role as Creator['role'] };
  for (const part of ['family', 'given', 'prefix', 'suffix', 'literal'] as const) {
    const value = row[part];
    if (typeof value === 'string') creator[part] = value;
  }
  return creator;
}

export function linkFromRow(row: Record<string, unknown>): ItemLink {
  const link: ItemLink = { kind: row.kind as ItemLink['kind'], url: row.url as string };
  if (typeof row.label === 'string') link.label = row.label;
  return link;
}

export function extraValues(data: ItemData): [string | null, string | null, string | null] {
  const fields = Object.keys(data.fields).length > 0 ? JSON.stringify(data.fields) : null;
  return [data.abstract || null, fields, data.origin ? JSON.stringify(data.origin) : null];
}
