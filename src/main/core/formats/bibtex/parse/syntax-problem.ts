// A syntax error inside an entry: thrown by the readers, caught by the entry loop, which
// reports it (offset, entry) and resumes at `resumeAt` or at the end of the broken entry.
export class SyntaxProblem {
  constructor(
    readonly offset: number,
    readonly message: string,
    readonly resumeAt?: number,
  ) {}
}

/** A short quote of what the scanner found, for messages: `"💯"`, `"@"`. */
export function describe(text: string, at: number): string {
  const point = text.codePointAt(at);
  return point === undefined ? 'the end of the file' : JSON.stringify(String.fromCodePoint(point));
}
