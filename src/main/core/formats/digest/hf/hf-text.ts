// The Hugging Face trending/daily papers digest as text (the email, or the page copied
// and pasted): a header, then per paper a title paragraph and an abstract paragraph.
// See docs/decisions/0020-digest-text-parsing.md for how titles are told from abstracts.
import type { ImportFormat, ImportOptions, ParsedDigest, ParseResult } from '../../types';
import { parseDateLine, resolveDigestDate } from '../shared/dates';
import { paperData } from '../shared/paper';
import { checkReadable, emptyResult, failedResult, issue } from '../shared/result';
import { splitLines, stripBom } from '../shared/text';
import { looksLikeHtml, parseHfHtml } from './hf-html';
import { type Label, labelParagraphs } from './labelling';
import { headerLength, layoutDigest, type TextParagraph } from './paragraphs';
import { readSheafLayout } from './sheaf-layout';

export const HF_TEXT = 'hf-text';

export const hfTextFormat: ImportFormat = {
  id: HF_TEXT,
  label: 'Hugging Face papers digest (text)',
  extensions: ['txt', 'eml'],
  detect: detectHfText,
  parse: parseHfText,
};

const HF_MARKERS = /byAK and the research community|Get trending papers in your email inbox/i;
/** Starts of other formats this one must not claim. */
const OTHER_FORMAT =
  /^\s*(?:\[\s*[[{"\]]|\{\s*["}]|<[!?]|<(?:rss|feed|html|head|body)\b|@\w+\s*[{(]|TY {2}-|%0 |\\\\)/i;
const ARXIV_ENTRY = /^\\\\\s*\n\s*arXiv:\S/m;
/** Sheaf's own digest-txt export: a title line, perhaps a date line, then "103 papers". */
const SHEAF_DIGEST_HEADER = /^[^\r\n]*\r?\n\r?\n(?:[^\r\n]*\r?\n\r?\n)?\d+ papers?\r?\n(?:\r?\n|$)/;

/**
 * Cheap: reads the first 16 kB. Sure when the HF header is there; otherwise as sure as
 * the paragraphs alternate between headline-like and prose-like.
 */
function detectHfText(text: string): number {
  const head = stripBom(text.slice(0, 16384));
  if (HF_MARKERS.test(head)) return 0.95;
  if (SHEAF_DIGEST_HEADER.test(head)) return 0.9;
  if (OTHER_FORMAT.test(head) || ARXIV_ENTRY.test(head) || looksLikeHtml(head)) return 0.05;
  const lines = splitLines(head);
  if (head.length === 16384) lines.pop(); // the last line may be cut in the middle
  const { paragraphs } = layoutDigest(lines);
  let pairs = 0;
  for (let i = 0; i + 1 < paragraphs.length; i++) {
    if (paragraphs[i]!.score <= 0 && paragraphs[i + 1]!.score > 0) pairs++;
  }
  if (pairs >= 2 && pairs * 2 >= paragraphs.length * 0.6) return 0.6;
  return pairs >= 1 ? 0.3 : 0.05;
}

interface PaperDraft {
  title: string;
  abstract: string;
  line: number;
  column: number;
}

export function parseHfText(input: string, options: ImportOptions = {}): ParseResult {
  const unreadable = checkReadable(input);
  if (unreadable) return failedResult(HF_TEXT, unreadable);
  const text = stripBom(input);
  if (looksLikeHtml(text)) return parseHfHtml(text, options);

  const lines = splitLines(text);
  const layout = layoutDigest(lines);
  const header = headerLength(layout);
  const paragraphs = layout.paragraphs.slice(header);
  const result = emptyResult(HF_TEXT);
  // Sheaf's own export has a fixed layout: read it exactly rather than guess (ADR 0054).
  const exact = readSheafLayout(lines);
  const drafts =
    exact ?? assemble(paragraphs, labelParagraphs(paragraphs, layout.linesAreParagraphs), result);
  for (const draft of drafts) {
    result.records.push({
      data: paperData({ title: draft.title, abstract: draft.abstract }),
      line: draft.line,
    });
    if (!draft.abstract) {
      result.warnings.push(
        issue(
          draft.line,
          draft.column,
          'This paper has no abstract; it was imported with an empty abstract.',
          draft.title,
        ),
      );
    }
  }
  // Hard-wrapped prose with no blank lines at all cannot always be told from titles.
  const blocks = paragraphs.filter((paragraph) => paragraph.newBlock).length;
  if (!exact && !layout.linesAreParagraphs && blocks < result.records.length) {
    result.warnings.push(
      issue(
        1,
        1,
        'The abstracts are wrapped over several lines and no blank lines separate the papers; check that every paper was found.',
      ),
    );
  }
  if (result.records.length === 0 && result.errors.length === 0) {
    result.errors.push(
      issue(1, 1, 'No papers found: a digest lists each paper as a title line followed by its abstract.'),
    );
  }
  result.digest = digestInfo(layout.dateLine, header > 0 ? layout.paragraphs[0] : undefined, options);
  return result;
}

/** Papers from labelled paragraphs: a title starts a paper, abstracts attach to it. */
function assemble(
  paragraphs: readonly TextParagraph[],
  labels: readonly Label[],
  result: ParseResult,
): PaperDraft[] {
  const drafts: PaperDraft[] = [];
  let current: PaperDraft | undefined;
  let previous: Label | undefined;
  paragraphs.forEach((paragraph, index) => {
    const label = labels[index]!;
    if (label === 'title') {
      const title = paragraph.lines.join(' ');
      // A title wrapped onto a second line of the same block continues the title.
      if (current && previous === 'title' && !paragraph.newBlock) current.title += ` ${title}`;
      else drafts.push((current = { title, abstract: '', line: paragraph.line, column: paragraph.column }));
    } else if (!current) {
      if (paragraph.lines.length > 0) {
        result.errors.push(
          issue(
            paragraph.line,
            paragraph.column,
            'This paragraph reads as an abstract but no title comes before it; it was not imported.',
          ),
        );
      }
    } else if (paragraph.lines.length > 0) {
      const text = paragraph.lines.join('\n');
      const separator = paragraph.newBlock ? '\n\n' : '\n';
      current.abstract = current.abstract ? current.abstract + separator + text : text;
    }
    previous = label;
  });
  return drafts;
}

function digestInfo(
  dateLine: { text: string } | undefined,
  titleParagraph: TextParagraph | undefined,
  options: ImportOptions,
): ParsedDigest {
  const digest: ParsedDigest = { source: HF_TEXT };
  if (titleParagraph) digest.title = titleParagraph.lines.join(' ');
  const monthDay = dateLine ? parseDateLine(dateLine.text) : undefined;
  const resolved = monthDay ? resolveDigestDate(monthDay, options) : undefined;
  if (resolved) {
    digest.date = resolved.date;
    digest.dateInferred = resolved.inferred;
  }
  return digest;
}
