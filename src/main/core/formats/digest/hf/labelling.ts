// Which paragraphs of a pasted digest are titles and which are abstracts. A digest is a
// sequence title, abstract, title, abstract...; the prose score of each paragraph says
// how it reads. Both are weighed together (a two-state Viterbi pass, linear time), so the
// alternation carries a paragraph whose punctuation is ambiguous, and a paragraph that
// clearly breaks the alternation (a title with no abstract) is still recognised.

export type Label = 'title' | 'abstract';

export interface Paragraph {
  /** Positive reads as prose, negative as a headline (see proseScore). */
  score: number;
  /** True when a blank line (or page furniture) separates it from the previous paragraph. */
  newBlock: boolean;
  /** Set when the text itself says what it is (the "(no abstract)" marker). */
  forced?: Label;
}

const TITLE = 0;
const ABSTRACT = 1;

/**
 * Cost of going from one label to the next, for [same block, new block]. Alternation is
 * free; a title followed by a title is a wrapped title inside a block and a title without
 * abstract across blocks; an abstract followed by an abstract is a wrapped line or
 * paragraph inside a block (free) and a suspicious extra paragraph across blocks.
 */
const TRANSITION: readonly (readonly (readonly [number, number])[])[] = [
  /* from title */ [
    [1.5, 3],
    [0, 0],
  ],
  /* from abstract */ [
    [3, 0],
    [0, 3],
  ],
];
/** A digest that starts with an abstract has lost a title: possible, but costly. */
const START: readonly [number, number] = [0, 4];

function emission(paragraph: Paragraph, label: number): number {
  if (paragraph.forced !== undefined) return (paragraph.forced === 'title') === (label === TITLE) ? 0 : 1e6;
  return label === TITLE ? Math.max(0, paragraph.score) : Math.max(0, -paragraph.score);
}

/**
 * The cheapest labelling of the paragraphs, in order. When lines are whole paragraphs, a
 * title may follow an abstract line without a blank line between them at no cost (a digest
 * pasted without blank lines); in hard-wrapped text that would cut an abstract in two.
 */
export function labelParagraphs(paragraphs: readonly Paragraph[], linesAreParagraphs = false): Label[] {
  const n = paragraphs.length;
  if (n === 0) return [];
  // back[i * 2 + label] = the label of paragraph i - 1 on the best path ending in `label`.
  const back = new Uint8Array(n * 2);
  let cost: [number, number] = [
    START[TITLE] + emission(paragraphs[0]!, TITLE),
    START[ABSTRACT] + emission(paragraphs[0]!, ABSTRACT),
  ];
  for (let i = 1; i < n; i++) {
    const paragraph = paragraphs[i]!;
    const block = paragraph.newBlock ? 1 : 0;
    const next: [number, number] = [0, 0];
    for (const label of [TITLE, ABSTRACT]) {
      const viaTitle = cost[TITLE] + TRANSITION[TITLE]![label]![block]!;
      const abstractToLabel =
        linesAreParagraphs && label === TITLE ? 0 : TRANSITION[ABSTRACT]![label]![block]!;
      const viaAbstract = cost[ABSTRACT] + abstractToLabel;
      back[i * 2 + label] = viaTitle <= viaAbstract ? TITLE : ABSTRACT;
      next[label] = Math.min(viaTitle, viaAbstract) + emission(paragraph, label);
    }
    cost = next;
  }
  const labels: Label[] = new Array<Label>(n);
  let label = cost[TITLE] <= cost[ABSTRACT] ? TITLE : ABSTRACT;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = label === TITLE ? 'title' : 'abstract';
    label = back[i * 2 + label]!;
  }
  return labels;
}
