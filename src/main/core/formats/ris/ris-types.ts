// RIS reference types (TY) ↔ Sheaf ItemType. The table (also in docs/decisions/0033):
//
//   Sheaf → RIS                       RIS → Sheaf
//   article        JOUR               JOUR EJOUR MGZN NEWS INPR ABST   → article
//   inproceedings  CONF               CONF with a container, CPAPER    → inproceedings
//   proceedings    CONF               CONF without a container         → proceedings
//   incollection   CHAP               CHAP ECHAP ENCYC DICT            → incollection
//   inbook         CHAP (lossy)       BOOK EBOOK CLSWK                 → book
//   book           BOOK               EDBOOK                           → collection
//   collection     BOOK (lossy)       THES                             → thesis
//   thesis         THES               RPRT GOVDOC STAND                → report
//   report         RPRT               ELEC WEB BLOG                    → online
//   manual         GEN (lossy)        UNPB with an arXiv id            → preprint
//   online         ELEC               UNPB MANSCPT                     → unpublished
//   preprint       UNPB               DATA DBASE AGGR                  → dataset
//   dataset        DATA               COMP                             → software
//   software       COMP               PAT                              → patent
//   patent         PAT                JFULL SER                        → periodical
//   periodical     JFULL              GEN and the other RIS types      → misc
//   unpublished    UNPB
//   misc           GEN
//
// CONF rather than CPAPER and BOOK rather than EDBOOK because bibutils (and the tools
// built on it) do not know CPAPER or EDBOOK. A lossy row comes back from the Sheaf line.
import type { ItemType } from '../../../../shared/domain';

const TO_RIS: Record<ItemType, string> = {
  article: 'JOUR',
  inproceedings: 'CONF',
  proceedings: 'CONF',
  incollection: 'CHAP',
  inbook: 'CHAP',
  book: 'BOOK',
  collection: 'BOOK',
  thesis: 'THES',
  report: 'RPRT',
  manual: 'GEN',
  online: 'ELEC',
  preprint: 'UNPB',
  dataset: 'DATA',
  software: 'COMP',
  patent: 'PAT',
  periodical: 'JFULL',
  unpublished: 'UNPB',
  misc: 'GEN',
};

const FROM_RIS: Record<string, ItemType> = {
  JOUR: 'article',
  EJOUR: 'article',
  MGZN: 'article',
  NEWS: 'article',
  INPR: 'article',
  ABST: 'article',
  CPAPER: 'inproceedings',
  CHAP: 'incollection',
  ECHAP: 'incollection',
  ENCYC: 'incollection',
  DICT: 'incollection',
  BOOK: 'book',
  EBOOK: 'book',
  CLSWK: 'book',
  EDBOOK: 'collection',
  THES: 'thesis',
  RPRT: 'report',
  GOVDOC: 'report',
  STAND: 'report',
  ELEC: 'online',
  WEB: 'online',
  BLOG: 'online',
  MANSCPT: 'unpublished',
  DATA: 'dataset',
  DBASE: 'dataset',
  AGGR: 'dataset',
  COMP: 'software',
  PAT: 'patent',
  JFULL: 'periodical',
  SER: 'periodical',
};

/** RIS types with no closer Sheaf type than misc; known, so they raise no warning. */
const MISC_TYPES = new Set(
  'GEN ADVS ANCIENT ART BILL CASE CHART CTLG EQUA FIGURE GRANT HEAR ICOMM LEGAL MAP MPCT MULTI MUSIC PAMP PCOMM SLIDE SOUND STAT UNBILL VIDEO'.split(
    ' ',
  ),
);

export interface RisTypeContext {
  hasContainer: boolean;
  hasArxiv: boolean;
}

export function itemTypeToRis(type: ItemType): string {
  return TO_RIS[type];
}

export function isKnownRisType(type: string): boolean {
  const upper = type.toUpperCase();
  return Object.hasOwn(FROM_RIS, upper) || MISC_TYPES.has(upper) || upper === 'CONF' || upper === 'UNPB';
}

export function risTypeToItemType(type: string, context: RisTypeContext): ItemType {
  const upper = type.toUpperCase();
  if (upper === 'CONF') return context.hasContainer ? 'inproceedings' : 'proceedings';
  if (upper === 'UNPB') return context.hasArxiv ? 'preprint' : 'unpublished';
  return Object.hasOwn(FROM_RIS, upper) ? FROM_RIS[upper]! : 'misc';
}
