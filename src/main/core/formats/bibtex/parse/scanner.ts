// Character-level reading of BibTeX source over char codes. Every loop moves forward
// only, and a delimited value stops at the first line that starts a new entry, so a
// missing brace costs one pass to the next entry, never a pass to the end of the file
// per broken entry (inputs may be hostile).

// Char codes as module-local constants: V8 inlines them; an enum object shared across
// modules costs a property load (a getter under some loaders) in every inner loop.
const TAB = 9;
const LINE_FEED = 10;
const FORM_FEED = 12;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const QUOTE = 34;
const HASH = 35;
const PERCENT = 37;
const APOSTROPHE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const EQUALS = 61;
const AT = 64;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

/** Why the last delimited scan failed; scans return -1 then (no result object per value). */
export interface ScanFailure {
  stop: number;
  reason: 'eof' | 'next-entry' | 'unbalanced';
}

export function isSpace(code: number): boolean {
  return (
    code === SPACE || code === LINE_FEED || code === TAB || code === CARRIAGE_RETURN || code === FORM_FEED
  );
}

/** BibTeX identifiers (types, field and macro names): anything but space and `"#%'(),={}`. */
export function isIdentifierChar(code: number): boolean {
  if (code <= SPACE) return false;
  switch (code) {
    case QUOTE:
    case HASH:
    case PERCENT:
    case APOSTROPHE:
    case OPEN_PAREN:
    case CLOSE_PAREN:
    case COMMA:
    case EQUALS:
    case OPEN_BRACE:
    case CLOSE_BRACE:
    case AT:
      return false;
    default:
      return true;
  }
}

export function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export class Scanner {
  readonly length: number;
  /** Set when scanBraced/scanQuoted return -1. */
  failure: ScanFailure = { stop: 0, reason: 'eof' };

  constructor(
    readonly text: string,
    public pos = 0,
  ) {
    this.length = text.length;
  }

  code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  atEnd(): boolean {
    return this.pos >= this.length;
  }

  skipSpace(): void {
    while (this.pos < this.length && isSpace(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** Inside entries, `%` starts a comment that runs to the end of the line. */
  skipSpaceAndComments(): void {
    for (;;) {
      this.skipSpace();
      if (this.text.charCodeAt(this.pos) !== PERCENT) return;
      this.skipLine();
    }
  }

  /** Moves to the start of the next line (or the end). */
  skipLine(): void {
    const newline = this.text.indexOf('\n', this.pos);
    this.pos = newline === -1 ? this.length : newline + 1;
  }

  /** Moves past an identifier; returns where it ends (== the start when there is none). */
  skipIdentifier(): number {
    while (this.pos < this.length && isIdentifierChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.pos;
  }

  readIdentifier(): string {
    const start = this.pos;
    while (this.pos < this.length && isIdentifierChar(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** A citation key runs to a space, a comma, `=`, a brace or the entry's closing delimiter. */
  readKey(close: number): string {
    const start = this.pos;
    while (this.pos < this.length) {
      const code = this.text.charCodeAt(this.pos);
      if (
        isSpace(code) ||
        code === COMMA ||
        code === EQUALS ||
        code === OPEN_BRACE ||
        code === CLOSE_BRACE ||
        code === close
      ) {
        break;
      }
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  /**
   * `{...}` starting at `start`: braces nest and are counted raw, as BibTeX counts them
   * (`\{` counts too). `close` lets @comment(...) end on a parenthesis at depth 0.
   * Returns the offset just past the closing delimiter, or -1 (see `failure`).
   */
  scanBraced(start: number, close = CLOSE_BRACE): number {
    const text = this.text;
    let depth = 0;
    for (let i = start + 1; i < this.length; i++) {
      const code = text.charCodeAt(i);
      if (code === OPEN_BRACE) depth++;
      else if (code === CLOSE_BRACE) {
        if (depth === 0 && close === CLOSE_BRACE) return i + 1;
        depth--;
      } else if (code === close && depth === 0) return i + 1;
      else if (code === LINE_FEED && this.startsEntryAt(i + 1)) {
        return this.fail(i + 1, 'next-entry');
      }
    }
    return this.fail(this.length, 'eof');
  }

  /** `"..."`: ends at a quote outside braces; a `}` closing more than it opened is an error. */
  scanQuoted(start: number): number {
    const text = this.text;
    let depth = 0;
    for (let i = start + 1; i < this.length; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) {
        if (depth === 0) return i + 1;
      } else if (code === OPEN_BRACE) depth++;
      else if (code === CLOSE_BRACE) {
        if (depth === 0) return this.fail(i, 'unbalanced');
        depth--;
      } else if (code === LINE_FEED && this.startsEntryAt(i + 1)) {
        return this.fail(i + 1, 'next-entry');
      }
    }
    return this.fail(this.length, 'eof');
  }

  private fail(stop: number, reason: ScanFailure['reason']): -1 {
    this.failure = { stop, reason };
    return -1;
  }

  /**
   * Does a line starting at `at` open an entry (`  @article{`)? This is the resync point
   * after errors and the guard that keeps an unclosed value from swallowing its neighbours.
   */
  startsEntryAt(at: number): boolean {
    const text = this.text;
    let i = at;
    while (i < this.length && (text.charCodeAt(i) === SPACE || text.charCodeAt(i) === TAB)) i++;
    if (text.charCodeAt(i) !== AT) return false;
    i++;
    if (!isAsciiLetter(text.charCodeAt(i))) return false;
    while (i < this.length && isIdentifierChar(text.charCodeAt(i))) i++;
    while (i < this.length && isSpace(text.charCodeAt(i))) i++;
    const code = text.charCodeAt(i);
    return code === OPEN_BRACE || code === OPEN_PAREN;
  }

  /**
   * After an error inside an entry: the end of the entry if its braces balance before the
   * next entry starts, else the start of that next entry (or the end of the text).
   */
  findEntryEnd(open: number, close: number): number {
    const end = this.scanBraced(open, close);
    return end >= 0 ? end : this.failure.stop;
  }

  /** Start of the next line that opens an entry, at or after `from`. */
  nextEntryLine(from: number): number {
    let at = from;
    while (at < this.length) {
      if (this.startsEntryAt(at)) return at;
      const newline = this.text.indexOf('\n', at);
      if (newline === -1) return this.length;
      at = newline + 1;
    }
    return this.length;
  }
}
