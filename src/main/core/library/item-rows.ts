// ItemData <-> rows. The items row holds what lists sort and show; the derived columns
// (display names, sort keys, match key) are computed here and nowhere else.
import type { Creator, Item, ItemData, ItemLink, ItemType } from '../../../shared/domain';
import { matchHash, matchKey, sortKey } from '../text/fold';
import { normaliseArxiv } from './duplicates';
import { packOrigin, unpackOrigin } from './stored-origin';

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

/** The columns an Item is read from, in the order itemFromValues expects them. */
const ROW_COLUMNS = ['id', 'key', 'citekey', 'added', 'modified', 'deleted', ...DATA_COLUMNS] as const;
const EXTRA_COLUMNS = ['creators', 'links', 'abstract', 'fields', 'origin'] as const;
const FIRST_DATA = 6;
/** DATA_COLUMNS after type and title, which every item has. */
const OPTIONAL_COLUMNS = DATA_COLUMNS.slice(2) as Exclude<DataColumn, 'type' | 'title'>[];
const FIRST_EXTRA = ROW_COLUMNS.length;

/** The select list of an item, in the order itemFromValues reads; columns after it are ignored. */
export const ITEM_COLUMNS = `${ROW_COLUMNS.map((name) => `i.${name}`).join(', ')}, ${EXTRA_COLUMNS.map(
  (name) => `e.${name}`,
).join(', ')}`;
export const ITEM_FROM = 'FROM items i LEFT JOIN item_extra e ON e.item_id = i.id';
/**
 * `SELECT ${ITEM_SELECT} WHERE ...` reads items as value arrays (statement.raw()): a named
 * row object per row costs more than the SQLite work when thousands are read at once.
 */
export const ITEM_SELECT = `${ITEM_COLUMNS} ${ITEM_FROM}`;

export function itemFromValues(values: readonly unknown[]): Item {
  const extra = values[FIRST_EXTRA] !== null;
  const item: Item = {
    id: values[0] as number,
    key: values[1] as string,
    citekey: values[2] as string,
    type: values[FIRST_DATA] as ItemType,
    title: values[FIRST_DATA + 1] as string,
    creators: extra ? (JSON.parse(values[FIRST_EXTRA] as string) as Creator[]) : [],
    links: extra ? (JSON.parse(values[FIRST_EXTRA + 1] as string) as ItemLink[]) : [],
    fields: values[FIRST_EXTRA + 3]
      ? (JSON.parse(values[FIRST_EXTRA + 3] as string) as Record<string, string>)
      : {},
    added: new Date(values[3] as number).toISOString(),
    modified: new Date(values[4] as number).toISOString(),
  };
  // The other data columns only when they hold a value.
  for (let column = 0; column < OPTIONAL_COLUMNS.length; column++) {
    const value = values[FIRST_DATA + 2 + column];
    if (typeof value === 'string') item[OPTIONAL_COLUMNS[column]!] = value;
  }
  const abstract = values[FIRST_EXTRA + 2];
  if (typeof abstract === 'string' && abstract) item.abstract = abstract;
  const origin = values[FIRST_EXTRA + 4];
  if (typeof origin === 'string') item.origin = unpackOrigin(origin);
  if (values[5] !== null) item.deleted = new Date(values[5] as number).toISOString();
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
    data.origin ? packOrigin(data.origin) : null,
  ];
}
