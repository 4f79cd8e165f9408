// Which CSL variables carry which ItemData property or open field. Shared by the reader
// and the writer so the two directions cannot drift apart.
import type { ItemData } from '../../../../shared/domain';

/** CSL text variables with a column of their own in ItemData. */
export const COLUMN_VARIABLES: readonly [string, keyof ItemData & string][] = [
  ['title', 'title'],
  ['container-title', 'container'],
  ['volume', 'volume'],
  ['issue', 'issue'],
  ['page', 'pages'],
  ['publisher', 'publisher'],
  ['DOI', 'doi'],
  ['URL', 'url'],
  ['language', 'language'],
  ['abstract', 'abstract'],
];

/** CSL variables kept in ItemData.fields under a BibTeX-style name other formats share. */
export const FIELD_VARIABLES: readonly [string, string][] = [
  ['publisher-place', 'address'],
  ['edition', 'edition'],
  ['collection-title', 'series'],
  ['number', 'number'],
  ['ISBN', 'isbn'],
  ['ISSN', 'issn'],
  ['note', 'note'],
];

/** Other fields read from CSL are kept as `csl_<variable>`, and written back under their name. */
export const CSL_FIELD_PREFIX = 'csl_';

/** CSL 1.0.2 text and number variables not covered above: written back from `csl_` fields. */
export const OTHER_TEXT_VARIABLES: ReadonlySet<string> = new Set([
  'annote',
  'archive',
  'archive_collection',
  'archive_location',
  'archive-place',
  'authority',
  'call-number',
  'chapter-number',
  'citation-label',
  'collection-number',
  'container-title-short',
  'dimensions',
  'division',
  'event',
  'event-place',
  'event-title',
  'genre',
  'jurisdiction',
  'license',
  'medium',
  'number-of-pages',
  'number-of-volumes',
  'original-publisher',
  'original-publisher-place',
  'original-title',
  'page-first',
  'part-number',
  'part-title',
  'PMCID',
  'PMID',
  'printing-number',
  'references',
  'reviewed-genre',
  'reviewed-title',
  'scale',
  'section',
  'source',
  'status',
  'supplement-number',
  'title-short',
  'version',
  'volume-title',
  'year-suffix',
]);

/** CSL date variables; `issued` is ItemData.date, the others become `csl_<name>` fields. */
export const DATE_VARIABLES: readonly string[] = [
  'issued',
  'accessed',
  'available-date',
  'event-date',
  'original-date',
  'submitted',
];
