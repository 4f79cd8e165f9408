// arXiv mails write author names with TeX accents (J\"org, Jos\'e, {\c C}elik). Names are
// shown and searched, so they are decoded to Unicode; titles and abstracts stay as written.

const COMBINING: Record<string, string> = {
  '"': '\u0308',
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
};

const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  aa: 'å',
  AA: 'Å',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};

// \"u  \"{u}  \c{c}  \c c  \'{\i}  and the letter commands \ss \o \l ...
const ACCENT =
  /\\(["'`^~=.])\s*(?:\{\s*(\\?[A-Za-z])\s*\}|(\\?[A-Za-z]))|\\([uvHckr])(?:\s*\{\s*(\\?[A-Za-z])\s*\}|\s+([A-Za-z]))/g;
const LETTER = /\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])\s?/g;

function dotted(name: string): string {
  if (name === 'i' || name === 'j') return name;
  return LETTERS[name] ?? name;
}

/** Decodes TeX accent commands and removes the grouping braces around them. */
export function decodeTexAccents(text: string): string {
  if (!text.includes('\\')) return text;
  const decoded = text
    .replace(ACCENT, (whole, mark1: string, braced1, bare1, mark2: string, braced2, bare2) => {
      const mark = COMBINING[mark1 ?? mark2];
      const base = String(braced1 ?? bare1 ?? braced2 ?? bare2 ?? '');
      if (!mark || !base) return whole;
      // Accents go on a plain i or j, not on the dotless letters TeX needs for them.
      const letter = base.startsWith('\\') ? dotted(base.slice(1)) : base;
      return (letter + mark).normalize('NFC');
    })
    .replace(LETTER, (_whole, name: string) => LETTERS[name] ?? name);
  // "{ü}" → "ü": braces only protected the accent.
  return decoded.replace(/\{([^{}\\]*)\}/g, '$1');
}
