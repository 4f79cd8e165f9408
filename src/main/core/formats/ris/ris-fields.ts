// RIS tags that carry one of ItemData's open fields. Notes, places, editions, series and
// ISBN/ISSN use the names other formats share (BibTeX's); every other tag Sheaf does not
// read is kept as ris_<tag> and written back under its own tag.

export const RIS_FIELD_PREFIX = 'ris_';

export const FIELD_FOR_TAG: Readonly<Record<string, string>> = {
  N1: 'note',
  CY: 'address',
  ET: 'edition',
  T3: 'series',
};

/** Field → tag for writing, including SN for both standard numbers. */
export const TAG_FOR_FIELD: ReadonlyMap<string, string> = new Map([
  ...Object.entries(FIELD_FOR_TAG).map(([tag, field]): [string, string] => [field, tag]),
  ['isbn', 'SN'],
  ['issn', 'SN'],
]);

/** Tags whose ris_ field must not be written back: they give a record its structure or are read as columns. */
const NOT_WRITABLE = new Set(['TY', 'ER', 'C8']);

const ISSN = /^\d{4}-?\d{3}[\dXx]$/;

/** SN holds an ISSN for serials and an ISBN for books; the value tells which. */
export function isbnOrIssn(value: string): 'isbn' | 'issn' {
  return ISSN.test(value.trim()) ? 'issn' : 'isbn';
}

/** "ris_m3" → "M3", when the field names a tag Sheaf may write back. */
export function tagForRisField(field: string): string | undefined {
  if (!field.startsWith(RIS_FIELD_PREFIX)) return undefined;
  const tag = field.slice(RIS_FIELD_PREFIX.length).toUpperCase();
  return /^[A-Z][A-Z0-9]$/.test(tag) && !NOT_WRITABLE.has(tag) ? tag : undefined;
}
