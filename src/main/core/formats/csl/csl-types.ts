// CSL 1.0.2 item types ↔ Sheaf ItemType. The table (also in docs/decisions/0031):
//
//   Sheaf          → CSL                 CSL                         → Sheaf
//   article          article-journal     article-journal/-magazine/-newspaper → article
//   inproceedings    paper-conference    paper-conference           → inproceedings
//   incollection     chapter             chapter, entry*            → incollection
//   inbook           chapter (lossy)     book, classic              → book
//   book             book                article (preprint)         → preprint
//   collection       book (lossy)        thesis                     → thesis
//   proceedings      book (lossy)        report, standard           → report
//   thesis           thesis              webpage, post, post-weblog → online
//   report           report              dataset                    → dataset
//   manual           report (lossy)      software                   → software
//   online           webpage             patent                     → patent
//   preprint         article             periodical                 → periodical
//   dataset          dataset             manuscript                 → unpublished
//   software         software            anything else              → misc
//   patent           patent
//   periodical       periodical
//   unpublished      manuscript
//   misc             document
//
// A lossy row is recovered from `sheaf.type`; a CSL type read from another tool is kept in
// origin.entryType and written back while the item's type still maps to it.
import type { ItemType } from '../../../../shared/domain';

export const CSL_TYPES = [
  'article',
  'article-journal',
  'article-magazine',
  'article-newspaper',
  'bill',
  'book',
  'broadcast',
  'chapter',
  'classic',
  'collection',
  'dataset',
  'document',
  'entry',
  'entry-dictionary',
  'entry-encyclopedia',
  'event',
  'figure',
  'graphic',
  'hearing',
  'interview',
  'legal_case',
  'legislation',
  'manuscript',
  'map',
  'motion_picture',
  'musical_score',
  'pamphlet',
  'paper-conference',
  'patent',
  'performance',
  'periodical',
  'personal_communication',
  'post',
  'post-weblog',
  'regulation',
  'report',
  'review',
  'review-book',
  'software',
  'song',
  'speech',
  'standard',
  'thesis',
  'treaty',
  'webpage',
] as const;
export type CslType = (typeof CSL_TYPES)[number];

const TO_CSL: Record<ItemType, CslType> = {
  article: 'article-journal',
  inproceedings: 'paper-conference',
  incollection: 'chapter',
  inbook: 'chapter',
  book: 'book',
  collection: 'book',
  proceedings: 'book',
  thesis: 'thesis',
  report: 'report',
  manual: 'report',
  online: 'webpage',
  preprint: 'article',
  dataset: 'dataset',
  software: 'software',
  patent: 'patent',
  periodical: 'periodical',
  unpublished: 'manuscript',
  misc: 'document',
};

const FROM_CSL: Partial<Record<CslType, ItemType>> = {
  article: 'preprint',
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  book: 'book',
  classic: 'book',
  chapter: 'incollection',
  entry: 'incollection',
  'entry-dictionary': 'incollection',
  'entry-encyclopedia': 'incollection',
  'paper-conference': 'inproceedings',
  thesis: 'thesis',
  report: 'report',
  standard: 'report',
  webpage: 'online',
  post: 'online',
  'post-weblog': 'online',
  dataset: 'dataset',
  software: 'software',
  patent: 'patent',
  periodical: 'periodical',
  manuscript: 'unpublished',
};

export function isCslType(value: unknown): value is CslType {
  return typeof value === 'string' && (CSL_TYPES as readonly string[]).includes(value);
}

export function itemTypeToCsl(type: ItemType): CslType {
  return TO_CSL[type];
}

export function cslTypeToItemType(type: CslType): ItemType {
  return FROM_CSL[type] ?? 'misc';
}
