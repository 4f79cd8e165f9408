// Bytes to text for every importer: honour a BOM, accept valid UTF-8, honour an explicit
// coding declaration, read UTF-8 with a few stray bytes as UTF-8, else guess among the
// legacy encodings real .bib and mail files use.
import { createRequire } from 'node:module';
import type * as Chardet from 'chardet';
import type Iconv from 'iconv-lite';
import type { InputIssue } from '../../../shared/domain';
import { cjkEncoding } from './cjk-encodings';
import { SINGLE_BYTE_EUROPEAN, symbolsInWords } from './plausible-text';
import { issuesAt, type StrayByte, strayIssues, utf8WithStrays } from './utf8-strays';

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
  /** UTF-8 text's bytes that were not UTF-8, each read as Windows-1252 (utf8-strays.ts). */
  strays?: StrayByte[];
  /** NUL bytes the file ended in, left out of `text`. */
  nulPadding?: number;
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

export function decodeBytes(input: Uint8Array): DecodedText {
  const utf16 = decodeUtf16(input);
  if (utf16) return utf16;
  // A save cut short by a crash or a full disk can leave a file padded with NUL bytes: its
  // text is all there, and it is no binary file.
  const padding = trailingNuls(input);
  if (padding === 0) return decodeBytewise(input);
  return { ...decodeBytewise(input.subarray(0, input.length - padding)), nulPadding: padding };
}

/** The warnings of decoding, for an importer's report: stray bytes, NUL padding left out. */
export function warnOfDecoding(warnings: InputIssue[], decoded: DecodedText): void {
  const added = decoded.strays?.length ? strayIssues(decoded.text, decoded.strays) : [];
  if (decoded.nulPadding) {
    const count = decoded.nulPadding;
    const message = `the file ends in ${count} NUL byte${count === 1 ? '' : 's'}, as a save cut short by a crash or a full disk leaves it: left out`;
    added.push(...issuesAt(decoded.text, [{ offset: decoded.text.length, message }]));
  }
  if (added.length === 0) return;
  warnings.push(...added);
  warnings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function trailingNuls(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.length - end;
}

/** UTF-16, by its byte-order mark or by the NULs of ASCII-heavy text (its own NULs are text). */
function decodeUtf16(bytes: Uint8Array): DecodedText | undefined {
  const [a, b] = bytes;
  const bom = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : undefined;
  if (bom) {
    return { text: codecs().iconv.decode(Buffer.from(bytes.subarray(2)), bom), encoding: bom, basis: 'bom' };
  }
  const sniffed = sniffUtf16(bytes);
  if (!sniffed) return undefined;
  return { text: codecs().iconv.decode(Buffer.from(bytes), sniffed), encoding: sniffed, basis: 'guessed' };
}

/** Text in UTF-8 or a single- or double-byte legacy encoding. */
function decodeBytewise(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', basis: 'bom' };
  }
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
  const repaired = utf8WithStrays(bytes);
  if (repaired) return { ...repaired, encoding: 'utf-8', basis: 'utf-8' };
  const guessed = guessEncoding(bytes);
  return { text: codecs().iconv.decode(Buffer.from(bytes), guessed), encoding: guessed, basis: 'guessed' };
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
  // chardet is unreliable on short inputs; Cyrillic and the CJK encodings have structures
  // we can check. Cyrillic first: KOI8-R's small letters pair up into common GBK characters.
  const cyrillic = cyrillicEncoding(bytes);
  if (cyrillic) return cyrillic;
  const cjk = cjkEncoding(bytes, codecs().iconv);
  if (cjk) return cjk;
  // chardet's best guess, unless it is GB18030: the text is not what Chinese looks like.
  const guessed = codecs()
    .analyse(bytes)
    .find(
      ({ name, confidence }) =>
        confidence >= 10 && !['utf-8', 'gb18030', undefined].includes(GUESSABLE[name]),
    );
  const first = guessed ? GUESSABLE[guessed.name]! : 'windows-1252';
  return mostPlausible(bytes, [...new Set([first, ...SINGLE_BYTE_EUROPEAN])]);
}

/**
 * The candidate under which the text reads most like words: the fewest characters beside
 * a letter that are not letters themselves. Read as Windows-1252, Polish Latin-2 puts
 * symbols inside words ("\xa3ukasz" is "£ukasz", not "Łukasz"); read rightly, it has none.
 * Ties go to the earlier candidate. The first 64 KiB decide.
 */
function mostPlausible(bytes: Uint8Array, candidates: readonly string[]): string {
  const sample = Buffer.from(bytes.subarray(0, 65536));
  let best = candidates[0]!;
  let fewest = Infinity;
  for (const candidate of candidates) {
    const misfits = symbolsInWords(codecs().iconv.decode(sample, candidate));
    if (misfits < fewest) {
      best = candidate;
      fewest = misfits;
    }
  }
  // Text that reads the same either way ("Café" in Latin-2) is reported as the commonest.
  // Both map byte by byte, so the high bytes the text has decide, not a decoding of all of it.
  if (best !== 'windows-1252') {
    const high = Buffer.from([...new Set(bytes.filter((byte) => byte >= 0x80))]);
    if (codecs().iconv.decode(high, best) === codecs().iconv.decode(high, 'windows-1252'))
      return 'windows-1252';
  }
  return best;
}

/**
 * Russian text in Windows-1251 or KOI8-R: words made of bytes 0xC0-0xFF, where a Western
 * single-byte text has accented letters alone inside ASCII words. chardet misses it in short
 * text. The two tell apart by case: Windows-1251 has capitals at 0xC0-0xDF and small letters
 * at 0xE0-0xFF, KOI8-R the other way round, and words are mostly small letters.
 */
function cyrillicEncoding(bytes: Uint8Array): 'windows-1251' | 'koi8-r' | undefined {
  let high = 0;
  let inWords = 0;
  let upperHalf = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const start = i;
    while (i < bytes.length && bytes[i]! >= 0x80) i++;
    high += i - start;
    const word = bytes.subarray(start, i);
    if (word.length < 4 || word.some((byte) => byte < 0xc0)) continue;
    inWords += word.length;
    // After a word's first letter, which may be a capital.
    for (let j = 1; j < word.length; j++) if (word[j]! >= 0xe0) upperHalf++;
  }
  if (high === 0 || inWords < 0.6 * high) return undefined;
  return upperHalf * 2 >= inWords ? 'windows-1251' : 'koi8-r';
}
