// Chinese, Japanese and Korean double-byte encodings, told apart by their byte structure and
// by what the text reads as. chardet's statistics need more text than one .bib entry has
// (ADR 75).
import type Iconv from 'iconv-lite';
import { SINGLE_BYTE_EUROPEAN, symbolsInWords } from './plausible-text';

type Decode = (bytes: Uint8Array, encoding: string) => string;

type CjkEncoding = 'euc-jp' | 'euc-kr' | 'gb18030' | 'big5' | 'shift_jis';

/** The CJK double-byte encoding `text` is in, or undefined when it is none of them. */
export function cjkEncoding(text: Uint8Array, iconv: typeof Iconv): CjkEncoding | undefined {
  const decode: Decode = (input, encoding) => iconv.decode(Buffer.from(input), encoding);
  const bytes = sample(text);
  // Japanese and Korean first: EUC-JP and EUC-KR have GB2312's byte structure, and their
  // kanji and Hangul read as Chinese.
  if (looksLikeEucJp(bytes, decode)) return 'euc-jp';
  if (looksLikeKorean(bytes, decode)) return 'euc-kr';
  if (looksLikeGbk(bytes, decode)) return 'gb18030';
  if (looksLikeBig5(bytes, decode)) return 'big5';
  if (looksLikeShiftJis(bytes, decode)) return 'shift_jis';
  return undefined;
}

/** Bytes enough to decide on: the first 64 KiB, cut after an ASCII byte, not inside a character. */
function sample(bytes: Uint8Array): Uint8Array {
  const size = 65536;
  if (bytes.length <= size) return bytes;
  let end = size;
  while (end > size / 2 && bytes[end - 1]! >= 0x80) end--;
  return bytes.subarray(0, end);
}

/**
 * Japanese in EUC-JP: pairs of bytes 0xA1-0xFE (0x8E before a half-width katakana, 0x8F
 * before a three-byte JIS X 0212 character), with kana in the text, as nearly every Japanese
 * sentence has. Chinese and Korean text has the same structure, but its rows 0xA4 and 0xA5
 * (EUC-JP's hiragana and katakana) are kana in GB2312 too, or Jamo and numerals in EUC-KR:
 * neither language writes them. Text of kanji alone cannot be told from Chinese.
 */
function looksLikeEucJp(bytes: Uint8Array, decode: Decode): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const width = lead === 0x8f ? 3 : 2;
    if (lead !== 0x8e && lead !== 0x8f && (lead < 0xa1 || lead === 0xff)) return false;
    for (let k = 1; k < width; k++) {
      const trail = bytes[i + k];
      if (trail === undefined || trail < 0xa1 || trail === 0xff) return false;
    }
    i += width - 1;
  }
  const text = decode(bytes, 'euc-jp');
  return kanaShare(text) >= 0.1 && mostlyJapanese(text);
}

/**
 * Japanese in Shift_JIS: two-byte characters (lead 0x81-0x9F or 0xE0-0xFC, trail 0x40-0xFC
 * but 0x7F) that read as kana and kanji, where no European single-byte reading is clean: a
 * Western accented letter before ASCII ("Caf\xe9}") pairs up into a kanji too.
 */
function looksLikeShiftJis(bytes: Uint8Array, decode: Decode): boolean {
  let pairs = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    // Half-width katakana are single bytes 0xA1-0xDF.
    if (lead < 0x80 || (lead >= 0xa1 && lead <= 0xdf)) continue;
    const trail = bytes[i + 1];
    const validLead = (lead >= 0x81 && lead <= 0x9f) || (lead >= 0xe0 && lead <= 0xfc);
    if (!validLead || trail === undefined || trail < 0x40 || trail === 0x7f || trail > 0xfc) return false;
    pairs++;
    i++;
  }
  return pairs > 0 && mostlyJapanese(decode(bytes, 'shift_jis')) && noCleanSingleByteReading(bytes, decode);
}

/**
 * Hangul syllables that make up most Korean text: particles and endings (이 가 은 는 을 의 에
 * 로 다 하 한), the syllables of common Sino-Korean words (연구 분석 시스템 기반), and those of
 * common names (김 박 최 민 수 영). Korean titles and names here are 75-100% made of them;
 * GB2312 Chinese read as EUC-KR gives other syllables (0-33% of them in the tests' samples).
 */
const COMMON_HANGUL = new Set(
  '이가은는을를의에서로으와과도만고다며면여하한할함합해했된되될됨있없것수등및위대적인지기리자사시스정보연구성전제문부분상장주중화학방법용개발국어경영회관계생산동물원소실내공조신유모비교통결형태석안명단체선설미치점활향현검증평효율능력행변환처음말데마세반양요진차추출표품프그래터트컴퓨타네워크오우일입간강김박최윤임홍황송류배백허남심노곽권손민희준호혜아나빈종광승근규병찬욱철재혁훈숙순옥',
);

/**
 * Korean in EUC-KR or its superset CP949 (Windows' "Korean"): two-byte characters that read
 * as Hangul syllables, mostly common ones. GB2312 Chinese has the same structure (both bytes
 * 0xA1 or above), and EUC-KR's Hangul rows (leads 0xB0-0xC8) are the rows of GB2312's
 * commonest characters, so structure alone cannot tell them apart; the syllables can.
 */
