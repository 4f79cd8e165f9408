// How much a decoding of bytes reads like text, for choosing among encodings that all decode.

/** The single-byte encodings of European .bib files, for when chardet's guess reads badly. */
export const SINGLE_BYTE_EUROPEAN = ['windows-1252', 'iso-8859-2', 'windows-1250', 'iso-8859-15'];

const LETTER = /[\p{L}\p{M}]/u;

/**
 * Non-ASCII characters beside a letter that are not letters themselves: "£ukasz" has one
 * ("\xa3ukasz" read as Windows-1252, not Latin-2). Text read in its own encoding has few.
 */
export function symbolsInWords(text: string): number {
  let misfits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || LETTER.test(text[i]!)) continue;
    if (LETTER.test(text[i - 1] ?? ' ') || LETTER.test(text[i + 1] ?? ' ')) misfits++;
  }
  return misfits;
}
