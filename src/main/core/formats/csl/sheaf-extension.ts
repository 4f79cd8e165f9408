// The `sheaf` key of a CSL-JSON item: what CSL cannot say, so that Sheaf's export →
// import is lossless. Written by csl-write-record, read back here; other tools ignore it.
//
//   sheaf: {
//     key, added, modified          item identity (returned as record meta, not ItemData)
//     type?                         ItemType, only when the CSL type does not map back to it
//     arxiv?, links, fields, tags   verbatim
//     creators?                     only when CSL's name lists lose something (roles CSL has
//                                   no variable for, e.g. inventor; interleaved roles; parts)
//     date?                         only when the date is not a partial ISO date
//     origin?                       verbatim
//     collections?, digests?, notes?  lists or counts, when the caller passes them
//   }
import type { Creator, ItemData, ItemLink, ItemOrigin, ItemType } from '../../../../shared/domain';
import type { ExportItem, ParsedRecord } from '../types';
import {
  isItemType,
  isObject,
  own,
  readCreators,
  readLinks,
  readOrigin,
  readStringList,
  readStringMap,
  type Complain,
  type JsonObject,
} from './domain-guards';

export interface CslDigestRef {
  title: string;
  date?: string;
  position?: number;
}

export interface CslNoteRef {
  key: string;
  title: string;
  modified?: string;
  body?: string;
}

/**
 * An ExportItem plus the relations `sheaf list --json` may include. An ItemDetail fits as
 * is; a caller that only has counts passes numbers. Database ids are never written.
 */
export interface CslExportItem extends ExportItem {
  collections?: readonly { path: string }[] | number;
  digests?: readonly CslDigestRef[] | number;
  notes?: readonly CslNoteRef[] | number;
}

/** Item identity and relations read from `sheaf`; ItemData has no place for them. */
export interface SheafItemMeta {
  key?: string;
  added?: string;
  modified?: string;
  collections?: string[] | number;
  digests?: CslDigestRef[] | number;
  notes?: CslNoteRef[] | number;
}

/** A CSL-JSON record: ItemData plus, for Sheaf's own exports, the item's identity. */
export interface CslParsedRecord extends ParsedRecord {
  sheaf?: SheafItemMeta;
}

export interface SheafCslData {
  key: string;
  type?: ItemType;
  arxiv?: string;
  links: ItemLink[];
  fields: Record<string, string>;
  tags: string[];
  creators?: Creator[];
  date?: string;
  origin?: ItemOrigin;
  added: string;
  modified: string;
  collections?: string[] | number;
  digests?: CslDigestRef[] | number;
  notes?: CslNoteRef[] | number;
}

/** The parts of ItemData the `sheaf` key restores, each only when present and valid. */
export type SheafOverrides = Partial<
  Pick<ItemData, 'type' | 'arxiv' | 'links' | 'fields' | 'tags' | 'creators' | 'date' | 'origin'>
>;

export interface LossyParts {
  type: boolean;
  creators: boolean;
  date: boolean;
}

export function writeSheafData(item: CslExportItem, lossy: LossyParts): SheafCslData {
  // Built in the documented key order, optional parts left out rather than undefined.
  return dropUndefined({
    key: item.key,
    type: lossy.type ? item.type : undefined,
    arxiv: item.arxiv,
    links: item.links.map((link) => ({ ...link })),
    // fromEntries defines properties, so even a "__proto__" field stays an ordinary key.
    fields: Object.fromEntries(Object.entries(item.fields)),
    tags: [...item.tags],
    creators: lossy.creators ? item.creators.map((creator) => ({ ...creator })) : undefined,
    date: lossy.date ? item.date : undefined,
    origin: item.origin,
    added: item.added,
    modified: item.modified,
    collections: item.collections === undefined ? undefined : collectionsOut(item.collections),
    digests: item.digests === undefined ? undefined : digestsOut(item.digests),
    notes: item.notes === undefined ? undefined : notesOut(item.notes),
  });
}

