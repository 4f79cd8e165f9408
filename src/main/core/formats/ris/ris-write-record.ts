// An item → RIS tag/value pairs, standard tags only, in the order Zotero and bibutils
// write them. The Sheaf line is added by ris-export.ts after reading these back.
import type { ItemData } from '../../../../shared/domain';
import { writeRisDate } from './ris-dates';
import { FIELD_FOR_TAG, isbnOrIssn, TAG_FOR_FIELD, tagForRisField } from './ris-fields';
import { creatorTag, formatRisName } from './ris-names';
import { isKnownRisType, itemTypeToRis, risTypeToItemType } from './ris-types';

export interface RisPair {
  tag: string;
  value: string;
}

/** Chapters and conference papers name their book in BT: bibutils reads T2 there as a series. */
const BOOK_TITLE_TYPES = new Set(['CHAP', 'CONF']);
const PAGE_RANGE = /^([^\s\-–—]+)\s*(?:-{1,3}|–|—)\s*([^\s\-–—]+)$/;

export function writeRisPairs(item: ItemData): RisPair[] {
  const pairs: RisPair[] = [];
  const add = (tag: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') pairs.push({ tag, value });
  };
  const type = risTypeFor(item);
  pairs.push({ tag: 'TY', value: type });
  add('ID', item.citekey);
  add('TI', item.title);
  for (const creator of item.creators) add(creatorTag(creator.role), formatRisName(creator));
  add(BOOK_TITLE_TYPES.has(type) ? 'BT' : 'T2', item.container);
  if (item.date) {
    const { PY, DA } = writeRisDate(item.date);
    add('PY', PY);
    add('DA', DA);
  }
  add('VL', item.volume);
  add('IS', item.issue);
  const range = item.pages === undefined ? null : PAGE_RANGE.exec(item.pages);
  add('SP', range ? range[1] : item.pages);
  add('EP', range?.[2]);
  add('PB', item.publisher);
  add('DO', item.doi);
  if (item.arxiv) add('AN', `arXiv:${item.arxiv}`);
  add('UR', item.url);
  for (const link of item.links) add(link.kind === 'pdf' ? 'L1' : 'L2', link.url);
  add('LA', item.language);
  add('AB', item.abstract);
  for (const tag of item.tags ?? []) add('KW', tag);
  writeFields(item.fields, add);
  return pairs;
}

/** A RIS type read from another file is written back while it still maps to the item's type. */
function risTypeFor(item: ItemData): string {
  const original = item.origin?.format === 'ris' ? item.origin.entryType : undefined;
  const context = { hasContainer: item.container !== undefined, hasArxiv: item.arxiv !== undefined };
  if (original && isKnownRisType(original) && risTypeToItemType(original, context) === item.type) {
    return original.toUpperCase();
  }
  return itemTypeToRis(item.type);
}

function writeFields(fields: Record<string, string>, add: (tag: string, value: string) => void): void {
  const mapped = new Set(Object.values(FIELD_FOR_TAG));
  for (const [field, value] of Object.entries(fields)) {
    if (mapped.has(field)) add(TAG_FOR_FIELD.get(field)!, value);
  }
  // SN is read back as ISBN or ISSN by its shape; anything else comes back via the Sheaf line.
  for (const field of ['isbn', 'issn'] as const) {
    const value = Object.hasOwn(fields, field) ? fields[field] : undefined;
    if (value !== undefined && isbnOrIssn(value) === field) add('SN', value);
  }
  for (const [field, value] of Object.entries(fields)) {
    const tag = tagForRisField(field);
    if (tag) add(tag, value);
  }
}

/** RIS lines for one pair: continuation lines that would read as a tag are indented. */
export function risLines(pair: RisPair): string[] {
  const [first = '', ...rest] = pair.value.split(/\r\n|\r|\n/);
  return [
    `${pair.tag}  - ${first}`,
    ...rest.map((line) => (/^[A-Z][A-Z0-9] {1,2}-/.test(line) ? ` ${line}` : line)),
  ];
}
