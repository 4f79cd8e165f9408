// BibTeX name lists → Creators, by BibTeX's own rules: names split on "and" outside
// braces; "First von Last", "von Last, First", "von Last, Jr, First"; the von part is the
// run of lower-case words before the last name; `{Barnes and Noble}` is one literal; the
// final "and others" stays as a literal "others". Also biblatex's extended format
// (`family=Ackooij, given=W., prefix=van, useprefix=true`).
import type { Creator, CreatorRole } from '../../../../../shared/domain';
import { latexToUnicode } from '../latex/decode';
import { ACCENTS, LETTERS } from '../latex/tables';

export const OTHERS = 'others';

interface Token {
  start: number;
  end: number;
}

export function parseNameList(latex: string, role: CreatorRole): Creator[] {
  const creators: Creator[] = [];
  for (const name of splitOnAnd(latex)) {
    const creator = parseName(name, role);
    if (creator) creators.push(creator);
  }
  return creators;
}

export function parseName(source: string, role: CreatorRole): Creator | undefined {
  const name = source.trim();
  if (!name) return undefined;
  if (name === OTHERS) return { role, literal: OTHERS };
  const parts = splitTopLevel(name, ',').map((part) => part.trim());
  if (parts.length > 1 && parts.every((part) => EXTENDED_PART.test(part))) {
    const extended = parseExtendedName(parts, role);
    if (extended) return extended;
  }
  const [head = '', second, ...rest] = parts;
  if (parts.length === 1) return parseFirstVonLast(head, role);
  const { von, last } = splitVonLast(head);
  const creator: Creator = { role };
  setPart(creator, 'family', last);
  setPart(creator, 'prefix', von);
  if (parts.length === 2) setPart(creator, 'given', second ?? '');
  else {
    setPart(creator, 'suffix', second ?? '');
    setPart(creator, 'given', rest.join(', '));
  }
  if (!creator.family && !creator.given) return undefined;
  return creator;
}

function parseFirstVonLast(name: string, role: CreatorRole): Creator | undefined {
  const tokens = tokenize(name);
  const only = tokens[0];
  // `{World Health Organization}` is a literal; `{\l}` is BibTeX's special character "ł".
  if (
    tokens.length === 1 &&
    only &&
    isWhollyBraced(name.slice(only.start, only.end)) &&
    name[only.start + 1] !== '\\'
  ) {
    const literal = clean(name);
    return literal ? { role, literal } : undefined;
  }
  const count = tokens.length;
  let vonStart = -1;
  for (let i = 0; i < count - 1; i++) {
    if (tokenCase(name, tokens[i]!) === 'lower') {
      vonStart = i;
      break;
    }
  }
  const creator: Creator = { role };
  if (vonStart === -1) {
    setPart(creator, 'given', span(name, tokens, 0, count - 1));
    setPart(creator, 'family', span(name, tokens, count - 1, count));
  } else {
    let vonEnd = vonStart;
    for (let i = count - 2; i > vonStart; i--) {
      if (tokenCase(name, tokens[i]!) === 'lower') {
        vonEnd = i;
        break;
      }
    }
    setPart(creator, 'given', span(name, tokens, 0, vonStart));
    setPart(creator, 'prefix', span(name, tokens, vonStart, vonEnd + 1));
    setPart(creator, 'family', span(name, tokens, vonEnd + 1, count));
  }
  return creator.family || creator.given ? creator : undefined;
}

/** "von Last" before a comma: von runs from the start to the last lower-case word but one. */
function splitVonLast(text: string): { von: string; last: string } {
  const tokens = tokenize(text);
  let vonEnd = -1;
  for (let i = tokens.length - 2; i >= 0; i--) {
    if (tokenCase(text, tokens[i]!) === 'lower') {
      vonEnd = i;
      break;
    }
  }
  return {
    von: span(text, tokens, 0, vonEnd + 1),
    last: span(text, tokens, vonEnd + 1, tokens.length),
  };
}

const EXTENDED_PART = /^[a-z][a-z-]*\s*=/i;
const EXTENDED_KEYS = new Set(['family', 'given', 'prefix', 'suffix']);

