// Note preview: Markdown to HTML that is safe to insert. micromark leaves raw HTML as
// text and drops dangerous link protocols; DOMPurify then keeps only an allow-list of
// tags and attributes, and links only to http(s) or to items (`[[citekey]]`, which
// becomes an `#cite:` link the preview handles in JavaScript).
import DOMPurify from 'dompurify';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/** Same shape main uses to find a note's links (`[[key]]` or `[[key|label]]`). */
const WIKI_LINK = /\[\[([^[\]|\s]+)(?:\|([^\]]*))?\]\]/g;
export const CITE_PREFIX = '#cite:';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'blockquote',
  'pre',
  'code',
  'em',
  'strong',
  'del',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'input',
  'sup',
];
const ALLOWED_ATTR = ['href', 'title', 'type', 'checked', 'disabled', 'align'];
const SAFE_HREF = /^(?:https?:\/\/|#cite:)/i;

let hooked = false;
function purifier(): typeof DOMPurify {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (!SAFE_HREF.test(href)) node.removeAttribute('href');
        else if (href.startsWith(CITE_PREFIX)) node.setAttribute('class', 'cite-link');
        else node.setAttribute('rel', 'noopener noreferrer');
      }
      if (node.tagName === 'INPUT') {
        if (node.getAttribute('type') !== 'checkbox') node.remove();
        else node.setAttribute('disabled', '');
      }
    });
    hooked = true;
  }
  return DOMPurify;
}

const escapeMarkdown = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, (c) => `\\${c}`);

function linkLine(line: string): string {
  // Leave inline code alone: split around `code` spans.
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part.replace(WIKI_LINK, (_match, key: string, label?: string) => {
            const text = label?.trim() || key;
            return `[${escapeMarkdown(text)}](${CITE_PREFIX}${encodeURIComponent(key)})`;
          }),
    )
    .join('');
}

/** `[[key]]` → a Markdown link to `#cite:key`, outside code blocks and code spans. */
export function linkCitations(markdown: string): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (marker) {
        if (fence === null) fence = marker[0]!;
        else if (marker[0] === fence) fence = null;
        return line;
      }
      return fence === null ? linkLine(line) : line;
    })
    .join('\n');
}

export function renderNoteHtml(markdown: string): string {
  const html = micromark(linkCitations(markdown), {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return purifier().sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOWED_URI_REGEXP: SAFE_HREF,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}

/** The citation key of a preview link, or undefined for other links. */
export function citekeyOfHref(href: string): string | undefined {
  if (!href.startsWith(CITE_PREFIX)) return undefined;
  try {
    return decodeURIComponent(href.slice(CITE_PREFIX.length));
  } catch {
    return undefined;
  }
}