function looksLikeKorean(bytes: Uint8Array, decode: Decode): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    // CP949 adds leads 0x81-0xFE with trails 0x41-0x5A, 0x61-0x7A and 0x81-0xFE.
    if (lead === 0x80 || lead === 0xff || trail === undefined || !isCp949Trail(trail)) return false;
    i++;
  }
  let hangul = 0;
  let common = 0;
  let other = 0;
  for (const char of decode(bytes, 'euc-kr')) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    if (code >= 0xac00 && code <= 0xd7a3) {
      hangul++;
      if (COMMON_HANGUL.has(char)) common++;
    } else {
      other++;
    }
  }
  return hangul > 0 && hangul >= 0.9 * (hangul + other) && common >= 0.6 * hangul;
}

function isCp949Trail(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x81 && byte <= 0xfe);
}

/**
 * GBK text is made of two-byte characters (lead 0x81-0xFE, trail 0x40-0xFE) that decode
 * mostly to CJK ideographs. Single-byte text can pair up the same way, most of all when it
 * is short, so two more checks, which Chinese text passes and other text mostly fails:
 * - Common Chinese characters (GB2312) have both bytes 0xA1 or above. A Western accented
 *   letter is followed by ASCII ("M\xfcller", "Caf\xe9}"), which reads as a rarer GBK
 *   character with an ASCII trail byte.
 * - Text is mostly its commonest characters: GB2312's punctuation (lead 0xA1-0xA9) and
 *   first level (0xB0-0xD7). Cyrillic letters (0xC0-0xFF in Windows-1251) pair up into
 *   GB2312 too, but mostly into the second level and the unused rows after it.
 */
function looksLikeGbk(bytes: Uint8Array, decode: Decode): boolean {
  let pairs = 0;
  let asciiTrails = 0;
  let common = 0;
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
    if (trail < 0x80) asciiTrails++;
    if ((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xd7)) common++;
    i++;
  }
  if (pairs === 0 || asciiTrails * 2 >= pairs || common * 2 < pairs) return false;
  return mostlyCjk(decode(bytes, 'gb18030'));
}

/**
 * Big5 (Traditional Chinese): two-byte characters whose trail byte is in 0x40-0x7E for
 * about a third of the common ones, which GBK text (checked first) seldom has. A Western
 * accented letter before ASCII pairs up the same way ("\xc4rger" is one Big5 character), but
 * alone; Chinese comes in words of several characters, most of them from Big5's first
 * level (leads 0xA4-0xC6).
 */
function looksLikeBig5(bytes: Uint8Array, decode: Decode): boolean {
  let pairs = 0;
  let inRuns = 0;
  let common = 0;
  let run = 0;
  const endRun = () => {
    if (run >= 2) inRuns += run;
    run = 0;
  };
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      endRun();
      continue;
    }
    const trail = bytes[i + 1];
    const validTrail =
      trail !== undefined && ((trail >= 0x40 && trail <= 0x7e) || (trail >= 0xa1 && trail <= 0xfe));
    if (lead < 0x81 || lead === 0xff || !validTrail) return false;
    pairs++;
    run++;
    if (lead >= 0xa4 && lead <= 0xc6) common++;
    i++;
  }
  endRun();
  if (pairs === 0 || inRuns * 2 < pairs || common * 2 < pairs) return false;
  // Western text whose accented letters alternate with ASCII ones pairs up into runs too
  // ("\xbcd\xbcb\xb3o" is "źdźbło" in Latin-2, three Big5 characters).
  return mostlyCjk(decode(bytes, 'big5')) && noCleanSingleByteReading(bytes, decode);
}

/**
 * No European single-byte encoding reads the bytes without a symbol inside a word. Text in
 * one of them reads cleanly in it; double-byte text read so is full of symbols.
 */
function noCleanSingleByteReading(bytes: Uint8Array, decode: Decode): boolean {
  return SINGLE_BYTE_EUROPEAN.every((encoding) => symbolsInWords(decode(bytes, encoding)) > 0);
}

/** The share of the text's non-ASCII characters that `kind` accepts (0 for ASCII text). */
function shareOf(text: string, kind: (code: number) => boolean): number {
  let matching = 0;
  let all = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) continue;
    all++;
    if (kind(code)) matching++;
  }
  return all === 0 ? 0 : matching / all;
}

function kanaShare(text: string): number {
  return shareOf(text, isKana);
}

/** Nine in ten of the text's non-ASCII characters are kana, CJK ideographs or CJK punctuation. */
function mostlyJapanese(text: string): boolean {
  return shareOf(text, (code) => isCjk(code) || isKana(code)) >= 0.9;
}

/** Nine in ten of the text's non-ASCII characters are CJK ideographs or CJK punctuation. */
function mostlyCjk(text: string): boolean {
  return shareOf(text, isCjk) >= 0.9;
}

function isCjk(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3000 && code <= 0x303f) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

function isKana(code: number): boolean {
  return code >= 0x3040 && code <= 0x30ff;
}
