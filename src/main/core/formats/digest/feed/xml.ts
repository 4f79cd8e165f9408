// A small, forgiving XML reader for feeds (RSS 0.9x/1.0/2.0, Atom). It builds a tree of
// elements with resolved namespaces, decodes character references and CDATA, skips
// comments, processing instructions and DOCTYPEs (no entity definitions are honoured, so
// no entity expansion attack), and recovers from the mismatched tags real feeds contain.
// Every step moves forward through the text with indexOf, so time is linear in its size;
// nesting deeper than MAX_DEPTH is flattened rather than followed.
import { decodeEntities } from '../shared/entities';
import { LineIndex } from '../shared/text';

export interface XmlElement {
  /** Namespace, as a short well-known name ("atom", "dc", "prism", "arxiv", "rss",
   * "rdf", "content") or the namespace URI, or "" for none. */
  ns: string;
  /** Local name without prefix: "creator" for "dc:creator". */
  local: string;
  /** Attributes by qualified name as written ("href", "rdf:about"), values decoded. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Offset of its "<" in the text. */
  offset: number;
}
export type XmlNode = XmlElement | string;

export interface XmlProblem {
  offset: number;
  message: string;
}

export interface XmlDocument {
  root?: XmlElement;
  problems: XmlProblem[];
  lines: LineIndex;
}

export const MAX_DEPTH = 256;
/** Past this many problems the rest are counted, not listed: a user fixes the first ones. */
export const MAX_PROBLEMS = 100;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

const KNOWN_NAMESPACES: Record<string, string> = {
  'http://www.w3.org/2005/Atom': 'atom',
  'http://purl.org/atom/ns#': 'atom',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://purl.org/rss/1.0/': 'rss',
  'http://my.netscape.com/rdf/simple/0.9/': 'rss',
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#': 'rdf',
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://arxiv.org/schemas/atom': 'arxiv',
  'http://a9.com/-/spec/opensearch/1.1/': 'opensearch',
};

function namespaceName(uri: string): string {
  if (KNOWN_NAMESPACES[uri] !== undefined) return KNOWN_NAMESPACES[uri];
  // PRISM has had several versioned URIs (1.2, 2.0, 2.1, 3.0).
  if (/^https?:\/\/prismstandard\.org\/namespaces\//.test(uri)) return 'prism';
  return uri;
}

interface OpenElement {
  element: XmlElement;
  qualified: string;
  /** Prefix → namespace name in force inside this element. */
  scope: Map<string, string>;
}

export function parseXml(text: string): XmlDocument {
  const lines = new LineIndex(text);
  const problems: XmlProblem[] = [];
  let unlisted = 0;
  const problem = (offset: number, message: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push({ offset, message });
    else unlisted++;
  };
  const rootScope = new Map<string, string>([
    ['xml', 'xml'],
    ['', ''],
  ]);
  const stack: OpenElement[] = [];
  /** How many elements of each qualified name are open, so a stray end tag costs O(1). */
  const openCounts = new Map<string, number>();
  let root: XmlElement | undefined;
  let i = 0;

  const append = (node: XmlNode): void => {
    const parent = stack[stack.length - 1];
    if (parent) parent.element.children.push(node);
  };
  const pop = (): void => {
    const closed = stack.pop()!;
    openCounts.set(closed.qualified, (openCounts.get(closed.qualified) ?? 1) - 1);
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      appendText(text.slice(i));
      break;
    }
    if (lt > i) appendText(text.slice(i, lt));
    if (text.startsWith('<!--', lt)) {
      i = skipPast(text, lt + 4, '-->');
    } else if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) {
        problem(lt, 'a CDATA section is not closed');
        append(text.slice(lt + 9));
        break;
      }
      append(text.slice(lt + 9, end));
      i = end + 3;
    } else if (text.startsWith('<?', lt)) {
      i = skipPast(text, lt + 2, '?>');
    } else if (text.startsWith('<!', lt)) {
      i = skipDeclaration(text, lt);
    } else if (text.startsWith('</', lt)) {
      const end = text.indexOf('>', lt);
      if (end < 0) break;
      const name = text.slice(lt + 2, end).trim();
      i = end + 1;
      if ((openCounts.get(name) ?? 0) === 0) {
        problem(lt, `the end tag </${name}> has no start tag`);
        continue;
      }
      while (stack.length > 0 && stack[stack.length - 1]!.qualified !== name) {
        problem(lt, `<${stack[stack.length - 1]!.qualified}> is not closed`);
        pop();
      }
      pop();
    } else {
      const tag = readStartTag(text, lt);
      if (tag === undefined) {
        // "<" that starts no tag (e.g. "a < b" in sloppy text): keep it as text.
        appendText('<');
        i = lt + 1;
        continue;
      }
      if (tag === 'unterminated') {
        problem(lt, 'a tag is not closed with ">"');
        break;
      }
      i = tag.end;
      const parentScope = stack[stack.length - 1]?.scope ?? rootScope;
      const scope = declareNamespaces(tag.attrs, parentScope);
      const element = makeElement(tag.name, tag.attrs, scope, lt);
      if (!root) root = element;
      else if (stack.length === 0) {
        problem(lt, 'content after the end of the document element');
        continue;
      }
      append(element);
      if (!tag.selfClosing) {
        if (stack.length >= MAX_DEPTH) {
          problem(lt, `elements are nested more than ${MAX_DEPTH} deep`);
          continue;
        }
        stack.push({ element, qualified: tag.name, scope });
        openCounts.set(tag.name, (openCounts.get(tag.name) ?? 0) + 1);
      }
    }
  }
  if (stack.length > 0) problem(text.length, `<${stack[0]!.qualified}> is not closed`);
  if (unlisted > 0) problems.push({ offset: text.length, message: `${unlisted} more problems like these` });
  return root ? { root, problems, lines } : { problems, lines };

  function appendText(raw: string): void {
    if (stack.length > 0) append(decodeEntities(raw));
  }
}

