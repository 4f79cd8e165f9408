// A Hugging Face papers page saved as HTML. The page embeds its data as JSON in a
// `data-props="..."` attribute (the same paper objects the API returns): when that is there
// the papers come out complete. Otherwise the paper links (`<a href="/papers/<id>">Title</a>`)
// give titles and arXiv ids without abstracts. Otherwise a clear error says to paste the
// page's text instead.
import type { ImportFormat, ImportOptions, ParsedDigest, ParseResult } from '../../types';
import { toPartialIsoDate } from '../shared/dates';
import { decodeEntities } from '../shared/entities';
import { htmlToText } from '../shared/html-text';
import { checkReadable, emptyResult, failedResult, issue } from '../shared/result';
import { collapseWhitespace, LineIndex, stripBom } from '../shared/text';
import { paperData } from '../shared/paper';
import { commonPostingDate, findPaperArray, hfPaperData } from './hf-paper';

export const HF_HTML = 'hf-html';

export const hfHtmlFormat: ImportFormat = {
  id: HF_HTML,
  label: 'Hugging Face papers page (saved HTML)',
  extensions: ['html', 'htm'],
  detect: detectHfHtml,
  parse: parseHfHtml,
};

const HTML_START = /^\s*(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|title)\b/i;

export function looksLikeHtml(text: string): boolean {
  return HTML_START.test(text.slice(0, 4096));
}

function detectHfHtml(text: string): number {
  if (!looksLikeHtml(text)) return 0;
  const head = text.slice(0, 262144);
  return /huggingface|hf\.co/i.test(head) && /\/papers\/|dailyPapers/.test(head) ? 0.9 : 0.3;
}

const PASTE_TEXT_INSTEAD =
  'This is a web page saved as HTML, and Sheaf found no papers in it. Open the page in a browser, select all of its text, copy it and paste it into Sheaf instead.';

export function parseHfHtml(input: string, _options?: ImportOptions): ParseResult {
  const unreadable = checkReadable(input);
  if (unreadable) return failedResult(HF_HTML, unreadable);
  const text = stripBom(input);
  return (
    fromEmbeddedProps(text) ?? fromPaperLinks(text) ?? failedResult(HF_HTML, issue(1, 1, PASTE_TEXT_INSTEAD))
  );
}

/** Papers from the JSON the page embeds for its scripts, when there is any. */
function fromEmbeddedProps(text: string): ParseResult | undefined {
  const lines = new LineIndex(text);
  for (let at = text.indexOf('data-props="'); at >= 0; at = text.indexOf('data-props="', at + 1)) {
    const start = at + 'data-props="'.length;
    const end = text.indexOf('"', start);
    if (end < 0) break;
    let props: unknown;
    try {
      props = JSON.parse(decodeEntities(text.slice(start, end)));
    } catch {
      continue;
    }
    const entries = findPaperArray(props);
    if (!entries || entries.length === 0) continue;
    const { line, column } = lines.position(at);
    const result = emptyResult(HF_HTML);
    entries.forEach((entry, index) => {
      const mapped = hfPaperData(entry);
      if ('problem' in mapped) {
        result.errors.push(
          issue(line, column, `Paper ${index + 1} in the page data was skipped: ${mapped.problem}.`),
        );
        return;
      }
      result.records.push({ data: mapped.data, line });
      if (!mapped.data.abstract) {
        result.warnings.push(
          issue(line, column, 'The page gives no abstract for this paper.', mapped.data.title),
        );
      }
    });
    result.digest = pageDigest(props, entries);
    return result;
  }
  return undefined;
}

/** The page's own date (`props.date`) when it states one, else the common posting day. */
function pageDigest(props: unknown, entries: readonly unknown[]): ParsedDigest {
  const stated =
    typeof props === 'object' && props !== null && 'date' in props && typeof props.date === 'string'
      ? toPartialIsoDate(props.date)
      : undefined;
  if (stated) return { source: HF_HTML, date: stated, dateInferred: false };
  const date = commonPostingDate(entries);
  return date ? { source: HF_HTML, date, dateInferred: true } : { source: HF_HTML };
}

// <a ... href="/papers/2306.08543" ...>Title</a>, also with the full https://huggingface.co URL.
const PAPER_LINK =
  /<a\b[^<>]*?\bhref="(?:https?:\/\/huggingface\.co)?\/papers\/(\d{4}\.\d{4,5})(?:v\d+)?"[^<>]*>/gi;

/** Titles and arXiv ids from the page's paper links; the listing shows no abstracts. */
function fromPaperLinks(text: string): ParseResult | undefined {
  const lines = new LineIndex(text);
  const result = emptyResult(HF_HTML);
  const seen = new Set<string>();
  for (const match of text.matchAll(PAPER_LINK)) {
    const id = match[1]!;
    const contentStart = match.index + match[0].length;
    // A link's text is short; never scan further than this for its end.
    const close = text.slice(contentStart, contentStart + 4000).search(/<\/a\s*>/i);
    if (close < 0 || seen.has(id)) continue;
    const title = collapseWhitespace(htmlToText(text.slice(contentStart, contentStart + close)));
    // Thumbnails and comment counts link to the paper too; only a link with words is a title.
    if (!/\p{L}{2,}/u.test(title)) continue;
    seen.add(id);
    const { line, column } = lines.position(match.index);
    result.records.push({ data: paperData({ title, arxiv: id }), line });
    result.warnings.push(issue(line, column, 'The saved page has no abstract for this paper.', title));
  }
  if (result.records.length === 0) return undefined;
  result.digest = { source: HF_HTML };
  return result;
}
