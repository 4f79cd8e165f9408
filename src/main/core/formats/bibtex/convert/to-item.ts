// One entry's fields → ItemData: mapped fields fill ItemData's own properties, every other
// field goes to the open field map, and origin keeps each field's raw text and value so an
// unchanged item exports exactly what it was imported from.
import type { Creator, CreatorRole, ItemData, ItemOrigin } from '../../../../../shared/domain';
import { canonicalNameList } from '../names/format-names';
import { parseNameList } from '../names/parse-names';
import { readDate } from './dates';
import { itemTypeOf } from './entry-types';
import { bareArxivId, decodeFieldValue, NAME_FIELDS, normalizeDoi, splitKeywords } from './field-values';

export const BIBTEX_FORMAT = 'bibtex';

export interface SourceField {
  /** Lower-case field name. */
  name: string;
  /** Raw text as written; "" for a field inherited through crossref or xdata. */
  raw: string;
  /** Expanded LaTeX value. */
  latex: string;
}

export interface SourceEntry {
  type: string;
  /** Key as written. */
  key: string;
  /** Key after disambiguation. */
  citekey: string;
  /** Unique names: the entry's own fields first, then inherited ones. */
  fields: SourceField[];
}

const CONTAINER_ORDER_ARTICLE = ['journaltitle', 'journal', 'booktitle'];
const CONTAINER_ORDER_OTHER = ['booktitle', 'journaltitle', 'journal'];

export function entryToItem(entry: SourceEntry): ItemData {
  const values = new Map<string, string>();
  const originFields: NonNullable<ItemOrigin['fields']> = {};
  const creators: Creator[] = [];
  for (const field of entry.fields) {
    if (NAME_FIELDS.includes(field.name)) {
      const list = parseNameList(field.latex, field.name as CreatorRole);
      creators.push(...list);
      originFields[field.name] = { raw: field.raw, value: canonicalNameList(list) };
      continue;
    }
    const value = decodeFieldValue(field.name, field.latex);
    values.set(field.name, value);
    originFields[field.name] = { raw: field.raw, value };
  }

  const type = itemTypeOf(entry.type);
  const item: ItemData = { type, title: take(values, 'title') ?? '', creators, links: [], fields: {} };
  setIf(item, 'abstract', take(values, 'abstract'));
  readItemDate(item, values);
  const containerOrder =
    type === 'article' || type === 'periodical' ? CONTAINER_ORDER_ARTICLE : CONTAINER_ORDER_OTHER;
  setIf(item, 'container', takeFirst(values, containerOrder));
  setIf(item, 'volume', take(values, 'volume'));
  setIf(item, 'issue', takeFirst(values, ['number', 'issue']));
  setIf(item, 'pages', take(values, 'pages'));
  setIf(item, 'publisher', take(values, 'publisher'));
  readDoi(item, values);
  readArxiv(item, values);
  setIf(item, 'url', take(values, 'url'));
  setIf(item, 'language', takeFirst(values, ['language', 'langid']));
  const keywords = take(values, 'keywords');
  if (keywords !== undefined) item.tags = splitKeywords(keywords);
  for (const [name, value] of values) item.fields[name] = value;
  item.citekey = entry.citekey;
  item.origin = { format: BIBTEX_FORMAT, entryType: entry.type, key: entry.key, fields: originFields };
  return item;
}

function readItemDate(item: ItemData, values: Map<string, string>): void {
  const reading = readDate({
    date: values.get('date'),
    year: values.get('year'),
    month: values.get('month'),
    day: values.get('day'),
  });
  if (reading.date) item.date = reading.date;
  for (const name of reading.used) values.delete(name);
}

function readDoi(item: ItemData, values: Map<string, string>): void {
  const text = values.get('doi');
  if (text === undefined) return;
  const doi = normalizeDoi(text);
  if (!doi) return;
  item.doi = doi;
  values.delete('doi');
}

/** eprint + eprinttype/archiveprefix = arXiv, or arxivid, or an "arXiv:" eprint. */
function readArxiv(item: ItemData, values: Map<string, string>): void {
  const eprint = values.get('eprint');
  const kind = (values.get('eprinttype') ?? values.get('archiveprefix'))?.toLowerCase();
  const fromEprint =
    eprint !== undefined && (kind === 'arxiv' || (kind === undefined && /^arxiv:/i.test(eprint)))
      ? bareArxivId(eprint)
      : undefined;
  const arxivId = values.get('arxivid');
  const fromArxivId = arxivId === undefined ? undefined : bareArxivId(arxivId);
  const id = fromEprint ?? fromArxivId;
  if (!id) return;
  item.arxiv = id;
  if (fromEprint) {
    values.delete('eprint');
    for (const name of ['eprinttype', 'archiveprefix']) {
      if (values.get(name)?.toLowerCase() === 'arxiv') values.delete(name);
    }
  }
  if (fromArxivId === id) values.delete('arxivid');
}

/** Removes and returns a non-empty value; an empty one stays for the open field map. */
function take(values: Map<string, string>, name: string): string | undefined {
  const value = values.get(name);
  if (value === undefined || value === '') return undefined;
  values.delete(name);
  return value;
}

function takeFirst(values: Map<string, string>, names: string[]): string | undefined {
  for (const name of names) {
    const value = take(values, name);
    if (value !== undefined) return value;
  }
  return undefined;
}

function setIf<
  K extends 'abstract' | 'container' | 'volume' | 'issue' | 'pages' | 'publisher' | 'url' | 'language',
>(item: ItemData, key: K, value: string | undefined): void {
  if (value !== undefined) item[key] = value;
}
