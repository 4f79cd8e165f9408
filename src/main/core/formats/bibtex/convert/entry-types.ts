// BibTeX and biblatex entry types ↔ Sheaf item types. Unknown types read as 'misc' (the
// type as written stays in origin.entryType); export writes a type the dialect knows.
import type { ItemType } from '../../../../../shared/domain';

export type Dialect = 'bibtex' | 'biblatex';

const TYPE_OF_ENTRY: Record<string, ItemType> = {
  article: 'article',
  suppperiodical: 'article',
  magazine_article: 'article',
  newspaper_article: 'article',
  book: 'book',
  mvbook: 'book',
  booklet: 'book',
  inbook: 'inbook',
  bookinbook: 'inbook',
  suppbook: 'inbook',
  book_section: 'inbook',
  incollection: 'incollection',
  suppcollection: 'incollection',
  inreference: 'incollection',
  collection: 'collection',
  mvcollection: 'collection',
  reference: 'collection',
  mvreference: 'collection',
  proceedings: 'proceedings',
  mvproceedings: 'proceedings',
  inproceedings: 'inproceedings',
  conference: 'inproceedings',
  conference_proceedings: 'inproceedings',
  thesis: 'thesis',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  masterthesis: 'thesis',
  report: 'report',
  techreport: 'report',
  manual: 'manual',
  online: 'online',
  www: 'online',
  electronic: 'online',
  webpage: 'online',
  web_page: 'online',
  patent: 'patent',
  periodical: 'periodical',
  dataset: 'dataset',
  data: 'dataset',
  software: 'software',
  unpublished: 'unpublished',
  misc: 'misc',
};

export function itemTypeOf(entryType: string): ItemType {
  return TYPE_OF_ENTRY[entryType.toLowerCase()] ?? 'misc';
}

const BIBTEX_TYPES = new Set([
  'article',
  'book',
  'booklet',
  'inbook',
  'incollection',
  'inproceedings',
  'conference',
  'manual',
  'mastersthesis',
  'phdthesis',
  'proceedings',
  'techreport',
  'unpublished',
  'misc',
]);

const BIBLATEX_TYPES = new Set([
  'article',
  'book',
  'mvbook',
  'inbook',
  'bookinbook',
  'suppbook',
  'booklet',
  'collection',
  'mvcollection',
  'incollection',
  'suppcollection',
  'dataset',
  'manual',
  'misc',
  'online',
  'patent',
  'periodical',
  'suppperiodical',
  'proceedings',
  'mvproceedings',
  'inproceedings',
  'reference',
  'mvreference',
  'inreference',
  'report',
  'set',
  'software',
  'thesis',
  'unpublished',
  'xdata',
  // aliases biber maps onto the types above
  'conference',
  'electronic',
  'mastersthesis',
  'phdthesis',
  'techreport',
  'www',
]);

const BIBTEX_TYPE_OF_ITEM: Record<ItemType, string> = {
  article: 'article',
  inproceedings: 'inproceedings',
  incollection: 'incollection',
  inbook: 'inbook',
  book: 'book',
  collection: 'book',
  proceedings: 'proceedings',
  thesis: 'phdthesis',
  report: 'techreport',
  manual: 'manual',
  online: 'misc',
  preprint: 'misc',
  dataset: 'misc',
  software: 'misc',
  patent: 'misc',
  periodical: 'misc',
  unpublished: 'unpublished',
  misc: 'misc',
};

const BIBLATEX_TYPE_OF_ITEM: Record<ItemType, string> = {
  article: 'article',
  inproceedings: 'inproceedings',
  incollection: 'incollection',
  inbook: 'inbook',
  book: 'book',
  collection: 'collection',
  proceedings: 'proceedings',
  thesis: 'thesis',
  report: 'report',
  manual: 'manual',
  online: 'online',
  preprint: 'online',
  dataset: 'dataset',
  software: 'software',
  patent: 'patent',
  periodical: 'periodical',
  unpublished: 'unpublished',
  misc: 'misc',
};

/**
 * The entry type to write: the original one while it still means the item's type and
 * biblatex knows it (so @mvbook stays @mvbook; in a BibTeX file an unchanged @online stays
 * @online, which BibTeX styles print as @misc with a warning), else the dialect's type.
 */
export function entryTypeFor(
  itemType: ItemType,
  dialect: Dialect,
  originalType: string | undefined,
  thesisKind: string | undefined,
): string {
  const original = originalType?.toLowerCase();
  const known = original !== undefined && (BIBLATEX_TYPES.has(original) || BIBTEX_TYPES.has(original));
  if (original && known && itemTypeOf(original) === itemType) return original;
  if (
    itemType === 'thesis' &&
    dialect === 'bibtex' &&
    thesisKind &&
    /master|m\.?sc|diplom/i.test(thesisKind)
  ) {
    return 'mastersthesis';
  }
  return (dialect === 'bibtex' ? BIBTEX_TYPE_OF_ITEM : BIBLATEX_TYPE_OF_ITEM)[itemType];
}
