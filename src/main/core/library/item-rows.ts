// ItemData <-> rows. The items row holds what lists sort and show; the derived columns
// (display names, sort keys, match key) are computed here and nowhere else.
import type { Creator, Item, ItemData, ItemLink, ItemOrigin, ItemType } from '../../../shared/domain';
import { matchHash, matchKey, sortKey } from '../text/fold';
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
  'match_hash',
] as const;

export type ItemRowValues = Record<DataColumn | (typeof DERIVED_COLUMNS)[number], string | number | null>;

export function itemRowValues(data: ItemData): ItemRowValues {
  const titleKey = matchKey(data.title);
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
    match_title: titleKey,
    match_hash: matchHash(titleKey),
  };
}

export function creatorColumns(creators: Creator[]) {
  let shown = creators.filter((c) => c.role === 'author');
  if (shown.length === 0) shown = creators;
  let text = '';
  for (const c of creators) text += (text ? '; ' : '') + fullName(c);
  // The first three names decide any sort order that matters.
  let sortText = '';
  for (const c of shown.slice(0, 3)) sortText += `${c.literal ?? c.family ?? ''} ${c.given ?? ''} `;
  return { creators_display: displayCreators(shown), creators_text: text, creators_sort: sortKey(sortText) };
}

function lastName(c: Creator): string {
  if (c.literal) return c.literal;
  return c.prefix ? `${c.prefix} ${c.family ?? ''}` : (c.family ?? '');
}

/** "Vaswani", "Smith and Jones", "Vaswani et al." */
export function displayCreators(creators: Creator[]): string {
  if (creators.length === 0) return '';
  if (creators.length === 1) return lastName(creators[0]!);
  if (creators.length === 2) return `${lastName(creators[0]!)} and ${lastName(creators[1]!)}`;
  return `${lastName(creators[0]!)} et al.`;
}

export function fullName(c: Creator): string {
  if (c.literal) return c.literal;
  let name = c.given ?? '';
  if (c.prefix) name += (name ? ' ' : '') + c.prefix;
  if (c.family) name += (name ? ' ' : '') + c.family;
  if (c.suffix) name += (name ? ' ' : '') + c.suffix;
  return name;
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
  creators: string;
  links: string;
  abstract: string | null;
  fields: string | null;
  origin: string | null;
}

export function rowToItem(row: ItemRow, extra: ExtraRow | undefined): Item {
  const item: Item = {
    id: row.id,
    key: row.key,
    citekey: row.citekey,
    type: row.type as ItemType,
    title: row.title as string,
    creators: extra ? (JSON.parse(extra.creators) as Creator[]) : [],
    links: extra ? (JSON.parse(extra.links) as ItemLink[]) : [],
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

/** Creators without empty parts, in a fixed key order, so equal lists serialise equally. */
function cleanCreator(c: Creator): Creator {
  const out: Creator = { role: c.role };
  for (const part of ['family', 'given', 'prefix', 'suffix', 'literal'] as const)
    if (c[part]) out[part] = c[part];
  return out;
}

function cleanLink(link: ItemLink): ItemLink {
  return { kind: link.kind, url: link.url, ...(link.label ? { label: link.label } : {}) };
}

/** item_extra values for `data`: creators, links, abstract, fields, origin. */
export function extraValues(data: ItemData): [string, string, string | null, string | null, string | null] {
  const fields = Object.keys(data.fields).length > 0 ? JSON.stringify(data.fields) : null;
  return [
    JSON.stringify(data.creators.map(cleanCreator)),
    JSON.stringify(data.links.map(cleanLink)),
    data.abstract || null,
    fields,
    data.origin ? JSON.stringify(data.origin) : null,
  ];
}