export function readSheafData(
  value: unknown,
  complain: Complain,
): { overrides: SheafOverrides; meta: SheafItemMeta } {
  const overrides: SheafOverrides = {};
  const meta: SheafItemMeta = {};
  if (!isObject(value)) {
    complain('"sheaf" should be an object; ignored', 'sheaf');
    return { overrides, meta };
  }
  const where: Complain = (message) => complain(`sheaf: ${message}`, 'sheaf');
  const text = (key: string): string | undefined => {
    const entry = own(value, key);
    if (entry !== undefined && typeof entry !== 'string') where(`${key} should be text; ignored`);
    return typeof entry === 'string' ? entry : undefined;
  };
  meta.key = text('key');
  meta.added = text('added');
  meta.modified = text('modified');
  const type = own(value, 'type');
  if (isItemType(type)) overrides.type = type;
  else if (type !== undefined) where(`unknown item type ${JSON.stringify(type)}; the CSL type was used`);
  const arxiv = text('arxiv');
  if (arxiv !== undefined) overrides.arxiv = arxiv;
  const date = text('date');
  if (date !== undefined) overrides.date = date;
  readPart(value, 'links', (entry) => readLinks(entry, 'links', where), overrides);
  readPart(value, 'fields', (entry) => readStringMap(entry, 'fields', where), overrides);
  readPart(value, 'tags', (entry) => readStringList(entry, 'tags', where), overrides);
  readPart(value, 'creators', (entry) => readCreators(entry, 'creators', where), overrides);
  readPart(value, 'origin', (entry) => readOrigin(entry, 'origin', where), overrides);
  readRelations(value, meta, where);
  return { overrides, meta: dropUndefined(meta) };
}

function readPart<K extends keyof SheafOverrides>(
  value: JsonObject,
  key: K,
  read: (entry: unknown) => SheafOverrides[K] | undefined,
  overrides: SheafOverrides,
): void {
  if (!Object.hasOwn(value, key)) return;
  const part = read(value[key]);
  if (part !== undefined) overrides[key] = part;
}

function readRelations(value: JsonObject, meta: SheafItemMeta, complain: Complain): void {
  const collections = own(value, 'collections');
  if (typeof collections === 'number') meta.collections = collections;
  else if (collections !== undefined) meta.collections = readStringList(collections, 'collections', complain);
  const digests = own(value, 'digests');
  if (typeof digests === 'number') meta.digests = digests;
  else if (Array.isArray(digests)) meta.digests = digests.flatMap(digestIn);
  const notes = own(value, 'notes');
  if (typeof notes === 'number') meta.notes = notes;
  else if (Array.isArray(notes)) meta.notes = notes.flatMap(noteIn);
}

function collectionsOut(collections: NonNullable<CslExportItem['collections']>): string[] | number {
  return typeof collections === 'number' ? collections : collections.map((collection) => collection.path);
}

function digestsOut(digests: NonNullable<CslExportItem['digests']>): CslDigestRef[] | number {
  if (typeof digests === 'number') return digests;
  return digests.map(({ title, date, position }) => dropUndefined({ title, date, position }));
}

function notesOut(notes: NonNullable<CslExportItem['notes']>): CslNoteRef[] | number {
  if (typeof notes === 'number') return notes;
  return notes.map(({ key, title, modified, body }) => dropUndefined({ key, title, modified, body }));
}

function digestIn(entry: unknown): CslDigestRef[] {
  if (!isObject(entry) || typeof own(entry, 'title') !== 'string') return [];
  const date = own(entry, 'date');
  const position = own(entry, 'position');
  return [
    dropUndefined({
      title: own(entry, 'title') as string,
      date: typeof date === 'string' ? date : undefined,
      position: typeof position === 'number' ? position : undefined,
    }),
  ];
}

function noteIn(entry: unknown): CslNoteRef[] {
  if (!isObject(entry) || typeof own(entry, 'key') !== 'string' || typeof own(entry, 'title') !== 'string') {
    return [];
  }
  const optional = (key: string): string | undefined => {
    const value = own(entry, key);
    return typeof value === 'string' ? value : undefined;
  };
  return [
    dropUndefined({
      key: own(entry, 'key') as string,
      title: own(entry, 'title') as string,
      modified: optional('modified'),
      body: optional('body'),
    }),
  ];
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
