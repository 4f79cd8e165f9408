// Character references in XML and HTML text: numeric ones, the five XML ones, and the
// HTML named ones that feeds and pages actually use. Unknown names are left as written
// (never guessed), and no entity can expand to markup that is parsed again.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  shy: '\u00ad',
  zwnj: '\u200c',
  zwj: '\u200d',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  bull: '•',
  middot: '·',
  prime: '′',
  Prime: '″',
  dagger: '†',
  Dagger: '‡',
  sect: '§',
  para: '¶',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  minus: '−',
  le: '≤',
  ge: '≥',
  ne: '≠',
  asymp: '≈',
  approx: '≈',
  sim: '∼',
  infin: '∞',
  larr: '←',
  rarr: '→',
  harr: '↔',
  uarr: '↑',
  darr: '↓',
  rArr: '⇒',
  lArr: '⇐',
  hArr: '⇔',
  forall: '∀',
  exist: '∃',
  isin: '∈',
  notin: '∉',
  sum: '∑',
  prod: '∏',
  radic: '√',
  part: '∂',
  nabla: '∇',
  cap: '∩',
  cup: '∪',
  sub: '⊂',
  sup: '⊃',
  sube: '⊆',
  supe: '⊇',
  and: '∧',
  or: '∨',
  not: '¬',
  micro: 'µ',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  iexcl: '¡',
  iquest: '¿',
  ordf: 'ª',
  ordm: 'º',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  ccedil: 'ç',
  Ccedil: 'Ç',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  eth: 'ð',
  ETH: 'Ð',
  thorn: 'þ',
  THORN: 'Þ',
  oelig: 'œ',
  OElig: 'Œ',
  scaron: 'š',
  Scaron: 'Š',
  zcaron: 'ž',
  Zcaron: 'Ž',
  yuml: 'ÿ',
  Yuml: 'Ÿ',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  omicron: 'ο',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};

// Latin letters with the common diacritics: &eacute; &Uuml; &atilde; &ocirc; &igrave; ...
const DIACRITICS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a',
  cedil: '\u0327',
  caron: '\u030c',
};

const REFERENCE = /^(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}))$/;

function fromCodePoint(code: number): string {
  // NUL, surrogates and values past Unicode are not characters: use the replacement character.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

function named(name: string): string | undefined {
  const direct = NAMED[name];
  if (direct !== undefined) return direct;
  const match = /^([A-Za-z])(acute|grave|circ|tilde|uml|ring|cedil|caron)$/.exec(name);
  return match ? (match[1]! + DIACRITICS[match[2]!]!).normalize('NFC') : undefined;
}

/** The character a reference body ("amp", "#233", "#xE9") stands for, if it is one. */
function decodeReference(body: string): string | undefined {
  const match = REFERENCE.exec(body);
  if (!match) return undefined;
  if (match[1] !== undefined) return fromCodePoint(Number(match[1]));
  if (match[2] !== undefined) return fromCodePoint(parseInt(match[2], 16));
  return named(match[3]!);
}

/**
 * Decodes numeric references, XML's five and the common HTML names, in one pass (so
 * "&amp;lt;" becomes "&lt;", not "<"). Used for XML too: feeds are often written by HTML
 * tools and use &nbsp; or &eacute; although XML does not define them. Scans with indexOf
 * and reuses the position of the next ";" so that "&&&…;" stays linear.
 */
export function decodeEntities(text: string): string {
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  const pieces: string[] = [];
  let from = 0;
  let semi = -1;
  while (amp >= 0) {
    if (semi <= amp) semi = text.indexOf(';', amp + 1);
    if (semi < 0) break;
    const decoded = semi - amp <= 33 ? decodeReference(text.slice(amp + 1, semi)) : undefined;
    if (decoded !== undefined) {
      pieces.push(text.slice(from, amp), decoded);
      from = semi + 1;
    }
    amp = text.indexOf('&', decoded !== undefined ? from : amp + 1);
  }
  pieces.push(text.slice(from));
  return pieces.join('');
}
