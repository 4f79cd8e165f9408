// HTML fragments (feed descriptions, page snippets) to plain text in one linear pass:
// tags removed, script/style content dropped, block ends kept as line breaks, entities
// decoded after the tags are gone (so "&lt;script&gt;" stays text and never becomes a tag).
import { decodeEntities } from './entities';

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'ul',
]);
/** Elements whose content is not text a reader sees. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'template', 'noscript', 'head', 'title']);

export function htmlToText(html: string): string {
  const pieces: string[] = [];
  let lower: string | undefined;
  let i = 0;
  while (i < html.length) {
    const open = html.indexOf('<', i);
    if (open < 0) {
      pieces.push(textOf(html.slice(i)));
      break;
    }
    if (open > i) pieces.push(textOf(html.slice(i, open)));
    const tag = readTag(html, open);
    if (tag === 'not-a-tag') {
      pieces.push('<');
      i = open + 1;
      continue;
    }
    if (tag === 'unterminated') {
      pieces.push(textOf(html.slice(open)));
      break;
    }
    i = tag.end;
    if (BLOCK_TAGS.has(tag.name)) pieces.push('\n');
    if (!tag.closing && HIDDEN_CONTENT.has(tag.name)) {
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${tag.name}`, i);
      if (close < 0) break;
      const closeEnd = html.indexOf('>', close);
      i = closeEnd < 0 ? html.length : closeEnd + 1;
    }
  }
  return tidy(pieces.join(''));
}

/** Source line breaks inside HTML are spaces; only block elements break lines. */
function textOf(raw: string): string {
  return decodeEntities(raw.replace(/\s+/g, ' '));
}

interface Tag {
  name: string;
  closing: boolean;
  /** Offset just after the tag's ">". */
  end: number;
}

/** The tag starting at `open` ("<"), skipping quoted attribute values; comments too. */
function readTag(html: string, open: number): Tag | 'not-a-tag' | 'unterminated' {
  if (html.startsWith('<!--', open)) {
    const end = html.indexOf('-->', open + 4);
    return end < 0 ? 'unterminated' : { name: '!--', closing: false, end: end + 3 };
  }
  const nameMatch = /^<(\/?)([A-Za-z][A-Za-z0-9-]*|[!?])/.exec(html.slice(open, open + 64));
  if (!nameMatch) return 'not-a-tag';
  let quote = '';
  for (let j = open + nameMatch[0].length; j < html.length; j++) {
    const char = html[j]!;
    if (quote) {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return { name: nameMatch[2]!.toLowerCase(), closing: nameMatch[1] === '/', end: j + 1 };
    }
  }
  return 'unterminated';
}

/** Spaces collapsed within lines, blank lines removed, lines trimmed. */
function tidy(text: string): string {
  return text
    .replace(/[^\S\n]+/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}

/** True when a string contains real HTML markup, not just a "<" in running text. */
export function containsHtmlTags(text: string): boolean {
  return /<\/?(?:p|br|div|span|a|i|b|em|strong|sub|sup|img|ul|ol|li|h[1-6]|table|font|math|mi|mo|mn|blockquote|section|figure|code|pre)\b[^<>]*>/i.test(
    text,
  );
}
