// Sheaf's own digest text (export/digest-txt.ts) read back exactly. Its layout is fixed:
// a title line, perhaps a date line, "N papers", then for each paper a title line and
// an abstract block (or "(no abstract)"), separated by blank lines. When a text has that
// layout to the letter, nothing needs guessing: a short abstract is not taken for a
// title, and no line is dropped as page noise (ADR 0054).
import { firstColumn } from '../shared/text';
import { NO_ABSTRACT_MARKER } from './noise';

const COUNT = /^(\d+) papers?$/;

export interface ExactPaper {
  title: string;
  abstract: string;
  line: number;
  column: number;
}

interface Block {
  lines: string[];
  line: number;
  column: number;
}

/** The papers of a text in Sheaf's digest layout, or undefined if it is not exactly that. */
export function readSheafLayout(lines: readonly string[]): ExactPaper[] | undefined {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) {
      current = undefined;
      return;
    }
    if (!current) blocks.push((current = { lines: [], line: index + 1, column: firstColumn(raw) }));
    current.lines.push(text);
  });
  const countAt = [1, 2].find((i) => blocks[i]?.lines.length === 1 && COUNT.test(blocks[i].lines[0]!));
  if (countAt === undefined || blocks[0]!.lines.length !== 1) return undefined;
  const expected = Number(COUNT.exec(blocks[countAt]!.lines[0]!)![1]);
  const body = blocks.slice(countAt + 1);
  if (body.length !== expected * 2) return undefined;
  const papers: ExactPaper[] = [];
  for (let i = 0; i < body.length; i += 2) {
    const [title, abstract] = [body[i]!, body[i + 1]!];
    if (title.lines.length !== 1) return undefined;
    const text = abstract.lines.join('\n');
    papers.push({
      title: title.lines[0]!,
      abstract: text === NO_ABSTRACT_MARKER ? '' : text,
      line: title.line,
      column: title.column,
    });
  }
  return papers;
}
