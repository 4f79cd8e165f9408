// Escaping for the digest exporters. Every string that came from an import is untrusted:
// it is written as text, never as markup, and only http(s) URLs are ever linked.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for HTML element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return closeBidi(text).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * The text with every bidi embedding, override or isolate it opens closed at its end, so
 * that a right-to-left override inside a title cannot reorder what the export writes
 * after it (the link, the next field): the text itself is kept.
 */
export function closeBidi(text: string): string {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  const open: string[] = [];
  for (const char of text) {
    if ('\u202A\u202B\u202D\u202E'.includes(char)) open.push('\u202C');
    else if ('\u2066\u2067\u2068'.includes(char)) open.push('\u2069');
    else if ((char === '\u202C' || char === '\u2069') && open.at(-1) === char) open.pop();
  }
  return text + open.reverse().join('');
}

/**
 * The URL if it is an absolute http(s) URL, normalised by the WHATWG parser (which
 * percent-encodes spaces, quotes and angle brackets); undefined for javascript:, data:,
 * relative and malformed URLs.
 */
export function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  if (!parsed.hostname) return undefined;
  return parsed.href;
}

// Backslash-escapable characters that start Markdown/GFM inline constructs anywhere:
// emphasis, code, links and images, autolinks and raw HTML, entities, tables, strikethrough.
const MARKDOWN_INLINE = /[\\`*_[\]<>&|~]/g;

/**
 * Text that renders as itself in CommonMark/GFM: inline metacharacters are escaped, and
 * so is whatever would start a block at the beginning of a line (heading, list, quote,
 * thematic break). Line breaks are kept; leading spaces are dropped so nothing becomes a
 * code block.
 */
export function escapeMarkdown(text: string): string {
  return closeBidi(text)
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(MARKDOWN_INLINE, '\\$&')
        .replace(/^([#+=-])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** A URL inside Markdown link syntax "(...)" or "<...>": parentheses and spaces encoded. */
export function markdownUrl(url: string): string {
  return url.replace(
    /[()<> ]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
