// BibTeX source to entries: @string/@preamble/@comment, brace- or parenthesis-delimited
// entries, `#` concatenation and macro expansion. A broken entry is reported (offset, key)
// and skipped; scanning resumes at its end or at the next line that opens an entry.
import type { RawBib, RawEntry, RawField, RawIssue } from './ast';
import { FieldNameTable } from './field-names';
import { MacroTable } from './macros';
import { Scanner } from './scanner';
import { describe, SyntaxProblem } from './syntax-problem';
import { ValueReader } from './value-reader';

const TAB = 9;
const SPACE = 32;
const PERCENT = 37;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COMMA = 44;
const EQUALS = 61;
const AT = 64;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;

export function parseBib(text: string): RawBib {
  return new BibParser(text).parse();
}

class BibParser {
  private readonly scanner: Scanner;
  private readonly macros = new MacroTable();
  private readonly result: RawBib = {
    text: '',
    entries: [],
    strings: {},
    preambles: [],
    comments: [],
    errors: [],
    warnings: [],
    brokenEntries: 0,
  };
  /** Key (or `@type`) of the entry being read, for issues. */
  private currentEntry: string | undefined;
  private readonly fieldNames = new FieldNameTable();
  private readonly values: ValueReader;

  constructor(text: string) {
    this.scanner = new Scanner(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
    this.values = new ValueReader(this.scanner, this.macros, (offset, message) => this.warn(offset, message));
    this.result.text = text;
  }

  parse(): RawBib {
    const s = this.scanner;
    const text = s.text;
    let freeStart = s.pos;
    while (s.pos < s.length) {
      const code = text.charCodeAt(s.pos);
      if (code === PERCENT) {
        this.keepFreeText(freeStart, s.pos);
        s.skipLine();
        freeStart = s.pos;
      } else if (code === AT && (s.pos === 0 || !isWordChar(text.charCodeAt(s.pos - 1)))) {
        this.keepFreeText(freeStart, s.pos);
        this.parseCommand();
        freeStart = s.pos;
      } else {
        s.pos++;
      }
    }
    this.keepFreeText(freeStart, s.length);
    return this.result;
  }

  /** Text between entries is kept as a comment so it can be written back (JabRef does). */
  private keepFreeText(start: number, end: number): void {
    if (end <= start) return;
    const free = this.scanner.text.slice(start, end).trim();
    if (free) this.result.comments.push(free);
  }

  /** At an `@`: read the type and dispatch. */
  private parseCommand(): void {
    const s = this.scanner;
    const at = s.pos;
    s.pos++;
    s.skipSpace();
    const type = s.readIdentifier();
    if (!type) {
      this.warn(at, 'stray "@" outside an entry ignored');
      return;
    }
    const lower = type.toLowerCase();
    if (lower === 'comment') {
      this.parseComment(at);
      return;
    }
    s.skipSpace();
    const open = s.pos;
    const delimiter = s.code();
    if (delimiter !== OPEN_BRACE && delimiter !== OPEN_PAREN) {
      this.currentEntry = `@${type}`;
      this.error(s.pos, `expected "{" or "(" after @${type}`);
      this.result.brokenEntries += lower === 'string' || lower === 'preamble' ? 0 : 1;
      return;
    }
    const close = delimiter === OPEN_BRACE ? CLOSE_BRACE : CLOSE_PAREN;
    s.pos++;
    this.currentEntry = `@${type}`;
    try {
      if (lower === 'string') this.parseString(close);
      else if (lower === 'preamble') this.parsePreamble(close);
      else this.parseEntry(type, at, close);
    } catch (problem) {
      if (!(problem instanceof SyntaxProblem)) throw problem;
      this.error(problem.offset, problem.message);
      if (lower !== 'string' && lower !== 'preamble') this.result.brokenEntries++;
      s.pos = Math.max(problem.resumeAt ?? s.findEntryEnd(open, close), problem.offset, open + 1);
    }
    this.currentEntry = undefined;
  }

  /**
   * `@comment{...}` is kept whole; `@comment Name` (no delimiter, as some old files use it)
   * is a one-line comment, and so is a `@comment{` whose braces never balance.
   */
  private parseComment(at: number): void {
    const s = this.scanner;
    while (s.code() === SPACE || s.code() === TAB) s.pos++;
    const delimiter = s.code();
    if (delimiter === OPEN_BRACE || delimiter === OPEN_PAREN) {
      const close = delimiter === OPEN_BRACE ? CLOSE_BRACE : CLOSE_PAREN;
      const end = s.scanBraced(s.pos, close);
      if (end >= 0) {
        this.result.comments.push(s.text.slice(s.pos + 1, end - 1));
        s.pos = end;
        return;
      }
      this.warn(at, '@comment is not closed before the next entry; read as a one-line comment');
      s.pos++;
    }
    const lineEnd = s.text.indexOf('\n', s.pos);
    const end = lineEnd === -1 ? s.length : lineEnd;
    const content = s.text.slice(s.pos, end).trim();
    if (content) this.result.comments.push(content);
    s.pos = end;
  }

  private parseString(close: number): void {
    const s = this.scanner;
    s.skipSpaceAndComments();
    const nameAt = s.pos;
    const name = s.readIdentifier();
    if (!name) throw new SyntaxProblem(nameAt, 'expected a macro name in @string');
    this.currentEntry = `@string ${name}`;
    s.skipSpaceAndComments();
    if (s.code() !== EQUALS) throw new SyntaxProblem(s.pos, `expected "=" after @string name "${name}"`);
    s.pos++;
    s.skipSpaceAndComments();
    const rawStart = s.pos;
    this.values.read(name);
    const value = this.values.expanded();
    const raw = s.text.slice(rawStart, this.values.rawEnd);
    this.expectClose(close, true);
    this.macros.define(name, value);
    this.result.strings[name] = raw;
  }

  private parsePreamble(close: number): void {
    const s = this.scanner;
    s.skipSpaceAndComments();
    const rawStart = s.pos;
    this.values.read('@preamble');
    const raw = s.text.slice(rawStart, this.values.rawEnd);
    this.expectClose(close, false);
    this.result.preambles.push(raw);
  }

  private expectClose(close: number, allowComma: boolean): void {
    const s = this.scanner;
    s.skipSpaceAndComments();
    if (allowComma && s.code() === COMMA) {
      s.pos++;
      s.skipSpaceAndComments();
    }
    if (s.code() !== close) throw new SyntaxProblem(s.pos, `expected "${String.fromCharCode(close)}"`);
    s.pos++;
  }

  private parseEntry(type: string, at: number, close: number): void {
    const s = this.scanner;
    s.skipSpaceAndComments();
    const keyAt = s.pos;
    let key = s.readKey(close);
    let pendingField: string | undefined;
    s.skipSpaceAndComments();
    this.currentEntry = key || `@${type}`;
    const next = s.code();
    if (next === EQUALS && key && isFieldName(key)) {
      // `@misc{title = {...}}`: no key at all, the first word was a field name.
      pendingField = key;
      key = '';
      s.pos = keyAt + pendingField.length;
    } else if (next === COMMA) {
      s.pos++;
    } else if (next !== close) {
      const found = s.atEnd() ? 'the end of the file' : describe(s.text, s.pos);
      throw new SyntaxProblem(s.pos, `expected "," after the citation key, found ${found}`);
    }
    const entry: RawEntry = { type, key, fields: [], offset: at };
    if (pendingField !== undefined) this.parseField(entry, pendingField, keyAt);
    this.parseFields(entry, close);
    this.result.entries.push(entry);
  }

  private parseFields(entry: RawEntry, close: number): void {
    const s = this.scanner;
    let needComma = entry.fields.length > 0;
    for (;;) {
      s.skipSpaceAndComments();
      const code = s.code();
      if (code === close) {
        s.pos++;
        return;
      }
      if (code === COMMA) {
        s.pos++;
        needComma = false;
        continue;
      }
      if (s.atEnd())
        throw new SyntaxProblem(entry.offset, `entry is not closed: missing "${closeText(close)}"`);
      if (code === AT && s.startsEntryAt(s.pos)) {
        const message = `entry is not closed before the next entry: missing "${closeText(close)}"`;
        throw new SyntaxProblem(s.pos, message, s.pos);
      }
      const nameAt = s.pos;
      const nameEnd = s.skipIdentifier();
      if (nameEnd === nameAt)
        throw new SyntaxProblem(s.pos, `expected a field name, found ${describe(s.text, s.pos)}`);
      const name = this.fieldNames.read(s.text, nameAt, nameEnd);
      // Two fields without a comma between them: BibTeX gives up here; we read on.
      if (needComma) this.warn(nameAt, `missing "," before field "${name}"`);
      this.parseField(entry, name, nameAt);
      needComma = true;
    }
  }

  private parseField(entry: RawEntry, name: string, nameAt: number): void {
    const s = this.scanner;
    s.skipSpaceAndComments();
    if (s.code() !== EQUALS) {
      const found = s.atEnd() ? 'the end of the file' : describe(s.text, s.pos);
      throw new SyntaxProblem(s.pos, `expected "=" after field name "${name}", found ${found}`);
    }
    s.pos++;
    s.skipSpaceAndComments();
    const rawStart = s.pos;
    const simple = this.values.read(name);
    const field: RawField = {
      name: name.toLowerCase(),
      offset: nameAt,
      rawStart,
      rawEnd: this.values.rawEnd,
      expanded: simple ? undefined : this.values.value,
    };
    entry.fields.push(field);
  }

  private error(offset: number, message: string): void {
    this.result.errors.push(this.issue(offset, message));
  }

  private warn(offset: number, message: string): void {
    this.result.warnings.push(this.issue(offset, message));
  }

  private issue(offset: number, message: string): RawIssue {
    return this.currentEntry === undefined
      ? { offset, message }
      : { offset, message, entry: this.currentEntry };
  }
}

/** `@` only opens an entry at a word boundary, so "name@example.org" in free text does not. */
function isWordChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127
  );
}

function isFieldName(word: string): boolean {
  return /^[A-Za-z][\w-]*$/.test(word);
}

function closeText(close: number): string {
  return String.fromCharCode(close);
}
