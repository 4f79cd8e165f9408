// Bytes to text for every importer: honour a BOM, accept valid UTF-8, honour an explicit
// coding declaration, else guess among the legacy encodings real .bib and mail files use.
import { createRequire } from 'node:module';
import type * as Chardet from 'chardet';
import type Iconv from 'iconv-lite';

/**
 * The legacy-encoding libraries, loaded by the first text that needs them: valid UTF-8 (most
 * input) never does, and loading them took 50-60 ms of every `sheaf` start here.
 */
let legacy: { iconv: typeof Iconv; analyse: typeof Chardet.analyse } | undefined;
function codecs(): NonNullable<typeof legacy> {
  const load = createRequire(import.meta.url);
  legacy ??= {
    iconv: load('iconv-lite') as typeof Iconv,
    analyse: (load('chardet') as typeof Chardet).analyse,
  };
  return legacy;
}

export interface DecodedText {
  text: string;
  /** Canonical name of the encoding the text was decoded from, e.g. "utf-8", "windows-1252". */
  encoding: string;
  /** How the encoding was chosen. */
  basis: 'bom' | 'utf-8' | 'declared' | 'guessed';
}

export class BinaryInputError extends Error {
  constructor(readonly offset: number) {
    super(`this looks like a binary file, not text (control byte at offset ${offset})`);
    this.name = 'BinaryInputError';
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Encodings we will decode when guessing; chardet names mapped to iconv-lite names. */
const GUESSABLE: Record<string, string> = {
  'UTF-8': 'utf-8',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-15': 'iso-8859-15',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'KOI8-R': 'koi8-r',
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
};

/** Names people write in coding declarations, mapped to iconv-lite names. */
const DECLARED_ALIASES: Record<string, string> = {
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'latin-9': 'iso-8859-15',
  latin9: 'iso-8859-15',
  'iso-8859-15': 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  gbk: 'gbk',
  gb2312: 'gbk',
  gb18030: 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

export function decodeBytes(bytes: Uint8Array): DecodedText {
  const bom = decodeWithBom(bytes);
  if (bom) return bom;
  const utf16 = sniffUtf16(bytes);
  if (utf16)
    return { text: codecs().iconv.decode(Buffer.from(bytes), utf16), encoding: utf16, basis: 'guessed' };
  rejectBinary(bytes);
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8', basis: 'utf-8' };
  } catch {
    // not UTF-8: fall through to declarations and guessing
  }
  const declared = declaredEncoding(bytes);
  if (declared && codecs().iconv.encodingExists(declared)) {
    return {
      text: codecs().iconv.decode(Buffer.from(bytes), declared),
      encoding: declared,
      basis: 'declared',
    };
  }
  const guessed = guessEncoding(bytes);
  return { text: codecs().iconv.decode(Buffer.from(bytes), guessed), encoding: guessed, basis: 'guessed' };
}

function decodeWithBom(bytes: Uint8Array): DecodedText | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    const text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    return { text, encoding: 'utf-8', basis: 'bom' };
  }
  if (a === 0xff && b === 0xfe) {
    return {
      text: codecs().iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'),
      encoding: 'utf-16le',
      basis: 'bom',
    };
  }
  if (a === 0xfe && b === 0xff) {
    return {
      text: codecs().iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'),
      encoding: 'utf-16be',
      basis: 'bom',
    };
  }
  return undefined;
}

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII-heavy text. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** A text file has no NUL and few C0 control bytes; anything else is refused up front. */
function rejectBinary(bytes: Uint8Array): void {
  const n = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const byte = bytes[i]!;
    if (byte === 0) throw new BinaryInputError(i);
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) {
      controls++;
      if (controls > 8 && controls > n / 100) throw new BinaryInputError(i);
    }
  }
}

/** Emacs `-*- coding: x -*-`, JabRef `% Encoding: x`, TeXShop `% !TEX encoding = x`. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const match =
    /-\*-.*?coding:\s*([\w.-]+).*?-\*-/i.exec(head) ??
    /^%\s*Encoding:\s*([\w.-]+)/im.exec(head) ??
    /%\s*!TEX\s+encoding\s*=\s*([\w.-]+)/i.exec(head);
  if (!match?.[1]) return undefined;
  // Emacs appends the line-ending convention: "latin-9-unix".
  const name = match[1].toLowerCase().replace(/-(unix|dos|mac)$/, '');
  return DECLARED_ALIASES[name] ?? name;
}

function guessEncoding(bytes: Uint8Array): string {
  // chardet is unreliable on short inputs; Chinese text in GBK has a structure we can check.
  if (looksLikeGbk(bytes)) return 'gb18030';
  for (const candidate of codecs().analyse(bytes)) {
    const name = GUESSABLE[candidate.name];
    if (name && name !== 'utf-8' && candidate.confidence >= 10) return name;
  }
  return 'windows-1252';
}

/**
 * GBK text is made of two-byte characters (lead 0x81-0xFE, trail 0x40-0xFE) that decode
 * mostly to CJK ideographs; Western single-byte text has isolated accented letters. Those
 * can pair up too ("M\xfcller": 0xFC then "l" is a valid GBK character), but inside a word:
 * a letter before the "lead" and a letter as the "trail". Common Chinese characters (GB2312)
 * have trail bytes of 0xA1 and above, so when half the pairs look like that, it is not GBK.
 */
function looksLikeGbk(bytes: Uint8Array): boolean {
  let pairs = 0;
  let insideWords = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (
      lead === 0x80 ||
      lead === 0xff ||
      trail === undefined ||
      trail < 0x40 ||
      trail === 0x7f ||
      trail === 0xff
    ) {
      return false;
    }
    pairs++;
    if (i > 0 && isAsciiLetter(bytes[i - 1]!) && isAsciiLetter(trail)) insideWords++;
    i++;
  }
  if (pairs === 0 || insideWords * 2 >= pairs) return false;
  const text = codecs().iconv.decode(Buffer.from(bytes), 'gb18030');
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) continue;
    if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef)
    ) {
      cjk++;
    } else {
      other++;
    }
  }
  return cjk >= 0.9 * (cjk + other);
}

function isAsciiLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}
