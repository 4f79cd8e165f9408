// LaTeX field text → the Unicode a user reads and searches: accents, special letters,
// symbols, common math, ligatures (`--`, ``` `` ```), braces dropped, whitespace collapsed
// (a blank line stays a paragraph break). Unknown commands are kept as written, so
// nothing is silently lost. One forward pass; recursion only into accent arguments,
// and that is capped, so deeply nested input cannot overflow the stack.
import {
  SILENT_COMMANDS,
  SWALLOWING_COMMANDS,
  TRANSPARENT_COMMANDS,
  VERBATIM_COMMANDS,
} from './command-kinds';
import {
  ACCENTS,
  CONTROL_SYMBOLS,
  LETTERS,
  MATH_SYMBOLS,
  SUBSCRIPTS,
  SUPERSCRIPTS,
  TEXT_SYMBOLS,
} from './tables';

const SYMBOLS = new Map<string, string>([...MATH_SYMBOLS, ...TEXT_SYMBOLS]);
const NEEDS_DECODING = /[\\{}$~`^_\t\n\r]|--|''| {2}|^ | $/;
const MAX_ARGUMENT_DEPTH = 16;
const NBSP = '\u00a0';

export function latexToUnicode(latex: string): string {
  if (!NEEDS_DECODING.test(latex)) return latex;
  return new LatexDecoder(latex, 0).run();
}

/** The form of text Sheaf stores: single spaces, blank lines as "\n\n", nothing at the ends. */
export function normalizeSpace(text: string): string {
  return text
    .replace(/[ \t\r\n]+/g, (run) => (run.indexOf('\n') !== run.lastIndexOf('\n') ? '\n\n' : ' '))
    .trim();
}

/**
 * Where a run of plain text ends: at a character the decoder acts on, or at a space that
 * is not a lone space between words. Found by the regex engine, which scans far faster than
 * a loop over char codes.
 */
const PLAIN_RUN_END = /[\\{}$~\-`'^_\t\r\n]| (?=[ \t\r\n]|$)/g;

const NO_SPACE = 0;
const SPACE = 1;
const PARAGRAPH = 2;

class LatexDecoder {
  private pos = 0;
  private out = '';
  private math = false;
  /** White space seen but not yet written: written only before more text, so none trails. */
  private pendingSpace = NO_SPACE;

  constructor(
    private readonly src: string,
    private readonly depth: number,
  ) {}

  run(): string {
    const src = this.src;
    while (this.pos < src.length) {
      const ch = src[this.pos]!;
      switch (ch) {
        case '\\':
          this.command();
          break;
        case '{':
        case '}':
          this.pos++;
          break;
        case '$':
          this.math = !this.math;
          this.pos++;
          break;
        case '~':
          this.append(NBSP);
          this.pos++;
          break;
        case '-':
          this.dashes();
          break;
        case '`':
        case "'":
          this.quotes(ch);
          break;
        case '^':
        case '_':
          if (this.math) this.script(ch);
          else this.emit(ch);
          break;
        case ' ':
        case '\t':
        case '\r':
        case '\n':
          this.space();
          break;
        default:
          this.plainRun();
      }
    }
    return this.out;
  }

  /** All output goes through here, so white space collapses without re-reading `out`. */
  private append(text: string): void {
    if (!text) return;
    if (this.pendingSpace !== NO_SPACE) {
      if (this.out) this.out += this.pendingSpace === PARAGRAPH ? '\n\n' : ' ';
      this.pendingSpace = NO_SPACE;
    }
    this.out += text;
  }

  /** Copies text up to the next character the decoder acts on (single spaces included). */
  private plainRun(): void {
    PLAIN_RUN_END.lastIndex = this.pos + 1;
    const end = PLAIN_RUN_END.exec(this.src)?.index ?? this.src.length;
    this.append(this.src.slice(this.pos, end));
    this.pos = end;
  }

  private emit(text: string): void {
    this.append(text);
    this.pos++;
  }

  /** A run of white space: one space, or a paragraph break if it holds a blank line. */
  private space(): void {
    const src = this.src;
    let newlines = 0;
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (ch === '\n') newlines++;
      else if (ch !== ' ' && ch !== '\t' && ch !== '\r') break;
      this.pos++;
    }
    this.addSpace(newlines >= 2 ? PARAGRAPH : SPACE);
  }

  private addSpace(kind: number): void {
    if (kind > this.pendingSpace) this.pendingSpace = kind;
  }

  private dashes(): void {
    if (this.math) {
      this.append('−');
      this.pos++;
      return;
    }
    const src = this.src;
    if (src.startsWith('---', this.pos)) {
      this.append('—');
      this.pos += 3;
    } else if (src.startsWith('--', this.pos)) {
      this.append('–');
      this.pos += 2;
    } else this.emit('-');
  }

  private quotes(ch: string): void {
    if (this.src[this.pos + 1] === ch) {
      this.append(ch === '`' ? '“' : '”');
      this.pos += 2;
    } else this.emit(ch);
  }

  /** `^2`, `_{ij}` in math: Unicode super/subscripts when every character has one. */
  private script(ch: string): void {
    this.pos++;
    const argument = this.readArgument();
    const table = ch === '^' ? SUPERSCRIPTS : SUBSCRIPTS;
    const decoded = this.decodeNested(argument, true);
    let mapped = '';
    for (const c of decoded) {
      const script = table[c];
      if (script === undefined) {
        mapped = '';
        break;
      }
      mapped += script;
    }
    if (mapped) this.append(mapped);
    else if (decoded === '∘' && ch === '^') this.append('°');
    else this.append([...decoded].length === 1 ? ch + decoded : `${ch}(${decoded})`);
  }

  private command(): void {
    const src = this.src;
    const start = this.pos;
    this.pos++;
    const name = this.readCommandName();
    if (!name) {
      this.append('\\');
      return;
    }
    const accent = ACCENTS[name];
    if (accent !== undefined) {
      this.accent(accent);
      return;
    }
    const letter = LETTERS[name];
    if (letter !== undefined) {
      this.append(letter);
      if (isLetter(name)) this.skipSpaces();
      return;
    }
    const control = CONTROL_SYMBOLS[name];
    if (control === ' ') this.addSpace(SPACE);
    else if (control !== undefined) this.append(control);
    if (control !== undefined) return;
    const symbol = SYMBOLS.get(name);
    if (symbol !== undefined) {
      this.append(symbol);
      // TeX eats the space after a control word (`\textendash y` is "–y"); logos like \TeX
      // are kept apart from the next word, which is what their authors meant.
      if (isLetter(name) && [...symbol].length === 1) this.skipSpaces();
      this.dropEmptyGroup();
      return;
    }
    if (TRANSPARENT_COMMANDS.has(name)) {
      this.skipSpaces();
      return; // the argument group follows and is read as ordinary text
    }
    if (SILENT_COMMANDS.has(name)) {
      this.skipSpaces();
      return;
    }
    if (SWALLOWING_COMMANDS.has(name)) {
      this.skipSpaces();
      this.readArgument();
      return;
    }
    if (VERBATIM_COMMANDS.has(name)) {
      this.skipSpaces();
      this.append(this.readVerbatimArgument());
      return;
    }
    if (name === 'href') {
      this.skipSpaces();
      this.readArgument();
      return; // the link text follows
    }
    if (name === 'enquote' || name === 'mkbibquote') {
      this.skipSpaces();
      if (src[this.pos] === '*') this.pos++;
      this.append('“' + this.decodeNested(this.readArgument(), false) + '”');
      return;
    }
    this.unknown(start);
  }

  /** An unknown command and the groups right after it are kept as written. */
  private unknown(start: number): void {
    const src = this.src;
    while (src[this.pos] === '{') {
      const end = groupEnd(src, this.pos);
      this.pos = end;
    }
    this.append(src.slice(start, this.pos).replace(/\s+/g, ' '));
  }

  private readCommandName(): string {
    const src = this.src;
    const start = this.pos;
    while (this.pos < src.length && isLetterCode(src.charCodeAt(this.pos))) this.pos++;
    if (this.pos > start) return src.slice(start, this.pos);
    if (this.pos < src.length) return src[this.pos++]!;
    return '';
  }

  private skipSpaces(): void {
    const src = this.src;
    while (
      src[this.pos] === ' ' ||
      src[this.pos] === '\t' ||
      src[this.pos] === '\n' ||
      src[this.pos] === '\r'
    )
      this.pos++;
  }

  /** `\TeX{}`: the empty group only ends the command name. */
  private dropEmptyGroup(): void {
    if (this.src.startsWith('{}', this.pos)) this.pos += 2;
  }

  /** Next TeX argument as source: a group's content, a command, or one character. */
  private readArgument(): string {
    this.skipSpaces();
    const src = this.src;
    const ch = src[this.pos];
    if (ch === undefined) return '';
    if (ch === '{') {
      const end = groupEnd(src, this.pos);
      const content = src.slice(this.pos + 1, Math.max(this.pos + 1, end - 1));
      this.pos = end;
      return content;
    }
    if (ch === '\\') {
      const start = this.pos;
      this.pos++;
      this.readCommandName();
      return src.slice(start, this.pos);
    }
    const point = src.codePointAt(this.pos)!;
    const text = String.fromCodePoint(point);
    this.pos += text.length;
    return text;
  }

  private readVerbatimArgument(): string {
    const src = this.src;
    const open = src[this.pos];
    if (open === '{') {
      const end = groupEnd(src, this.pos);
      const content = src.slice(this.pos + 1, Math.max(this.pos + 1, end - 1));
      this.pos = end;
      return content;
    }
    // \verb|...| and \path|...|: any delimiter character.
    if (open === undefined) return '';
    const close = src.indexOf(open, this.pos + 1);
    const end = close === -1 ? src.length : close;
    const content = src.slice(this.pos + 1, end);
    this.pos = Math.min(src.length, end + 1);
    return content;
  }

  private accent(mark: string): void {
    const argument = this.readArgument();
    const base = this.decodeNested(argument, this.math);
    if (!base) {
      this.append(SPACING_ACCENTS[mark] ?? mark);
      return;
    }
    const point = base.codePointAt(0)!;
    let first = String.fromCodePoint(point);
    if (first === 'ı') first = 'i';
    else if (first === 'ȷ') first = 'j';
    this.append((first + mark).normalize('NFC') + base.slice(point > 0xffff ? 2 : 1));
  }

  private decodeNested(source: string, math: boolean): string {
    if (this.depth >= MAX_ARGUMENT_DEPTH) return source.replace(/[{}]/g, '');
    const nested = new LatexDecoder(source, this.depth + 1);
    nested.math = math;
    return nested.run();
  }
}

/** Accents written with an empty argument (`\~{}`) are the spacing characters. */
const SPACING_ACCENTS: Record<string, string> = {
  '\u0303': '~',
  '\u0302': '^',
  '\u0301': '´',
  '\u0300': '`',
  '\u0308': '¨',
  '\u0304': '¯',
};

/**
 * Offset just past the group that opens at `open`, with LaTeX's view of braces: `\{` and
 * `\}` are characters, not grouping. An unclosed group runs to the end.
 */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const code = src.charCodeAt(i);
    if (code === 92) i++;
    else if (code === 123) depth++;
    else if (code === 125 && --depth === 0) return i + 1;
  }
  return src.length;
}

function isLetterCode(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLetter(name: string): boolean {
  return isLetterCode(name.charCodeAt(0));
}
