// JSON.parse gives values without positions; these helpers give back what a user needs to
// find a problem: where each element of a top-level array starts, and where a syntax error is.
import { LineIndex } from './text';

/** Offsets where the elements of a top-level JSON array start, in one linear scan. */
export function topLevelElementOffsets(text: string): number[] {
  const offsets: number[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 92 /* \ */) i++;
      else if (char === 34 /* " */) inString = false;
      continue;
    }
    if (char === 32 || char === 10 || char === 13 || char === 9) continue;
    if (depth === 1 && expectValue && char !== 93 /* ] */) {
      offsets.push(i);
      expectValue = false;
    }
    if (char === 34) inString = true;
    else if (char === 91 /* [ */ || char === 123 /* { */) {
      depth++;
      if (depth === 1 && char === 91) expectValue = true;
    } else if (char === 93 || char === 125) depth--;
    else if (char === 44 /* , */ && depth === 1) expectValue = true;
  }
  return offsets;
}

/** Line and column of a JSON.parse error, read from its message when V8 gives a position. */
export function jsonErrorPosition(text: string, error: unknown): { line: number; column: number } {
  const message = error instanceof Error ? error.message : '';
  const explicit = /line (\d+) column (\d+)/.exec(message);
  if (explicit) return { line: Number(explicit[1]), column: Number(explicit[2]) };
  const offset = /position (\d+)/.exec(message);
  if (offset) return new LineIndex(text).position(Number(offset[1]));
  return { line: 1, column: 1 };
}
