// A raw RIS record → ItemData, from the standard tags alone (the Sheaf line is applied
// afterwards, see sheaf-line.ts). Every entry is either read into a column or kept in
// `fields` as ris_<tag>, so nothing in the file is lost. Pure: the exporter runs it on
// its own output to find what RIS lost.
import type { Creator, ItemData, ItemLink } from '../../../../shared/domain';
import { arxivIdFromDoi, arxivIdFromText, arxivIdFromUrl } from '../csl/arxiv-id';
import { readRisDate } from './ris-dates';
import type { RisEntry, RisRawRecord } from './ris-lexer';
import { parseRisName, roleForTag } from './ris-names';
import { isKnownRisType, risTypeToItemType } from './ris-types';
import { FIELD_FOR_TAG, isbnOrIssn, RIS_FIELD_PREFIX } from './ris-fields';

export type RisComplain = (message: string, line: number) => void;

const TITLE_TAGS = ['TI', 'T1', 'CT'];
const CONTAINER_TAGS = ['T2', 'JF', 'JO', 'BT', 'JA'];
const LINK_KIND_FOR_TAG: Record<string, ItemLink['kind']> = {
  L1: 'pdf',
  L2: 'other',
  L3: 'other',
  L4: 'other',
};
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

export function readRisRecord(record: RisRawRecord, complain: RisComplain): ItemData {
  const used = new Set<RisEntry>();
  const first = (tag: string): RisEntry | undefined =>
    record.entries.find((entry) => entry.tag === tag && !used.has(entry));
  const take = (...tags: string[]): string | undefined => {
    for (const tag of tags) {
      const entry = first(tag);
      if (entry && entry.value !== '') {
        used.add(entry);
        return entry.value;
      }
    }
    return undefined;
  };

  const title = take(...TITLE_TAGS);
  // Old BOOK records put the book's own title in BT.
  const container = title === undefined ? undefined : take(...CONTAINER_TAGS);
  const data: ItemData = {
    type: 'misc',
    title: title ?? take('BT') ?? '',
    creators: readCreators(record.entries, used),
    links: [],
    fields: {},
    tags: readKeywords(record.entries, used),
  };
  if (data.title === '') complain('record has no title (TI)', record.line);
  if (container !== undefined) data.container = container;
  const date = readRisDate(first);
  if (date.date !== undefined) data.date = date.date;
  date.used.forEach((entry) => used.add(entry));
  for (const entry of date.unreadable)
    complain(`could not read the date ${JSON.stringify(entry.value)}`, entry.line);
  readColumns(data, take);
  readLinks(data, record.entries, used);
  readArxiv(data, first, used);
  data.type = readType(record, data, complain);
  readFields(data, record.entries, used);
  data.origin = { format: 'ris', entryType: record.type };
  if (data.citekey !== undefined) data.origin.key = data.citekey;
  return data;
}

function readColumns(data: ItemData, take: (...tags: string[]) => string | undefined): void {
  const set = <K extends keyof ItemData>(key: K, value: ItemData[K] | undefined): void => {
    if (value !== undefined) data[key] = value;
  };
  set('abstract', take('AB', 'N2'));
  set('volume', take('VL'));
  set('issue', take('IS'));
  set('pages', readPages(take('SP'), take('EP')));
  set('publisher', take('PB'));
  set('doi', take('DO')?.replace(DOI_PREFIX, ''));
  set('url', take('UR'));
  set('language', take('LA'));
  // EndNote and Reference Manager number their records in ID: that is no citation key.
  const id = take('ID');
  if (id !== undefined && /^\d+$/.test(id)) set('fields', { ...data.fields, ris_id: id });
  else set('citekey', id);
}

function readPages(start: string | undefined, end: string | undefined): string | undefined {
  if (start !== undefined && end !== undefined) return `${start}-${end}`;
  return start ?? end;
}

function readCreators(entries: RisEntry[], used: Set<RisEntry>): Creator[] {
  const creators: Creator[] = [];
  for (const entry of entries) {
    const role = roleForTag(entry.tag);
    const creator = role ? parseRisName(entry.value, role) : undefined;
    if (!creator) continue;
    creators.push(creator);
    used.add(entry);
  }
  return creators;
}

/** One tag per KW line; a line holding "a; b; c" (some exporters) is split. */
function readKeywords(entries: RisEntry[], used: Set<RisEntry>): string[] {
  const tags: string[] = [];
  for (const entry of entries) {
    if (entry.tag !== 'KW') continue;
    used.add(entry);
    for (const tag of entry.value.split(/[;\n]/)) if (tag.trim() !== '') tags.push(tag.trim());
  }
  return tags;
}

/** L1 is a PDF, L2–L4 and UR lines after the first are other links; the DOI resolver link is dropped. */
function readLinks(data: ItemData, entries: RisEntry[], used: Set<RisEntry>): void {
  const doiLink = data.doi === undefined ? undefined : `doi.org/${data.doi}`.toLowerCase();
  for (const entry of entries) {
    const kind = entry.tag === 'UR' ? 'other' : LINK_KIND_FOR_TAG[entry.tag];
    if (!kind || used.has(entry) || entry.value === '') continue;
    used.add(entry);
    if (entry.tag === 'UR' && doiLink && entry.value.toLowerCase().endsWith(doiLink)) continue;
    data.links.push({ kind, url: entry.value });
  }
}

function readArxiv(data: ItemData, first: (tag: string) => RisEntry | undefined, used: Set<RisEntry>): void {
  const accession = first('AN');
  const fromAccession = accession ? arxivIdFromText(accession.value) : undefined;
  if (accession && fromAccession) used.add(accession);
  const urls = [data.url ?? '', ...data.links.map((link) => link.url)];
  const arxiv =
    fromAccession ??
    arxivIdFromDoi(data.doi ?? '') ??
    urls.map(arxivIdFromUrl).find((id) => id !== undefined);
  if (arxiv !== undefined) data.arxiv = arxiv;
}

function readType(record: RisRawRecord, data: ItemData, complain: RisComplain): ItemData['type'] {
  if (record.type === '') complain('record has no type after "TY  - "; imported as misc', record.line);
  else if (!isKnownRisType(record.type)) {
    complain(`unknown RIS type ${JSON.stringify(record.type)}; imported as misc`, record.line);
  }
  const context = { hasContainer: data.container !== undefined, hasArxiv: data.arxiv !== undefined };
  return risTypeToItemType(record.type, context);
}

/** Notes, places, ISBNs... under shared field names; any other unread entry as ris_<tag>. */
function readFields(data: ItemData, entries: RisEntry[], used: Set<RisEntry>): void {
  for (const entry of entries) {
    if (used.has(entry) || entry.value === '') continue;
    const field = entry.tag === 'SN' ? isbnOrIssn(entry.value) : FIELD_FOR_TAG[entry.tag];
    const name = field ?? RIS_FIELD_PREFIX + entry.tag.toLowerCase();
    const previous = Object.hasOwn(data.fields, name) ? data.fields[name] : undefined;
    // Repeated notes are paragraphs; other repeated tags are lines.
    const separator = entry.tag === 'N1' ? '\n\n' : '\n';
    data.fields[name] = previous === undefined ? entry.value : `${previous}${separator}${entry.value}`;
  }
}
