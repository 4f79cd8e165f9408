// Offsets to 1-based line/column, computed only when an issue or a record needs one: the
// scanner itself never counts lines, which keeps its inner loops free of bookkeeping.
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

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
    const start = this.lineStarts()[this.line(offset) - 1]!;
    let column = 1;
    for (let i = start; i < offset; i++) {
      const code = this.text.charCodeAt(i);
      if (code < 0xdc00 || code > 0xdfff) column++;
    }
    return column;
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = [0];
      let at = this.text.indexOf('\n');
      while (at !== -1) {
        starts.push(at + 1);
        at = this.text.indexOf('\n', at + 1);
      }
      this.starts = starts;
    }
    return this.starts;
  }
}
