// Tokens as the FTS5 'unicode61 remove_diacritics 2' tokenizer makes them: letters,
// digits and private-use characters form tokens; everything else separates them; case
// and combining diacritics are folded away. The query side and the in-memory matcher
// both use this, so they agree with the index.

const MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}\p{Co}]+/u;
const NON_ASCII = /[\u0080-\uffff]/;

export function foldForSearch(text: string): string {
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(MARKS, '').toLowerCase();
}

export function searchTokens(text: string): string[] {
  return foldForSearch(text)
    .split(SEPARATORS)
    .filter((token) => token.length > 0);
}
