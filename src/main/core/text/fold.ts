// Text normalisation shared by sort keys, duplicate matching, citation keys and the
// quick-search matcher. Folding must agree with the search index's tokenizer
// (unicode61, remove_diacritics 2): NFKD, drop combining marks, lower-case.

const COMBINING_MARKS = /\p{M}/gu;
const NON_ASCII = /[\u0080-\uffff]/;
/** Letters with no decomposition that people still expect to fold. */
const EXTRA_FOLDS: Record<string, string> = {
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ß: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ı: 'i',
  þ: 'th',
  ð: 'd',
};
const EXTRA_FOLD_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'g');

/** Lower-case and strip diacritics ("Gödel" -> "godel"). */
export function fold(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(EXTRA_FOLD_PATTERN, (ch) => EXTRA_FOLDS[ch] ?? ch)
    .toLowerCase();
}

const LEADING_NOISE = /^[^\p{L}\p{N}]+/u;
const LEADING_ARTICLE = /^(?:the|an?)\s+/;
const SPACES = /\s+/g;

// ASCII twins of the Unicode patterns: most text is ASCII, and these are much faster.
const LEADING_NOISE_ASCII = /^[^a-z0-9]+/;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const NOT_ALNUM_ASCII = /[^a-z0-9]+/g;

/** Whitespace that SPACES would change: any but a lone space. */
const ODD_SPACE = /[^\S ]| {2}/;

/** A sort key: folded, leading punctuation and English articles dropped. */
export function sortKey(text: string | undefined | null): string {
  if (!text) return '';
  const ascii = !NON_ASCII.test(text);
  let folded = (ascii ? text.toLowerCase() : fold(text)).replace(
    ascii ? LEADING_NOISE_ASCII : LEADING_NOISE,
    '',
  );
  // Three sort keys per new item: most titles have single spaces only, and are not copied.
  if (ODD_SPACE.test(folded)) folded = folded.replace(SPACES, ' ');
  return folded.replace(LEADING_ARTICLE, '').trim();
}

/** Letters and digits only: two titles that differ in case, accents or punctuation match. */
export function matchKey(text: string | undefined | null): string {
  if (!text) return '';
  const ascii = !NON_ASCII.test(text);
  return fold(text).replace(ascii ? NOT_ALNUM_ASCII : NOT_ALNUM, '');
}

/** A 32-bit FNV-1a hash of a match key: a small index for finding candidate duplicates. */
export function matchHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
