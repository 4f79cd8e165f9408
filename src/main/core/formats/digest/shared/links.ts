// Links in abstracts ("Code is available at https://github.com/x/y."), cleaned to the real
// URL and given a kind. Abstracts are written for people, so URLs arrive glued to sentence
// punctuation, brackets, quotes and the remains of LaTeX \href{...}{...} and \url{...}.
import type { ItemLink, LinkKind } from '../../../../../shared/domain';

/** Hosts that are recognised even when written without a scheme ("github.com/x/y"). */
const BARE_HOSTS = String.raw`(?:www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+|(?:[a-z0-9-]+\.)*(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co|hf\.co|youtube\.com|youtu\.be|vimeo\.com|arxiv\.org|openreview\.net|zenodo\.org|kaggle\.com)|[a-z0-9-]+\.git(?:hub|lab)\.io)`;
// A URL runs until whitespace, a quote, angle bracket, brace, backslash or CJK punctuation.
const URL_BODY = String.raw`[^\s"<>{}\\|^\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]`;
const URL_CANDIDATE = new RegExp(
  String.raw`https?:\/\/${URL_BODY}+|(?<![\w@./:-])${BARE_HOSTS}(?:\/${URL_BODY}*)?`,
  'gi',
);
const TRAILING_PUNCTUATION = new Set([...".,;:!?*_~'`", '’', '”', '»', '›', '…', '。']);
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '>': '<' };

/** Every http(s) link in the text, cleaned, classified and without duplicates, in order. */
export function extractLinks(text: string | undefined): ItemLink[] {
  if (!text) return [];
  const links: ItemLink[] = [];
  const seen = new Set<string>();
  for (const token of urlLikeTokens(text)) {
    // exec rather than matchAll, which clones the expression on every call.
    URL_CANDIDATE.lastIndex = 0;
    for (let match = URL_CANDIDATE.exec(token); match; match = URL_CANDIDATE.exec(token)) {
      // Two URLs glued by a comma or nothing at all: "https://a.org,https://b.org".
      const parts = /.https?:\/\//i.test(match[0]) ? match[0].split(/(?=https?:\/\/)/i) : [match[0]];
      for (const part of parts) {
        const cleaned = normaliseUrl(part);
        if (!cleaned || seen.has(cleaned.url)) continue;
        seen.add(cleaned.url);
        links.push({ kind: classifyLink(cleaned.parsed), url: cleaned.url });
      }
    }
  }
  return links;
}

/** Markers without which a whitespace-delimited token cannot hold a URL we recognise. */
const MARKERS = ['/', 'www.', '.github.io', '.gitlab.io'];

/**
 * The whitespace-delimited tokens that contain a URL marker, found with indexOf so that
 * the URL pattern only runs where a URL can be; every character is visited a bounded
 * number of times whatever the text.
 */
function* urlLikeTokens(text: string): Generator<string> {
  const next = MARKERS.map((marker) => text.indexOf(marker));
  let from = 0;
  for (;;) {
    let at = -1;
    for (let m = 0; m < MARKERS.length; m++) {
      if (next[m]! >= 0 && next[m]! < from) next[m] = text.indexOf(MARKERS[m]!, from);
      if (next[m]! >= 0 && (at < 0 || next[m]! < at)) at = next[m]!;
    }
    if (at < 0) return;
    let start = at;
    while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
    let end = at;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    yield text.slice(start, end);
    from = end + 1;
  }
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 0xa0 || code === 0x3000
  );
}

/**
 * The real URL inside a candidate: trailing sentence punctuation, quotes and unbalanced
 * closing brackets removed, a scheme added where the text had none, scheme and host
 * lower-cased. Undefined when what is left is not an http(s) URL with a dotted host.
 */
export function cleanUrl(candidate: string): string | undefined {
  return normaliseUrl(candidate)?.url;
}

function normaliseUrl(candidate: string): { url: string; parsed: URL } | undefined {
  let url = candidate;
  for (;;) {
    const last = url[url.length - 1];
    if (last === undefined) return undefined;
    if (TRAILING_PUNCTUATION.has(last)) url = url.slice(0, -1);
    else if (last in CLOSERS && unbalanced(url, CLOSERS[last]!, last)) url = url.slice(0, -1);
    else break;
  }
  if (!/^https?:\/\//i.test(url)) url = `https://${url}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (!/\.[a-z]{2,}$/i.test(parsed.hostname)) return undefined;
  // Keep the path exactly as written; only scheme and host are case-insensitive.
  const schemeAndHost = /^https?:\/\/[^/?#]*/i.exec(url)![0];
  return { url: schemeAndHost.toLowerCase() + url.slice(schemeAndHost.length), parsed };
}

function unbalanced(text: string, open: string, close: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === open) depth++;
    else if (char === close) depth--;
  }
  return depth < 0;
}

const CODE_HOSTS = new Set([
  'github.com',
  'gist.github.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'sourceforge.net',
  'gitee.com',
]);
const VIDEO_HOSTS = new Set(['youtube.com', 'm.youtube.com', 'youtu.be', 'vimeo.com', 'bilibili.com']);
/** huggingface.co/<first segment> pages that are not a model repository. */
const HF_NON_MODEL = new Set([
  'papers',
  'docs',
  'blog',
  'models',
  'collections',
  'organizations',
  'posts',
  'learn',
  'tasks',
  'join',
  'login',
  'pricing',
  'api',
  'settings',
  'chat',
]);

/**
 * code: source hosts and Hugging Face Spaces (a Space is a git repository of a runnable
 * app); model: huggingface.co/<org>/<model>; dataset: huggingface.co/datasets and Kaggle
 * datasets; video: YouTube, Vimeo, Bilibili; pdf: .pdf files and arXiv/OpenReview PDF
 * pages; other: the paper's own arXiv/DOI/HF paper pages; project: any other site.
 */
export function classifyLink(url: string | URL): LinkKind {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return 'other';
  }
  const host = parsed.hostname.replace(/^www\./, '');
  const segments = parsed.pathname.split('/').filter(Boolean);
  const first = segments[0]?.toLowerCase();
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  if ((host === 'arxiv.org' || host === 'openreview.net') && first === 'pdf') return 'pdf';
  if (host === 'arxiv.org' || host === 'doi.org' || host === 'dx.doi.org') return 'other';
  if (CODE_HOSTS.has(host)) return 'code';
  if (VIDEO_HOSTS.has(host)) return 'video';
  if (host === 'huggingface.co' || host === 'hf.co') {
    if (first === 'datasets') return 'dataset';
    if (first === 'spaces') return 'code';
    if (segments.length >= 2 && first !== undefined && !HF_NON_MODEL.has(first)) return 'model';
    return 'other';
  }
  if (host === 'kaggle.com' && first === 'datasets') return 'dataset';
  return 'project';
}