function parseExtendedName(parts: string[], role: CreatorRole): Creator | undefined {
  const creator: Creator = { role };
  for (const part of parts) {
    const equals = part.indexOf('=');
    const key = part.slice(0, equals).trim().toLowerCase();
    if (!EXTENDED_KEYS.has(key)) continue;
    setPart(
      creator,
      key as 'family' | 'given' | 'prefix' | 'suffix',
      stripDelimiters(part.slice(equals + 1).trim()),
    );
  }
  return creator.family || creator.given ? creator : undefined;
}

function stripDelimiters(value: string): string {
  if ((value.startsWith('"') && value.endsWith('"')) || isWhollyBraced(value)) return value.slice(1, -1);
  return value;
}

function setPart(creator: Creator, part: 'family' | 'given' | 'prefix' | 'suffix', latex: string): void {
  const text = clean(latex);
  if (text) creator[part] = text;
}

/** Decoded, with the no-break spaces of `Van~Leer` read as spaces in a name. */
function clean(latex: string): string {
  return latexToUnicode(latex)
    .replace(/\u00a0/g, ' ')
    .trim();
}

function span(text: string, tokens: Token[], from: number, to: number): string {
  if (to <= from) return '';
  return text.slice(tokens[from]!.start, tokens[to - 1]!.end);
}

/** Splits on " and " (any case) outside braces. */
export function splitOnAnd(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 123) depth++;
    else if (code === 125) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isSpaceCode(code) && isAndAt(text, i + 1)) {
      names.push(text.slice(start, i));
      i += 4;
      start = i;
    }
  }
  names.push(text.slice(start));
  return names;
}

function isAndAt(text: string, at: number): boolean {
  const a = text.charCodeAt(at) | 0x20;
  const n = text.charCodeAt(at + 1) | 0x20;
  const d = text.charCodeAt(at + 2) | 0x20;
  return a === 97 && n === 110 && d === 100 && isSpaceCode(text.charCodeAt(at + 3));
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '\\') i++;
    else if (depth === 0 && ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Words separated by white space or `~` outside braces. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32;
    const separator = depth === 0 && (isSpaceCode(code) || code === 126);
    if (code === 123) depth++;
    else if (code === 125) depth = Math.max(0, depth - 1);
    if (separator) {
      if (start !== -1) tokens.push({ start, end: i });
      start = -1;
    } else if (start === -1) start = i;
  }
  return tokens;
}

function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export function isWhollyBraced(text: string): boolean {
  if (!text.startsWith('{') || !text.endsWith('}')) return false;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i === text.length - 1;
  }
  return false;
}

const UPPER_LETTER_COMMANDS = new Set(['OE', 'AE', 'AA', 'O', 'L', 'SS', 'DH', 'DJ', 'TH', 'NG']);

/**
 * The case of a word as BibTeX decides it: its first letter outside braces; a brace group
 * starting with a command (`{\"O}`) counts as that letter; other brace groups have no case.
 */
export function tokenCase(text: string, token: Token): 'lower' | 'upper' | 'none' {
  let i = token.start;
  while (i < token.end) {
    const ch = text[i]!;
    if (ch === '{') {
      if (text[i + 1] === '\\') return commandCase(text, i + 2, token.end);
      i = skipGroup(text, i, token.end);
      continue;
    }
    if (ch === '\\') return commandCase(text, i + 1, token.end);
    const kind = letterCase(ch);
    if (kind !== 'none') return kind;
    i++;
  }
  return 'none';
}

/** Case of `\"O`, `\v{r}`, `\L`...: the letter command itself, or the accented letter. */
function commandCase(text: string, at: number, end: number): 'lower' | 'upper' | 'none' {
  let i = at;
  while (i < end && /[A-Za-z]/.test(text[i]!)) i++;
  const name = i > at ? text.slice(at, i) : (text[at] ?? '');
  if (LETTERS[name] !== undefined) return UPPER_LETTER_COMMANDS.has(name) ? 'upper' : 'lower';
  if (ACCENTS[name] === undefined) return 'none';
  if (i === at) i++;
  for (; i < end; i++) {
    const ch = text[i]!;
    if (ch === '\\') return commandCase(text, i + 1, end);
    const kind = letterCase(ch);
    if (kind !== 'none') return kind;
  }
  return 'none';
}

function skipGroup(text: string, open: number, end: number): number {
  let depth = 0;
  for (let i = open; i < end; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return end;
}

function letterCase(ch: string): 'lower' | 'upper' | 'none' {
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper) return 'none';
  return ch === lower ? 'lower' : 'upper';
}
