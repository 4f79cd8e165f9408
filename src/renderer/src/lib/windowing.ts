// Which rows of a fixed-row-height list are on screen, in O(1) whatever the row count.
// Browsers cap an element's height (Chromium: ~33.5 million px), so past `maxSpacer` the
// scrollable height is scaled down and scroll positions are mapped back to rows.

export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  /** Rows rendered beyond each edge of the viewport. */
  overscan: number;
  /** Tallest scrollable height used; beyond it, scrolling is scaled. */
  maxSpacer?: number;
}

export interface WindowFrame {
  /** First and last (inclusive) rows to render; last < first when there are none. */
  first: number;
  last: number;
  /** Height of the scrollable content. */
  spacerHeight: number;
  /** Distance, in content pixels, from the top of the content to row `first`. */
  firstTop: number;
}

export const DEFAULT_MAX_SPACER = 30_000_000;

function scale(input: WindowInput): { spacer: number; ratio: number } {
  const real = input.count * input.rowHeight;
  const spacer = Math.min(real, input.maxSpacer ?? DEFAULT_MAX_SPACER);
  if (spacer === real || spacer <= input.viewportHeight) return { spacer, ratio: 1 };
  return { spacer, ratio: (real - input.viewportHeight) / (spacer - input.viewportHeight) };
}

export function frameFor(input: WindowInput): WindowFrame {
  const { rowHeight, count, overscan, viewportHeight } = input;
  const { spacer, ratio } = scale(input);
  if (count === 0) return { first: 0, last: -1, spacerHeight: 0, firstTop: 0 };
  const scrollTop = Math.max(0, Math.min(input.scrollTop, Math.max(0, spacer - viewportHeight)));
  const virtualTop = scrollTop * ratio;
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((virtualTop + viewportHeight) / rowHeight) + overscan - 1);
  return { first, last, spacerHeight: spacer, firstTop: scrollTop + (first * rowHeight - virtualTop) };
}

/** The scrollTop that brings row `index` fully into view (unchanged if it already is). */
export function scrollTopFor(input: WindowInput, index: number): number {
  const { rowHeight, viewportHeight } = input;
  const { ratio } = scale(input);
  const virtualTop = input.scrollTop * ratio;
  const rowTop = index * rowHeight;
  if (rowTop < virtualTop) return rowTop / ratio;
  if (rowTop + rowHeight > virtualTop + viewportHeight) return (rowTop + rowHeight - viewportHeight) / ratio;
  return input.scrollTop;
}

/** Rows that fit in the viewport (for Page Up / Page Down). */
export function rowsPerPage(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}
