// How much a paragraph reads like abstract prose rather than a title. Length is never
// used (one-sentence abstracts and 140-character titles both exist); punctuation and
// capitalisation are: abstracts are sentences, titles are headlines. Every check looks at
// the end of the text or stops early, so a paragraph of any size costs little.

/** Words that end in a full stop without ending a sentence ("vs. Humans", "Dr. Who"). */
const ABBREVIATION = /(?:^|[\s(])(?:vs|etc|e\.g|i\.e|cf|dr|mr|mrs|ms|prof|st|no|fig|eq|al|[A-Z])\.$/i;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']']);
const URL_TOKEN = /^(?:https?:\/\/|www\.|[\w.-]*(?:github\.com|huggingface\.co|\.github\.io)(?:\/|$))/i;
const SENTENCE_BREAK = /([.!?])["'”’)\]]*\s+["'“‘(]?[\p{Lu}\d]/gu;
const SMALL_WORDS = new Set(
  'a an and as at but by for from in into is it of on or over the to via vs with without are be can do does not we our than'.split(
    ' ',
  ),
);

export interface ProseShape {
  /** How the text ends: a full stop, a URL, "?"/"!", or no sentence punctuation. */
  ending: 'stop' | 'url' | 'question' | 'none';
  /** 2: a full stop followed by a new sentence inside; 1: only "?"/"!" ones; 0: none. */
  innerBreaks: number;
}

export function proseShape(paragraph: string): ProseShape {
  const text = paragraph.trim();
  const last = lastSignificantChar(text);
  let ending: ProseShape['ending'];
  const token = lastToken(text);
  // A URL is short; a megabyte without spaces is not one, and not worth a regex pass.
  if (token.length <= 2048 && URL_TOKEN.test(token)) ending = 'url';
  else if (last === '.' && !ABBREVIATION.test(text.slice(-8))) ending = 'stop';
  else if (last === '?' || last === '!') ending = 'question';
  else ending = last === '.' ? 'question' : 'none';
  return { ending, innerBreaks: innerSentenceBreaks(text) };
}

const ENDING_SCORE: Record<ProseShape['ending'], number> = { stop: 2, url: 2, question: -0.5, none: -2 };

/**
 * Positive: reads as prose (abstract). Negative: reads as a headline (title).
 * +2 ends with a full stop or a URL; −2 ends without sentence punctuation; −0.5 ends
 * with "?" or "!" (titles ask questions more often than abstracts end on one) or with an
 * abbreviation's full stop; +2 for a full-stop sentence break inside, +1 for a "?"/"!"
 * one; −1.5 when nearly every word is capitalised (Title Case), which prose never is.
 */
export function proseScore(paragraph: string, shape: ProseShape = proseShape(paragraph)): number {
  const score = ENDING_SCORE[shape.ending] + shape.innerBreaks;
  // Ending a sentence with sentences inside is prose whatever the capitals: skip the count.
  return score < 4 && isTitleCase(paragraph.trim()) ? score - 1.5 : score;
}

function lastSignificantChar(text: string): string | undefined {
  let end = text.length - 1;
  while (end >= 0 && CLOSERS.has(text[end]!)) end--;
  return text[end];
}

/** The text after the last space, looking back at most 2049 characters. */
function lastToken(text: string): string {
  const limit = Math.max(0, text.length - 2049);
  let start = text.length;
  while (start > limit && !isSpace(text.charCodeAt(start - 1))) start--;
  return text.slice(start);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x3000;
}

function innerSentenceBreaks(text: string): number {
  let found = 0;
  SENTENCE_BREAK.lastIndex = 0;
  for (let match = SENTENCE_BREAK.exec(text); match; match = SENTENCE_BREAK.exec(text)) {
    if (match[1] !== '.') found = 1;
    else if (!ABBREVIATION.test(text.slice(Math.max(0, match.index - 6), match.index + 1))) return 2;
  }
  return found;
}

/**
 * At least three words outside the small-word list, ≥ 80 % of them capitalised. The first
 * twenty such words decide, so reading stops at the fifth lower-case word: five of at
 * most twenty can never be under 20 %.
 */
function isTitleCase(text: string): boolean {
  let words = 0;
  let lower = 0;
  let i = 0;
  while (i < text.length && words < 20) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
    // Only the first characters matter: the initial, and whether it is a small word.
    const word = text.slice(start, Math.min(i, start + 16));
    const first = firstAlphanumeric(word);
    if (first === undefined || (i - start <= 7 && SMALL_WORDS.has(word.toLowerCase()))) continue;
    words++;
    const capitalised = first !== first.toLowerCase() || (first >= '0' && first <= '9');
    // Lower-case letters and caseless scripts both count as "not capitalised".
    if (!capitalised && ++lower > 4) return false;
  }
  return words >= 3 && lower <= words * 0.2;
}

/** The first letter or digit of a word ("(Deep" → "D"), or undefined when it has none. */
function firstAlphanumeric(word: string): string | undefined {
  for (const char of word) {
    if (
      (char >= '0' && char <= '9') ||
      char.toLowerCase() !== char.toUpperCase() ||
      char.charCodeAt(0) > 0x2e7f
    ) {
      return char;
    }
  }
  return undefined;
}
