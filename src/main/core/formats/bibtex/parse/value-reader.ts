// One field value: pieces (`{..}`, `".."`, a number, a macro name) joined by `#`, with
// macros expanded as they are defined at that point of the file (BibTeX's rule).
import type { MacroTable } from './macros';
import { isDigit, isIdentifierChar, type Scanner } from './scanner';
import { describe, SyntaxProblem } from './syntax-problem';

const QUOTE = 34;
const HASH = 35;
const OPEN_BRACE = 123;

export class ValueReader {
  /** Offset just past the value as written (the last piece). */
  rawEnd = 0;
  /** The expansion, or undefined when the value is one delimited piece (see `expanded`). */
  value: string | undefined;
  private firstStart = 0;

  constructor(
    private readonly scanner: Scanner,
    private readonly macros: MacroTable,
    private readonly warn: (offset: number, message: string) => void,
  ) {}

  /**
   * One value: pieces (`{..}`, `".."`, number, macro) joined by `#`. Sets `rawEnd` and
   * `value`; returns true when the value is a single delimited piece, whose expansion is
   * the raw text minus its delimiters (then `value` is not computed: no string to keep).
   */
  read(fieldName: string): boolean {
    const s = this.scanner;
    const text = s.text;
    let value: string | undefined;
    let firstStart = -1;
    let pieces = 0;
    for (;;) {
      const start = s.pos;
      const code = s.code();
      if (code === OPEN_BRACE || code === QUOTE) {
        const end = code === OPEN_BRACE ? s.scanBraced(start) : s.scanQuoted(start);
        if (end < 0) this.unclosedValue(start, fieldName);
        s.pos = end;
        if (pieces === 0) firstStart = start;
        else value = (value ?? text.slice(firstStart + 1, this.rawEnd - 1)) + text.slice(start + 1, end - 1);
      } else {
        const word = this.parseWord(fieldName);
        value = pieces === 0 ? word : (value ?? text.slice(firstStart + 1, this.rawEnd - 1)) + word;
      }
      pieces++;
      this.rawEnd = s.pos;
      s.skipSpaceAndComments();
      if (s.code() !== HASH) break;
      s.pos++;
      s.skipSpaceAndComments();
    }
    this.value = value;
    this.firstStart = firstStart;
    return value === undefined;
  }

  /** The expanded value, sliced from the source only when asked for. */
  expanded(): string {
    return this.value ?? this.scanner.text.slice(this.firstStart + 1, this.rawEnd - 1);
  }

  /** A bare number, or a macro name (expanded; undefined macros keep their name). */
  private parseWord(fieldName: string): string {
    const s = this.scanner;
    const start = s.pos;
    if (!isIdentifierChar(s.code())) {
      const found = s.atEnd() ? 'the end of the file' : describe(s.text, start);
      throw new SyntaxProblem(start, `expected a value for field "${fieldName}", found ${found}`);
    }
    const word = s.readIdentifier();
    if (allDigits(word)) return word;
    const expansion = this.macros.lookup(word);
    if (expansion !== undefined) return expansion;
    this.warn(start, `undefined macro "${word}" in field "${fieldName}"; its name is kept as the value`);
    return word;
  }

  private unclosedValue(start: number, fieldName: string): never {
    const failure = this.scanner.failure;
    const why =
      failure.reason === 'unbalanced'
        ? 'has a "}" with no matching "{"'
        : failure.reason === 'eof'
          ? 'is not closed before the end of the file'
          : 'is not closed before the next entry';
    const resumeAt = failure.reason === 'unbalanced' ? undefined : failure.stop;
    throw new SyntaxProblem(start, `value of field "${fieldName}" ${why}`, resumeAt);
  }
}

function allDigits(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isDigit(word.charCodeAt(i))) return false;
  return word.length > 0;
}
