// Line handling shared by the digest parsers: every issue they report needs a 1-based
// line and column, and every parser works line by line on text of any line-ending style.

/** Splits on CRLF, CR or LF; a trailing newline does not make an extra line. */
export function splitLines(text: string): string[] {
  // Splitting on a string is many times faster than on a regular expression.
  const lines = text.includes('\r') ? text.replace(/\r\n?/g, '\n').split('\n') : text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** 1-based column of the first non-blank character, so a message points at the text. */
export function firstColumn(line: string): number {
  const index = line.search(/\S/);
  return index < 0 ? 1 : index + 1;
}

/** Maps offsets to 1-based line/column pairs in O(log n) each, after one linear pass. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    if (!text.includes('\r')) {
      // indexOf is much faster than a character loop, and LF-only text is the common case.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

/** Collapses every run of whitespace (newlines included) into one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Drops a leading byte-order mark that survived decoding (pasted text can carry one). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
