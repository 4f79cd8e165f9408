// Turns the lines of a pasted digest into paragraphs: runs of text lines, with page
// furniture removed (it separates paragraphs like a blank line does), each scored for how
// much it reads like prose. Remembers where the digest's date and header end were seen.
import { firstColumn } from '../shared/text';
import type { Paragraph } from './labelling';
import { noiseKind } from './noise';
import { proseScore, proseShape } from './prose';

export interface TextParagraph extends Paragraph {
  lines: string[];
  /** 1-based position of its first character. */
  line: number;
  column: number;
}

export interface DigestLayout {
  paragraphs: TextParagraph[];
  /** The first line that is nothing but a date, and its 1-based line number. */
  dateLine?: { text: string; line: number };
  /** Paragraph counts before each header terminator (a date line, "byAK and ...", "N papers"). */
  headerEnds: number[];
  /**
   * True when each line is a whole paragraph (as in the HF digest), false when prose is
   * hard-wrapped over several lines (as in mail). Decides whether a headline-like line
   * right under an abstract line starts a new paper or continues the abstract.
   */
  linesAreParagraphs: boolean;
}

const ENDS_SENTENCE = /[.!?:;]["'”’)\]]*$/;
const STARTS_LOWER = /^\p{Ll}/u;

export function layoutDigest(lines: readonly string[]): DigestLayout {
  const paragraphs: TextParagraph[] = [];
  const headerEnds: number[] = [];
  let dateLine: DigestLayout['dateLine'];
  let gap = true;
  let expectSubmitterName = false;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const text = raw.trim();
    if (!text) {
      gap = true;
      continue;
    }
    // "Submitted by" on its own line is followed by the submitter's user name.
    if (expectSubmitterName && /^[\w.-]+$/.test(text)) {
      expectSubmitterName = false;
      gap = true;
      continue;
    }
    const noise = noiseKind(text);
    expectSubmitterName = text.length === 12 && text.toLowerCase() === 'submitted by';
    if (noise === 'no-abstract') {
      paragraphs.push({
        lines: [],
        line: index + 1,
        column: firstColumn(raw),
        score: 0,
        newBlock: gap,
        forced: 'abstract',
      });
      gap = true;
      continue;
    }
    if (noise !== undefined) {
      if (noise === 'date' && !dateLine) dateLine = { text, line: index + 1 };
      if (noise === 'date' || noise === 'header-end') headerEnds.push(paragraphs.length);
      gap = true;
      continue;
    }
    const previous = paragraphs[paragraphs.length - 1];
    if (!gap && previous && !previous.forced && continuesSentence(previous, text)) {
      previous.lines.push(text);
    } else {
      paragraphs.push({ lines: [text], line: index + 1, column: firstColumn(raw), score: 0, newBlock: gap });
    }
    gap = false;
  }
  // Evidence for the layout: a line of several sentences that ends at a sentence end is a
  // whole paragraph; one that ends mid-sentence, or glued wrapped lines, are a hard wrap.
  let wholeLines = 0;
  let wrappedLines = 0;
  for (const paragraph of paragraphs) {
    if (paragraph.forced) continue;
    const text = paragraph.lines.length === 1 ? paragraph.lines[0]! : paragraph.lines.join(' ');
    const shape = proseShape(text);
    paragraph.score = proseScore(text, shape);
    if (paragraph.lines.length > 1) wrappedLines++;
    else if (shape.innerBreaks === 2) {
      if (shape.ending === 'stop' || shape.ending === 'url') wholeLines++;
      else wrappedLines++;
    }
  }
  const linesAreParagraphs = wholeLines >= 3 * wrappedLines;
  return dateLine
    ? { paragraphs, dateLine, headerEnds, linesAreParagraphs }
    : { paragraphs, headerEnds, linesAreParagraphs };
}

/** A line that starts in lower case after a line that ended mid-sentence is a wrapped line. */
function continuesSentence(previous: TextParagraph, text: string): boolean {
  return STARTS_LOWER.test(text) && !ENDS_SENTENCE.test(previous.lines[previous.lines.length - 1]!);
}

/**
 * How many leading paragraphs are the digest's own header (its title) rather than papers.
 * A header ends at a date line or "byAK and the research community" / "N papers", holds
 * at most three headline-like paragraphs, and is followed by a paper that starts with a
 * title. Without that last check a paper whose title sits above a date line would be
 * taken for the header.
 */
export function headerLength(layout: DigestLayout): number {
  const { paragraphs } = layout;
  const end = layout.headerEnds[0];
  if (end === undefined || end === 0 || end > 3) return 0;
  if (paragraphs.slice(0, end).some((paragraph) => paragraph.score > 0 || paragraph.forced)) return 0;
  const first = paragraphs[end];
  const second = paragraphs[end + 1];
  if (!first) return end;
  if (first.forced === 'abstract') return 0;
  const secondIsAbstract = second !== undefined && (second.score > 0 || second.forced === 'abstract');
  return first.score <= 0 || secondIsAbstract ? end : 0;
}
