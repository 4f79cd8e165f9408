// Offsets in a text to 1-based line/column, computed only when an issue or a record needs
// one: the BibTeX scanner never counts lines, which keeps its inner loops free of
// bookkeeping. Every importer's byte-level warnings (formats/encoding.ts) use it too.
export class LineIndex {
  private starts: number[] | undefined;
  /** The last column computed: issues come in file order, so the next one continues from it. */
  private last = { line: 0, offset: 0, column: 1 };

  constructor(private readonly text: string) {}

  /** Line and column of `offset`. */
  at(offset: number): { line: number; column: number } {
    return { line: this.line(offset), column: this.column(offset) };
  }

  line(offset: number): number {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** Column in code points, as editors count them (an emoji is one column, not two). */
  column(offset: number): number {
    const line = this.line(offset);
    // Counting from the line start every time made many issues on one long line quadratic.
    const resume = this.last.line === line && this.last.offset <= offset;
    let column = resume ? this.last.column : 1;
    for (let i = resume ? this.last.offset : this.lineStarts()[line - 1]!; i < offset; i++) {
      const code = this.text.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) column++;
    }
    this.last = { line, offset, column };
    return column;
  }

  private lineStarts(): number[] {
    this.starts ??= lineStarts(this.text);
    return this.starts;
  }
}

/**
 * Where each line starts. A line ends at LF, CRLF or a lone CR, as editors count them: a file
 * saved on a classic Mac has no LF at all, and was one long line to its error messages.
 */
const LONE_CR = /\r(?!\n)/;

export function lineStarts(text: string): number[] {
  const starts = [0];
  if (!LONE_CR.test(text)) {
    // LF or CRLF: the lines start after each LF, found without a look at every character.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  const breaks = /\r\n?|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(breaks.lastIndex);
  return starts;
}