function skipPast(text: string, from: number, terminator: string): number {
  const end = text.indexOf(terminator, from);
  return end < 0 ? text.length : end + terminator.length;
}

/** <!DOCTYPE ...> with an optional [internal subset]; its definitions are ignored. */
function skipDeclaration(text: string, from: number): number {
  const close = text.indexOf('>', from);
  const bracket = text.indexOf('[', from);
  if (bracket >= 0 && (close < 0 || bracket < close)) {
    const subsetEnd = text.indexOf(']', bracket);
    return subsetEnd < 0 ? text.length : skipPast(text, subsetEnd, '>');
  }
  return close < 0 ? text.length : close + 1;
}

interface StartTag {
  name: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
  end: number;
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ATTRIBUTE = /\s*([A-Za-z_][\w.:-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>/=`]+)))?/y;

function readStartTag(text: string, lt: number): StartTag | 'unterminated' | undefined {
  NAME.lastIndex = lt + 1;
  const name = NAME.exec(text);
  if (!name) return undefined;
  let attrs = NO_ATTRIBUTES;
  let j = NAME.lastIndex;
  for (;;) {
    while (j < text.length && /\s/.test(text[j]!)) j++;
    if (j >= text.length) return 'unterminated';
    if (text[j] === '>') return { name: name[0], attrs, selfClosing: false, end: j + 1 };
    if (text.startsWith('/>', j)) return { name: name[0], attrs, selfClosing: true, end: j + 2 };
    ATTRIBUTE.lastIndex = j;
    const attribute = ATTRIBUTE.exec(text);
    if (!attribute || ATTRIBUTE.lastIndex === j) {
      // Garbage inside a tag: skip to its end rather than give up on the document.
      const end = text.indexOf('>', j);
      if (end < 0) return 'unterminated';
      return { name: name[0], attrs, selfClosing: text[end - 1] === '/', end: end + 1 };
    }
    if (attrs === NO_ATTRIBUTES) attrs = {};
    attrs[attribute[1]!] = decodeEntities(attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    j = ATTRIBUTE.lastIndex;
  }
}

function declareNamespaces(attrs: Record<string, string>, parent: Map<string, string>): Map<string, string> {
  let scope = parent;
  if (attrs === NO_ATTRIBUTES) return scope;
  for (const [name, value] of Object.entries(attrs)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    if (scope === parent) scope = new Map(parent);
    scope.set(name === 'xmlns' ? '' : name.slice(6), namespaceName(value));
  }
  return scope;
}

function makeElement(
  qualified: string,
  attrs: Record<string, string>,
  scope: Map<string, string>,
  offset: number,
): XmlElement {
  const colon = qualified.indexOf(':');
  const prefix = colon < 0 ? '' : qualified.slice(0, colon);
  const local = colon < 0 ? qualified : qualified.slice(colon + 1);
  // An undeclared prefix is read as the conventional one it almost always is ("dc", "prism").
  const ns = scope.get(prefix) ?? prefix;
  return { ns, local, attrs, children: [], offset };
}
